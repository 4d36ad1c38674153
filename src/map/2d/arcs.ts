/**
 * Flow arcs in 2D: the same packed arcs as the WebGL layer (../packView.ts: Mercator ends,
 * fanned curvature, width, colour), the same curve — the quadratic Bézier of src/geo/arcs.ts —
 * and the same taper: full width at the source, `taper` × width at the destination; highlighted
 * arcs opaque and 1.5 px wider, faded ones at `fadedOpacity`.
 *
 * Each arc is a filled ribbon bounded by two quadratic Béziers offset from the curve (Tiller–
 * Hanson: each leg of the control polygon moved out by the half-width at its end; the offset
 * control point is where the moved legs meet), so the taper costs nothing over a stroke. Arcs are
 * batched by colour and state into one path each (ECharts' `large` lines do the same): a frame
 * is a handful of fills however many arcs there are. Within a batch, overlapping ribbons are
 * unioned rather than blended twice.
 */
import type { PackedArcs } from '../arcPack.ts';
import type { ZoomTransform } from '../../geo/camera.ts';
import { WORLD } from '../../geo/camera.ts';
import { ARC_FADED, ARC_HIGHLIGHT, ARC_NORMAL } from '../../selectors/highlight.ts';
import type { PathSink } from './geometry.ts';


export interface ArcStyle {
  /** Width at the destination as a share of the width at the source (the WebGL layer's 0.3). */
  taper: number;
  /** Opacity factor of faded arcs (the WebGL layer's 0.12). */
  fadedOpacity: number;
  /** Extra width of highlighted arcs, CSS px. */
  highlightExtra: number;
}

export const ARC_STYLE: ArcStyle = { taper: 0.3, fadedOpacity: 0.12, highlightExtra: 1.5 };

/**
 * The curve offset sideways by `o` half-widths (o = ±1: the ribbon's edges, 0: the curve itself)
 * from screen points S (source), C (control), D (destination) with half-widths h0 at S and h1 at
 * D: [sx, sy, cx, cy, dx, dy] of the offset quadratic, or null for a degenerate arc. Each leg of
 * the control polygon is moved along its normal; the control point goes where the moved legs meet.
 */
export function offsetCurve(q: ArrayLike<number>, h0: number, h1: number, o: number, out: Float64Array = new Float64Array(6)): Float64Array | null {
  const sx = q[0]!, sy = q[1]!, cx = q[2]!, cy = q[3]!, dx = q[4]!, dy = q[5]!;
  let ax = cx - sx, ay = cy - sy;
  let bx = dx - cx, by = dy - cy;
  const la = Math.hypot(ax, ay), lb = Math.hypot(bx, by);
  if (la < 1e-9 || lb < 1e-9) return null;
  ax /= la; ay /= la; bx /= lb; by /= lb;
  // Left normals of the two legs (y down: left of travel is (dy, -dx)).
  const nax = ay, nay = -ax, nbx = by, nby = -bx;
  const hc = ((h0 + h1) / 2) * o;
  const det = nax * nby - nay * nbx;
  // C + m with m·na = m·nb = hc (both legs moved by the mean half-width at C).
  const mx = Math.abs(det) < 1e-6 ? nax * hc : (hc * nby - nay * hc) / det;
  const my = Math.abs(det) < 1e-6 ? nay * hc : (nax * hc - hc * nbx) / det;
  out[0] = sx + nax * h0 * o;
  out[1] = sy + nay * h0 * o;
  out[2] = cx + mx;
  out[3] = cy + my;
  out[4] = dx + nbx * h1 * o;
  out[5] = dy + nby * h1 * o;
  return out;
}

const L = new Float64Array(6);
const R = new Float64Array(6);

/** One arc's tapered ribbon (see `offsetCurve`), written into `sink` as one closed shape. */
export function ribbon(sink: PathSink, q: ArrayLike<number>, h0: number, h1: number): void {
  if (!offsetCurve(q, h0, h1, 1, L) || !offsetCurve(q, h0, h1, -1, R)) return;
  sink.moveTo(L[0]!, L[1]!);
  sink.quadraticCurveTo(L[2]!, L[3]!, L[4]!, L[5]!);
  sink.lineTo(R[4]!, R[5]!);
  sink.quadraticCurveTo(R[2]!, R[3]!, R[0]!, R[1]!);
  sink.closePath();
}

/**
 * One arc as `m` thin curves side by side across its tapered width (for hairline strokes, which a
 * software canvas draws 10–40× faster than filled shapes: bench notes in ./canvas.ts).
 */
export function strands(sink: PathSink, q: ArrayLike<number>, h0: number, h1: number, m: number): void {
  for (let j = 0; j < m; j++) {
    const o = m === 1 ? 0 : ((j + 0.5) / m) * 2 - 1;
    if (!offsetCurve(q, h0, h1, o, L)) return;
    sink.moveTo(L[0]!, L[1]!);
    sink.quadraticCurveTo(L[2]!, L[3]!, L[4]!, L[5]!);
  }
}

/** Screen control points of arc `i` under `t` (world px → screen): [sx, sy, cx, cy, dx, dy]. */
export function arcScreen(a: PackedArcs, i: number, t: ZoomTransform, out: Float64Array = new Float64Array(6)): Float64Array {
  const p = a.positions;
  const K = WORLD * t.k;
  const sx = p[i * 4]!, sy = p[i * 4 + 1]!, tx = p[i * 4 + 2]!, ty = p[i * 4 + 3]!;
  const k = a.curvature[i]!;
  // src/geo/arcs.ts arcControl, in Mercator.
  const cx = (sx + tx) / 2 + (ty - sy) * k;
  const cy = (sy + ty) / 2 - (tx - sx) * k;
  out[0] = sx * K + t.x;
  out[1] = sy * K + t.y;
  out[2] = cx * K + t.x;
  out[3] = cy * K + t.y;
  out[4] = tx * K + t.x;
  out[5] = ty * K + t.y;
  return out;
}

