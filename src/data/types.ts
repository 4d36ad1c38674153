/**
 * Typed records of the four data tables (+ timeline), one interface per CSV file.
 * Column `snake_case` becomes property `camelCase`; an empty optional cell becomes `null`,
 * an empty list `[]`. Adcodes are numbers (GB/T 2260, e.g. 130209).
 */
import type {
  AGGREGATE_BASES,
  BOUNDS,
  CATEGORIES,
  CONFIDENCES,
  FLOW_BASES,
  FLOW_KINDS,
  INDUSTRIES,
  INVESTMENT_TYPES,
  METRICS,
  ORIGINS,
  STATUSES,
  TIERS,
  UNITS,
} from './vocab.ts';

export type Tier = (typeof TIERS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Industry = (typeof INDUSTRIES)[number];
export type FlowKind = (typeof FLOW_KINDS)[number];
export type FlowBasis = (typeof FLOW_BASES)[number];
export type AggregateBasis = (typeof AGGREGATE_BASES)[number];
export type Basis = FlowBasis | AggregateBasis;
export type Status = (typeof STATUSES)[number];
export type InvestmentType = (typeof INVESTMENT_TYPES)[number];
export type Bound = (typeof BOUNDS)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type Unit = (typeof UNITS)[number];
export type Origin = (typeof ORIGINS)[number];
export type Metric = (typeof METRICS)[number];

/** GB/T 2260 administrative code. */
export type Adcode = number;

/** WGS-84 longitude, latitude. */
export type LonLat = readonly [lon: number, lat: number];

/** What sources.csv says where the researcher did not record a source's title. */
export const TITLE_NOT_RECORDED = '[title not recorded]';

/** A source's title, or null where it was not recorded (nothing to show in any language). */
export const sourceTitle = (s: { title: string }): string | null => (s.title && s.title !== TITLE_NOT_RECORDED ? s.title : null);

/** sources.csv */
export interface Source {
  id: string;
  publisher: string;
  /** As published, or TITLE_NOT_RECORDED. */
  title: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as published. */
  date: string;
  url: string | null;
  archivedUrl: string | null;
  note: string | null;
}

/** platforms.csv */
export interface Platform {
  id: string;
  nameZh: string;
  nameEn: string;
  tier: Tier;
  category: Category | null;
  adcode: Adcode;
  areaAdcodes: Adcode[];
  lon: number;
  lat: number;
  pointEstimated: boolean;
  coordNote: string | null;
  sourceIds: string[];
  confidence: Confidence;
  noteZh: string | null;
  noteEn: string | null;
}

/** flows.csv */
export interface Flow {
  id: string;
  kind: FlowKind;
  originAdcode: Adcode;
  originNoteZh: string | null;
  originNoteEn: string | null;
  destinationAdcode: Adcode;
  destinationPlatformId: string | null;
  industry: Industry;
  entityZh: string;
  entityEn: string;
  periodStart: number;
  periodEnd: number;
  /** What the period means, in English ("running total as of Dec 2017"). */
  periodNote: string | null;
  /** The same in Chinese ("截至2017年12月累计"); null in a planner's own file that gives none. */
  periodNoteZh: string | null;
  basis: FlowBasis;
  status: Status | null;
  preStrategy: boolean;
  projects: number | null;
  investmentCny100m: number | null;
  investmentType: InvestmentType | null;
  investmentUsdM: number | null;
  firms: number | null;
  merchants: number | null;
  bound: Bound;
  descriptionZh: string;
  descriptionEn: string;
  sourceIds: string[];
  confidence: Confidence;
}

/** aggregates.csv */
export interface Aggregate {
  id: string;
  series: string;
  scopeAdcode: Adcode;
  scopePlatformId: string | null;
  from: Origin;
  periodStart: number;
  periodEnd: number;
  /** What the period means, in English ("running total as of Dec 2017"). */
  periodNote: string | null;
  /** The same in Chinese ("截至2017年12月累计"); null in a planner's own file that gives none. */
  periodNoteZh: string | null;
  basis: AggregateBasis;
  value: number;
  unit: Unit;
  bound: Bound;
  labelZh: string;
  labelEn: string;
  sourceIds: string[];
  confidence: Confidence;
}

/** timeline.csv */
export interface TimelineEvent {
  id: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or a range `start/end` of two such dates. */
  date: string;
  adcode: Adcode;
  /** The event's point, or for a region-wide item a suggested view centre (see coordNote). */
  lon: number;
  lat: number;
  pointEstimated: boolean;
  coordNote: string | null;
  titleZh: string;
  titleEn: string;
  /** At most 200 characters each. */
  summaryZh: string;
  summaryEn: string;
  sourceIds: string[];
  confidence: Confidence;
}

/** All validated records, before the joins. */
export interface Tables {
  sources: Source[];
  platforms: Platform[];
  flows: Flow[];
  aggregates: Aggregate[];
  timeline: TimelineEvent[];
}

export type TableName = keyof Tables;
