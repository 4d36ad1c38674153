/**
 * Downloads: "Download CSV" (exactly the filtered rows, in the table's order, with their source
 * columns; see export/csv.ts) and "Download PNG" (the map as drawn now, with a title line, the
 * legend and the attribution painted onto one canvas).
 *
 * The WebGL canvas is only readable while its frame is current, so the map is copied inside a
 * `render` callback after asking for a repaint (no preserveDrawingBuffer, which costs every
 * frame).
 */
import type { Renderer } from '../map/renderer.ts';
import type { PlacedFlow } from '../data/dataset.ts';
import { flowsCsv, type CsvLookup } from '../export/csv.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { formatPeriod, formatValue } from '../i18n/format.ts';
import { TIER_STYLE } from '../scales/tiers.ts';
import { industryColor } from '../scales/industryColor.ts';
import type { ViewModel } from '../selectors/view.ts';
import type { Lang, ViewState } from '../state/viewState.ts';
import { METRIC_UNITS } from '../data/vocab.ts';
import { platformName, type Names } from '../i18n/describe.ts';
import { h, setText } from './controls/dom.ts';

export function csvLookup(names: Names, lang: Lang): CsvLookup {
  return {
    place: (adcode) => names.place(adcode, lang),
    platform: (id) => {
      const p = names.platforms.get(id);
      return p ? platformName(p, lang) : undefined;
    },
    industry: (id) => t(lang, `industry.${id}` as MessageKey),
    sources: names.sources,
  };
}

