import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampCamera, panBeside, clampTransform, fitBounds, fromTransform, project, toTransform, unproject, WORLD, zoomAbout } from '../../src/geo/camera.ts';
import { MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM, REGION_BOUNDS, REGION_PADDING } from '../../src/geo/region.ts';
import { mercator } from '../../src/geo/arcs.ts';

const size = { width: 1280, height: 720 };
const limits = { maxBounds: MAX_BOUNDS, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM };

describe('camera (MapLibre semantics: 512-px world at zoom 0)', () => {
  it('puts the centre in the middle of the screen and scales by 512·2^zoom', () => {
    const cam = { lon: 116.4, lat: 39.9, zoom: 7 };
    expect(project(cam, size, 116.4, 39.9)).toEqual([640, 360]);
    const [x] = project(cam, size, 116.4 + 360 / WORLD / 2 ** 7, 39.9);
    expect(x).toBeCloseTo(641, 9); // one pixel east = 360° / (512 · 2^7)
    const [lon, lat] = unproject(cam, size, 100, 600);
    const [px, py] = project(cam, size, lon, lat);
    expect(px).toBeCloseTo(100, 6);
    expect(py).toBeCloseTo(600, 6);
  });

  it('round-trips camera ↔ transform', () => {
    fc.assert(
      fc.property(fc.double({ min: 110, max: 125, noNaN: true }), fc.double({ min: 34, max: 45, noNaN: true }), fc.double({ min: 4.5, max: 12, noNaN: true }), (lon, lat, zoom) => {
        const c = fromTransform(toTransform({ lon, lat, zoom }, size), size);
        return Math.abs(c.lon - lon) < 1e-9 && Math.abs(c.lat - lat) < 1e-9 && Math.abs(c.zoom - zoom) < 1e-12;
      }),
    );
  });

  it('fits bounds with padding: the tighter side touches the padding, the box is centred', () => {
    const cam = fitBounds(REGION_BOUNDS, size, REGION_PADDING);
    const [x0, y1] = project(cam, size, REGION_BOUNDS[0][0], REGION_BOUNDS[0][1]);
    const [x1, y0] = project(cam, size, REGION_BOUNDS[1][0], REGION_BOUNDS[1][1]);
    // The region is taller than wide on a landscape screen: top and bottom at the padding.
    expect(y0).toBeCloseTo(REGION_PADDING, 6);
    expect(y1).toBeCloseTo(size.height - REGION_PADDING, 6);
    expect((x0 + x1) / 2).toBeCloseTo(640, 6);
    expect(x0).toBeGreaterThan(REGION_PADDING);
    expect(fitBounds(REGION_BOUNDS, size, 0, 5).zoom).toBe(5);
  });

  it('clamps zoom to the limits and keeps the view inside the max bounds', () => {
    expect(clampCamera({ lon: 116, lat: 39, zoom: 20 }, size, limits).zoom).toBeCloseTo(MAX_ZOOM, 12);
    const far = clampCamera({ lon: 150, lat: 10, zoom: 8 }, size, limits);
    const [x1, y1] = project(far, size, MAX_BOUNDS[1][0], MAX_BOUNDS[0][1]);
    expect(x1).toBeCloseTo(size.width, 6); // east edge of the bounds at the screen's right edge
    expect(y1).toBeCloseTo(size.height, 6);
    // Zoomed out past the bounds: the zoom rises until the view fits inside them.
    const out = clampCamera({ lon: 117, lat: 40, zoom: MIN_ZOOM }, size, limits);
    const [a] = mercator(MAX_BOUNDS[0][0], 0);
    const [b] = mercator(MAX_BOUNDS[1][0], 0);
    expect(512 * 2 ** out.zoom * (b - a)).toBeGreaterThanOrEqual(size.width - 1e-6);
    // Inside the limits nothing changes.
    const ok = toTransform({ lon: 116.4, lat: 39.9, zoom: 7 }, size);
    expect(clampTransform(ok, size, limits)).toEqual(ok);
  });

  it('zooms about a point that stays put', () => {
    const t = toTransform({ lon: 116.4, lat: 39.9, zoom: 7 }, size);
    const z = zoomAbout(t, 1.5, [200, 100]);
    expect(z.k).toBeCloseTo(t.k * 2 ** 1.5, 9);
    const before = [(200 - t.x) / t.k, (100 - t.y) / t.k];
    const after = [(200 - z.x) / z.k, (100 - z.y) / z.k];
    expect(after[0]).toBeCloseTo(before[0]!, 9);
    expect(after[1]).toBeCloseTo(before[1]!, 9);
  });
});

describe('panBeside (a place under the details card is brought beside it)', () => {
  const size = { width: 940, height: 740 };
  const card = { left: 504, top: 10, right: 884, bottom: 700 };
  const cam = { lon: 116.9, lat: 39.3, zoom: 7 };
  const cangzhou: [number, number] = [116.84, 38.3];

  it('pans, at the same zoom, so the place sits in the middle of the free strip', () => {
    const under = unproject(cam, size, 700, 400);
    const moved = panBeside(cam, size, under, card)!;
    expect(moved.zoom).toBe(cam.zoom);
    const [x, y] = project(moved, size, under[0], under[1]);
    expect(x).toBeCloseTo(252, 6);
    expect(y).toBeCloseTo(400, 6);
  });

  it('leaves a place clear of the card alone (and one within the margin moves)', () => {
    expect(panBeside(cam, size, unproject(cam, size, 300, 400), card)).toBeNull();
    expect(panBeside(cam, size, unproject(cam, size, 490, 400), card)).not.toBeNull();
    expect(panBeside(cam, size, unproject(cam, size, 700, 720), card, { margin: 10 })).toBeNull();
    expect(panBeside(cam, size, cangzhou, card)).toBeNull();
  });

  it('uses the strip on the right when it is the wider one, and gives up when no strip helps', () => {
    const leftCard = { left: 10, top: 10, right: 400, bottom: 700 };
    const at = unproject(cam, size, 200, 300);
    const [x] = project(panBeside(cam, size, at, leftCard)!, size, at[0], at[1]);
    expect(x).toBeCloseTo(400 + 270, 6);
    expect(panBeside(cam, size, at, { left: 0, top: 0, right: 930, bottom: 740 })).toBeNull();
  });

  it('keeps out of what else covers the map (the legend on the left): the middle of the strip between', () => {
    const under = unproject(cam, size, 700, 400);
    const moved = panBeside(cam, size, under, card, { free: { left: 270, top: 0, right: 940, bottom: 740 } })!;
    expect(project(moved, size, under[0], under[1])[0]).toBeCloseTo((270 + 504) / 2, 6);
  });
});

describe('panBeside on a phone (the card across the top of the map)', () => {
  it('moves the place down into the free part below the card', () => {
    const size = { width: 390, height: 500 };
    const card = { left: 6, top: 6, right: 342, bottom: 210 };
    const cam = { lon: 116.9, lat: 39.3, zoom: 7 };
    const at = unproject(cam, size, 150, 100);
    const [x, y] = project(panBeside(cam, size, at, card)!, size, at[0], at[1]);
    expect(x).toBeCloseTo(150, 6);
    expect(y).toBeCloseTo(355, 6);
  });
});
