/**
 * The details card for a selected place or platform: names, tier, and every record that moved
 * there (or left from there) with its figures and its sources as links. Text only.
 */
import type { Dataset, PlacedFlow } from '../data/dataset.ts';
import type { Lang } from '../state/viewState.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { formatPeriod, formatValue, periodNoteIn, type Bound } from '../i18n/format.ts';
import { destinationKey, originKey } from '../selectors/arcs.ts';
import { describePlatform, endName, flowTitle, sourceText, sourcesOf, type Names } from '../i18n/describe.ts';
import type { IntakeSeries } from '../selectors/intake.ts';
import { el } from './dom.ts';


function figures(lang: Lang, f: PlacedFlow): string {
  const parts: string[] = [];
  const b = f.bound as Bound;
  if (f.projects !== null) parts.push(formatValue(lang, f.projects, 'projects', b));
  if (f.investmentCny100m !== null) parts.push(formatValue(lang, f.investmentCny100m, 'cny-100m', b));
  if (f.investmentUsdM !== null) parts.push(lang === 'zh' ? `${f.investmentUsdM} 百万美元` : `US$${f.investmentUsdM} million`);
  if (f.firms !== null) parts.push(formatValue(lang, f.firms, 'firms', b));
  if (f.merchants !== null) parts.push(formatValue(lang, f.merchants, 'merchants', b));
  const status = f.status ? t(lang, `status.${f.status}` as MessageKey) : t(lang, 'status.unknown');
  return `${parts.join(' · ')} · ${t(lang, `basis.${f.basis}` as MessageKey)} · ${status}`;
}

/** The intake series on the card of `key` (a prefecture's adcode, or a platform id): those of its place, or scoped to the platform. */
function seriesOfCard(series: ReadonlyMap<string, IntakeSeries>, key: string): IntakeSeries[] {
  return [...series.values()].filter((s) => s.place.key === key || s.rows.some((r) => r.scopePlatformId === key));
}

/** Sources as a list, with links where the URL is http(s). */
function sourceList(names: Names, ids: Iterable<string>): HTMLElement {
  const src = el('ul', 'details__sources');
  for (const s of sourcesOf(names, ids)) {
    const item = el('li');
    const href = s.url ?? s.archivedUrl;
    if (href && /^https?:\/\//.test(href)) {
      const a = el('a', undefined, sourceText(s));
      a.href = href;
      a.rel = 'noopener noreferrer external';
      a.target = '_blank';
      item.append(a);
    } else item.textContent = sourceText(s);
    src.append(item);
  }
  return src;
}

function flowItem(lang: Lang, f: PlacedFlow, names: Names, role: 'in' | 'out'): HTMLElement {
  const li = el('li', 'details__flow');
  const other = role === 'in' ? endName(names, originKey(f), f.origin.adcode, lang) : endName(names, destinationKey(f), f.destination.adcode, lang);
  li.append(
    el('div', 'details__entity', flowTitle(lang, f)),
    el('div', 'details__meta', `${role === 'in' ? '← ' : '→ '}${other} · ${t(lang, `industry.${f.industry}` as MessageKey)} · ${formatPeriod(lang, f.periodStart, f.periodEnd, periodNoteIn(lang, f))}`),
    el('div', 'details__meta', figures(lang, f)),
    el('p', 'details__desc', lang === 'zh' ? f.descriptionZh : f.descriptionEn),
  );
  li.append(sourceList(names, f.sourceIds));
  return li;
}

export interface DetailsOptions {
  onClose: () => void;
  /** The intake series of the dataset (the view model's): the card charts those of its place (issue 17). */
  intake?: ReadonlyMap<string, IntakeSeries>;
}

/** Render the card for `key` (adcode or platform id) over `flows` (the filtered flows). */
export function renderDetails(root: HTMLElement, key: string | null, flows: readonly PlacedFlow[], dataset: Dataset, names: Names, lang: Lang, o: DetailsOptions): void {
  if (key === null) {
    root.replaceChildren();
    root.hidden = true;
    return;
  }
  const platform = names.platforms.get(key);
  const adcode = platform ? platform.adcode : Number(key);
  const card = el('div', 'details__card');
  const close = el('button', 'btn btn--small details__close', t(lang, 'panel.close'));
  close.type = 'button';
  close.addEventListener('click', o.onClose);
  const title = el('h2', 'details__title', platform ? endName(names, key, adcode, lang) : names.place(adcode, lang));
  card.append(close, title);
  if (platform) {
    const d = describePlatform(platform, names, lang);
    for (const line of d.lines) card.append(el('p', 'details__meta', line));
    const note = lang === 'zh' ? platform.noteZh : platform.noteEn;
    if (note) card.append(el('p', 'details__desc', note));
  }
  // The place's intake figures year by year (their code comes with the intake views' chunk).
  const series = o.intake ? seriesOfCard(o.intake, key) : [];
  if (series.length) {
    const slot = el('div', 'details__intake');
    card.append(slot);
    void import('./intakeUi.ts').then(({ intakeCharts }) => slot.replaceChildren(intakeCharts(series, lang, (ids) => sourceList(names, ids))), () => slot.remove());
  }
  const matchesKey = (k: string, code: number) => k === key || (!platform && String(code) === key);
  const incoming = flows.filter((f) => matchesKey(destinationKey(f), f.destination.adcode) || (!platform && f.destination.prefecture === adcode && adcode % 100 === 0));
  // A prefecture's card lists what its counties sent too (a planner's file may start flows in Hebei), as it lists what they received.
  const outgoing = flows.filter((f) => matchesKey(originKey(f), f.origin.adcode) || (!platform && f.origin.prefecture === adcode && adcode % 100 === 0));
  for (const [label, list, role] of [['panel.flowsHere', incoming, 'in'], ['panel.flowsFrom', outgoing, 'out']] as const) {
    if (!list.length && role === 'out') continue;
    card.append(el('h3', 'details__h', `${t(lang, label)} (${list.length})`));
    if (!list.length) card.append(el('p', 'details__meta', t(lang, 'panel.none')));
    const ul = el('ul', 'details__flows');
    for (const f of list) ul.append(flowItem(lang, f, names, role));
    card.append(ul);
  }
  if (platform) {
    const src = el('ul', 'details__sources');
    for (const s of sourcesOf(names, platform.sourceIds)) src.append(el('li', undefined, sourceText(s)));
    card.append(el('h3', 'details__h', t(lang, 'panel.sources')), src);
  }
  root.replaceChildren(card);
  root.hidden = false;
  void dataset;
}
