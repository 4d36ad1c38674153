/**
 * The legend of two compared periods (issue 18), loaded with the first comparison: the diverging
 * colours with the change each step stands for, the dashed arcs of one period only, the width
 * of the change, and what is not drawn (not-comparable figures; records with no figure). Read
 * from the view model's `change` (selectors/changeMap.ts), as the map draws it.
 */
import type { ChangeLayer } from '../selectors/changeMap.ts';
import type { ImageLegendSection } from '../map/renderer.ts';
import type { Lang } from '../state/viewState.ts';
import { legendValues } from '../scales/width.ts';
import { CHANGE_TEXT, periodText, signed } from '../i18n/describeChange.ts';
import { formatFigure } from '../i18n/format.ts';
import { el } from './dom.ts';

// The tooltip's words come with the legend (one chunk for the comparison's map).
export { CHANGE_TEXT, describeChangeArc, describeChangePlace } from '../i18n/describeChange.ts';

const round = (v: number) => Math.round(v * 10) / 10;
/** The unit of the compared figures (one metric: every row's). */
const unitOf = (c: ChangeLayer) => c.rows.values().next().value?.group.unit ?? '';
const pm = (c: ChangeLayer, lang: Lang, v: number) => `±${formatFigure(lang, v, unitOf(c))}`;

/** The key's rows, for the page and the pictures alike: the seven colours, then the two dashed periods. */
function keyRows(c: ChangeLayer, lang: Lang): Array<{ color: string; label: string; dashed?: true }> {
  const tx = CHANGE_TEXT[lang];
  const { down, none, up } = c.scale.palette;
  const [s0, s1, s2] = c.scale.steps.map(round) as [number, number, number];
  const u = unitOf(c);
  const row = (color: string, word: string, lo: number, hi: number, sign: 1 | -1) => ({ color, label: `${word} ${signed(lang, sign * lo, u)} … ${signed(lang, sign * hi, u)}` });
  return [
    row(up[2], tx.up, s1, s2, 1), row(up[1], tx.up, s0, s1, 1), row(up[0], tx.up, 0, s0, 1), { color: none, label: tx.none },
    row(down[2], tx.down, 0, s0, -1), row(down[1], tx.down, s0, s1, -1), row(down[0], tx.down, s1, s2, -1),
    // One period only: in A an increase from nothing (orange), in B a decrease to nothing (blue).
    { color: down[1], label: tx.only.replace('{p}', periodText(c.b, lang)), dashed: true },
    { color: up[1], label: tx.only.replace('{p}', periodText(c.a, lang)), dashed: true },
  ];
}

const titleOf = (c: ChangeLayer, lang: Lang) => `${CHANGE_TEXT[lang].title}: ${periodText(c.a, lang)} − ${periodText(c.b, lang)}`;

export function changeLegend(c: ChangeLayer, lang: Lang, unmeasured: number): HTMLElement {
  const tx = CHANGE_TEXT[lang];
  const box = el('div', 'legend__change');
  box.setAttribute('data-testid', 'change-legend');
  box.append(el('div', 'legend__label', titleOf(c, lang)));
  const list = el('ul', 'legend__industries');
  list.setAttribute('aria-label', tx.title);
  for (const r of keyRows(c, lang)) {
    const li = el('li', r.dashed ? 'legend__only' : undefined);
    const sw = el('span', r.dashed ? 'legend__dotted legend__dashed' : 'swatch');
    if (r.dashed) sw.style.color = r.color;
    else sw.style.background = r.color;
    sw.setAttribute('aria-hidden', 'true');
    li.append(sw, el('span', undefined, r.label));
    list.append(li);
  }
  box.append(list);
  const widths = el('div', 'legend__widths');
  widths.append(el('div', 'legend__label', tx.width));
  for (const v of legendValues(c.scale.steps[2])) {
    const row = el('div', 'legend__width');
    const line = el('span', 'legend__line');
    line.style.height = `${c.scale.width(v).toFixed(1)}px`;
    row.append(line, el('span', undefined, pm(c, lang, v)));
    widths.append(row);
  }
  box.append(widths, el('p', 'legend__note', tx.circles));
  if (c.notComparable) box.append(el('p', 'legend__note legend__not', tx.not.replace('{n}', String(c.notComparable))));
  if (unmeasured) box.append(el('p', 'legend__note', tx.unmeasured));
  return box;
}

/** The same key for a downloaded picture (PNG, SVG): the colours, the dashed arcs, the widths, what is not drawn. */
export function changeImageLegend(c: ChangeLayer, lang: Lang, ink: string): ImageLegendSection[] {
  const tx = CHANGE_TEXT[lang];
  const items: ImageLegendSection['items'] = keyRows(c, lang).map((r) => ({ label: r.label, color: r.color, shape: r.dashed ? 'dashed' : 'line' }));
  if (c.notComparable) items.push({ label: tx.not.replace('{n}', String(c.notComparable)), color: c.scale.palette.none, shape: 'line' });
  return [
    { title: titleOf(c, lang), items },
    { title: tx.width, items: legendValues(c.scale.steps[2]).map((v) => ({ label: pm(c, lang, v), color: ink, shape: 'taper', size: c.scale.width(v) })) },
  ];
}
