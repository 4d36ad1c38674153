/**
 * Dotted arcs on a Canvas 2D context (records with no figure in the measure; ../dottedArcs.ts):
 * the same packed curves as the WebGL dotted layer, stroked as hairlines with the same dot
 * pattern, batched by colour and state (./arcs.ts `arcBatches`) into one path each.
 */
import type { PackedArcs } from '../arcPack.ts';
import type { ZoomTransform } from '../../geo/camera.ts';
import { DOT_ON, DOT_PERIOD, dotStretch } from '../packUnmeasured.ts';
import { arcBatches, arcScreen } from './arcs.ts';
import { ARC_HIGHLIGHT } from '../../selectors/highlight.ts';

export function drawDotted(ctx: CanvasRenderingContext2D, arcs: PackedArcs, f: { transform: ZoomTransform; width: number; height: number; dpr: number }): void {
  if (!arcs.count) return;
  ctx.setTransform(f.dpr, 0, 0, f.dpr, 0, 0);
  const q = new Float64Array(6);
  for (const b of arcBatches(arcs, arcs.state)) {
    // One path per width (unmeasured records share one; a comparison's one-period arcs vary).
    const paths = new Map<number, Path2D>();
    for (const i of b.arcs) {
      arcScreen(arcs, i, f.transform, q);
      if (Math.max(q[0]!, q[2]!, q[4]!) < 0 || Math.min(q[0]!, q[2]!, q[4]!) > f.width || Math.max(q[1]!, q[3]!, q[5]!) < 0 || Math.min(q[1]!, q[3]!, q[5]!) > f.height) continue;
      const w = Math.round(arcs.width[i]! * 4) / 4;
      let path = paths.get(w);
      if (!path) paths.set(w, (path = new Path2D()));
      path.moveTo(q[0]!, q[1]!);
      path.quadraticCurveTo(q[2]!, q[3]!, q[4]!, q[5]!);
    }
    ctx.globalAlpha = b.alpha;
    ctx.strokeStyle = b.color;
    for (const [w, path] of paths) {
      // The WebGL layer's pattern is in device px, stretched on wide arcs.
      const k = dotStretch(w * f.dpr) / f.dpr;
      ctx.setLineDash([DOT_PERIOD * DOT_ON * k, DOT_PERIOD * (1 - DOT_ON) * k]);
      ctx.lineWidth = w + (b.state === ARC_HIGHLIGHT ? 1 : 0);
      ctx.stroke(path);
    }
  }
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}
