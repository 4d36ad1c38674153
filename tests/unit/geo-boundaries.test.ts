import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import booleanValid from '@turf/boolean-valid';
import type { Topology } from 'topojson-specification';
import { decodeBoundaries, unitIndex } from '../../src/geo/boundaries.ts';
import { buildGeoFile, GEO_OUT } from '../../scripts/build-geo.ts';

const text = readFileSync(GEO_OUT, 'utf8');
const b = decodeBoundaries(JSON.parse(text) as Topology);

const PREFECTURES: Record<number, string> = {
  110000: '北京市', 120000: '天津市', 130100: '石家庄市', 130200: '唐山市', 130300: '秦皇岛市', 130400: '邯郸市',
  130500: '邢台市', 130600: '保定市', 130700: '张家口市', 130800: '承德市', 130900: '沧州市', 131000: '廊坊市', 131100: '衡水市',
};

describe('public/geo/jjj.topo.json', () => {
  it('has the 13 prefecture-level units, 199 counties and the 3 region provinces', () => {
    expect(Object.fromEntries(b.prefectures.features.map((f) => [f.properties.adcode, f.properties.name_zh]))).toEqual(PREFECTURES);
    expect(b.counties.features).toHaveLength(199);
    expect(b.region.features.map((f) => f.properties.adcode)).toEqual([110000, 120000, 130000]);
    const byProvince = (p: string) => b.counties.features.filter((f) => String(f.properties.adcode).startsWith(p)).length;
    expect([byProvince('11'), byProvince('12'), byProvince('13')]).toEqual([16, 16, 167]);
  });

  it('names every unit in both languages and keys it by a GB/T 2260 adcode', () => {
    for (const f of [...b.counties.features, ...b.prefectures.features, ...b.region.features]) {
      expect(f.properties.adcode).toBeGreaterThanOrEqual(110000);
      expect(f.properties.adcode).toBeLessThan(140000);
      expect(f.properties.name_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.properties.name_en).toMatch(/^[A-Z][A-Za-z' -]+$/);
    }
    const names = unitIndex(b);
    expect(names.get(120116)?.props.name_en).toBe('Binhai New Area');
    expect(names.get(130100)?.props.name_en).toBe('Shijiazhuang');
    expect(names.get(130726)?.props.name_en).toBe('Yu County');
    for (const code of [110112, 110115, 130638, 130629, 130632, 130209, 130123, 130684]) expect(names.has(code)).toBe(true);
  });

  it('has valid rings in every feature of the region', () => {
    for (const f of [...b.counties.features, ...b.prefectures.features, ...b.region.features]) {
      expect(booleanValid(f), `${f.properties.name_en} is invalid`).toBe(true);
    }
  });

  it('has closed rings in the grey context (its source geometry is not OGC-valid: Inner Mongolia)', () => {
    for (const f of b.context.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polys.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
    }
  });

  it('puts every county (its label point) inside its own polygon and its prefecture', () => {
    const pref = new Map(b.prefectures.features.map((f) => [f.properties.adcode, f]));
    for (const c of b.counties.features) {
      const parent = pref.get(c.properties.parent);
      expect(parent, `${c.properties.name_zh} has no prefecture`).toBeDefined();
      expect(booleanPointInPolygon(c.properties.label, c), `${c.properties.name_zh} label outside itself`).toBe(true);
      expect(booleanPointInPolygon(c.properties.label, parent!), `${c.properties.name_zh} outside ${parent!.properties.name_zh}`).toBe(true);
    }
  });

  it('keeps prefecture outlines topological: neighbours share their border vertices exactly', () => {
    // Every vertex on Beijing's outline that touches Hebei also lies on a Hebei prefecture outline.
    const key = (p: number[]) => `${p[0]},${p[1]}`;
    const vertices = (adcode: number) => {
      const f = b.prefectures.features.find((x) => x.properties.adcode === adcode)!;
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      return new Set(polys.flat(2).map(key));
    };
    const beijing = vertices(110000);
    const hebeiNeighbours = [130600, 130700, 130800, 131000, 120000].map(vertices);
    const shared = [...beijing].filter((v) => hebeiNeighbours.some((s) => s.has(v)));
    expect(shared.length / beijing.size).toBeGreaterThan(0.9);
  });

  it('stays inside the size budget (all boundary files ≤ 400 KB gzipped)', () => {
    const dir = resolve(GEO_OUT, '..');
    const total = readdirSync(dir).reduce((s, f) => s + gzipSync(readFileSync(resolve(dir, f))).length, 0);
    expect(total).toBeLessThanOrEqual(400 * 1024);
  });

  it('is quantised: delta-encoded integer arcs on one grid, not floats (a slow network pays every byte)', () => {
    const topo = JSON.parse(text) as { transform?: { scale: number[] }; arcs: number[][][] };
    expect(topo.transform?.scale).toHaveLength(2);
    expect(topo.arcs.every((arc) => arc.every(([x, y]) => Number.isInteger(x) && Number.isInteger(y)))).toBe(true);
    expect(gzipSync(text).length).toBeLessThanOrEqual(60 * 1000);
  });

  it('is reproduced byte for byte by `npm run geo`', () => {
    expect(buildGeoFile() === text).toBe(true);
  }, 30_000);
});
