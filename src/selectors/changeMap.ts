/**
 * Two periods compared, as the map draws them (issue 18): the comparison's differenced arcs
 * (./compare.ts) split into those present in both periods (drawn solid) and those in one period
 * only (drawn dashed), and the change at each place (circles), per summable group: only figures
 * of one group are added, as for the totals. Not-comparable figures (running totals, yearly
 * figures) are not drawn; the legend says how many. Every renderer, the SVG writer, the legend
 * and the tooltip read this one object. Pure.
 */
import type { Place } from '../data/dataset.ts';
import { changeScale, type ChangeScale } from '../scales/change.ts';
import type { Arc } from './arcs.ts';
import type { ChangeRow, PeriodComparison, TotalChange } from './compare.ts';
import type { PlaceTotal } from './places.ts';

export interface PlaceChange {
  key: string;
  role: 'origin' | 'destination';
  place: Place;
  /** Per summable group: the place's sum in each period and A − B. */
  groups: TotalChange[];
  /** The change of the group that changed most (sizes and colours the circle). */
  diff: number;
  /** The place's totals in period A (B when it has none in A): what a click selects. */
  total: PlaceTotal;
}

export interface ChangeLayer {
  /** Arcs in both periods, largest change first (drawn underneath). */
  both: Arc[];
  /** Arcs in one period only (drawn dashed), largest change first. */
  only: Arc[];
  /** The comparison's row of each drawn arc, by arc id. */
  rows: ReadonlyMap<string, ChangeRow>;
  places: PlaceChange[];
  scale: ChangeScale;
  /** Arcs not drawn: figures that may not be differenced (./compare.ts notComparable). */
  notComparable: number;
  a: [number, number] | null;
  b: [number, number];
}

type Sides = { arcs: readonly Arc[]; places: readonly PlaceTotal[] };

export function changeLayer(c: PeriodComparison, a: Sides, b: Sides): ChangeLayer {
  const arcOf = new Map<string, Arc>();
  for (const arc of b.arcs) arcOf.set(arc.id, arc);
  for (const arc of a.arcs) arcOf.set(arc.id, arc);
  const both: Arc[] = [];
  const only: Arc[] = [];
  const rows = new Map<string, ChangeRow>();
  const sums = new Map<string, { key: string; role: PlaceChange['role']; place: Place; groups: Map<string, TotalChange> }>();
  const add = (key: string, role: PlaceChange['role'], place: Place, r: ChangeRow) => {
    const id = `${role}:${key}`;
    let s = sums.get(id);
    if (!s) sums.set(id, (s = { key, role, place, groups: new Map() }));
    const g = s.groups.get(r.group.key) ?? { group: r.group, a: null, b: null, diff: 0 };
    if (r.a !== null) g.a = (g.a ?? 0) + r.a;
    if (r.b !== null) g.b = (g.b ?? 0) + r.b;
    g.diff = Math.round(((g.a ?? 0) - (g.b ?? 0)) * 1e6) / 1e6;
    s.groups.set(r.group.key, g);
  };
  for (const r of c.rows) {
    const arc = arcOf.get(r.id);
    if (!arc) continue;
    (r.only ? only : both).push(arc);
    rows.set(r.id, r);
    add(r.originKey, 'origin', r.origin, r);
    add(r.destinationKey, 'destination', r.destination, r);
  }
  const totalOf = new Map<string, PlaceTotal>();
  for (const p of b.places) totalOf.set(`${p.role}:${p.key}`, p);
  for (const p of a.places) totalOf.set(`${p.role}:${p.key}`, p);
  const places: PlaceChange[] = [];
  let maxPlace = 0;
  for (const [id, s] of sums) {
    const total = totalOf.get(id);
    if (!total) continue;
    const groups = [...s.groups.values()];
    const diff = groups.reduce((m, g) => (Math.abs(g.diff) > Math.abs(m) ? g.diff : m), 0);
    maxPlace = Math.max(maxPlace, Math.abs(diff));
    places.push({ key: s.key, role: s.role, place: s.place, groups, diff, total });
  }
  // Largest circles first (underneath), as the flows' circles.
  places.sort((x, y) => Math.abs(y.diff) - Math.abs(x.diff));
  return { both, only, rows, places, scale: changeScale(c.maxChange, maxPlace), notComparable: c.notComparable.length, a: c.a, b: c.b };
}
