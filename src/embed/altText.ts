/**
 * The words for a picture of the map (the noscript fallback, the social preview's description):
 * what the view shows, e.g. "Arcs from Beijing and Tianjin to Hebei, Pharmaceuticals,
 * 2014–2017: 11 records; largest: Beijing → Cangzhou (Pharmaceuticals), 7 projects."
 *
 * Pure: `altText` words a small summary; `altSummary` makes that summary from the view model.
 * Names come from the data and are returned as text (callers set attributes, never HTML).
 */
import type { Arc } from '../selectors/arcs.ts';
import type { Lang, ViewState } from '../state/viewState.ts';
import { hasMessage, t, type MessageKey } from '../i18n/index.ts';
import { formatNumber, formatPeriod, formatValue } from '../i18n/format.ts';
import { endName, type Names } from '../i18n/names.ts';

/** At most this many industries are named; the rest are counted. */
const MAX_INDUSTRIES = 3;

export interface AltSummary {
  /** Names of the origins shown (e.g. Beijing, Tianjin). */
  origins: string[];
  /** Name of the destination (Hebei, or the prefecture filtered on). */
  destination: string;
  /** Names of the industries filtered on; empty = all. */
  industries: string[];
  years: readonly [number, number];
  records: number;
  largest: { from: string; to: string; industry: string; value: string } | null;
}

/** "A and B", "A, B and C" / "A、B、C". */
export function joinNames(lang: Lang, names: readonly string[]): string {
  if (lang === 'zh') return names.join('、');
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

export function altText(lang: Lang, s: AltSummary): string {
  const named = s.industries.slice(0, MAX_INDUSTRIES);
  const rest = s.industries.length - named.length;
  const industries = !s.industries.length
    ? t(lang, 'alt.allIndustries')
    : rest > 0 ? t(lang, 'alt.more', { names: named.join(lang === 'zh' ? '、' : ', '), rest }) : joinNames(lang, named);
  const recordsKey: MessageKey = s.records === 1 && hasMessage(lang, 'alt.records.one') ? 'alt.records.one' : 'alt.records';
  const records = s.records === 0 ? t(lang, 'alt.none') : t(lang, recordsKey, { n: formatNumber(lang, s.records) });
  const head = t(lang, 'alt.arcs', {
    origins: joinNames(lang, s.origins), dest: s.destination, industries, years: formatPeriod(lang, s.years[0], s.years[1]), records,
  });
  const largest = s.largest ? t(lang, 'alt.largest', s.largest) : '';
  return `${head}${largest}${t(lang, 'alt.end')}`;
}

export interface AltInputs {
  state: Pick<ViewState, 'origin' | 'dest' | 'industry' | 'years'>;
  /** The view model's filtered flows and drawn arcs (largest first). */
  view: { flows: ReadonlyArray<{ originAdcode: number; destinationAdcode: number }>; arcs: readonly Arc[] };
  names: Names;
  /** The data's years, for a view of every year. */
  extent: readonly [number, number];
}

/** The summary of a view, in `lang`. */
export function altSummary(lang: Lang, { state, view, names, extent }: AltInputs): AltSummary {
  // The provinces the flows start and end in (a planner's file may run Hebei → Beijing too).
  const province = (p: number) => t(lang, p === 11 ? 'place.beijing' : p === 12 ? 'place.tianjin' : 'alt.hebei');
  const provinces = (end: 'originAdcode' | 'destinationAdcode', order = [11, 12, 13]) => {
    const seen = new Set(view.flows.map((f) => Math.floor(f[end] / 10000)));
    return order.filter((p) => seen.has(p)).map(province);
  };
  let origins: string[];
  if (state.origin === 'beijing' || state.origin === 'tianjin') origins = [t(lang, `place.${state.origin}`)];
  else if (state.origin) origins = [names.place(Number(state.origin), lang)];
  else {
    origins = provinces('originAdcode');
    if (!origins.length) origins = [t(lang, 'place.beijing'), t(lang, 'place.tianjin')];
  }
  // Where the flows end, Hebei first: most published moves end in Hebei, some in Tianjin (Binhai)
  // or in Beijing itself (its sub-centre); a planner's file may end anywhere in the region.
  const ends = provinces('destinationAdcode', [13, 12, 11]);
  const top = view.arcs[0];
  return {
    origins,
    destination: state.dest !== null ? names.place(state.dest, lang) : ends.length ? joinNames(lang, ends) : t(lang, 'alt.hebei'),
    industries: state.industry.map((id) => t(lang, `industry.${id}` as MessageKey)),
    years: state.years ?? extent,
    records: view.flows.length,
    largest: top
      ? {
          from: endName(names, top.originKey, top.origin.adcode, lang),
          to: endName(names, top.destinationKey, top.destination.adcode, lang),
          industry: t(lang, `industry.${top.industry}` as MessageKey),
          value: formatValue(lang, top.group.value, top.group.unit, top.group.bound),
        }
      : null,
  };
}
