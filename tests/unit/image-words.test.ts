/** The words a picture's header (PNG, SVG) and the printed sheet give for the analysis (issue 18): compare, level, net. */
import { describe, expect, it } from 'vitest';
import { filtersText, imageHeader } from '../../src/ui/imageFrame.ts';
import type { Names } from '../../src/i18n/describe.ts';
import { defaultState, type Lang, type ViewState } from '../../src/state/viewState.ts';

const names: Names = { place: (c) => String(c), platforms: new Map(), sources: new Map() };
const words = (lang: Lang, s: Partial<ViewState>) => filtersText({ ...defaultState(lang), ...s }, names);

describe('filtersText names the analysis', () => {
  it('two periods compared, in place of the years', () => {
    expect(words('en', { years: [2017, 2020], compare: [2014, 2016] })).toBe('Projects · 2017–2020 compared with 2014–2016');
    expect(words('zh', { years: [2017, 2020], compare: [2014, 2016] })).toBe('项目数 · 2017–2020 与 2014–2016 对比');
    expect(words('en', { years: null, compare: [2015, 2015] })).toBe('Projects · all years compared with 2015');
    expect(words('zh', { years: null, compare: [2015, 2015] })).toBe('项目数 · 全部年份 与 2015 对比');
  });
  it('the city level and net flows', () => {
    expect(words('en', { level: 'city', net: true })).toBe('Projects · merged to city/prefecture level · net flows (both directions netted)');
    expect(words('zh', { level: 'city', net: true })).toBe('项目数 · 合并至地级市层级 · 净流向（双向相抵）');
  });
  it('says nothing of them when they are off', () => {
    expect(words('en', { years: [2017, 2020] })).toBe('Projects · 2017–2020');
    expect(words('en', { level: 'fine', net: false, compare: null })).toBe('Projects');
  });
  it('the picture header carries them', () => {
    const h = imageHeader({ ...defaultState('en'), years: [2017, 2020], compare: [2014, 2016], level: 'city', net: true }, names, new Date('2026-01-02T00:00:00Z'));
    expect(h.lines?.[1]).toBe('Filters: Projects · 2017–2020 compared with 2014–2016 · merged to city/prefecture level · net flows (both directions netted)');
  });
});
