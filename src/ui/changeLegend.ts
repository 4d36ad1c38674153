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
import { formatNumber } from '../i18n/format.ts';
import { el } from './dom.ts';

// The tooltip's words come with the legend (one chunk for the comparison's map).
export { CHANGE_TEXT, describeChangeArc, describeChangePlace } from '../i18n/describeChange.ts';

const round = (v: number) => Math.round(v * 10) / 10;

export function changeLegend(c: ChangeLayer, lang: Lang, unmeasured: number): HTMLElement {
  const tx = CHANGE_TEXT[lang];
  const { down: CHANGE_DOWN, none: CHANGE_NONE, up: CHANGE_UP } = c.scale.palette;
  const box = el('div', 'legend__change');
  box.setAttribute('data-testid', 'change-legend');
  box.append(el('div', 'legend__label', `${tx.title}: ${periodText(c.a, lang)} − ${periodText(c.b, lang)}`));
  const [s0, s1, s2] = c.scale.steps.map(round) as [number, number, number];
  const range = (lo: number, hi: number, sign: 1 | -1) => `${signed(lang, sign * lo)} … ${signed(lang, sign * hi)}`;
  const rows: Array<[string, string]> = [
    [CHANGE_UP[2], `${tx.up} ${range(s1, s2, 1)}`],
    [CHANGE_UP[1], `${tx.up} ${range(s0, s1, 1)}`],
    [CHANGE_UP[0], `${tx.up} ${range(0, s0, 1)}`],
    [CHANGE_NONE, tx.none],
    [CHANGE_DOWN[2], `${tx.down} ${range(0, s0, -1)}`],
    [CHANGE_DOWN[1], `${tx.down} ${range(s0, s1, -1)}`],
    [CHANGE_DOWN[0], `${tx.down} ${range(s1, s2, -1)}`],
  ];
  const list = el('ul', 'legend__industries');
  list.setAttribute('aria-label', tx.title);
  for (const [color, text] of rows) {
    const li = el('li');
    const sw = el('span', 'swatch');
    sw.style.background = color;
    li.append(sw, el('span', undefined, text));
    list.append(li);
  }
  box.append(list);
  // One period only: in A an increase from nothing (orange), in B a decrease to nothing (blue).
  for (const [p, color] of [[c.b, CHANGE_DOWN[1]], [c.a, CHANGE_UP[1]]] as const) {
    const note = el('p', 'legend__note legend__only', tx.only.replace('{p}', periodText(p, lang)));
    const swatch = el('span', 'legend__dotted legend__dashed');
    swatch.style.color = color;
    swatch.setAttribute('aria-hidden', 'true');
    note.prepend(swatch);
    box.append(note);
  }
  const widths = el('div', 'legend__widths');
  widths.append(el('div', 'legend__label', tx.width));
  for (const v of legendValues(c.scale.steps[2])) {
    const row = el('div', 'legend__width');
    const line = el('span', 'legend__line');
    line.style.height = `${c.scale.width(v).toFixed(1)}px`;
    row.append(line, el('span', undefined, `±${formatNumber(lang, v)}`));
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
  const { down, none, up } = c.scale.palette;
  const [s0, s1, s2] = c.scale.steps.map(round) as [number, number, number];
  const range = (lo: number, hi: number, sign: 1 | -1) => `${signed(lang, sign * lo)} … ${signed(lang, sign * hi)}`;
  const line = (color: string, label: string) => ({ label, color, shape: 'line' as const });
  return [
    {
      title: `${tx.title}: ${periodText(c.a, lang)} − ${periodText(c.b, lang)}`,
      items: [
        line(up[2], `${tx.up} ${range(s1, s2, 1)}`), line(up[1], `${tx.up} ${range(s0, s1, 1)}`), line(up[0], `${tx.up} ${range(0, s0, 1)}`), line(none, tx.none),
        line(down[2], `${tx.down} ${range(0, s0, -1)}`), line(down[1], `${tx.down} ${range(s0, s1, -1)}`), line(down[0], `${tx.down} ${range(s1, s2, -1)}`),
        { label: tx.only.replace('{p}', periodText(c.b, lang)), color: down[1], shape: 'dashed' as const },
        { label: tx.only.replace('{p}', periodText(c.a, lang)), color: up[1], shape: 'dashed' as const },
        ...(c.notComparable ? [{ label: tx.not.replace('{n}', String(c.notComparable)), color: none, shape: 'line' as const }] : []),
      ],
    },
    { title: tx.width, items: legendValues(c.scale.steps[2]).map((v) => ({ label: `±${formatNumber(lang, v)}`, color: ink, shape: 'taper' as const, size: c.scale.width(v) })) },
  ];
}
