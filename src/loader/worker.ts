/**
 * The loader's Web Worker: reads, decodes, parses and validates a CSV off the page's main thread
 * (./pipeline.ts; the validator is src/data/validate.ts, the same as the build's), reporting
 * progress after each chunk. The page cancels by terminating the worker.
 */
import { gazetteerFromLayers, type UnitCollection } from '../data/gazetteer.ts';
import { parsePlaceAliases } from '../data/placeAliases.ts';
import { placeIndex, type PlaceIndex } from './places.ts';
import aliasesCsv from '../../data/names/place-aliases.csv?raw';
import industryNamesCsv from '../../data/names/industry-names.csv?raw';
import industryCodesCsv from '../../data/names/industry-gbt4754.csv?raw';
import { loadBytes, type Loaded } from './pipeline.ts';
import { packFlows } from './transfer.ts';
import { RECORDS_PER_MESSAGE, type FromWorker, type ToWorker, type WorkerContext } from './protocol.ts';

const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const post = (m: FromWorker) => scope.postMessage(m);

let loaded: Loaded | null = null;
let context: WorkerContext | null = null;
/** The name index, built on the first check (its cache then serves the next ones). */
let places: PlaceIndex | null = null;
post({ type: 'ready' });

scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'init') context = JSON.parse(m.context) as WorkerContext;
  else if (m.type === 'load') void load(m);
  else if (m.type === 'take') take();
};

async function load(m: Extract<ToWorker, { type: 'load' }>): Promise<void> {
  try {
    if (!context) throw new Error('no map context');
    const { layers, platforms, currentYear, industryLabels } = context;
    const gazetteer = gazetteerFromLayers({
      counties: layers.counties as unknown as UnitCollection,
      prefectures: layers.prefectures as unknown as UnitCollection,
      provinces: layers.region as unknown as UnitCollection,
    });
    places ??= placeIndex(layers, { aliases: parsePlaceAliases(aliasesCsv), platforms });
    const blob = m.blob;
    loaded = await loadBytes(
      { size: blob.size, read: async (s, end) => new Uint8Array(await blob.slice(s, end).arrayBuffer()) },
      {
        gazetteer,
        places,
        currentYear,
        platforms,
        industryLabels,
        industryTables: { names: industryNamesCsv, codes: industryCodesCsv },
        measure: m.measure,
        defaultYear: m.defaultYear,
        file: m.file,
        mapping: m.mapping,
        sheet: m.sheet,
      },
      { progress: (bytes, total, rows) => post({ type: 'progress', bytes, total, rows }) },
    );
    post({ type: 'preview', preview: loaded.preview });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}

function take(): void {
  if (!loaded) {
    post({ type: 'failed', message: 'nothing loaded' });
    return;
  }
  const { flows, platforms } = loaded;
  post({ type: 'records', flows: null, platforms });
  for (let i = 0; i < flows.length; i += RECORDS_PER_MESSAGE) post({ type: 'records', flows: packFlows(flows.slice(i, i + RECORDS_PER_MESSAGE)), platforms: [] });
  post({ type: 'done' });
  loaded = null;
}
