/**
 * The origin–destination matrix (issue 18): origins × destinations of the arcs in view, at the
 * current level and filters. A cell adds only figures that may be added (data/sum.ts): one total
 * per summable group (the arcs' group keys), shaded by its largest; rows and columns come
 * sorted by their largest total. Pure.
 */
import type { Place } from '../data/dataset.ts';
import type { SumGroup } from '../data/sum.ts';
import type { Arc } from './arcs.ts';

export interface MatrixEnd {
  key: string;
  place: Place;
  /** Largest summable total of the row or column (its sort order). */
  size: number;
}

export interface MatrixGroup {
  key: string;
  group: SumGroup;
  value: number;
}

export interface MatrixCell {
  /** One total per summable group, largest first. */
  groups: MatrixGroup[];
  /** The largest group's total (shades the cell). */
  size: number;
  /** The cell's largest arc (highlighted on the map with the cell). */
  arcId: string;
  /** Every arc of the pair. */
  arcIds: string[];
}

export interface OdMatrix {
  rows: MatrixEnd[];
  cols: MatrixEnd[];
  /** `cells[r][c]`, null where nothing moved. */
  cells: Array<Array<MatrixCell | null>>;
  /** Largest cell size (the shade scale's top). */
  max: number;
}

/** Totals per group key (a handful per cell: a list is cheaper than a map). */
function addTo(groups: MatrixGroup[], g: SumGroup, value: number): void {
  for (const known of groups) {
    if (known.key === g.key) {
      known.value += value;
      return;
    }
  }
  groups.push({ key: g.key, group: g, value });
}

const largest = (groups: readonly MatrixGroup[]): number => {
  let m = 0;
  for (const g of groups) if (g.value > m) m = g.value;
  return m;
};

/** Sums with cents-safe rounding: the same decimals the figures have (at most 6). */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

export function odMatrix(arcs: readonly Arc[]): OdMatrix {
  const rowGroups = new Map<string, { place: Place; groups: MatrixGroup[] }>();
  const colGroups = new Map<string, { place: Place; groups: MatrixGroup[] }>();
  const cellGroups = new Map<string, { o: string; d: string; groups: MatrixGroup[]; arcs: Arc[]; top: Arc }>();
  for (const a of arcs) {
    const r = rowGroups.get(a.originKey) ?? { place: a.origin, groups: [] };
    rowGroups.set(a.originKey, r);
    addTo(r.groups, a.group, a.value);
    const c = colGroups.get(a.destinationKey) ?? { place: a.destination, groups: [] };
    colGroups.set(a.destinationKey, c);
    addTo(c.groups, a.group, a.value);
    const k = `${a.originKey}>${a.destinationKey}`;
    let cell = cellGroups.get(k);
    if (!cell) cellGroups.set(k, (cell = { o: a.originKey, d: a.destinationKey, groups: [], arcs: [], top: a }));
    addTo(cell.groups, a.group, a.value);
    cell.arcs.push(a);
    if (a.value > cell.top.value) cell.top = a;
  }
  const ends = (m: typeof rowGroups): MatrixEnd[] =>
    Array.from(m, ([key, v]) => ({ key, place: v.place, size: tidy(largest(v.groups)) })).sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : 1));
  const rows = ends(rowGroups);
  const cols = ends(colGroups);
  // Each pair to its place (the fine level has ~200 × 250 cells, a tenth of them filled: placing
  // the pairs is cheaper than looking up every cell).
  const rowAt = new Map(rows.map((r, i) => [r.key, i]));
  const colAt = new Map(cols.map((c, j) => [c.key, j]));
  const cells = rows.map(() => new Array<MatrixCell | null>(cols.length).fill(null));
  let max = 0;
  for (const cell of cellGroups.values()) {
    const groups = cell.groups;
    for (const g of groups) g.value = tidy(g.value);
    if (groups.length > 1) groups.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : 1));
    const size = groups[0]?.value ?? 0;
    if (size > max) max = size;
    cells[rowAt.get(cell.o)!]![colAt.get(cell.d)!] = { groups, size, arcId: cell.top.id, arcIds: cell.arcs.map((a) => a.id) };
  }
  return { rows, cols, cells, max };
}
