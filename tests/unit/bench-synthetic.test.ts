import { describe, expect, it } from 'vitest';
import { SYNTHETIC_SOURCE, syntheticDataset, twoWayDataset } from '../../bench/planner.ts';

describe('synthetic datasets for tests and benchmarks (bench/planner.ts)', () => {
  it('cite only a source that says they are synthetic, never a real one', () => {
    for (const d of [syntheticDataset(300, 7), twoWayDataset(300, 7)]) {
      expect(d.flows.every((f) => f.sourceIds.length === 1 && f.sourceIds[0] === SYNTHETIC_SOURCE.id)).toBe(true);
      expect(d.sources.find((s) => s.id === SYNTHETIC_SOURCE.id)?.publisher).toMatch(/synthetic/i);
      expect(d.flows.every((f) => /^Synthetic record \d+$/.test(f.entityEn))).toBe(true);
    }
  });
});