/** File name from the filters: `jjj-transfer-flows-pharma-2014-2017.csv`. */
export function fileName(s: ViewState, ext: 'csv' | 'png'): string {
  const parts = ['jjj-transfer', ext === 'csv' ? 'flows' : 'map', s.metric !== 'projects' ? s.metric : '', s.industry.slice(0, 3).join('-'), s.years ? (s.years[0] === s.years[1] ? String(s.years[0]) : `${s.years[0]}-${s.years[1]}`) : '', s.origin ?? '', s.dest !== null ? String(s.dest) : ''];
  return `${parts.filter(Boolean).join('-').replace(/[^a-z0-9-]/gi, '')}.${ext}`;
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(flows: readonly PlacedFlow[], names: Names, s: ViewState): void {
  saveBlob(new Blob([flowsCsv(flows, csvLookup(names, s.lang))], { type: 'text/csv;charset=utf-8' }), fileName(s, 'csv'));
}

/** The filters in words, for the image's title line. */
export function filtersText(s: ViewState, names: Names): string {
  const lang = s.lang;
  const parts: string[] = [t(lang, `metric.${s.metric}`)];
  if (s.industry.length) parts.push(s.industry.map((i) => t(lang, `industry.${i}` as MessageKey)).join(', '));
  if (s.years) parts.push(formatPeriod(lang, s.years[0], s.years[1]));
  if (s.origin) parts.push(`${t(lang, 'planner.origin')}: ${s.origin === 'beijing' ? t(lang, 'place.beijing') : s.origin === 'tianjin' ? t(lang, 'place.tianjin') : names.place(Number(s.origin), lang)}`);
  if (s.dest !== null) parts.push(`${t(lang, 'planner.dest')}: ${names.place(s.dest, lang)}`);
  if (s.tier.length) parts.push(s.tier.map((x) => t(lang, `tier.${x}` as MessageKey)).join(', '));
  if (s.category.length) parts.push(s.category.map((x) => t(lang, `category.${x}` as MessageKey)).join(', '));
  return parts.join(' · ');
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  // Break between words, and anywhere inside CJK text.
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  let line = '';
  for (const tok of tokens) {
    if (line && ctx.measureText(line + tok).width > width) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export interface PngInput {
  renderer: Pick<Renderer, 'snapshot' | 'surface'>;
  view: ViewModel;
  state: ViewState;
  names: Names;
}

/** The map, a title line, the legend and the attribution on one canvas. */
export async function renderPng({ renderer, view, state, names }: PngInput): Promise<HTMLCanvasElement> {
  const shot = await renderer.snapshot();
  const lang = state.lang;
  const css = getComputedStyle(document.documentElement);
  const color = (v: string, fallback: string) => css.getPropertyValue(v).trim() || fallback;
  const bg = color('--surface', '#ffffff');
  const text = color('--text', '#23201c');
  const muted = color('--muted', '#5c564d');
  const border = color('--border', '#d9d3c7');
  const font = css.getPropertyValue('--font').trim() || 'sans-serif';
  const k = shot.width / renderer.surface.clientWidth || 1; // device pixels per CSS pixel
  const W = shot.width;
  const pad = 12 * k;

  const out = document.createElement('canvas');
  const ctx = out.getContext('2d')!;
  const setFont = (px: number, weight = 400) => (ctx.font = `${weight} ${px * k}px ${font}`);

  // Header and footer heights depend on wrapped text: measure first.
  setFont(16, 600);
  const title = t(lang, 'app.title');
  setFont(12);
  const filterLines = wrap(ctx, t(lang, 'png.filters', { filters: filtersText(state, names) }), W - 2 * pad);
  const attribution = [t(lang, 'attribution.boundaries'), t(lang, 'attribution.context'), t(lang, 'attribution.data'), 'Noto Sans (SIL OFL)'].join(' · ');
  setFont(10.5);
  const attrLines = wrap(ctx, `© ${attribution}`, W - 2 * pad);
  const headH = pad + 20 * k + filterLines.length * 16 * k + pad / 2;
  const footH = pad / 2 + attrLines.length * 14 * k + pad / 2;
  out.width = W;
  out.height = Math.round(headH + shot.height + footH);

  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = text;
  setFont(16, 600);
  ctx.fillText(title, pad, pad + 15 * k);
  ctx.fillStyle = muted;
  setFont(12);
  filterLines.forEach((l, i) => ctx.fillText(l, pad, pad + 20 * k + (i + 1) * 15 * k));
  ctx.drawImage(shot, 0, headH);

  // Legend box, bottom-left of the map.
  const { industries, widths, tiers } = view.legend;
  const rowH = 17 * k;
  const gap = 4 * k; // before each section title
  const lines = 1 + industries.length + (widths.length ? 1 + widths.length : 0) + (tiers.length ? 1 + tiers.length : 0);
  setFont(11);
  const labels = [
    ...industries.map((i) => t(lang, `industry.${i}` as MessageKey)),
    ...widths.map((v) => formatValue(lang, v, METRIC_UNITS[state.metric])),
    ...tiers.map((x) => t(lang, `tier.${x}` as MessageKey)),
    t(lang, 'legend.width', { metric: t(lang, `metric.${state.metric}`) }),
  ];
  const boxW = Math.min(W * 0.6, Math.max(...labels.map((l) => ctx.measureText(l).width)) + 56 * k);
  const boxH = lines * rowH + 2 * gap + pad;
  const bx = pad;
  const by = headH + shot.height - boxH - pad;
  ctx.globalAlpha = 0.92;
  ctx.fillStyle = bg;
  ctx.fillRect(bx, by, boxW, boxH);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = border;
  ctx.lineWidth = k;
  ctx.strokeRect(bx, by, boxW, boxH);
  let yy = by + pad / 2 + rowH * 0.75;
  const tx = bx + 40 * k;
  const write = (s: string, weight = 400) => {
    setFont(11, weight);
    ctx.fillStyle = text;
    ctx.fillText(s, tx - (weight > 400 ? 30 * k : 0), yy);
  };
  write(t(lang, 'legend.title'), 600);
  for (const id of industries) {
    yy += rowH;
    ctx.fillStyle = industryColor(id);
    ctx.fillRect(bx + 10 * k, yy - 6 * k, 22 * k, 4 * k);
    write(t(lang, `industry.${id}` as MessageKey));
  }
  if (widths.length) {
    yy += rowH + gap;
    write(t(lang, 'legend.width', { metric: t(lang, `metric.${state.metric}`) }), 600);
    for (const v of widths) {
      yy += rowH;
      // A tapering stroke, as the arcs narrow towards where they land.
      const w = Math.max(1, view.scales.width(v)) * k;
      const cy = yy - 4 * k;
      ctx.fillStyle = muted;
      ctx.beginPath();
      ctx.moveTo(bx + 8 * k, cy - w / 2);
      ctx.lineTo(bx + 34 * k, cy - w / 6);
      ctx.lineTo(bx + 34 * k, cy + w / 6);
      ctx.lineTo(bx + 8 * k, cy + w / 2);
      ctx.closePath();
      ctx.fill();
      write(formatValue(lang, v, METRIC_UNITS[state.metric]));
    }
  }
  if (tiers.length) {
    yy += rowH + gap;
    write(t(lang, 'legend.platforms'), 600);
    for (const tier of tiers) {
      yy += rowH;
      const s = TIER_STYLE[tier];
      ctx.beginPath();
      ctx.arc(bx + 21 * k, yy - 4 * k, s.radius * k, 0, Math.PI * 2);
      ctx.fillStyle = s.fill;
      ctx.fill();
      ctx.strokeStyle = s.stroke === '#ffffff' ? s.fill : s.stroke;
      ctx.stroke();
      write(t(lang, `tier.${tier}` as MessageKey));
    }
  }

  // Attribution under the map.
  ctx.fillStyle = muted;
  setFont(10.5);
  attrLines.forEach((l, i) => ctx.fillText(l, pad, headH + shot.height + pad / 2 + (i + 0.8) * 14 * k));
  return out;
}

export interface DownloadsOptions {
  csv(): void;
  png(): Promise<void>;
  hasMap: boolean;
}

export function downloadsView(o: DownloadsOptions): { el: HTMLElement; update(lang: Lang, rows: number): void } {
  const title = h('h2', { class: 'pt-section__title' });
  const csv = h('button', { type: 'button', class: 'btn pt-download pt-download--csv' });
  const png = h('button', { type: 'button', class: 'btn pt-download pt-download--png' });
  const csvHint = h('p', { class: 'pt-hint' });
  const pngHint = h('p', { class: 'pt-hint' });
  csv.addEventListener('click', () => o.csv());
  png.addEventListener('click', () => {
    if (!o.hasMap || png.getAttribute('aria-busy') === 'true') return;
    png.setAttribute('aria-busy', 'true');
    o.png().finally(() => png.setAttribute('aria-busy', 'false'));
  });
  const el = h('section', { class: 'pt-section pt-downloads' }, title, h('div', { class: 'pt-row pt-row--wrap' }, csv, png), csvHint, pngHint);
  return {
    el,
    update(lang, rows) {
      setText(title, t(lang, 'download.title'));
      setText(csv, t(lang, 'download.csv'));
      setText(png, t(lang, 'download.png'));
      setText(csvHint, t(lang, 'download.csvHint', { n: rows }));
      setText(pngHint, o.hasMap ? t(lang, 'download.pngHint') : t(lang, 'download.pngUnavailable'));
      png.disabled = !o.hasMap;
    },
  };
}
