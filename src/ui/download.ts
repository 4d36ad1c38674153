/**
 * Downloads: "Download CSV" (exactly the filtered rows, in the table's order, with their source
 * columns; see export/csv.ts), "Download PNG" (the map as drawn now, with the header, the legend
 * and the attribution painted onto one canvas) and "Download SVG" (the same as vectors, written
 * by the renderer; the words around the map are the PNG's, ./imageFrame.ts).
 *
 * The WebGL canvas is only readable while its frame is current, so the map is copied inside a
 * `render` callback after asking for a repaint (no preserveDrawingBuffer, which costs every
 * frame).
 */
import type { ImageLegendSection, Renderer } from '../map/renderer.ts';
import type { PlacedFlow } from '../data/dataset.ts';
import { flowsCsv, type CsvLookup } from '../export/csv.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { ViewModel } from '../selectors/view.ts';
import type { Lang, ViewState } from '../state/viewState.ts';
import { platformName, type Names } from '../i18n/describe.ts';
import { h, setText } from './controls/dom.ts';
import { saveBlob } from './dom.ts';
import { imageAttribution, imageFrame, imageHeader, imageLegend } from './imageFrame.ts';
import { wrapText } from '../i18n/wrap.ts';

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
export function fileName(s: ViewState, ext: 'csv' | 'png' | 'svg'): string {
  const parts = ['jjj-transfer', ext === 'csv' ? 'flows' : 'map', s.metric !== 'projects' ? s.metric : '', s.industry.slice(0, 3).join('-'), s.years ? (s.years[0] === s.years[1] ? String(s.years[0]) : `${s.years[0]}-${s.years[1]}`) : '', s.origin ?? '', s.dest !== null ? String(s.dest) : ''];
  return `${parts.filter(Boolean).join('-').replace(/[^a-z0-9-]/gi, '')}.${ext}`;
}

export function downloadCsv(flows: readonly PlacedFlow[], names: Names, s: ViewState): void {
  saveBlob(new Blob([flowsCsv(flows, csvLookup(names, s.lang))], { type: 'text/csv;charset=utf-8' }), fileName(s, 'csv'));
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  return wrapText(text, width, (line) => ctx.measureText(line).width);
}

export interface PngInput {
  renderer: Pick<Renderer, 'snapshot' | 'surface'>;
  view: ViewModel;
  state: ViewState;
  names: Names;
}

/** The picture's legend: the flows' (./imageFrame.ts), or a comparison's change key (./changeLegend.ts, loaded with the comparison). */
async function legendOf(view: ViewModel, state: ViewState, ink: string): Promise<ImageLegendSection[]> {
  if (!view.change) return imageLegend(view, state, ink);
  const { changeImageLegend } = await import('./compare.ts');
  return [...changeImageLegend(view.change, state.lang, ink), ...imageLegend(view, state, ink, { flows: false })];
}

