/**
 * Words for marks: the tooltip/panel text of an arc, a place or a platform. Pure: (data, lang)
 * → text lines; the DOM code only places them.
 */
import type { Dataset, PlacedFlow } from '../data/dataset.ts';
import { sourceTitle, type Platform, type Source } from '../data/types.ts';
import type { SumGroup } from '../data/sum.ts';
import type { Arc } from '../selectors/arcs.ts';
import type { UnmeasuredArc } from '../selectors/unmeasured.ts';
import type { IntakeCell, IntakeView } from '../selectors/intake.ts';
import { figureOf } from '../data/sum.ts';
import { METRICS } from '../data/vocab.ts';
import type { PlaceTotal } from '../selectors/places.ts';
import type { Lang, Metric } from '../state/viewState.ts';
import { t, type MessageKey } from './index.ts';
import { formatPeriod, formatValue, periodNoteIn } from './format.ts';

/** A tooltip's text: a title, lines, optional small print (e.g. sources). */
export interface TooltipContent {
  title: string;
  lines: string[];
  /** Optional small print (e.g. sources). */
  foot?: string[];
}

export interface Names {
  /** Name of an adcode in a language (county, prefecture or province). */
  place(adcode: number, lang: Lang): string;
  platforms: ReadonlyMap<string, Platform>;
  sources: ReadonlyMap<string, Source>;
}

export function namesFor(dataset: Dataset, unitName: (adcode: number, lang: Lang) => string | undefined): Names {
  return {
    place: (adcode, lang) => unitName(adcode, lang) ?? String(adcode),
    platforms: new Map(dataset.platforms.map((p) => [p.id, p])),
    sources: new Map(dataset.sources.map((s) => [s.id, s])),
  };
}

export const platformName = (p: Platform, lang: Lang) => (lang === 'zh' ? p.nameZh : p.nameEn);

/** Name of a flow end: the platform's name, else the place's. */
export function endName(names: Names, key: string, adcode: number, lang: Lang): string {
  const p = names.platforms.get(key);
  return p ? platformName(p, lang) : names.place(adcode, lang);
}

export function groupText(lang: Lang, g: SumGroup): string {
  const status = g.status ? t(lang, `status.${g.status}` as MessageKey) : t(lang, 'status.unknown');
  return `${formatValue(lang, g.value, g.unit, g.bound)} · ${t(lang, `basis.${g.basis}` as MessageKey)} · ${status}`;
}

export function sourceText(s: Source): string {
  const title = sourceTitle(s);
  return `${s.publisher}, ${s.date}${title ? ` — ${title}` : ''}`;
}

export function sourcesOf(names: Names, ids: Iterable<string>): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const s = names.sources.get(id);
    if (s) out.push(s);
  }
  return out;
}

export function flowTitle(lang: Lang, f: PlacedFlow): string {
  return lang === 'zh' ? f.entityZh : f.entityEn;
}

export function describeArc(arc: Arc, names: Names, lang: Lang): TooltipContent {
  const from = endName(names, arc.originKey, arc.origin.adcode, lang);
  const to = endName(names, arc.destinationKey, arc.destination.adcode, lang);
  const g = arc.group;
  const lines = [
    `${t(lang, `industry.${arc.industry}` as MessageKey)} · ${formatPeriod(lang, g.periodStart, g.periodEnd)}`,
    groupText(lang, g),
  ];
  // What the source says about the origin when it is not one district (e.g. "Beijing and Tianjin, no split").
  const notes = new Set(arc.flows.map((f) => (lang === 'zh' ? f.originNoteZh : f.originNoteEn)).filter((n): n is string => !!n));
  for (const n of notes) lines.push(`${t(lang, 'tooltip.origin')}: ${n}`);
  for (const e of arc.earlier) lines.push(`${t(lang, 'tooltip.earlier', { year: e.periodEnd })}: ${formatValue(lang, e.value, e.unit, e.bound)}`);
  const shown = arc.flows.slice(0, 4).map((f) => `• ${flowTitle(lang, f)}`);
  lines.push(...shown);
  if (arc.flows.length > shown.length) lines.push(t(lang, 'tooltip.more', { n: arc.flows.length - shown.length }));
  const sources = sourcesOf(names, arc.flows.flatMap((f) => f.sourceIds));
  return { title: `${from} → ${to}`, lines, foot: [`${t(lang, 'tooltip.sources')}:`, ...sources.slice(0, 3).map(sourceText), ...(sources.length > 3 ? [t(lang, 'tooltip.more', { n: sources.length - 3 })] : [])] };
}

