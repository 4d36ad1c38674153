import { describe, expect, it } from 'vitest';
import { path } from 'd3-path';
import { basemapSteps, COUNTY_MINZOOM, interpolate } from '../../src/map/2d/basemap.ts';
import { basemapStyle } from '../../src/map/webgl/style.ts';
import { palettes } from '../../src/scales/palette.ts';
import { areaContains, projectArea, traceAreas } from '../../src/map/2d/geometry.ts';

describe('2D basemap: the WebGL style, step by step', () => {
  it('interpolates as MapLibre: clamped at both ends, linear between stops', () => {
    const stops = [[5, 0.6], [9, 1.4]] as const;
    expect(interpolate(4, stops)).toBe(0.6);
    expect(interpolate(7, stops)).toBeCloseTo(1.0, 12);
    expect(interpolate(12, stops)).toBe(1.4);
  });

  it('draws the layers of style.ts in its order, with its colours, and county lines from its minzoom', () => {
    const style = basemapStyle({ theme: 'dark', lang: 'zh', glyphs: '', attribution: '' });
    const county = style.layers.find((l: { id: string }) => l.id === 'county-line') as { minzoom?: number };
    expect(COUNTY_MINZOOM).toBe(county.minzoom);
    const at = (z: number) => basemapSteps('dark', z).map((s) => s.id);
    expect(at(6)).toEqual(['context-fill', 'context-line', 'prefecture-fill', 'municipality-fill', 'prefecture-line', 'province-line']);
    expect(at(8)).toContain('county-line');
    expect(at(7)).not.toContain('county-line'); // opacity 0 at 7, fading in to 7.6
    const p = palettes.dark;
    const steps = basemapSteps('dark', 8);
    expect(steps.find((s) => s.id === 'municipality-fill')!.color).toBe(p.municipality);
    expect(steps.find((s) => s.id === 'province-line')!.width).toBeCloseTo(1.1 + (1.1 * 3) / 4, 12);
  });
});

describe('2D geometry', () => {
  const square = projectArea(1, { type: 'Polygon', coordinates: [[[116, 39], [117, 39], [117, 40], [116, 40], [116, 39]], [[116.4, 39.4], [116.6, 39.4], [116.6, 39.6], [116.4, 39.6], [116.4, 39.4]]] });
  it('writes every ring closed, and merges points closer than minStep', () => {
    const full = path();
    traceAreas(full, [square]);
    expect(String(full).match(/Z/g)).toHaveLength(2);
    const coarse = path();
    traceAreas(coarse, [square], { k: 1e-3, x: 0, y: 0 }, { minStep: 1 });
    expect(String(coarse).length).toBeLessThan(String(full).length);
  });
  it('finds points inside an area but not in its hole', () => {
    const local = (lon: number, lat: number) => {
      const a = projectArea(0, { type: 'Polygon', coordinates: [[[lon, lat], [lon, lat], [lon, lat], [lon, lat]]] });
      return [a.box[0], a.box[1]] as const;
    };
    expect(areaContains(square, ...local(116.2, 39.2))).toBe(true);
    expect(areaContains(square, ...local(116.5, 39.5))).toBe(false);
    expect(areaContains(square, ...local(118, 39.5))).toBe(false);
  });
});
