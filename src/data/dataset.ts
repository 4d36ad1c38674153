/**
 * The compiled dataset the site loads (public/data/dataset.json): validated records with the
 * joins resolved, so the browser places every arc without geometry or lookups. No timestamps:
 * the same CSVs give the same bytes.
 */
import { sortErrors } from './errors.ts';
import type { RowError } from './errors.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { Adcode, Aggregate, Flow, Platform, Source, TimelineEvent } from './types.ts';
import { validateTables } from './validate.ts';
import type { TableInputs, ValidationContext } from './validate.ts';

/** Where an arc starts or ends. */
export interface Place {
  adcode: Adcode;
  /** Prefecture containing `adcode` (itself for Beijing/Tianjin); null for Hebei as a whole. */
  prefecture: Adcode | null;
  lon: number;
  lat: number;
  /** `platform`: the platform's point; `label`: the adcode's label point. */
  pointSource: 'label' | 'platform';
}

/**
 * A flow with its places. `fineArc`: set on flows merged to prefecture level (selectors/levels.ts),
 * the arc (origin>destination|industry) the flow has at its own level, where the adding-up rule
 * tells two reports of one running total apart (selectors/asOf.ts).
 */
export type PlacedFlow = Flow & { origin: Place; destination: Place; fineArc?: string };

export interface Dataset {
  sources: Source[];
  platforms: Platform[];
  flows: PlacedFlow[];
  aggregates: Aggregate[];
  timeline: TimelineEvent[];
  /** Deliberately absent: the output must be reproducible byte for byte. */
  builtAt?: never;
}

export interface CompileOptions {
  /** Latest year allowed in the data (validation never reads the clock itself). */
  currentYear: number;
  /** The place resolver (./placeNames.ts): a retired adcode is reported with today's unit. */
  places?: ValidationContext['places'];
}

export interface Compiled {
  dataset: Dataset;
  /** Empty when the dataset is complete and every row is valid. */
  errors: RowError[];
}

/**
 * Parses, validates and joins the tables. Rows with errors are left out of the dataset and
 * reported; a flow that cannot be placed is reported too.
 */
export function compileDataset(inputs: TableInputs, gazetteer: Gazetteer, options: CompileOptions): Compiled {
  const { tables, errors, lines } = validateTables(inputs, { gazetteer, currentYear: options.currentYear, ...(options.places ? { places: options.places } : {}) });
  const platforms = new Map(tables.platforms.map((p) => [p.id, p]));
  const flows: PlacedFlow[] = [];
  const unplaced: RowError[] = [];
  for (const flow of tables.flows) {
    const placed = placeFlow(flow, platforms, gazetteer);
    if ('reason' in placed) unplaced.push({ file: inputs.flows.file, line: lines.flows.get(flow.id) ?? 1, ...placed });
    else flows.push(placed);
  }
  return {
    dataset: {
      sources: tables.sources,
      platforms: tables.platforms,
      flows,
      aggregates: tables.aggregates,
      timeline: tables.timeline,
    },
    errors: unplaced.length > 0 ? sortErrors([...errors, ...unplaced], fileOrder(inputs)) : errors,
  };
}

function fileOrder(inputs: TableInputs): string[] {
  return [inputs.sources, inputs.platforms, inputs.flows, inputs.aggregates, inputs.timeline].flatMap((t) => (t ? [t.file] : []));
}

export interface Unplaced {
  column: string;
  reason: string;
}

/** The flow with its end points, or why it cannot be placed. */
export function placeFlow(flow: Flow, platforms: ReadonlyMap<string, Platform>, gazetteer: Gazetteer): PlacedFlow | Unplaced {
  const origin = labelPlace(flow.originAdcode, gazetteer);
  if (!origin) return { column: 'origin_adcode', reason: `no label point for ${flow.originAdcode}` };
  let destination: Place | undefined;
  if (flow.destinationPlatformId !== null) {
    const platform = platforms.get(flow.destinationPlatformId);
    if (!platform) {
      return { column: 'destination_platform_id', reason: `platform ${flow.destinationPlatformId} is invalid or missing: the flow cannot be placed` };
    }
    destination = {
      adcode: flow.destinationAdcode,
      prefecture: gazetteer.prefectureOf(flow.destinationAdcode) ?? null,
      lon: platform.lon,
      lat: platform.lat,
      pointSource: 'platform',
    };
  } else {
    destination = labelPlace(flow.destinationAdcode, gazetteer);
    if (!destination) return { column: 'destination_adcode', reason: `no label point for ${flow.destinationAdcode}` };
  }
  return { ...flow, origin, destination };
}

function labelPlace(adcode: Adcode, gazetteer: Gazetteer): Place | undefined {
  const label = gazetteer.label(adcode);
  if (!label) return undefined;
  return { adcode, prefecture: gazetteer.prefectureOf(adcode) ?? null, lon: label[0], lat: label[1], pointSource: 'label' };
}

/**
 * Compact JSON with a stable key order (the schema order of each record), ending in a newline.
 * Keys are written in insertion order, which `compileDataset` fixes; this only pins the top level.
 */
export function serializeDataset(dataset: Dataset): string {
  const { sources, platforms, flows, aggregates, timeline } = dataset;
  return `${JSON.stringify({ sources, platforms, flows, aggregates, timeline })}\n`;
}
