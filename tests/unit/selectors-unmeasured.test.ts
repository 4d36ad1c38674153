import { describe, expect, it } from 'vitest';
import type { PlacedFlow } from '../../src/data/dataset.ts';
import { unmeasuredArcs } from '../../src/selectors/unmeasured.ts';
import { packUnmeasured } from '../../src/map/packUnmeasured.ts';
import { packView } from '../../src/map/packView.ts';
import { computeView } from '../../src/selectors/view.ts';
import { defaultState } from '../../src/state/viewState.ts';
import type { Names } from '../../src/i18n/describe.ts';
import { describeUnmeasured } from '../../src/i18n/describeMore.ts';
import { loadLanguage } from '../../src/i18n/index.ts';

let n = 0;
function flow(p: Partial<PlacedFlow>): PlacedFlow {
  const origin = p.originAdcode ?? 110105;
  const dest = p.destinationAdcode ?? 130900;
  return {
    id: `F${++n}`, kind: 'relocation', originAdcode: origin, originNoteZh: null, originNoteEn: null, destinationAdcode: dest,
    destinationPlatformId: null, industry: 'pharma', entityZh: '某企业', entityEn: 'A firm', periodStart: 2015, periodEnd: 2015, periodNote: null, periodNoteZh: null,
    basis: 'event', status: 'completed', preStrategy: false, projects: null, investmentCny100m: null, investmentType: null, investmentUsdM: null,
    firms: null, merchants: null, bound: 'exact', descriptionZh: '', descriptionEn: '', sourceIds: ['S001'], confidence: 'high',
    origin: { adcode: origin, prefecture: 110000, lon: 116.4, lat: 39.9, pointSource: 'label' },
    destination: { adcode: dest, prefecture: 130900, lon: 116.8, lat: 38.3, pointSource: 'label' },
    ...p,
  } as PlacedFlow;
}

describe('unmeasured arcs (records with no figure in the measure)', () => {
  it('groups by origin, destination and industry, in order of first appearance, adding nothing', () => {
    const a = flow({ firms: 3 });
    const b = flow({ industry: 'automotive' });
    const c = flow({});
    const arcs = unmeasuredArcs([a, b, c]);
    expect(arcs.map((x) => [x.id, x.flows.map((f) => f.id)])).toEqual([
      ['u:110105>130900|pharma', [a.id, c.id]],
      ['u:110105>130900|automotive', [b.id]],
    ]);
    expect(arcs[0]).not.toHaveProperty('value');
  });

  it('keeps a platform destination as its key, and stops at the limit', () => {
    const arcs = unmeasuredArcs([flow({ destinationPlatformId: 'P13' }), flow({ destinationAdcode: 130100 }), flow({ destinationAdcode: 130200 })], 2);
    expect(arcs.map((x) => x.destinationKey)).toEqual(['P13', '130100']);
  });

  it('is in the view model: every record the measure leaves out, on a dotted arc', () => {
    const flows = [flow({ projects: 2 }), flow({ firms: 4 }), flow({ industry: 'automotive' })];
    const view = computeView({ sources: [], platforms: [], flows, aggregates: [], timeline: [] }, defaultState('en'));
    expect(view.arcs).toHaveLength(1);
    expect(unmeasuredArcs(view.unmeasured).flatMap((a) => a.flows.map((f) => f.id))).toEqual([flows[1]!.id, flows[2]!.id]);
  });

  it('fans after the measured arcs between the same places (never on top of a drawn arc)', () => {
    const flows = [flow({ projects: 2 }), flow({ firms: 4 })];
    const core = computeView({ sources: [], platforms: [], flows, aggregates: [], timeline: [] }, defaultState('en'));
    const view = { ...core, unmeasuredArcs: unmeasuredArcs(core.unmeasured) };
    const solid = packView(view);
    const dotted = packUnmeasured(view);
    expect(dotted.count).toBe(1);
    expect(dotted.curvature[0]).not.toBeCloseTo(solid.curvature[0]!, 3);
    expect(Array.from(dotted.positions)).toEqual(Array.from(solid.positions));
  });

  it('says "no figure in this measure" and lists what figures each record does give, and its sources', async () => {
    await loadLanguage('en');
    await loadLanguage('zh');
    const names: Names = { place: (a) => String(a), platforms: new Map(), sources: new Map([['S001', { id: 'S001', publisher: 'Hebei Daily', date: '2020-05-26' } as never]]) };
    const [arc] = unmeasuredArcs([flow({ firms: 4, entityEn: 'Pharma firms' })]);
    const en = describeUnmeasured(arc!, names, 'en', 'projects');
    expect(en.lines.join('\n')).toContain('no figure in this measure (Projects)');
    expect(en.lines.join('\n')).toContain('Pharma firms');
    expect(en.lines.join('\n')).toMatch(/Figures given: 4/);
    expect(en.foot?.join('\n')).toContain('Hebei Daily, 2020-05-26');
    expect(describeUnmeasured(arc!, names, 'zh', 'projects').lines[1]).toContain('无此指标');
  });
});
