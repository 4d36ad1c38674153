/**
 * Checked flows from the worker to the page, compactly: one JSON text per batch holding a string
 * table, the batch's places, and one array of values per flow (no property names, each distinct
 * string once). The page parses a string much faster than it decodes the same objects from a
 * structured clone, and 500,000 flows as plain JSON objects would be ~350 MB of text.
 * Measured on 490,370 flows: cloned objects took 150–800 ms per 5,000 (one long task each).
 */
import type { PlacedFlow, Place } from '../data/dataset.ts';
import { USER_SOURCE_ID } from './source.ts';

type Cell = number | boolean | null;

interface Packed {
  strings: string[];
  places: Place[];
  rows: Cell[][];
}

/** Flows of one batch → JSON text. Ids must be `U` + a line number (the loader's ids). */
export function packFlows(flows: readonly PlacedFlow[]): string {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const places: Place[] = [];
  const placeIndex = new Map<Place, number>();
  const s = (v: string | null): number | null => {
    if (v === null) return null;
    let i = stringIndex.get(v);
    if (i === undefined) {
      i = strings.length;
      strings.push(v);
      stringIndex.set(v, i);
    }
    return i;
  };
  const p = (v: Place): number => {
    let i = placeIndex.get(v);
    if (i === undefined) {
      i = places.length;
      places.push(v);
      placeIndex.set(v, i);
    }
    return i;
  };
  const rows = flows.map((f): Cell[] => [
    Number(f.id.slice(1)),
    s(f.kind),
    f.originAdcode,
    s(f.originNoteZh),
    s(f.originNoteEn),
    f.destinationAdcode,
    s(f.destinationPlatformId),
    s(f.industry),
    s(f.entityZh),
    s(f.entityEn),
    f.periodStart,
    f.periodEnd,
    s(f.periodNote),
    s(f.basis),
    s(f.status),
    f.preStrategy,
    f.projects,
    f.investmentCny100m,
    s(f.investmentType),
    f.investmentUsdM,
    f.firms,
    f.merchants,
    s(f.bound),
    s(f.descriptionZh),
    s(f.descriptionEn),
    s(f.confidence),
    p(f.origin),
    p(f.destination),
    s(f.periodNoteZh),
  ]);
  return JSON.stringify({ strings, places, rows } satisfies Packed);
}

/**
 * JSON text → flows. `places` interns Place objects across batches (flows with the same end share
 * one object); every flow shares one source list (the user's file).
 */
export function unpackFlows(json: string, places: Map<string, Place> = new Map(), sourceIds: string[] = [USER_SOURCE_ID]): PlacedFlow[] {
  const packed = JSON.parse(json) as Packed;
  const t = packed.strings;
  const str = (i: Cell | undefined) => (i === null || i === undefined ? null : t[i as number]!);
  const shared = packed.places.map((pl) => {
    const k = `${pl.adcode},${pl.lon},${pl.lat},${pl.pointSource},${pl.prefecture}`;
    let known = places.get(k);
    if (!known) places.set(k, (known = pl));
    return known;
  });
  return packed.rows.map((r) => ({
    id: `U${r[0] as number}`,
    kind: str(r[1]) as PlacedFlow['kind'],
    originAdcode: r[2] as number,
    originNoteZh: str(r[3]),
    originNoteEn: str(r[4]),
    destinationAdcode: r[5] as number,
    destinationPlatformId: str(r[6]),
    industry: str(r[7]) as PlacedFlow['industry'],
    entityZh: str(r[8])!,
    entityEn: str(r[9])!,
    periodStart: r[10] as number,
    periodEnd: r[11] as number,
    periodNote: str(r[12]),
    basis: str(r[13]) as PlacedFlow['basis'],
    status: str(r[14]) as PlacedFlow['status'],
    preStrategy: r[15] as boolean,
    projects: r[16] as number | null,
    investmentCny100m: r[17] as number | null,
    investmentType: str(r[18]) as PlacedFlow['investmentType'],
    investmentUsdM: r[19] as number | null,
    firms: r[20] as number | null,
    merchants: r[21] as number | null,
    bound: str(r[22]) as PlacedFlow['bound'],
    descriptionZh: str(r[23])!,
    descriptionEn: str(r[24])!,
    sourceIds,
    confidence: str(r[25]) as PlacedFlow['confidence'],
    origin: shared[r[26] as number]!,
    destination: shared[r[27] as number]!,
    periodNoteZh: str(r[28]),
  }));
}
