/**
 * Which arcs a selection lights up: a place or platform key lights every arc that starts or
 * ends there (a prefecture or municipality key also every arc inside it), an arc id lights
 * that arc; the rest fade. One rule for every renderer.
 */
import type { Arc } from './arcs.ts';

/** States of an arc: normal (nothing selected), highlighted, faded. */
export const ARC_NORMAL = 0;
export const ARC_HIGHLIGHT = 1;
export const ARC_FADED = 2;

/** One state per arc (all ARC_NORMAL when nothing is selected). */
export function arcStates(arcs: ReadonlyArray<Pick<Arc, 'id' | 'originKey' | 'destinationKey'> & { origin: { prefecture: number | null }; destination: { prefecture: number | null } }>, key: string | null, arcId: string | null = null): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(arcs.length);
  if (key === null && arcId === null) return out;
  const prefecture = key !== null && /^\d{4}00$/.test(key) ? Number(key) : null;
  for (let i = 0; i < arcs.length; i++) {
    const a = arcs[i]!;
    const on =
      arcId !== null
        ? a.id === arcId
        : a.originKey === key || a.destinationKey === key || (prefecture !== null && (a.origin.prefecture === prefecture || a.destination.prefecture === prefecture));
    out[i] = on ? ARC_HIGHLIGHT : ARC_FADED;
  }
  return out;
}

/**
 * Arcs out of the pointer's reach under a highlight: while a place is selected (`key`) its
 * faded arcs cannot be picked; an arc's own highlight (a hover or a click on an arc) fades the
 * rest only for the eye, and every arc stays pickable so the pointer can move from one arc to
 * the next. For `pickArc`'s `skip`.
 */
export function unpickable(states: Uint8Array, key: string | null): ((i: number) => boolean) | undefined {
  return key === null ? undefined : (i) => states[i] === ARC_FADED;
}