/** The map with the header (title, date, filters), the legend and the attribution on one canvas (./imageFrame.ts: the same words as the SVG). */
export async function renderPng({ renderer, view, state, names }: PngInput): Promise<HTMLCanvasElement> {
  const shot = await renderer.snapshot();
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
  const header = imageHeader(state, names, new Date());
  const sections = await legendOf(view, state, muted);

  const out = document.createElement('canvas');
  const ctx = out.getContext('2d')!;
  const setFont = (px: number, weight = 400) => (ctx.font = `${weight} ${px * k}px ${font}`);

  // Header and footer heights depend on wrapped text: measure first.
  setFont(12);
  const headLines = (header.lines ?? []).flatMap((l) => wrap(ctx, l, W - 2 * pad));
  setFont(10.5);
  const attrLines = wrap(ctx, imageAttribution(state), W - 2 * pad);
  const headH = pad + 20 * k + headLines.length * 16 * k + pad / 2;
  const footH = pad / 2 + attrLines.length * 14 * k + pad / 2;
  out.width = W;
  out.height = Math.round(headH + shot.height + footH);

  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = text;
  setFont(16, 600);
  ctx.fillText(header.title ?? '', pad, pad + 15 * k);
  ctx.fillStyle = muted;
  setFont(12);
  headLines.forEach((l, i) => ctx.fillText(l, pad, pad + 20 * k + (i + 1) * 15 * k));
  ctx.drawImage(shot, 0, headH);

  // Legend box, bottom-left of the map: a title, then each section's title and rows.
  const rowH = 17 * k;
  const gap = 4 * k; // before each section title
  const lines = 1 + sections.reduce((n, sec) => n + 1 + sec.items.length, 0);
  setFont(11);
  const labels = sections.flatMap((sec) => [sec.title, ...sec.items.map((i) => i.label)]);
  const boxW = Math.min(W * 0.6, Math.max(...labels.map((l) => ctx.measureText(l).width)) + 56 * k);
  const boxH = lines * rowH + sections.length * gap + pad;
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
  write(t(state.lang, 'legend.title'), 600);
  for (const sec of sections) {
    yy += rowH + gap;
    write(sec.title, 600);
    for (const item of sec.items) {
      yy += rowH;
      const cy = yy - 4 * k;
      ctx.fillStyle = item.color;
      if (item.shape === 'circle') {
        ctx.beginPath();
        ctx.arc(bx + 21 * k, cy, (item.size ?? 5) * k, 0, Math.PI * 2);
        ctx.fill();
        ctx.strokeStyle = item.stroke ?? item.color;
        ctx.stroke();
      } else if (item.shape === 'taper') {
        // A tapering stroke, as the arcs narrow towards where they land.
        const w = Math.max(1, item.size ?? 2) * k;
        ctx.beginPath();
        ctx.moveTo(bx + 8 * k, cy - w / 2);
        ctx.lineTo(bx + 34 * k, cy - w / 6);
        ctx.lineTo(bx + 34 * k, cy + w / 6);
        ctx.lineTo(bx + 8 * k, cy + w / 2);
        ctx.closePath();
        ctx.fill();
      } else if (item.shape === 'dashed') {
        ctx.strokeStyle = item.color;
        ctx.lineWidth = 3 * k;
        ctx.setLineDash([4 * k, 3 * k]);
        ctx.beginPath();
        ctx.moveTo(bx + 10 * k, cy);
        ctx.lineTo(bx + 32 * k, cy);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.lineWidth = 1;
      } else ctx.fillRect(bx + 10 * k, cy - 2 * k, 22 * k, 4 * k);
      write(item.label);
    }
  }

  // Attribution under the map.
  ctx.fillStyle = muted;
  setFont(10.5);
  attrLines.forEach((l, i) => ctx.fillText(l, pad, headH + shot.height + pad / 2 + (i + 0.8) * 14 * k));
  return out;
}

/** The SVG: the renderer writes the map; the words around it are the PNG's (./imageFrame.ts). */
export function renderSvg({ renderer, view, state, names }: Omit<PngInput, 'renderer'> & { renderer: Pick<Renderer, 'svg'> }): Promise<string> {
  const ink = getComputedStyle(document.documentElement).getPropertyValue('--muted').trim() || '#5c564d';
  return legendOf(view, state, ink).then((legend) => renderer.svg(imageFrame(view, state, names, { date: new Date(), ink, legend })));
}

export interface DownloadsOptions {
  csv(): void;
  png(): Promise<void>;
  svg(): Promise<void>;
  /** Is there a map to take a picture of (not while it is still loading)? Asked at each update and click. */
  hasMap(): boolean;
}

export function downloadsView(o: DownloadsOptions): { el: HTMLElement; update(lang: Lang, rows: number): void } {
  const title = h('h2', { class: 'pt-section__title' });
  const csv = h('button', { type: 'button', class: 'btn pt-download pt-download--csv' });
  const png = h('button', { type: 'button', class: 'btn pt-download pt-download--png' });
  const svg = h('button', { type: 'button', class: 'btn pt-download pt-download--svg' });
  const csvHint = h('p', { class: 'pt-hint' });
  const pngHint = h('p', { class: 'pt-hint' });
  const svgHint = h('p', { class: 'pt-hint' });
  csv.addEventListener('click', () => o.csv());
  // One picture at a time per button (a second click while busy does nothing).
  const picture = (button: HTMLButtonElement, make: () => Promise<void>) =>
    button.addEventListener('click', () => {
      if (!o.hasMap() || button.getAttribute('aria-busy') === 'true') return;
      button.setAttribute('aria-busy', 'true');
      make().finally(() => button.setAttribute('aria-busy', 'false'));
    });
  picture(png, o.png);
  picture(svg, o.svg);
  const el = h('section', { class: 'pt-section pt-downloads' }, title, h('div', { class: 'pt-row pt-row--wrap' }, csv, png, svg), csvHint, pngHint, svgHint);
  return {
    el,
    update(lang, rows) {
      setText(title, t(lang, 'download.title'));
      setText(csv, t(lang, 'download.csv'));
      setText(png, t(lang, 'download.png'));
      setText(csvHint, t(lang, 'download.csvHint', { n: rows }));
      setText(svg, t(lang, 'download.svg'));
      const hasMap = o.hasMap();
      setText(pngHint, hasMap ? t(lang, 'download.pngHint') : t(lang, 'download.pngUnavailable'));
      setText(svgHint, t(lang, 'download.svgHint'));
      svgHint.hidden = !hasMap;
      png.disabled = svg.disabled = !hasMap;
    },
  };
}
