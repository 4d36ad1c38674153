/**
 * Words for the marks of issue 17 — dotted arcs (records with no figure in the measure) and the
 * intake layer's symbols — loaded on the first hover of one (not in the first load). Pure.
 */
import type { UnmeasuredArc } from '../selectors/unmeasured.ts';
import type { IntakeCell, IntakeView } from '../selectors/intake.ts';
import { figureOf } from '../data/sum.ts';
import { METRICS } from '../data/vocab.ts';
import type { Lang, Metric } from '../state/viewState.ts';
import { t, type MessageKey } from './index.ts';
import { formatPeriod, formatValue, periodNoteIn } from './format.ts';
import { endName, flowTitle, platformName, sourceText, sourcesOf, type Names, type TooltipContent } from './describe.ts';

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
