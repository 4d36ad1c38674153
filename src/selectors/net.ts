/**
 * Net flows (issue 18, `net=1`): where arcs run both ways between two places — the same
 * industry and the same definition (summable group: unit, basis, status, investment type and,
 * for running totals and yearly figures, the year; data/sum.ts) — the map draws one arc in the
 * direction of the larger, as wide as the difference, and the tooltip, table and CSV give the
 * gross both ways. Only figures of one definition are netted: a pair measured differently, or
 * with a lower bound ("over 100") on either side (a difference of lower bounds bounds nothing),
 * is drawn gross both ways and listed as not netted. A pair that balances exactly draws nothing
 * (it has no direction) and is listed with its gross figures. Pure.
 */
import type { Arc } from './arcs.ts';

export interface NetRow {
  /** The drawn net arc's id (`n:` + the larger direction's arc id). */
  id: string;
  /** The larger direction's arc (ties: the first in the view's order). */
  forward: Arc;
  backward: Arc;
  /** forward.value − backward.value (≥ 0). */
  net: number;
}

export interface NetView {
  /** What the map draws: net arcs of two-way pairs, the other arcs as they are; largest first. */
  arcs: Arc[];
  /** Two-way pairs netted, by net arc id (balanced pairs too, which draw nothing). */
  rows: Map<string, NetRow>;
  /** Arcs with a reverse that may not be netted with it (another definition, or a lower bound). */
  notNetted: Arc[];
}

/** Prefix of a net arc's id. */
export const NET_PREFIX = 'n:';

const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
const pairKey = (a: Arc, reverse: boolean) => `${reverse ? a.destinationKey : a.originKey}>${reverse ? a.originKey : a.destinationKey}|${a.industry}|${a.group.key}`;
const endsKey = (a: Arc, reverse: boolean) => `${reverse ? a.destinationKey : a.originKey}>${reverse ? a.originKey : a.destinationKey}|${a.industry}`;

export function netFlows(arcs: readonly Arc[]): NetView {
  const byKey = new Map<string, Arc>();
  const byEnds = new Map<string, Arc[]>();
  for (const a of arcs) {
    byKey.set(pairKey(a, false), a);
    const e = endsKey(a, false);
    const list = byEnds.get(e);
    if (list) list.push(a);
    else byEnds.set(e, [a]);
  }
  const out: Arc[] = [];
  const rows = new Map<string, NetRow>();
  const notNetted: Arc[] = [];
  const done = new Set<Arc>();
  for (const a of arcs) {
    if (done.has(a)) continue;
    const r = byKey.get(pairKey(a, true));
    if (r && r !== a && a.originKey !== a.destinationKey && a.group.bound !== 'at-least' && r.group.bound !== 'at-least') {
      done.add(a).add(r);
      const [forward, backward] = r.value > a.value ? [r, a] : [a, r];
      const net = tidy(forward.value - backward.value);
      const id = `${NET_PREFIX}${forward.id}`;
      rows.set(id, { id, forward, backward, net });
      if (net === 0) continue;
      const bound = forward.group.bound === 'about' || backward.group.bound === 'about' ? 'about' : 'exact';
      out.push({ ...forward, id, value: net, group: { ...forward.group, value: net, bound, flowIds: [...forward.group.flowIds, ...backward.group.flowIds] }, flows: [...forward.flows, ...backward.flows], earlier: [] });
      continue;
    }
    // A reverse of another definition (or a lower bound on either side): gross, listed.
    if ((byEnds.get(endsKey(a, true)) ?? []).some((x) => x !== a) && a.originKey !== a.destinationKey) notNetted.push(a);
    out.push(a);
  }
  out.sort((x, y) => y.value - x.value);
  return { arcs: out, rows, notNetted };
}
