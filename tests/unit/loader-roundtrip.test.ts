/**
 * Export (src/export/csv.ts, the site's "Download CSV") then import (the loader) gives back the
 * same records, for any valid flows: text with quotes, commas, line breaks, formula characters
 * (guarded with an apostrophe on export, read back without), all figure columns.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PlacedFlow } from '../../src/data/dataset.ts';
import type { Flow } from '../../src/data/types.ts';
import { BOUNDS, CONFIDENCES, FLOW_KINDS, INDUSTRIES, STATUSES } from '../../src/data/vocab.ts';
import { csvCell, flowsCsv, type CsvLookup } from '../../src/export/csv.ts';
import { unguard } from '../../src/loader/mapping.ts';
import { readFileSync } from 'node:fs';
import { packFlows, unpackFlows } from '../../src/loader/transfer.ts';
import { load, world } from './loader-helpers.ts';

const ORIGINS = [110000, 110105, 110108, 110113, 120000, 120116];
const DESTINATIONS = [130000, 130900, 130982, 131000, 130600, 130638, 120116, 110112];

/** Text the validator accepts as it is: no control characters, no surrounding spaces. */
const text = (max: number) =>
  fc
    .string({ unit: fc.constantFrom('a', 'Z', '沧', '州', ' ', '"', ',', '\n', "'", '=', '+', '-', '@', '<', '>', '&', ';', '1', '.'), minLength: 1, maxLength: max })
    .filter((s) => s === s.trim() && s !== '' && !/^'[=+\-@\t\r]/.test(s));

const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100);
const count = fc.integer({ min: 0, max: 1_000_000 });

const flow = fc
  .record({
    kind: fc.constantFrom(...FLOW_KINDS),
    originAdcode: fc.constantFrom(...ORIGINS),
    destinationAdcode: fc.constantFrom(...DESTINATIONS),
    industry: fc.constantFrom(...INDUSTRIES),
    entityZh: text(30),
    entityEn: text(30),
    periodStart: fc.integer({ min: 2014, max: 2025 }),
    span: fc.integer({ min: 0, max: 3 }),
    periodNote: fc.option(text(20), { nil: null }),
    periodNoteZh: fc.option(text(20), { nil: null }),
    basis: fc.constantFrom('event', 'annual', 'period', 'cumulative' as const),
    status: fc.option(fc.constantFrom(...STATUSES), { nil: null }),
    projects: fc.option(count, { nil: null }),
    investmentCny100m: fc.option(amount, { nil: null }),
    investmentType: fc.option(fc.constantFrom('agreed', 'in-place' as const), { nil: null }),
    investmentUsdM: fc.option(amount, { nil: null }),
    firms: fc.option(count, { nil: null }),
    merchants: fc.option(count, { nil: null }),
    bound: fc.constantFrom(...BOUNDS),
    confidence: fc.constantFrom(...CONFIDENCES),
  })
  .filter((r) => [r.projects, r.investmentCny100m, r.investmentUsdM, r.firms, r.merchants].some((v) => v !== null))
  .map((r, ): Flow => {
    const { span, ...rest } = r;
    const hasInvestment = r.investmentCny100m !== null || r.investmentUsdM !== null;
    return {
      ...rest,
      id: 'F01',
      originNoteZh: null,
      originNoteEn: null,
      destinationPlatformId: null,
      periodEnd: r.basis === 'annual' ? r.periodStart : Math.min(2026, r.periodStart + span),
      preStrategy: false,
      investmentType: hasInvestment ? r.investmentType : null,
      descriptionZh: '',
      descriptionEn: '',
      sourceIds: ['S001'],
    };
  });

const placed = (f: Flow, i: number): PlacedFlow => ({
  ...f,
  id: `F${String(i + 10).padStart(3, '0')}`,
  origin: { adcode: f.originAdcode, prefecture: null, lon: 0, lat: 0, pointSource: 'label' },
  destination: { adcode: f.destinationAdcode, prefecture: null, lon: 0, lat: 0, pointSource: 'label' },
});

const CARRIED = [
  'kind', 'originAdcode', 'destinationAdcode', 'destinationPlatformId', 'industry', 'entityZh', 'entityEn', 'periodStart', 'periodEnd', 'periodNote', 'periodNoteZh',
  'basis', 'status', 'preStrategy', 'projects', 'investmentCny100m', 'investmentType', 'investmentUsdM', 'firms', 'merchants', 'bound', 'confidence',
] as const;
const carried = (f: Flow) => Object.fromEntries(CARRIED.map((k) => [k, f[k]]));

function lookup(): CsvLookup {
  const { places } = world();
  return { place: (a) => places.name(a, 'en') ?? String(a), platform: () => undefined, industry: (id) => id, sources: new Map() };
}

describe('export → import round trip', () => {
  it('gives back the same records, for any valid flows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(flow, { minLength: 1, maxLength: 8 }), async (flows) => {
        const csv = flowsCsv(flows.map(placed), lookup());
        const r = await load(csv, { file: 'export.csv' });
        expect(r.preview.form).toBe('export');
        expect(r.preview.errors).toEqual([]);
        expect(r.flows.map(carried)).toEqual(flows.map(carried));
      }),
      { numRuns: 150 },
    );
  });

  it('the export guards formula cells with an apostrophe; the import reads them back without it', () => {
    expect(csvCell('=cmd|\' /C calc\'!A0')).toBe("'=cmd|' /C calc'!A0");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = csvCell(s);
        // No exported text cell starts a formula (a quoted cell is checked inside its quotes).
        expect(/^"?[=+\-@\t\r]/.test(out)).toBe(false);
        if (!/^'[=+\-@\t\r]/.test(s)) expect(unguard(out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('worker → page transfer', () => {
  it('packs and unpacks flows to equal records, sharing places and the source list', async () => {
    const r = await load(readFileSync('tests/fixtures/loader/good-and-bad.csv'));
    const again = unpackFlows(packFlows(r.flows));
    expect(again).toEqual(r.flows);
    expect(again[0]!.sourceIds).toBe(again[1]!.sourceIds);
    expect(again[0]!.destination).toBe(again[1]!.destination);
    const text = 'origin,destination,value,industry,year,name,period_note\n北京,沧州,1,,2019,"a ""quoted"", name",\n天津,Cangzhou,2.5,pharma,2014-2016,,Jan–Oct\n';
    const flows = (await load(text, { measure: 'investment' })).flows;
    expect(unpackFlows(packFlows(flows))).toEqual(flows);
  });
});
