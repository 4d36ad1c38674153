/**
 * The legend: industries drawn (colour + name), reference widths read back from the width scale,
 * circles, platform tiers, and the honest counts (how many of the 46 are named; records not
 * drawn in this measure).
 */
import type { ViewModel } from '../selectors/view.ts';
import type { Lang, Metric } from '../state/viewState.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { formatValue } from '../i18n/format.ts';
import { industryColor } from '../scales/industryColor.ts';
import { TIER_STYLE } from '../scales/tiers.ts';
import { METRIC_UNITS } from '../data/vocab.ts';
import { el } from './dom.ts';


export interface LegendOptions {
  animate: boolean;
  /** False when the user prefers reduced motion or the renderer cannot animate (2D): no animation control at all. */
  canAnimate: boolean;
  onAnimate: (on: boolean) => void;
}

export function renderLegend(root: HTMLElement, view: ViewModel, lang: Lang, metric: Metric, o?: LegendOptions): void {
  // A <details> kept across renders, so the reader's open/closed choice survives filter changes;
  // closed by default on narrow screens, where the legend would cover the map.
  let details = root.querySelector<HTMLDetailsElement>(':scope > details');
  if (!details) {
    details = document.createElement('details');
    details.open = !matchMedia('(max-width: 640px)').matches;
    details.append(document.createElement('summary'));
    root.replaceChildren(details);
  }
  const summary = details.querySelector('summary')!;
  summary.replaceChildren(el('h2', 'legend__title', t(lang, 'legend.title')));
  const box = el('div', 'legend__body');
  if (o?.canAnimate && view.arcs.length) {
    const b = el('button', 'btn btn--small legend__animate', t(lang, o.animate ? 'legend.animateStop' : 'legend.animate'));
    b.type = 'button';
    b.setAttribute('aria-pressed', String(o.animate));
    b.addEventListener('click', () => o.onAnimate(!o.animate));
    box.append(b);
  }

  const { industries, widths: values, tiers: presentTiers, named46 } = view.legend;
  const change = view.change;
  if (change) {
    // Two periods compared (issue 18): the change's key, from an on-demand chunk.
    const slot = el('div', 'legend__change');
    box.append(slot);
    void import('./compare.ts').then((m) => slot.replaceWith(m.changeLegend(change, lang, view.unmeasured.length)));
  } else if (industries.length) {
    const list = el('ul', 'legend__industries');
    list.setAttribute('aria-label', t(lang, 'legend.industry'));
    for (const id of industries) {
      const li = el('li');
      const sw = el('span', 'swatch');
      sw.style.background = industryColor(id);
      li.append(sw, el('span', undefined, t(lang, `industry.${id}` as MessageKey)));
      list.append(li);
    }
    box.append(list);

    const widths = el('div', 'legend__widths');
    widths.append(el('div', 'legend__label', t(lang, 'legend.width', { metric: t(lang, `metric.${metric}`) })));
    for (const v of values) {
      const row = el('div', 'legend__width');
      const line = el('span', 'legend__line');
      line.style.height = `${view.scales.width(v).toFixed(1)}px`;
      row.append(line, el('span', undefined, formatValue(lang, v, METRIC_UNITS[metric])));
      widths.append(row);
    }
    box.append(widths, el('p', 'legend__note', t(lang, 'legend.direction')), el('p', 'legend__note', t(lang, 'legend.circles')));
  } else {
    box.append(el('p', 'legend__note', t(lang, 'legend.noData')));
  }
  if (view.net && !change) box.append(el('p', 'legend__note legend__net', t(lang, 'legend.net', { n: view.net.rows.size })));
  if (view.hidden.count) {
    const totals = view.hidden.groups.map((g) => formatValue(lang, g.value, g.unit, g.bound)).join(' + ');
    box.append(el('p', 'legend__note legend__hidden', t(lang, 'legend.hidden', { shown: view.arcs.length, n: view.hidden.count, total: totals })));
  }
  if (view.intake) {
    // The intake layer's key (issue 17) comes from an on-demand chunk (not in the first load).
    const slot = el('div', 'legend__intake');
    const layer = view.intake;
    box.append(slot);
    void import('./intakeLegend.ts').then((m) => slot.replaceWith(m.intakeLegend(layer, lang)));
  }
  if (view.unmeasured.length && !change) {
    const note = el('p', 'legend__note legend__unmeasured', t(lang, 'legend.unmeasured', { n: view.unmeasured.length }));
    const swatch = el('span', 'legend__dotted');
    swatch.title = t(lang, 'legend.unmeasuredKey');
    swatch.setAttribute('aria-hidden', 'true');
    note.prepend(swatch);
    box.append(note);
  }

  const tiers = el('ul', 'legend__tiers');
  tiers.setAttribute('aria-label', t(lang, 'legend.platforms'));
  for (const tier of presentTiers) {
    const s = TIER_STYLE[tier];
    const li = el('li');
    const dot = el('span', 'dot');
    dot.style.background = s.fill;
    dot.style.borderColor = s.stroke === '#ffffff' ? s.fill : s.stroke;
    dot.style.width = dot.style.height = `${s.radius * 2}px`;
    li.append(dot, el('span', undefined, t(lang, `tier.${tier}` as MessageKey)));
    tiers.append(li);
  }
  box.append(el('div', 'legend__label', t(lang, 'legend.platforms')), tiers);
  box.append(el('p', 'legend__note legend__named', t(lang, 'legend.named46', { n: named46 })));
  details.querySelector('.legend__body')?.remove();
  details.append(box);
}

