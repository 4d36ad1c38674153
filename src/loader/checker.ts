/**
 * The loader's worker, seen from the page: a spare worker started before any file is chosen (so
 * checking makes no request), one check at a time (a new check or Cancel terminates the old
 * worker), and the checked records gathered after Replace / Join. No DOM: the dialog reacts to
 * the events.
 */
import type { PlacedFlow } from '../data/dataset.ts';
import type { Platform } from '../data/types.ts';
import type { Preview } from './pipeline.ts';
import type { FromWorker, ToWorker, WorkerContext } from './protocol.ts';
import { USER_SOURCE_ID } from './source.ts';
import { unpackFlows } from './transfer.ts';

export interface CheckerEvents {
  /** The spare worker has loaded its script. */
  ready(): void;
  progress(bytes: number, total: number, rows: number): void;
  preview(p: Preview): void;
  failed(message: string): void;
  /** All records, after take(). */
  records(flows: PlacedFlow[], platforms: Platform[]): void;
}

export type CheckRequest = Omit<Extract<ToWorker, { type: 'load' }>, 'type'>;

export interface Checker {
  warm(): void;
  check(request: CheckRequest): void;
  /** Ask the checking worker for its records (after a preview). False when there is none. */
  take(): boolean;
  stop(): void;
}

export function createChecker(context: () => WorkerContext, on: CheckerEvents): Checker {
  let worker: Worker | null = null;
  let spare: Worker | null = null;
  let contextJson: string | null = null;
  const spawn = () => {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    contextJson ??= JSON.stringify(context());
    w.postMessage({ type: 'init', context: contextJson } satisfies ToWorker);
    return w;
  };
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  // Records arrive in batches after take().
  const sourceIds = [USER_SOURCE_ID];
  const placesSeen = new Map<string, PlacedFlow['origin']>();
  let flows: PlacedFlow[] = [];
  let platforms: Platform[] = [];
  return {
    warm() {
      if (spare) return;
      const w = spawn();
      spare = w;
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        if (e.data.type === 'ready' && spare === w) on.ready();
      };
    },
    check(request) {
      stop();
      const w = spare ?? spawn();
      spare = null;
      worker = w;
      flows = [];
      platforms = [];
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        if (worker !== w) return;
        const m = e.data;
        if (m.type === 'progress') on.progress(m.bytes, m.total, m.rows);
        else if (m.type === 'preview') on.preview(m.preview);
        else if (m.type === 'failed') {
          stop();
          on.failed(m.message);
        } else if (m.type === 'records') {
          if (m.flows) for (const f of unpackFlows(m.flows, placesSeen, sourceIds)) flows.push(f);
          for (const p of m.platforms) platforms.push(p);
        } else if (m.type === 'done') {
          stop();
          const taken = { flows, platforms };
          flows = [];
          platforms = [];
          on.records(taken.flows, taken.platforms);
        }
      };
      w.onerror = (e) => {
        if (worker !== w) return;
        stop();
        on.failed(e.message || 'worker error');
      };
      w.postMessage({ type: 'load', ...request } satisfies ToWorker);
    },
    take() {
      if (!worker) return false;
      worker.postMessage({ type: 'take' } satisfies ToWorker);
      return true;
    },
    stop,
  };
}
