/**
 * The map as an SVG document, for print and "Download SVG" in either renderer: the same layers,
 * styles, arcs, circles and label placement as the 2D canvas (./2d/basemap.ts, ./2d/arcs.ts,
 * ./2d/circles.ts, ./2d/labels.ts), drawn into
 * d3-path's Canvas-like `path()` instead of a canvas. Layer groups (`<g id=…>`), one `<path>` per
 * drawn arc, labels as `<text>` (halos as a separate group underneath, so editors that ignore
 * `paint-order` still show clean text), and optional header (title, date, filters) and footer
 * (legend sections, attribution), long lines wrapped to the width. Pure: no DOM; text widths
 * from `measure` or an estimate. The renderers load this module on first use (dynamic import).
 */
import { pathRound } from 'd3-path';
import type { Boundaries } from '../geo/boundaries.ts';
import type { ViewModel } from '../selectors/view.ts';
import type { CameraView, Lang, Theme } from '../state/viewState.ts';
import { fitBounds, toTransform, type ZoomTransform } from '../geo/camera.ts';
import { MAX_ZOOM, REGION_BOUNDS, REGION_PADDING } from '../geo/region.ts';
import { packView } from './packView.ts';
import { mapArcs } from '../selectors/mapArcs.ts';
import { localTransform, projectBoundaries, traceAreas, type ProjectedBasemap } from './2d/geometry.ts';
import { basemapSteps, seaColor } from './2d/basemap.ts';
import { arcBatches, arcScreen, traceBatch } from './2d/arcs.ts';
import { ARC_HIGHLIGHT, arcStates } from '../selectors/highlight.ts';
import { dottedArcs } from './dottedArcs.ts';
import { DOT_ON, DOT_PERIOD, dotStretch } from './packUnmeasured.ts';
import { circles, intakeCircles, shownPlatforms, traceCircle, type Circle } from './2d/circles.ts';
import { estimateWidth, LABEL_FONTS, placeLabels, type Measure } from './2d/labels.ts';
import { wrapText } from '../i18n/wrap.ts';
import type { ImageFrame, ImageLegendSection } from './renderer.ts';
import { palettes } from '../scales/palette.ts';

