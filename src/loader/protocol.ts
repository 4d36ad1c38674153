/**
 * Messages between the page (./ui.ts) and the loader's worker (./worker.ts). Structured-clone
 * data only. The file itself goes to the worker as a Blob (a reference, not a copy) and never
 * leaves the browser.
 */
import type { Platform } from '../data/types.ts';
import type { Boundaries } from '../geo/boundaries.ts';
import type { Measure } from './measures.ts';
import type { Preview } from './pipeline.ts';
import type { UserMapping } from './userMapping.ts';

/** What the worker needs to know about the map: boundaries (names, points, polygons) and the published platforms. */
export interface WorkerContext {
  layers: Pick<Boundaries, 'counties' | 'prefectures' | 'region'>;
  platforms: Platform[];
  currentYear: number;
  /** Industry id → its labels in every language (see PlanOptions.industryLabels). */
  industryLabels: Record<string, string[]>;
}

export type ToWorker =
  /**
   * The map's context as JSON text, sent when the worker starts (before any file is chosen):
   * copying a string costs the page almost nothing, cloning the boundary objects did not.
   */
  | { type: 'init'; context: string }
  | { type: 'load'; blob: Blob; file: string; measure: Measure; defaultYear: number | null; mapping: UserMapping; sheet: string | null }
  /** Send the checked records (after the user chose Replace or Join). */
  | { type: 'take' };

export type FromWorker =
  /** The worker has started (its script is loaded): checking a file needs no request. */
  | { type: 'ready' }
  | { type: 'progress'; bytes: number; total: number; rows: number }
  | { type: 'preview'; preview: Preview }
  /** Checked records; flows packed as JSON text (./transfer.ts). */
  | { type: 'records'; flows: string | null; platforms: Platform[] }
  | { type: 'done' }
  | { type: 'failed'; message: string };

/** Flows per `records` message: small enough that the page parses each in a few milliseconds. */
export const RECORDS_PER_MESSAGE = 2500;