/** A batch: arcs of one colour and state, drawn with one fill. */
export interface ArcBatch {
  /** CSS colour 'rgb(r,g,b)'. */
  color: string;
  alpha: number;
  state: number;
  /** Arc indices in the batch, in draw order. */
  arcs: number[];
}

/** Arcs per layer of batches (see `arcBatches`). */
export const LAYER_ARCS = 1000;

/**
 * Group the arcs into batches by colour, alpha and state, layer by layer: the arcs are cut into
 * consecutive layers of about LAYER_ARCS (at most 8), each batched by colour, so that the stacking
 * follows the arcs' own order (as the WebGL layer's) rather than one colour lying over all the
 * others. Highlighted arcs come last, on top.
 */
export function arcBatches(a: PackedArcs, states: Uint8Array, style: ArcStyle = ARC_STYLE): ArcBatch[] {
  const byKey = new Map<number, ArcBatch>();
  const order: ArcBatch[] = [];
  const c = a.color;
  const layer = Math.max(LAYER_ARCS, Math.ceil(a.count / 8));
  for (let i = 0; i < a.count; i++) {
    const st = states[i] ?? ARC_NORMAL;
    const rgb = (c[i * 4]! << 16) | (c[i * 4 + 1]! << 8) | c[i * 4 + 2]!;
    const key = ((st === ARC_HIGHLIGHT ? 0 : 1 + Math.floor(i / layer)) * 2 ** 24 + rgb) * 1024 + c[i * 4 + 3]! * 4 + st;
    let b = byKey.get(key);
    if (!b) {
      const base = c[i * 4 + 3]! / 255;
      const alpha = st === ARC_HIGHLIGHT ? 1 : st === ARC_FADED ? base * style.fadedOpacity : base;
      b = { color: `rgb(${c[i * 4]},${c[i * 4 + 1]},${c[i * 4 + 2]})`, alpha, state: st, arcs: [] };
      byKey.set(key, b);
      order.push(b);
    }
    b.arcs.push(i);
  }
  return [...order.filter((b) => b.state !== ARC_HIGHLIGHT), ...order.filter((b) => b.state === ARC_HIGHLIGHT)];
}

const inView = (q: Float64Array, pad: number, clip: [number, number, number, number] | null) =>
  !clip || !(Math.max(q[0]!, q[2]!, q[4]!) < clip[0] - pad || Math.min(q[0]!, q[2]!, q[4]!) > clip[2] + pad || Math.max(q[1]!, q[3]!, q[5]!) < clip[1] - pad || Math.min(q[1]!, q[3]!, q[5]!) > clip[3] + pad);

/**
 * Write the batch's ribbons into `sink` under `t`. Arcs whose hull lies outside `clip` (screen px)
 * are skipped, and with `minWidth` those narrower than it at the source. Returns how many were written.
 */
export function traceBatch(
  sink: PathSink,
  a: PackedArcs,
  batch: ArcBatch,
  t: ZoomTransform,
  clip: [number, number, number, number] | null,
  { style = ARC_STYLE, minWidth = 0 }: { style?: ArcStyle; minWidth?: number } = {},
): number {
  const q = new Float64Array(6);
  const extra = batch.state === ARC_HIGHLIGHT ? style.highlightExtra : 0;
  let n = 0;
  for (const i of batch.arcs) {
    const w = a.width[i]! + extra;
    if (w <= minWidth) continue;
    arcScreen(a, i, t, q);
    if (!inView(q, w, clip)) continue;
    ribbon(sink, q, w / 2, (a.width[i]! * style.taper + extra) / 2);
    n++;
  }
  return n;
}

/** Hairline width steps for arcs thinner than a pixel (a canvas fades a thin hairline by its width). */
export const THIN_STEPS = [0.25, 0.5, 0.75, 1] as const;

/**
 * The batch's arcs up to `maxWidth` CSS px wide as hairline strands: arcs under 1 device px as
 * one strand in `sinks[k]`, to be stroked THIN_STEPS[k] device px wide; wider ones as
 * round(device width) strands of 1 device px in the last sink. Returns how many arcs were written.
 */
export function traceStrands(
  sinks: readonly PathSink[],
  a: PackedArcs,
  batch: ArcBatch,
  t: ZoomTransform,
  clip: [number, number, number, number] | null,
  { maxWidth, dpr = 1, style = ARC_STYLE }: { maxWidth: number; dpr?: number; style?: ArcStyle },
): number {
  const q = new Float64Array(6);
  const extra = batch.state === ARC_HIGHLIGHT ? style.highlightExtra : 0;
  const last = THIN_STEPS.length - 1;
  let n = 0;
  for (const i of batch.arcs) {
    const w = a.width[i]! + extra;
    if (w > maxWidth) continue;
    arcScreen(a, i, t, q);
    if (!inView(q, w, clip)) continue;
    const wd = w * dpr;
    if (wd < 1) {
      const k = Math.min(last, Math.max(0, Math.round(wd * 4) - 1));
      sinks[k]!.moveTo(q[0]!, q[1]!);
      sinks[k]!.quadraticCurveTo(q[2]!, q[3]!, q[4]!, q[5]!);
    } else {
      const m = Math.max(1, Math.round(wd));
      // Strands 1 px apart span the width less one strand.
      const h0 = ((m - 1) / 2) * (w / m);
      const h1 = h0 * ((a.width[i]! * style.taper + extra) / w);
      strands(sinks[last]!, q, h0, h1, m);
    }
    n++;
  }
  return n;
}
