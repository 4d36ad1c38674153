/** Test records for the planner tests (not a test file itself). */
import type { Dataset, PlacedFlow } from '../../src/data/dataset.ts';
import type { Platform, Source } from '../../src/data/types.ts';

let n = 0;
export function flow(p: Partial<PlacedFlow> = {}): PlacedFlow {
  const origin = p.originAdcode ?? 110105;
  const dest = p.destinationAdcode ?? 130983;
  return {
    id: `F${String(++n).padStart(2, '0')}`, kind: 'relocation', originAdcode: origin, originNoteZh: null, originNoteEn: null, destinationAdcode: dest,
    destinationPlatformId: null, industry: 'pharma', entityZh: '某企业', entityEn: 'A firm', periodStart: 2015, periodEnd: 2015, periodNote: null, periodNoteZh: null,
    basis: 'event', status: 'completed', preStrategy: false, projects: 1, investmentCny100m: null, investmentType: null, investmentUsdM: null,
    firms: null, merchants: null, bound: 'exact', descriptionZh: '', descriptionEn: '', sourceIds: ['S001'], confidence: 'high',
    origin: { adcode: origin, prefecture: Math.floor(origin / 10000) * 10000, lon: 116.4, lat: 39.9, pointSource: 'label' },
    destination: { adcode: dest, prefecture: Math.floor(dest / 100) * 100, lon: 117.6, lat: 38.3, pointSource: 'label' },
    ...p,
  } as PlacedFlow;
}

export const platform = (p: Partial<Platform> = {}): Platform => ({
  id: 'P13', nameZh: '园区', nameEn: 'Park', tier: 'specialised-46', category: 'manufacturing', adcode: 130983, areaAdcodes: [], lon: 117.6, lat: 38.35,
  pointEstimated: true, coordNote: null, sourceIds: ['S001'], confidence: 'medium', noteZh: null, noteEn: null, ...p,
});

export const source = (p: Partial<Source> = {}): Source => ({
  id: 'S001', publisher: 'Xinhua', title: 'A title', date: '2018-03-01', url: 'https://example.org/a', archivedUrl: null, note: null, ...p,
});

export const dataset = (flows: PlacedFlow[], platforms: Platform[] = [platform()], sources: Source[] = [source()]): Dataset => ({ sources, platforms, flows, aggregates: [], timeline: [] });
