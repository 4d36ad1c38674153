/**
 * The dotted arcs' state, the same in both renderers: packed arcs (./packUnmeasured.ts),
 * highlight states (the measured arcs' rule, selectors/highlight.ts) and picking (geo/pick.ts).
 * Each renderer draws `packed` in its own way (a dotted WebGL arc layer, dotted canvas strokes).
 */
import type { ViewModel } from '../selectors/view.ts';
import type { UnmeasuredArc } from '../selectors/unmeasured.ts';
import { ARC_FADED, arcStates } from '../selectors/highlight.ts';
import { buildPickIndex, pickArc, type PickIndex } from '../geo/pick.ts';
import { emptyArcs, type PackedArcs } from './arcPack.ts';
import { packUnmeasured } from './packUnmeasured.ts';

export interface DottedArcs {
  readonly packed: PackedArcs;
  readonly arcs: readonly UnmeasuredArc[];
  update(view: Pick<ViewModel, 'arcs' | 'unmeasuredArcs'>): void;
  /** Highlight states for `key` / `arcId` (written into `packed.state`); returns them. */
  restate(key: string | null, arcId: string | null): Uint8Array;
  /** The dotted arc nearest to `p` (Mercator) within 4 px, faded ones skipped. */
  pick(p: readonly [number, number], pxPerUnit: number): UnmeasuredArc | null;
}

export function dottedArcs(): DottedArcs {
  let packed = emptyArcs();
  let arcs: readonly UnmeasuredArc[] = [];
  let index: PickIndex | null = null;
  return {
    get packed() {
      return packed;
    },
    get arcs() {
      return arcs;
    },
    update(view) {
      arcs = view.unmeasuredArcs ?? [];
      packed = packUnmeasured({ arcs: view.arcs, unmeasuredArcs: arcs as UnmeasuredArc[] });
      index = null;
    },
    restate(key, arcId) {
      packed.state = arcStates(arcs, key, arcId);
      return packed.state;
    },
    pick(p, pxPerUnit) {
      if (!packed.count) return null;
      index ??= buildPickIndex(packed.positions, packed.curvature, packed.width);
      const i = pickArc(index, p, pxPerUnit, 4, (k) => packed.state[k] === ARC_FADED);
      return i >= 0 ? arcs[i]! : null;
    },
  };
}