/**
 * A dotted arc: records between two places with no figure in `metric`. Says so, lists the figures
 * the records do give (each record's own, never added), the records and their sources.
 */
export function describeUnmeasured(arc: UnmeasuredArc, names: Names, lang: Lang, metric: Metric): TooltipContent {
  const from = endName(names, arc.originKey, arc.origin.adcode, lang);
  const to = endName(names, arc.destinationKey, arc.destination.adcode, lang);
  const start = Math.min(...arc.flows.map((f) => f.periodStart));
  const end = Math.max(...arc.flows.map((f) => f.periodEnd));
  const lines = [
    `${t(lang, `industry.${arc.industry}` as MessageKey)} · ${formatPeriod(lang, start, end)}`,
    t(lang, 'tooltip.unmeasured', { metric: t(lang, `metric.${metric}` as MessageKey) }),
  ];
  const shown = arc.flows.slice(0, 4);
  for (const f of shown) {
    const figures = METRICS.flatMap((m) => {
      const fig = figureOf(f, m);
      return fig ? [formatValue(lang, fig.value, fig.unit, fig.bound)] : [];
    });
    lines.push(`• ${flowTitle(lang, f)}${figures.length ? ` (${t(lang, 'tooltip.otherFigures')}: ${figures.join(', ')})` : ''}`);
  }
  if (arc.flows.length > shown.length) lines.push(t(lang, 'tooltip.more', { n: arc.flows.length - shown.length }));
  const sources = sourcesOf(names, arc.flows.flatMap((f) => f.sourceIds));
  return { title: `${from} → ${to}`, lines, foot: [`${t(lang, 'tooltip.sources')}:`, ...sources.slice(0, 3).map(sourceText), ...(sources.length > 3 ? [t(lang, 'tooltip.more', { n: sources.length - 3 })] : [])] };
}

/**
 * An intake symbol: the place, the series' definition in the row's own words, the figure with its
 * period and bound, other reports of the same year (listed, not added), and the row's sources.
 */
export function describeIntake(cell: IntakeCell, layer: IntakeView, names: Names, lang: Lang): TooltipContent {
  const p = names.platforms.get(cell.place.key);
  const title = p ? platformName(p, lang) : names.place(cell.place.adcode, lang);
  const r = cell.row;
  const label = (a: typeof r) => (lang === 'zh' ? a.labelZh : a.labelEn);
  const lines = [
    label(r),
    `${formatValue(lang, r.value, r.unit, r.bound)} · ${formatPeriod(lang, r.periodStart, r.periodEnd, periodNoteIn(lang, r))}`,
    `${t(lang, `basis.${r.basis}` as MessageKey)} · ${t(lang, 'intake.series')}: ${layer.series.id}`,
  ];
  for (const a of cell.also) lines.push(`${t(lang, 'intake.also')}: ${formatValue(lang, a.value, a.unit, a.bound)} (${label(a)})`);
  const sources = sourcesOf(names, [r, ...cell.also].flatMap((a) => a.sourceIds));
  return { title, lines, foot: [`${t(lang, 'tooltip.sources')}:`, ...sources.map(sourceText)] };
}

export function describePlace(p: PlaceTotal, names: Names, lang: Lang): TooltipContent {
  const title = endName(names, p.key, p.place.adcode, lang);
  const head = t(lang, p.role === 'destination' ? 'tooltip.received' : 'tooltip.sent');
  return { title, lines: [head, ...p.groups.map((g) => groupText(lang, g))] };
}

export function describePlatform(p: Platform, names: Names, lang: Lang): TooltipContent {
  const lines = [t(lang, `tier.${p.tier}` as MessageKey)];
  if (p.category) lines.push(t(lang, `category.${p.category}` as MessageKey));
  lines.push(names.place(p.adcode, lang));
  if (p.pointEstimated) lines.push(t(lang, 'tooltip.estimated'));
  const other = lang === 'zh' ? p.nameEn : p.nameZh;
  return { title: platformName(p, lang), lines: [other, ...lines] };
}
