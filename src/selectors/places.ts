/**
 * Totals per place: what each destination received and what each origin sent, as shown by the
 * circles. Figures that may not be added stay in separate groups; a circle is sized by its
 * largest group and its tooltip lists every group.
 */
import { sumFigures, type Figure, type SumGroup } from '../data/sum.ts';
import type { Place } from '../data/dataset.ts';
import type { Arc } from './arcs.ts';

export interface PlaceTotal {
  key: string;
  role: 'origin' | 'destination';
  place: Place;
  groups: SumGroup[];
  /** Value of the largest group (sizes the circle). */
  size: number;
  arcIds: string[];
}

export function placeTotals(arcs: readonly Arc[]): PlaceTotal[] {
  const acc = new Map<string, { role: PlaceTotal['role']; key: string; place: Place; figures: Figure[]; arcIds: string[] }>();
  const add = (role: PlaceTotal['role'], key: string, place: Place, arc: Arc) => {
    const k = `${role}:${key}`;
    let e = acc.get(k);
    if (!e) acc.set(k, (e = { role, key, place, figures: [], arcIds: [] }));
    e.arcIds.push(arc.id);
    const g = arc.group;
    e.figures.push({ id: arc.id, value: g.value, unit: g.unit, basis: g.basis, status: g.status, investmentType: g.investmentType, bound: g.bound, periodStart: g.periodStart, periodEnd: g.periodEnd });
  };
  for (const arc of arcs) {
    add('origin', arc.originKey, arc.origin, arc);
    add('destination', arc.destinationKey, arc.destination, arc);
  }
  return [...acc.values()].map((e) => {
    const groups = sumFigures(e.figures);
    return { key: e.key, role: e.role, place: e.place, groups, size: Math.max(...groups.map((g) => g.value)), arcIds: e.arcIds };
  });
}
