import { describe, expect, it } from 'vitest';
import { printSources } from '../../src/print/sources.ts';

describe('printed sources', () => {
  it('lists the first distinct sources and counts the rest', () => {
    const s = ['a', 'b', 'a', 'c', 'd', 'b', 'e'].map((id) => ({ id }));
    expect(printSources(s, 3)).toEqual({ shown: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], more: 2 });
    expect(printSources(s, 10).more).toBe(0);
  });
});
