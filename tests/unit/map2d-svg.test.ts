import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DOMParser, type Document } from '@xmldom/xmldom';
import type { Topology } from 'topojson-specification';
import { decodeBoundaries } from '../../src/geo/boundaries.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { defaultState } from '../../src/state/viewState.ts';
import type { Dataset } from '../../src/data/dataset.ts';
import { mapSvg } from '../../src/map/2d/svg.ts';
import { placeLabels } from '../../src/map/2d/labels.ts';
import { toTransform } from '../../src/geo/camera.ts';
import { projectBoundaries, areaAtLocal, ORIGIN } from '../../src/map/2d/geometry.ts';
import { worldX, worldY } from '../../src/geo/camera.ts';

const boundaries = decodeBoundaries(JSON.parse(readFileSync('public/geo/jjj.topo.json', 'utf8')) as Topology);
const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
const view = viewSelector()(dataset, defaultState());

function parse(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(svg, 'image/svg+xml');
  return { doc, errors };
}
const byId = (doc: Document, id: string) => Array.from(doc.getElementsByTagName('g')).find((g) => g.getAttribute('id') === id)!;

describe('SVG export', () => {
  const header = { title: 'Industrial transfer <Beijing & Tianjin → Hebei>', lines: ['2014–2024', 'All industries'] };
  const footer = { legend: [{ color: '#4e79a7', label: 'Automotive' }], lines: ['Boundaries: © "GS" data', 'Drawn by jjj-transfer-map'] };
  const out = mapSvg({ boundaries, view, camera: null, width: 1000, height: 800, theme: 'light', lang: 'zh', header, footer });

  it('is well-formed XML with the layer groups, header and footer (text escaped)', () => {
    const { doc, errors } = parse(out.svg);
    expect(errors).toEqual([]);
    expect(doc.documentElement?.nodeName).toBe('svg');
    for (const id of ['header', 'map', 'basemap', 'arcs', 'places', 'platforms', 'labels', 'label-halos', 'footer', 'legend', 'attribution']) expect(byId(doc, id), id).toBeTruthy();
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts).toContain(header.title);
    expect(texts).toContain('Boundaries: © "GS" data');
  });

  it('draws one path per drawn arc', () => {
    const { doc } = parse(out.svg);
    const paths = byId(doc, 'arcs').getElementsByTagName('path');
    expect(out.arcs).toBeGreaterThan(0);
    expect(paths.length).toBe(out.arcs);
    // The whole region is in view: every arc is drawn, each once.
    expect(out.arcs).toBe(view.arcs.length);
    expect(new Set(Array.from(paths).map((p) => p.getAttribute('data-arc'))).size).toBe(view.arcs.length);
  });

  it('writes labels as text, in the chosen language', () => {
    const { doc } = parse(out.svg);
    const labels = Array.from(byId(doc, 'labels').getElementsByTagName('text')).map((t) => t.textContent);
    expect(labels.length).toBe(out.labels);
    expect(labels).toContain('北京市');
    expect(labels).toContain('沧州市');
    const en = mapSvg({ boundaries, view, camera: null, width: 1000, height: 800, theme: 'dark', lang: 'en' });
    expect(parse(en.svg).errors).toEqual([]);
    expect(en.svg).toMatch(/>Cangzhou</);
  });

  it('draws fewer arcs when zoomed in on part of the region', () => {
    const zoomed = mapSvg({ boundaries, view, camera: { lon: 118.2, lat: 39.6, zoom: 9 }, width: 800, height: 600, theme: 'light', lang: 'zh' });
    expect(zoomed.arcs).toBeLessThan(view.arcs.length);
    expect(parse(zoomed.svg).errors).toEqual([]);
  });
});

describe('labels', () => {
  it('never overlap, at any zoom', () => {
    for (const zoom of [5, 6.5, 8, 9.5, 11]) {
      const t = toTransform({ lon: 116.5, lat: 39.3, zoom }, { width: 1200, height: 800 });
      const placed = placeLabels(boundaries.labels, t, { width: 1200, height: 800 }, { theme: 'light', lang: 'en' });
      expect(placed.length).toBeGreaterThan(0);
      for (let i = 0; i < placed.length; i++)
        for (let j = i + 1; j < placed.length; j++) {
          const a = placed[i]!.box, b = placed[j]!.box;
          expect(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], `${placed[i]!.text} / ${placed[j]!.text} at z${zoom}`).toBe(false);
        }
      // Counties from zoom 8, context names below it.
      expect(placed.some((l) => l.level === 'county')).toBe(zoom >= 8);
    }
  });
});

describe('areas', () => {
  it('finds the prefecture under a point (Cangzhou, Beijing) and none at sea', () => {
    const b = projectBoundaries(boundaries);
    const at = (lon: number, lat: number) => areaAtLocal(b.prefectures, worldX(lon) - ORIGIN[0], worldY(lat) - ORIGIN[1])?.id ?? null;
    expect(at(116.84, 38.3)).toBe(130900);
    expect(at(116.4, 39.9)).toBe(110000);
    expect(at(121, 39)).toBe(null);
  });
});
