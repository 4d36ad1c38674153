/**
 * Words for marks: the tooltip/panel text of an arc, a place or a platform. Pure: (data, lang)
 * → text lines; the DOM code only places them.
 */
import type { PlacedFlow } from '../data/dataset.ts';
import { endName, platformName, type Names } from './names.ts';
import { sourceTitle, type Platform, type Source } from '../data/types.ts';
import type { SumGroup } from '../data/sum.ts';
import type { Arc } from '../selectors/arcs.ts';
import type { PlaceTotal } from '../selectors/places.ts';
import type { Lang } from '../state/viewState.ts';
import { t, type MessageKey } from './index.ts';
import { formatPeriod, formatValue } from './format.ts';

/** A tooltip's text: a title, lines, optional small print (e.g. sources). */
export interface TooltipContent {
  title: string;
  lines: string[];
  /** Optional small print (e.g. sources). */
  foot?: string[];
}

export { endName, namesFor, platformName, type Names } from './names.ts';

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
