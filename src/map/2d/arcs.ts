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
import type { PackedArcs } from '../arcLayer.ts';
import type { ZoomTransform } from '../../geo/camera.ts';
import { WORLD } from '../../geo/camera.ts';
import type { PathSink } from './geometry.ts';

export const ARC_NORMAL = 0;
export const ARC_HIGHLIGHT = 1;
export const ARC_FADED = 2;

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
 * One arc's ribbon from screen points S (source), C (control), D (destination) with half-widths
 * h0 at S and h1 at D, written into `sink` as one closed shape (left edge S→D, right edge D→S).
 */
export function ribbon(sink: PathSink, sx: number, sy: number, cx: number, cy: number, dx: number, dy: number, h0: number, h1: number): void {
  let ax = cx - sx, ay = cy - sy;
  let bx = dx - cx, by = dy - cy;
  const la = Math.hypot(ax, ay), lb = Math.hypot(bx, by);
  if (la < 1e-9 || lb < 1e-9) return;
  ax /= la; ay /= la; bx /= lb; by /= lb;
  // Left normals of the two legs (y down: left of travel is (dy, -dx)).
  const nax = ay, nay = -ax, nbx = by, nby = -bx;
  // The offset control point: C moved so that it stays on both offset legs,
  // C + m with m·na = ha and m·nb = hb (ha, hb the half-widths where each leg ends at C).
  const hc = (h0 + h1) / 2;
  const det = nax * nby - nay * nbx;
  const edge = (s: number) => {
    const h0s = h0 * s, h1s = h1 * s, hcs = hc * s;
    let mx: number, my: number;
    if (Math.abs(det) < 1e-6) {
      mx = nax * hcs;
      my = nay * hcs;
    } else {
      // Solve [na; nb] m = [hcs, hcs].
      mx = (hcs * nby - nay * hcs) / det;
      my = (nax * hcs - hcs * nbx) / det;
    }
    return [sx + nax * h0s, sy + nay * h0s, cx + mx, cy + my, dx + nbx * h1s, dy + nby * h1s] as const;
  };
  const l = edge(1);
  const r = edge(-1);
  sink.moveTo(l[0], l[1]);
  sink.quadraticCurveTo(l[2], l[3], l[4], l[5]);
  sink.lineTo(r[4], r[5]);
  sink.quadraticCurveTo(r[2], r[3], r[0], r[1]);
  sink.closePath();
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

/**
 * Group the arcs into batches by colour, alpha and state: normal and faded batches first (in the
 * order their first arc comes), highlighted ones last, on top.
 */
export function arcBatches(a: PackedArcs, states: Uint8Array, style: ArcStyle = ARC_STYLE): ArcBatch[] {
  const byKey = new Map<number, ArcBatch>();
  const order: ArcBatch[] = [];
  const c = a.color;
  for (let i = 0; i < a.count; i++) {
    const st = states[i] ?? ARC_NORMAL;
    const key = ((c[i * 4]! << 16) | (c[i * 4 + 1]! << 8) | c[i * 4 + 2]!) * 1024 + c[i * 4 + 3]! * 4 + st;
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

/**
 * Write the batch's ribbons into `sink` under `t`. Arcs whose hull lies outside `clip` (screen px)
 * are skipped. Returns how many were written.
 */
export function traceBatch(sink: PathSink, a: PackedArcs, batch: ArcBatch, t: ZoomTransform, clip: [number, number, number, number] | null, style: ArcStyle = ARC_STYLE): number {
  const q = new Float64Array(6);
  const extra = batch.state === ARC_HIGHLIGHT ? style.highlightExtra : 0;
  let n = 0;
  for (const i of batch.arcs) {
    arcScreen(a, i, t, q);
    const w = a.width[i]!;
    const pad = w + extra;
    if (clip && (Math.max(q[0]!, q[2]!, q[4]!) < clip[0] - pad || Math.min(q[0]!, q[2]!, q[4]!) > clip[2] + pad || Math.max(q[1]!, q[3]!, q[5]!) < clip[1] - pad || Math.min(q[1]!, q[3]!, q[5]!) > clip[3] + pad)) continue;
    ribbon(sink, q[0]!, q[1]!, q[2]!, q[3]!, q[4]!, q[5]!, (w + extra) / 2, (w * style.taper + extra) / 2);
    n++;
  }
  return n;
}

/**
 * Arc states for a highlight, as the WebGL map: `arcId` lights that arc; `key` lights the arcs
 * starting or ending at it and, for a prefecture (or municipality) key, every arc starting or
 * ending inside it; the rest fade. Nothing to light → all normal.
 */
export function highlightStates(
  arcs: ReadonlyArray<{ id: string; originKey: string; destinationKey: string; origin: { prefecture: number | null }; destination: { prefecture: number | null } }>,
  key: string | null,
  arcId: string | null = null,
): Uint8Array {
  const out = new Uint8Array(arcs.length);
  if (key === null && arcId === null) return out;
  const prefecture = key !== null && /^\d{4}00$/.test(key) ? Number(key) : null;
  for (let i = 0; i < arcs.length; i++) {
    const a = arcs[i]!;
    const on = arcId !== null
      ? a.id === arcId
      : a.originKey === key || a.destinationKey === key || (prefecture !== null && (a.origin.prefecture === prefecture || a.destination.prefecture === prefecture));
    out[i] = on ? ARC_HIGHLIGHT : ARC_FADED;
  }
  return out;
}
