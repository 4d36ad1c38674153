/**
 * The intake layer's key in the legend (issue 17): the series in the drawn row's words, the year
 * (or its latest), the figure and its definition, a hole said as a hole, and the adding-up rule.
 */
import type { ViewModel } from '../selectors/view.ts';
import type { Lang } from '../state/viewState.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { formatValue } from '../i18n/format.ts';
import { el } from './dom.ts';

/** The intake layer's key (issue 17): the series in its row's words, its definition, the year or the hole. */
export function intakeLegend(layer: NonNullable<ViewModel['intake']>, lang: Lang): HTMLElement {
  const s = layer.series;
  const part = el('div', 'legend__intake');
  // The drawn row's own words (a later row of the series may word it differently).
  const shown = layer.cells[0]?.row ?? s;
  part.append(el('div', 'legend__label', t(lang, 'intake.legend', { label: lang === 'zh' ? shown.labelZh : shown.labelEn })));
  const latest = s.years[s.years.length - 1]!;
  part.append(el('p', 'legend__note', layer.year === null ? t(lang, 'intake.latest', { year: latest }) : t(lang, 'intake.year', { year: layer.year })));
  const row = layer.cells[0]?.row;
  if (row) part.append(el('p', 'legend__note', `${formatValue(lang, row.value, row.unit, row.bound)} · ${t(lang, `basis.${row.basis}` as MessageKey)}`));
  if (layer.hole) part.append(el('p', 'legend__note legend__hole', t(lang, 'intake.hole', { year: layer.year ?? latest })));
  part.append(el('p', 'legend__note', t(lang, 'intake.note')));
  return part;
}
