import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { mountFlowLayers } from '../../src/map/webgl/flowLayers.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';

const viewModel = (...a: Parameters<ReturnType<typeof viewSelector>>) => viewSelector({ analysis: ANALYSIS })(...a);
import { defaultState, type ViewState } from '../../src/state/viewState.ts';
import { dataset, flow, platform } from './planner-helpers.ts';

/** The parts of a MapLibre map the flow layers use, with feature states kept as MapLibre keeps them (setData leaves them be). */
function fakeMap() {
  const states = new Map<string, Record<string, unknown>>();
  const data = new Map<string, unknown>();
  const map = {
    addSource: (id: string) => data.set(id, null),
    addLayer: () => {},
    getSource: (id: string) => ({ setData: (d: unknown) => data.set(id, d) }),
    getZoom: () => 7,
    setFeatureState: (f: { source: string; id: number }, s: Record<string, unknown>) => states.set(`${f.source}/${f.id}`, { ...states.get(`${f.source}/${f.id}`), ...s }),
  };
  const focused = () => [...states].filter(([, s]) => s.focused).map(([k]) => k).sort();
  return { map: map as unknown as MapLibreMap, focused, data };
}

const state = (p: Partial<ViewState> = {}): ViewState => ({ ...defaultState('en'), ...p });

describe('flow layers: focus rings', () => {
  const flows = [
    flow({ destinationAdcode: 130900, industry: 'pharma', destination: { adcode: 130900, prefecture: 130900, lon: 116.8, lat: 38.3, pointSource: 'label' } }),
    flow({ destinationAdcode: 131000, industry: 'automotive', destination: { adcode: 131000, prefecture: 131000, lon: 116.7, lat: 39.5, pointSource: 'label' } }),
  ];
  const data = dataset(flows, [platform({ id: 'P13' })]);

  it('rings only the focused place and platform, also after the data behind the ids change', () => {
    const { map, focused } = fakeMap();
    const layers = mountFlowLayers(map, { beforeId: 'labels', theme: 'light', labels: { type: 'FeatureCollection', features: [] } });
    const all = viewModel(data, state());
    layers.update(all);
    layers.highlight('130900');
    const cangzhou = focused();
    expect(cangzhou).toHaveLength(1);
    expect(cangzhou[0]).toMatch(/^places\//);

    // A filter drops Cangzhou's flow: ids are re-used by other places; no ring may be left over.
    layers.update(viewModel(data, state({ industry: ['automotive'] })));
    layers.highlight(null);
    expect(focused()).toEqual([]);

    layers.update(all);
    layers.highlight('P13');
    expect(focused()).toEqual(['platforms/0']);
    layers.update(viewModel(data, state({ industry: ['pharma'] })));
    layers.highlight('130900');
    expect(focused()).toHaveLength(1);
    expect(focused()[0]).toMatch(/^places\//);
  });
});
