/**
 * A virtualised grid's maths (the OD matrix, ui/matrix.ts): which cells of a run of equal cells
 * show in a viewport, where to scroll so a cell shows, and where the arrow keys go over the
 * filled cells of the whole grid (rendered or not). Pure: pixels and indices in, indices out.
 */

/**
 * The slice [start, end) of `count` cells of `size` px that shows in a viewport `extent` px long
 * scrolled `offset` px past the first cell (negative: the first cell is further on), widened by
 * `margin` cells each side.
 */
export function span(offset: number, extent: number, size: number, count: number, margin: number): [number, number] {
  const start = Math.min(count, Math.max(0, Math.floor(offset / size) - margin));
  return [start, Math.min(count, Math.max(start, Math.ceil((offset + Math.max(extent, 0)) / size) + margin))];
}

/** The offset nearest to `offset` at which cell `i` shows whole in a viewport `extent` px long. */
export function reveal(offset: number, extent: number, size: number, i: number): number {
  const a = i * size;
  return a < offset ? a : a + size > offset + extent ? a + size - Math.max(extent, size) : offset;
}

/**
 * The filled cell a key moves to from (i, j) in a `rows` × `cols` grid, or null (none that way).
 * Arrows: the next filled cell that way; Home/End: the first/last in the row (with Ctrl: in the
 * grid); PageDown/PageUp: the first filled cell in the column `page` rows on, else the last
 * before it.
 */
export function move(filled: (i: number, j: number) => boolean, rows: number, cols: number, i: number, j: number, key: string, ctrl: boolean, page: number): [number, number] | null {
  const scan = (i: number, j: number, di: number, dj: number, n: number): [number, number] | null => {
    for (; n-- > 0 && i >= 0 && i < rows && j >= 0 && j < cols; i += di, j += dj) if (filled(i, j)) return [i, j];
    return null;
  };
  const grid = (last: boolean) => {
    for (let r = 0; r < rows; r++) {
      const at = last ? scan(rows - 1 - r, cols - 1, 0, -1, cols) : scan(r, 0, 0, 1, cols);
      if (at) return at;
    }
    return null;
  };
  const down = Math.min(rows - 1, i + page);
  const up = Math.max(0, i - page);
  switch (key) {
    case 'ArrowRight': return scan(i, j + 1, 0, 1, cols);
    case 'ArrowLeft': return scan(i, j - 1, 0, -1, cols);
    case 'ArrowDown': return scan(i + 1, j, 1, 0, rows);
    case 'ArrowUp': return scan(i - 1, j, -1, 0, rows);
    case 'Home': return ctrl ? grid(false) : scan(i, 0, 0, 1, cols);
    case 'End': return ctrl ? grid(true) : scan(i, cols - 1, 0, -1, cols);
    case 'PageDown': return scan(down, j, 1, 0, rows) ?? scan(down - 1, j, -1, 0, down - i - 1);
    case 'PageUp': return scan(up, j, -1, 0, rows) ?? scan(up + 1, j, 1, 0, i - up - 1);
  }
  return null;
}
