/**
 * When two periods are compared (selectors/changeMap.ts) the dotted arcs are the arcs of one
 * period only, coloured and sized by their change like the solid ones; records with no figure in
 * the measure are not drawn then (the legend says so).
 *
 * The dotted arcs' state, the same in both renderers: packed arcs (./packUnmeasured.ts),
 * highlight states (the measured arcs' rule, selectors/highlight.ts) and picking (geo/pick.ts).
 * Each renderer draws `packed` in its own way (a dotted WebGL arc layer, dotted canvas strokes).
 */
import type { ViewModel } from '../selectors/view.ts';
import type { UnmeasuredArc } from '../selectors/unmeasured.ts';
import type { Arc } from '../selectors/arcs.ts';
import { mapArcs } from '../selectors/mapArcs.ts';
import type { Hit } from '../selectors/hit.ts';
import { fanCurvatures } from '../geo/arcs.ts';
import { packChange } from './packView.ts';
import { ARC_FADED, arcStates } from '../selectors/highlight.ts';
import { buildPickIndex, pickArc, type PickIndex } from '../geo/pick.ts';
import { emptyArcs, type PackedArcs } from './arcPack.ts';
import { packUnmeasured } from './packUnmeasured.ts';

export interface DottedArcs {
  readonly packed: PackedArcs;
  readonly arcs: readonly (UnmeasuredArc | Arc)[];
  update(view: Pick<ViewModel, 'arcs' | 'unmeasuredArcs'> & Partial<Pick<ViewModel, 'change' | 'net'>>): void;
  /** Highlight states for `key` / `arcId` (written into `packed.state`); returns them. */
  restate(key: string | null, arcId: string | null): Uint8Array;
  /** The dotted arc nearest to `p` (Mercator) within 4 px, faded ones skipped. */
  pick(p: readonly [number, number], pxPerUnit: number): Hit | null;
}

export function dottedArcs(): DottedArcs {
  let packed = emptyArcs();
  let arcs: readonly (UnmeasuredArc | Arc)[] = [];
  let changed: readonly Arc[] | null = null;
  let index: PickIndex | null = null;
  return {
    get packed() {
      return packed;
    },
    get arcs() {
      return arcs;
    },
    update(view) {
      const change = view.change;
      if (change) {
        arcs = changed = change.only;
        packed = packChange(change.only, change);
        // Fanned after the solid arcs between the same places, so a dashed arc never lies on one.
        const m = change.both.length;
        const all = [...change.both, ...change.only];
        packed.curvature.set(fanCurvatures(all, (a) => [a.originKey, a.destinationKey]).subarray(m));
      } else {
        changed = null;
        arcs = view.unmeasuredArcs ?? [];
        packed = packUnmeasured({ arcs: mapArcs(view), unmeasuredArcs: arcs as UnmeasuredArc[] });
      }
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
      if (i < 0) return null;
      return changed ? { kind: 'arc', arc: changed[i]! } : { kind: 'unmeasured', arc: arcs[i] as UnmeasuredArc };
    },
  };
}