export interface SvgOptions {
  boundaries: Boundaries;
  view: ViewModel | null;
  /** null = the whole region. */
  camera: CameraView | null;
  /** Size of the map area, CSS px (1 px = 1 SVG user unit). */
  width: number;
  height: number;
  theme: Theme;
  lang: Lang;
  /** The highlight as on screen (a place/platform key or an arc id). */
  highlight?: { key: string | null; arcId?: string | null };
  /** Above the map: a title and lines under it (date, filters). */
  header?: ImageFrame['header'];
  /** Below the map: legend sections, then attribution lines. */
  footer?: ImageFrame['footer'];
  measure?: Measure;
  /** Projected boundaries, when the caller has them (saves projecting again). */
  projected?: ProjectedBasemap;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const num = (v: number) => (Math.round(v * 100) / 100).toString();
const FONT = esc(LABEL_FONTS);

/** Number of arcs the SVG draws for these options (those whose hull meets the map area). */
export interface SvgResult {
  svg: string;
  arcs: number;
  labels: number;
}

export function mapSvg(o: SvgOptions): SvgResult {
  const { width, height, theme, lang } = o;
  const size = { width, height };
  const pal = palettes[theme];
  const t: ZoomTransform = toTransform(o.camera ?? fitBounds(REGION_BOUNDS, size, REGION_PADDING, MAX_ZOOM), size);
  const zoom = Math.log2(t.k);
  const projected = o.projected ?? projectBoundaries(o.boundaries);
  const clip: [number, number, number, number] = [0, 0, width, height];
  const out: string[] = [];
  const measure = o.measure ?? estimateWidth;
  // Header and footer text is laid out with room to spare: the file may open where the named
  // fonts are missing and a wider one stands in (checked with resvg's fallback serif).
  const roomy: Measure = (s, size, ls) => measure(s, size, ls) * TEXT_SLACK;
  const header = o.header ? headerSvg(o.header, width, roomy) : { height: 0, svg: '' };
  const footer = o.footer ? footerSvg(o.footer, width, roomy) : { height: 0, svg: '' };
  const headerH = header.height;
  const total = headerH + height + footer.height;
  const textColor = pal.text;

  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${FONT}">`);
  out.push(`<rect id="page" width="${width}" height="${total}" fill="${theme === 'dark' ? '#1b1f23' : '#ffffff'}"/>`);
  if (o.header) out.push(`<g id="header" fill="${textColor}">`, header.svg, `</g>`);

  out.push(`<defs><clipPath id="map-clip"><rect width="${width}" height="${height}"/></clipPath></defs>`);
  out.push(`<g id="map" transform="translate(0 ${headerH})" clip-path="url(#map-clip)">`);
  out.push(`<rect id="sea" width="${width}" height="${height}" fill="${seaColor(theme)}"/>`);

  // Basemap: one path per layer, in screen px, points closer than ¼ px merged.
  const lt = localTransform(t);
  out.push(`<g id="basemap" stroke-linejoin="round">`);
  for (const s of basemapSteps(theme, zoom)) {
    const p = pathRound(2);
    traceAreas(p, projected[s.areas], lt, { minStep: 0.25, clip });
    const d = p.toString();
    if (!d) continue;
    const paint = s.kind === 'fill' ? `fill="${s.color}" stroke="none"` : `fill="none" stroke="${s.color}" stroke-width="${num(s.width)}"`;
    out.push(`<path id="${s.id}" ${paint}${s.opacity < 1 ? ` opacity="${num(s.opacity)}"` : ''} fill-rule="evenodd" d="${d}"/>`);
  }
  out.push(`</g>`);

  const circleGroup = (id: string, list: readonly Circle[]) => {
    out.push(`<g id="${id}">`);
    for (const c of list) {
      if (c.x + c.r < 0 || c.x - c.r > width || c.y + c.r < 0 || c.y - c.r > height) continue;
      const p = pathRound(2);
      traceCircle(p, c);
      out.push(`<circle cx="${num(c.x)}" cy="${num(c.y)}" r="${num(c.r)}" fill="${c.fill ?? 'none'}"${c.fill && c.fillOpacity < 1 ? ` fill-opacity="${num(c.fillOpacity)}"` : ''} stroke="${c.stroke}" stroke-width="${num(c.strokeWidth)}"${c.strokeOpacity < 1 ? ` stroke-opacity="${num(c.strokeOpacity)}"` : ''}/>`);
    }
    out.push(`</g>`);
  };
  // The prefecture intake layer (issue 17): its symbols over the basemap, under the flows (as on screen).
  if (o.view?.intake) circleGroup('intake', intakeCircles(o.view, o.boundaries.labels, t));

  // Records with no figure in the measure: dotted hairlines under the arcs, one path each, as the
  // canvas strokes them (./2d/dotted.ts).
  if (o.view) {
    const dots = dottedArcs();
    dots.update(o.view);
    dots.restate(o.highlight?.key ?? null, o.highlight?.arcId ?? null);
    const q = new Float64Array(6);
    out.push(`<g id="dotted-arcs" fill="none" stroke-dasharray="${num(DOT_PERIOD * DOT_ON)} ${num(DOT_PERIOD * (1 - DOT_ON))}">`);
    for (const b of arcBatches(dots.packed, dots.packed.state)) {
      const parts: string[] = [];
      let w = 0;
      for (const i of b.arcs) {
        arcScreen(dots.packed, i, t, q);
        if (Math.max(q[0]!, q[2]!, q[4]!) < 0 || Math.min(q[0]!, q[2]!, q[4]!) > width || Math.max(q[1]!, q[3]!, q[5]!) < 0 || Math.min(q[1]!, q[3]!, q[5]!) > height) continue;
        // A comparison's one-period arcs (selectors/changeMap.ts) are as wide as their change.
        const wi = dots.packed.width[i]!;
        const k = dotStretch(wi);
        const own = o.view.change ? ` stroke-width="${num(wi + (b.state === ARC_HIGHLIGHT ? 1 : 0))}"${k > 1 ? ` stroke-dasharray="${num(DOT_PERIOD * DOT_ON * k)} ${num(DOT_PERIOD * (1 - DOT_ON) * k)}"` : ''}` : '';
        parts.push(`<path data-arc="${esc(dots.arcs[i]!.id)}"${own} d="M${num(q[0]!)},${num(q[1]!)}Q${num(q[2]!)},${num(q[3]!)},${num(q[4]!)},${num(q[5]!)}"/>`);
        w = Math.max(w, dots.packed.width[i]!);
      }
      if (parts.length) out.push(`<g stroke="${b.color}" stroke-opacity="${num(b.alpha)}" stroke-width="${num(w + (b.state === ARC_HIGHLIGHT ? 1 : 0))}">`, ...parts, `</g>`);
    }
    out.push(`</g>`);
  }

  // Arcs: one path each, grouped by batch (colour and state) as on the canvas.
  let arcCount = 0;
  let focus: string | null = null;
  let placed: { places: Circle[]; platforms: Circle[] } = { places: [], platforms: [] };
  out.push(`<g id="arcs" stroke="none">`);
  if (o.view) {
    const packed = packView(o.view);
    const key = o.highlight?.key ?? null;
    focus = key;
    const drawn = mapArcs(o.view);
    const states = arcStates(drawn, key, o.highlight?.arcId ?? null);
    for (const b of arcBatches(packed, states)) {
      const parts: string[] = [];
      for (const i of b.arcs) {
        const p = pathRound(2);
        if (traceBatch(p, packed, { ...b, arcs: [i] }, t, clip) === 0) continue;
        parts.push(`<path data-arc="${esc(drawn[i]!.id)}" d="${p}"/>`);
      }
      if (!parts.length) continue;
      arcCount += parts.length;
      out.push(`<g fill="${b.color}" fill-opacity="${num(b.alpha)}">`, ...parts, `</g>`);
    }
    placed = circles(o.view, shownPlatforms(o.view), t, theme, focus);
  }
  out.push(`</g>`);

  circleGroup('places', placed.places);
  circleGroup('platforms', placed.platforms);

  // Labels: text as text; halos underneath as their own group.
  const labels = placeLabels(o.boundaries.labels, t, size, { theme, lang, measure: o.measure });
  const text = (l: (typeof labels)[number], halo: boolean) =>
    `<text x="${num(l.x)}" y="${num(l.y)}" dy="0.35em" font-size="${num(l.size)}"${l.letterSpacing ? ` letter-spacing="${num(l.letterSpacing * l.size)}"` : ''}${l.opacity < 1 ? ` opacity="${num(l.opacity)}"` : ''}${
      halo ? ` fill="none" stroke="${l.halo}" stroke-width="${num(l.haloWidth * 2)}" stroke-linejoin="round"` : ` fill="${l.color}"`
    }>${esc(l.text)}</text>`;
  out.push(`<g id="label-halos" text-anchor="middle" aria-hidden="true">`, ...labels.map((l) => text(l, true)), `</g>`);
  out.push(`<g id="labels" text-anchor="middle">`, ...labels.map((l) => text(l, false)), `</g>`);
  out.push(`</g>`);

  if (o.footer) out.push(`<g id="footer" fill="${textColor}" transform="translate(0 ${headerH + height})">`, footer.svg, `</g>`);
  out.push(`</svg>`);
  return { svg: out.join('\n'), arcs: arcCount, labels: labels.length };
}

const PAD = 16;
const TEXT_SLACK = 1.15;

/** Title (20 px, bold) and lines (13 px), wrapped to the width. */
function headerSvg(h: NonNullable<SvgOptions['header']>, width: number, measure: Measure): { height: number; svg: string } {
  const out: string[] = [];
  let y = PAD;
  if (h.title) {
    for (const line of wrapText(h.title, width - 2 * PAD, (s) => measure(s, 20, 0))) {
      y += 24;
      out.push(`<text x="${PAD}" y="${y - 4}" font-size="20" font-weight="bold">${esc(line)}</text>`);
    }
    y += 4;
  }
  for (const line of (h.lines ?? []).flatMap((l) => wrapText(l, width - 2 * PAD, (s) => measure(s, 13, 0)))) {
    y += 18;
    out.push(`<text x="${PAD}" y="${y - 4}" font-size="13">${esc(line)}</text>`);
  }
  return { height: y + 10, svg: out.join('\n') };
}

const SWATCH = 22;
const ROW = 18;

/** A legend row's swatch, its left edge at x, centred on cy. */
function swatch(item: ImageLegendSection['items'][number], x: number, cy: number): string {
  if (item.shape === 'circle') {
    const r = item.size ?? 5;
    return `<circle cx="${num(x + SWATCH / 2)}" cy="${num(cy)}" r="${num(r)}" fill="${item.color}" stroke="${item.stroke ?? item.color}" stroke-width="1"/>`;
  }
  if (item.shape === 'taper') {
    // A tapering stroke, as the arcs narrow towards where they land.
    const w = Math.max(1, item.size ?? 2);
    return `<path fill="${item.color}" d="M${x},${num(cy - w / 2)}L${x + SWATCH},${num(cy - w / 6)}L${x + SWATCH},${num(cy + w / 6)}L${x},${num(cy + w / 2)}Z"/>`;
  }
  if (item.shape === 'dashed') return `<path d="M${x},${num(cy)}H${x + SWATCH}" stroke="${item.color}" stroke-width="3" stroke-dasharray="4 3"/>`;
  return `<rect x="${x}" y="${num(cy - 2)}" width="${SWATCH}" height="4" fill="${item.color}"/>`;
}

/** Legend sections (a bold title, then swatches and labels flowing across the width), then attribution lines. */
function footerSvg(f: NonNullable<SvgOptions['footer']>, width: number, measure: Measure): { height: number; svg: string } {
  const out: string[] = [];
  let y = 10;
  const sections = (f.legend ?? []).filter((s) => s.items.length);
  if (sections.length) {
    out.push(`<g id="legend" font-size="12">`);
    for (const section of sections) {
      y += ROW;
      out.push(`<text x="${PAD}" y="${y - 4}" font-weight="bold">${esc(section.title)}</text>`);
      y += ROW;
      let x = PAD;
      for (const item of section.items) {
        const w = SWATCH + 6 + measure(item.label, 12, 0) + 18;
        if (x > PAD && x + w > width - PAD) {
          x = PAD;
          y += ROW;
        }
        out.push(swatch(item, x, y - 8), `<text x="${num(x + SWATCH + 6)}" y="${y - 4}">${esc(item.label)}</text>`);
        x += w;
      }
      y += 4;
    }
    out.push(`</g>`);
  }
  out.push(`<g id="attribution" font-size="11" opacity="0.8">`);
  for (const line of (f.lines ?? []).flatMap((l) => wrapText(l, width - 2 * PAD, (s) => measure(s, 11, 0)))) {
    y += 15;
    out.push(`<text x="${PAD}" y="${y - 3}">${esc(line)}</text>`);
  }
  out.push(`</g>`);
  return { height: y + 10, svg: out.join('\n') };
}
