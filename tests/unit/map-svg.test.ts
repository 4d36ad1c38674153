import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DOMParser, type Document } from '@xmldom/xmldom';
import type { Topology } from 'topojson-specification';
import { decodeBoundaries } from '../../src/geo/boundaries.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { defaultState } from '../../src/state/viewState.ts';
import type { Dataset } from '../../src/data/dataset.ts';
import { mapSvg } from '../../src/map/svg.ts';
import { DOT_PERIOD, DOT_STRETCH_FROM, dotStretch } from '../../src/map/packUnmeasured.ts';
import { imageFrame } from '../../src/ui/imageFrame.ts';
import { namesFor } from '../../src/i18n/describe.ts';
import { placeLabels } from '../../src/map/2d/labels.ts';
import { toTransform } from '../../src/geo/camera.ts';
import { projectBoundaries, areaAtLocal, ORIGIN } from '../../src/map/2d/geometry.ts';
import { worldX, worldY } from '../../src/geo/camera.ts';

const boundaries = decodeBoundaries(JSON.parse(readFileSync('public/geo/jjj.topo.json', 'utf8')) as Topology);
const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
const view = viewSelector({ analysis: ANALYSIS })(dataset, defaultState());

function parse(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(svg, 'image/svg+xml');
  return { doc, errors };
}
const byId = (doc: Document, id: string) => Array.from(doc.getElementsByTagName('g')).find((g) => g.getAttribute('id') === id)!;

describe('SVG export', () => {
  const header = { title: 'Industrial transfer <Beijing & Tianjin → Hebei>', lines: ['2014–2024', 'All industries'] };
  const footer = { legend: [{ title: 'Industry', items: [{ color: '#4e79a7', label: 'Automotive', shape: 'line' as const }] }], lines: ['Boundaries: © "GS" data', 'Drawn by jjj-transfer-map'] };
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

describe('SVG export with the download\'s frame (ui/imageFrame.ts, as the PNG)', () => {
  const state = { ...defaultState('en'), industry: ['pharma' as const], years: [2015, 2019] as [number, number] };
  const v = viewSelector({ analysis: ANALYSIS })(dataset, state);
  const frame = imageFrame(v, state, namesFor(dataset, () => undefined), { date: new Date('2026-12-05T12:00:00Z'), ink: '#5c564d' });
  const out = mapSvg({ boundaries, view: v, camera: null, width: 900, height: 700, theme: 'light', lang: 'en', ...frame });
  const { doc, errors } = parse(out.svg);
  const texts = (id: string) => Array.from(byId(doc, id).getElementsByTagName('text')).map((t) => t.textContent ?? '');

  it('is well-formed, with title, date and filters in words in the header', () => {
    expect(errors).toEqual([]);
    const head = texts('header').join(' ');
    expect(head).toContain('Made on 2026-12-05');
    expect(head).toMatch(/Filters: .*Pharma/i);
    expect(head).toContain('2015');
  });

  it('has the legend the view model gives (industries, widths, platform tiers) and the attribution', () => {
    const legend = byId(doc, 'legend');
    const words = texts('legend');
    expect(words).toContain('Industry (colour)');
    expect(words).toContain('Receiving platforms');
    expect(legend.getElementsByTagName('rect').length).toBe(v.legend.industries.length);
    expect(legend.getElementsByTagName('path').length).toBe(v.legend.widths.length);
    expect(legend.getElementsByTagName('circle').length).toBe(v.legend.tiers.length);
    expect(texts('attribution').join(' ')).toContain('Natural Earth');
    // Wrapped to the width: no attribution line wider than the page (estimated widths).
    expect(texts('attribution').length).toBeGreaterThan(1);
  });

  it('draws the records without a figure as dotted paths, one per dotted arc', () => {
    const all = viewSelector({ analysis: ANALYSIS })(dataset, defaultState('en'));
    expect(all.unmeasuredArcs.length).toBeGreaterThan(0);
    const whole = mapSvg({ boundaries, view: all, camera: null, width: 1000, height: 800, theme: 'light', lang: 'en' });
    const d = parse(whole.svg).doc;
    const dotted = byId(d, 'dotted-arcs');
    expect(dotted.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(dotted.getElementsByTagName('path').length).toBe(all.unmeasuredArcs.length);
  });

  it('a comparison\'s wide one-period arcs stretch their dashes with their width (a dashed band, not a ladder)', () => {
    const cmp = viewSelector({ analysis: ANALYSIS })(dataset, { ...defaultState('en'), years: [2017, 2020], compare: [2014, 2016] });
    const whole = mapSvg({ boundaries, view: cmp, camera: null, width: 1000, height: 800, theme: 'light', lang: 'en' });
    const paths = Array.from(byId(parse(whole.svg).doc, 'dotted-arcs').getElementsByTagName('path'));
    const wide = paths.filter((p) => Number(p.getAttribute('stroke-width')) > 2 * DOT_STRETCH_FROM);
    expect(wide.length).toBeGreaterThan(0);
    for (const p of wide) {
      const period = (p.getAttribute('stroke-dasharray') ?? '').split(' ').reduce((a, b) => a + Number(b), 0);
      expect(period).toBeCloseTo(DOT_PERIOD * dotStretch(Number(p.getAttribute('stroke-width'))), 1);
    }
    expect(dotStretch(1.25)).toBe(1);
  });

  it('one path per drawn arc, each arc once', () => {
    const paths = Array.from(byId(doc, 'arcs').getElementsByTagName('path'));
    expect(paths.length).toBe(v.arcs.length);
    expect(new Set(paths.map((p) => p.getAttribute('data-arc')))).toEqual(new Set(v.arcs.map((a) => a.id)));
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

describe('SVG export with the intake layer on (issue 17)', () => {
  const s = { ...defaultState('en'), intake: 'baoding-bt-coop-projects-cum', intakeYear: 2020 };
  const v = viewSelector()(dataset, s);
  const names = namesFor(dataset, () => undefined);

  it('draws the layer\'s symbol under the flows, and its legend names the series, the year, the figure and its definition', () => {
    const frame = imageFrame(v, s, names, { date: new Date('2026-01-01'), ink: '#555555' });
    const { doc, errors } = parse(mapSvg({ boundaries, view: v, camera: null, width: 1000, height: 800, theme: 'light', lang: 'en', ...frame }).svg);
    expect(errors).toEqual([]);
    const g = byId(doc, 'intake');
    expect(g.getElementsByTagName('circle')).toHaveLength(1);
    const order = Array.from(doc.getElementsByTagName('g')).map((x) => x.getAttribute('id'));
    expect(order.indexOf('intake')).toBeLessThan(order.indexOf('arcs'));
    const legend = Array.from(byId(doc, 'legend').getElementsByTagName('text')).map((t) => t.textContent).join('\n');
    expect(legend).toContain('cooperation projects with Beijing and Tianjin');
    expect(legend).toContain('2020: 469 projects · running total');
  });

  it('a hole is said as a hole, with no symbol', () => {
    const h = { ...s, intakeYear: 2019 };
    const hv = viewSelector()(dataset, h);
    const frame = imageFrame(hv, h, names, { date: new Date('2026-01-01'), ink: '#555555' });
    const { doc } = parse(mapSvg({ boundaries, view: hv, camera: null, width: 1000, height: 800, theme: 'light', lang: 'en', ...frame }).svg);
    expect(byId(doc, 'intake').getElementsByTagName('circle')).toHaveLength(0);
    expect(Array.from(byId(doc, 'legend').getElementsByTagName('text')).map((t) => t.textContent).join(' ')).toContain('No figure in this series for 2019');
  });
});
