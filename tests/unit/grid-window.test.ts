import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { move, reveal, span } from '../../src/ui/gridWindow.ts';

describe('virtualised grid: the window of cells shown', () => {
  it('covers every cell that meets the viewport, no more than `margin` cells beyond each side (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: -400, max: 20_000 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 6 }), (count, size, offset, extent, margin) => {
        const [a, b] = span(offset, extent, size, count, margin);
        expect(0 <= a && a <= b && b <= count).toBe(true);
        for (let i = 0; i < count; i++) {
          const meets = i * size < offset + extent && (i + 1) * size > offset;
          if (meets) expect(i >= a && i < b).toBe(true);
        }
        if (a > 0 && a < count) expect((a + margin + 1) * size).toBeGreaterThan(offset);
        if (b < count && b > a) expect((b - margin - 1) * size).toBeLessThan(offset + extent);
      }),
    );
  });

  it('examples: the top, scrolled, the end, a viewport before the first cell', () => {
    expect(span(0, 100, 25, 200, 0)).toEqual([0, 4]);
    expect(span(0, 100, 25, 200, 3)).toEqual([0, 7]);
    expect(span(1000, 100, 25, 200, 2)).toEqual([38, 46]);
    expect(span(4990, 100, 25, 200, 2)).toEqual([197, 200]);
    expect(span(-300, 100, 25, 200, 2)).toEqual([0, 0]);
    expect(span(0, 100, 25, 0, 2)).toEqual([0, 0]);
  });

  it('reveal scrolls as little as needed to show a cell whole (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 60, max: 2000 }), (i, size, offset, extent) => {
        const o = reveal(offset, extent, size, i);
        expect(i * size).toBeGreaterThanOrEqual(o);
        expect((i + 1) * size).toBeLessThanOrEqual(o + extent);
        const shown = i * size >= offset && (i + 1) * size <= offset + extent;
        if (shown) expect(o).toBe(offset);
      }),
    );
  });
});

describe('virtualised grid: keys move between filled cells of the whole grid', () => {
  // 5 × 6, filled where marked.
  const grid = ['x..x..', '......', '.x...x', '..x...', 'x....x'];
  const filled = (i: number, j: number) => grid[i]![j] === 'x';
  const go = (i: number, j: number, key: string, ctrl = false, page = 2) => move(filled, 5, 6, i, j, key, ctrl, page);

  it('arrows skip empty cells and rows; none beyond the edge', () => {
    expect(go(0, 0, 'ArrowRight')).toEqual([0, 3]);
    expect(go(0, 3, 'ArrowRight')).toBeNull();
    expect(go(0, 3, 'ArrowLeft')).toEqual([0, 0]);
    expect(go(0, 0, 'ArrowDown')).toEqual([4, 0]);
    expect(go(4, 5, 'ArrowUp')).toEqual([2, 5]);
    expect(go(0, 0, 'ArrowUp')).toBeNull();
    expect(go(2, 1, 'ArrowDown')).toBeNull();
  });

  it('Home/End in the row, Ctrl+Home/End in the grid', () => {
    expect(go(2, 5, 'Home')).toEqual([2, 1]);
    expect(go(2, 1, 'End')).toEqual([2, 5]);
    expect(go(3, 2, 'Home', true)).toEqual([0, 0]);
    expect(go(0, 0, 'End', true)).toEqual([4, 5]);
  });

  it('PageDown/PageUp: the first filled cell a page on, else the last before it', () => {
    expect(go(0, 0, 'PageDown')).toEqual([4, 0]);
    expect(go(0, 5, 'PageDown', false, 1)).toEqual([2, 5]);
    expect(go(2, 5, 'PageDown', false, 10)).toEqual([4, 5]);
    expect(go(4, 0, 'PageUp', false, 1)).toEqual([0, 0]);
    expect(go(3, 2, 'PageDown')).toBeNull();
    expect(go(0, 1, 'PageDown', false, 3)).toEqual([2, 1]);
  });

  it('other keys do not move', () => {
    expect(go(0, 0, 'a')).toBeNull();
  });
});
