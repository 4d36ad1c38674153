/**
 * The adding-up rule. Published figures may be added only when they measure the same thing the
 * same way: same unit, same basis (a running total is not a year's figure), same status where
 * both are known (signed is not built), same investment type (协议 agreed is not 到位 in place).
 * Running totals and yearly figures are also kept apart by year. Figures that may not be added
 * end up in separate groups: never an exception, never a silently mixed total. Two running
 * totals of one arc and group are two reports of one count: never added, the latest as-of is the
 * figure (`asOf`; applied by selectors/asOf.ts).
 */
import type { Basis, Bound, Flow, InvestmentType, Metric, Status } from './types.ts';
import { METRIC_UNITS } from './vocab.ts';
import { decimalPlaces } from './decimals.ts';

export type FigureUnit = (typeof METRIC_UNITS)[Metric];

/** One flow's figure for one metric, with everything that decides whether it adds up. */
export interface Figure {
  id: string;
  value: number;
  unit: FigureUnit;
  basis: Basis;
  status: Status | null;
  /** Only for investment; null for counts. */
  investmentType: InvestmentType | null;
  bound: Bound;
  periodStart: number;
  periodEnd: number;
}

export interface SumGroup {
  /** Stable key of the group: unit, basis, status, investment type and (running totals and yearly figures) year. */
  key: string;
  unit: FigureUnit;
  basis: Basis;
  status: Status | null;
  investmentType: InvestmentType | null;
  /** `exact` only when every figure is exact; `about` when any is approximate; else `at-least`. */
  bound: Bound;
  periodStart: number;
  periodEnd: number;
  value: number;
  flowIds: string[];
}

export interface SumResult {
  /** In order of first appearance. */
  groups: SumGroup[];
  /** Flows that have no figure for the metric (not counted anywhere). */
  without: string[];
}

const COLUMN = {
  projects: 'projects',
  investment: 'investmentCny100m',
  firms: 'firms',
  merchants: 'merchants',
} as const satisfies Record<Metric, keyof Flow>;

/** The flow's figure for `metric`, or undefined when the source gives none. */
export function figureOf(flow: Flow, metric: Metric): Figure | undefined {
  const value = flow[COLUMN[metric]];
  if (value === null || !Number.isFinite(value)) return undefined;
  return {
    id: flow.id,
    value,
    unit: METRIC_UNITS[metric],
    basis: flow.basis,
    status: flow.status,
    investmentType: metric === 'investment' ? flow.investmentType : null,
    bound: flow.bound,
    periodStart: flow.periodStart,
    periodEnd: flow.periodEnd,
  };
}

/** Basis whose figures are tied to one year and may only be added within that year. */
export const YEAR_BOUND: ReadonlySet<Basis> = new Set<Basis>(['cumulative', 'annual', 'partial']);

/** May `a` and `b` be added into one total? */
export function summable(a: Figure, b: Figure): boolean {
  if (a.unit !== b.unit || a.basis !== b.basis) return false;
  if (a.status !== null && b.status !== null && a.status !== b.status) return false;
  if (a.investmentType !== b.investmentType) return false;
  if (YEAR_BOUND.has(a.basis) && a.periodEnd !== b.periodEnd) return false;
  return true;
}

/**
 * The group a figure falls in. Stricter than `summable` in one respect: a figure of unknown
 * status is kept apart from figures of known status, so a group's status is true of every
 * figure in it. Any two figures of a group are summable.
 */
export function groupKey(f: Pick<Figure, 'unit' | 'basis' | 'status' | 'investmentType' | 'periodEnd'>): string {
  const year = YEAR_BOUND.has(f.basis) ? `|${f.periodEnd}` : '';
  return `${f.unit}|${f.basis}|${f.status ?? 'unknown-status'}|${f.investmentType ?? '-'}${year}`;
}

/** Adds figures, one total per group of figures that may be added. */
export function sumFigures(figures: Iterable<Figure>): SumGroup[] {
  const groups = new Map<string, { group: SumGroup; values: number[]; bounds: Set<Bound> }>();
  for (const f of figures) {
    const key = groupKey(f);
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        group: {
          key,
          unit: f.unit,
          basis: f.basis,
          status: f.status,
          investmentType: f.investmentType,
          bound: f.bound,
          periodStart: f.periodStart,
          periodEnd: f.periodEnd,
          value: 0,
          flowIds: [],
        },
        values: [],
        bounds: new Set(),
      };
      groups.set(key, entry);
    }
    const { group } = entry;
    group.flowIds.push(f.id);
    group.periodStart = Math.min(group.periodStart, f.periodStart);
    group.periodEnd = Math.max(group.periodEnd, f.periodEnd);
    entry.values.push(f.value);
    entry.bounds.add(f.bound);
  }
  return [...groups.values()].map(({ group, values, bounds }) => ({
    ...group,
    value: decimalSum(values),
    bound: bounds.has('about') ? 'about' : bounds.has('at-least') ? 'at-least' : 'exact',
  }));
}

/** Sum of published decimals without binary noise (3671.58 + 0.1 = 3671.68). */
export function decimalSum(values: readonly number[]): number {
  const places = Math.min(
    10,
    values.reduce((m, v) => Math.max(m, decimalPlaces(v)), 0),
  );
  const scale = 10 ** places;
  const total = values.reduce((s, v) => s + Math.round(v * scale), 0);
  return total / scale;
}

/**
 * When a running total stood, for ordering reports of one count: period end × 100 + the month
 * its period note names last ("as of Dec 2017" → 12; "end-2020", "year-end" → 12), 0 when it names
 * none. Pure.
 */
export function asOf(periodEnd: number, note: string | null): number {
  let month = 0;
  const text = (note ?? '').toLowerCase();
  if (/end-?\d{4}|year-end|end of \d{4}/.test(text)) month = 12;
  for (const m of text.matchAll(/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/g)) month = 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(m[1]!) / 3 + 1;
  return periodEnd * 100 + month;
}
