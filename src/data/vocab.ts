/**
 * Controlled vocabularies of the data tables (data/README.md), each defined once.
 * The union types in ./types.ts are derived from these arrays.
 */

/** platforms.csv `tier`. */
export const TIERS = ['capital-2', 'strategic-4', 'specialised-46', 'other'] as const;

/** platforms.csv `category` (only for the 46 specialised platforms). */
export const CATEGORIES = ['innovation', 'manufacturing', 'services', 'agriculture'] as const;

/** flows.csv `industry`. */
export const INDUSTRIES = [
  'automotive',
  'pharma',
  'textiles',
  'wholesale',
  'electronics-it',
  'equipment',
  'materials',
  'food',
  'agriculture',
  'logistics',
  'data-centre',
  'tech-innovation',
  'hq-admin',
  'mixed',
  'other',
] as const;

/** flows.csv `kind`. */
export const FLOW_KINDS = ['relocation', 'aggregate'] as const;

/** flows.csv `basis`. */
export const FLOW_BASES = ['event', 'annual', 'period', 'cumulative'] as const;

/** aggregates.csv `basis`. */
export const AGGREGATE_BASES = ['annual', 'partial', 'period', 'cumulative'] as const;

/** flows.csv `status`. */
export const STATUSES = ['agreed', 'started', 'completed'] as const;

/** flows.csv `investment_type`: 协议 (agreed) or 到位 (in place). */
export const INVESTMENT_TYPES = ['agreed', 'in-place'] as const;

/** `bound` of every figure: exact, 超过/余/多 (at-least), 约/近 (about). */
export const BOUNDS = ['exact', 'at-least', 'about'] as const;

/** `confidence` of every row. */
export const CONFIDENCES = ['high', 'medium', 'medium-low', 'low'] as const;

/** aggregates.csv `unit`. */
export const UNITS = ['projects', 'cny-100m', 'units', 'firms', 'merchants', 'markets', 'contracts', 'count', 'percent'] as const;

/** aggregates.csv `from`. */
export const ORIGINS = ['beijing', 'tianjin', 'beijing-tianjin', 'beijing-hebei', 'tianjin-hebei', 'any'] as const;

/** `yes` / `no` columns (point_estimated, pre_strategy). */
export const YES_NO = ['yes', 'no'] as const;

/** Flow figures that can be added up (see ./sum.ts), and the unit of each. */
export const METRICS = ['projects', 'investment', 'firms', 'merchants'] as const;

export const METRIC_UNITS = {
  projects: 'projects',
  investment: 'cny-100m',
  firms: 'firms',
  merchants: 'merchants',
} as const satisfies Record<(typeof METRICS)[number], string>;

/** The year the coordinated-development strategy was announced (Feb 2014). */
export const STRATEGY_YEAR = 2014;

/** Earliest year allowed for a row marked pre_strategy=yes. */
export const EARLIEST_YEAR = 2000;

/** Adcodes of the three provinces; Beijing and Tianjin are also prefectures. */
export const PROVINCES = { beijing: 110000, tianjin: 120000, hebei: 130000 } as const;

/** Type guard: is `value` one of `vocab`? */
export function isOneOf<T extends string>(vocab: readonly T[], value: string): value is T {
  return (vocab as readonly string[]).includes(value);
}
