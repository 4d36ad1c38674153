import { describe, expect, it } from 'vitest';
import { buildData } from '../../scripts/build-data.ts';
import { compileDataset, placeFlow, serializeDataset } from '../../src/data/dataset.ts';
import { formatError } from '../../src/data/errors.ts';
import { COLUMNS } from '../../src/data/validate.ts';
import { CURRENT_YEAR, fixtureInputs, gazetteer } from '../fixtures/data/helpers.ts';

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe('compileDataset (good fixtures)', () => {
  const { dataset, errors } = compileDataset(fixtureInputs('good'), gazetteer(), { currentYear: CURRENT_YEAR });
  const byId = new Map(dataset.flows.map((f) => [f.id, f]));

  it('has no error and places every flow', () => {
    expect(errors.map(formatError)).toEqual([]);
    expect(dataset.flows.map((f) => f.id)).toEqual(['F01', 'F25', 'F03', 'F04', 'F05']);
  });

  it('ends a flow at its platform point, or else at the adcode label point', () => {
    expect(byId.get('F25')?.destination).toEqual({ adcode: 130209, prefecture: 130200, lon: 118.46, lat: 39.27, pointSource: 'platform' });
    const label = gazetteer().label(131082);
    expect(byId.get('F01')?.destination).toEqual({ adcode: 131082, prefecture: 131000, lon: label?.[0], lat: label?.[1], pointSource: 'label' });
    // Destination 130600 (Baoding prefecture) with platform P01 (in 130638, Baoding).
    expect(byId.get('F05')?.destination).toMatchObject({ adcode: 130600, prefecture: 130600, lon: 116.1, lat: 39, pointSource: 'platform' });
  });

  it('starts a flow at the district, or at the municipality when none is named', () => {
    expect(byId.get('F01')?.origin).toMatchObject({ adcode: 110105, prefecture: 110000, pointSource: 'label' });
    const tianjin = gazetteer().label(120000);
    expect(byId.get('F05')?.origin).toEqual({ adcode: 120000, prefecture: 120000, lon: tianjin?.[0], lat: tianjin?.[1], pointSource: 'label' });
  });

  it('every placed point lies in its unit', () => {
    for (const f of dataset.flows) {
      for (const p of [f.origin, f.destination]) expect(gazetteer().contains(p.adcode, [p.lon, p.lat]), f.id).toBe(true);
    }
    for (const p of dataset.platforms) expect(gazetteer().contains(p.adcode, [p.lon, p.lat]), p.id).toBe(true);
  });

  it('is reproducible byte for byte, with no timestamp, keys in contract order', () => {
    const again = compileDataset(fixtureInputs('good'), gazetteer(), { currentYear: CURRENT_YEAR });
    const text = serializeDataset(dataset);
    expect(serializeDataset(again.dataset)).toBe(text);
    expect(text).not.toMatch(/builtAt|generated|timestamp/i);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual(['sources', 'platforms', 'flows', 'aggregates', 'timeline']);
    const flowKeys = Object.keys(dataset.flows[0] ?? {});
    expect(flowKeys).toEqual([...COLUMNS.flows.map((c) => camel(c.name)), 'origin', 'destination']);
    expect(Object.keys(dataset.platforms[0] ?? {})).toEqual(COLUMNS.platforms.map((c) => camel(c.name)));
  });

  it('reports a flow whose platform is missing instead of placing it somewhere', () => {
    const f = dataset.flows[1];
    if (!f) throw new Error('fixture');
    expect(placeFlow(f, new Map(), gazetteer())).toEqual({
      column: 'destination_platform_id',
      reason: 'platform P02 is invalid or missing: the flow cannot be placed',
    });
  });
});

describe('buildData (the npm run data pipeline)', () => {
  it('writes JSON for a valid folder', () => {
    const { json, errors } = buildData({ dataDir: 'tests/fixtures/data/good', currentYear: CURRENT_YEAR });
    expect(errors).toEqual([]);
    expect(json).toBe(serializeDataset(compileDataset(fixtureInputs('good'), gazetteer(), { currentYear: CURRENT_YEAR }).dataset));
  });

  it('returns every error, with paths relative to the repository, and no JSON', () => {
    const { json, errors } = buildData({ dataDir: 'tests/fixtures/data/bad', currentYear: CURRENT_YEAR });
    expect(json).toBeUndefined();
    expect(errors.length).toBeGreaterThan(50);
    expect(errors.map(formatError)).toContain('tests/fixtures/data/bad/flows.csv:14: entity_zh: missing required field');
  });

  it('reports missing files', () => {
    const { json, errors } = buildData({ dataDir: 'tests/fixtures/data/multiline', currentYear: CURRENT_YEAR });
    expect(json).toBeUndefined();
    expect(errors.map(formatError)).toEqual([
      'tests/fixtures/data/multiline/sources.csv:1: (file): file not found',
      'tests/fixtures/data/multiline/platforms.csv:1: (file): file not found',
      'tests/fixtures/data/multiline/aggregates.csv:1: (file): file not found',
    ]);
  });
});
