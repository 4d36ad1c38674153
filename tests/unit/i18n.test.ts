import { describe, expect, it } from 'vitest';
import { zh } from '../../src/i18n/zh.ts';
import { en } from '../../src/i18n/en.ts';
import { t } from '../../src/i18n/index.ts';
import { formatFigure, formatNumber, formatPeriod, formatValue, periodNoteIn } from '../../src/i18n/format.ts';

describe('dictionaries', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('have no empty string, and the same {placeholders} in both languages', () => {
    for (const key of Object.keys(zh) as Array<keyof typeof zh>) {
      expect(zh[key].length, key).toBeGreaterThan(0);
      expect(en[key].length, key).toBeGreaterThan(0);
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(en[key]), key).toEqual(vars(zh[key]));
    }
  });

  it('fills placeholders as text', () => {
    expect(t('en', 'legend.named46', { n: 5 })).toBe('Of the 46 specialised platforms, 5 are named in public sources.');
    expect(t('zh', 'legend.named46', { n: 5 })).toContain('5 个');
  });
});

describe('number and unit formatting', () => {
  it('uses thousands separators and keeps published decimals', () => {
    expect(formatNumber('en', 13901.17)).toBe('13,901.17');
    expect(formatNumber('zh', 15560)).toBe('15,560');
  });

  it('formats units per language: 亿元 vs CNY billion / million', () => {
    expect(formatValue('zh', 3671.58, 'cny-100m')).toBe('3,671.58 亿元');
    expect(formatValue('en', 3671.58, 'cny-100m')).toBe('CNY 367.158 billion');
    expect(formatValue('en', 443, 'cny-100m')).toBe('CNY 44.3 billion');
    expect(formatValue('en', 10, 'cny-100m')).toBe('CNY 1 billion');
    expect(formatValue('en', 1.5, 'cny-100m')).toBe('CNY 150 million');
    expect(formatValue('en', 1, 'cny-100m')).toBe('CNY 100 million');
    expect(formatValue('en', 0.35, 'cny-100m')).toBe('CNY 35 million');
    expect(formatValue('en', 12000, 'cny-100m')).toBe('CNY 1,200 billion');
    expect(formatValue('en', 4802.46, 'cny-100m', 'at-least')).toBe('over CNY 480.246 billion');
    expect(formatValue('en', 9.99, 'cny-100m', 'about')).toBe('about CNY 999 million');
    expect(formatValue('zh', 443, 'cny-100m', 'about')).toBe('约 443 亿元');
    expect(formatFigure('en', 443, 'cny-100m')).toBe('44.3 billion');
    expect(formatFigure('en', -1.5, 'cny-100m')).toBe('-150 million');
    expect(formatFigure('en', 443, 'projects')).toBe('443');
    expect(formatFigure('zh', 443, 'cny-100m')).toBe('443');
    expect(formatValue('en', 256, 'projects')).toBe('256 projects');
    expect(formatValue('en', 1, 'projects')).toBe('1 project');
    expect(formatValue('en', 1, 'projects', 'about')).toBe('about 1 project');
    expect(formatValue('en', 1, 'projects', 'at-least')).toBe('over 1 projects');
    expect(formatValue('zh', 256, 'projects')).toBe('256 个项目');
  });

  it('says when a figure is a lower bound or approximate', () => {
    expect(formatValue('en', 6000, 'projects', 'at-least')).toBe('over 6,000 projects');
    expect(formatValue('zh', 6000, 'projects', 'at-least')).toBe('超过 6,000 个项目');
    expect(formatValue('zh', 2000, 'merchants', 'about')).toBe('约 2,000 户商户');
  });

  it('formats periods', () => {
    expect(formatPeriod('en', 2014, 2017)).toBe('2014–2017');
    expect(formatPeriod('zh', 2015, 2015)).toBe('2015 年');
    expect(formatPeriod('en', 2015, 2015, 'Jan–Oct')).toBe('2015 (Jan–Oct)');
    expect(formatPeriod('zh', 2015, 2015, '1—10月')).toBe('2015 年（1—10月）');
  });

  it('picks the period note in the language shown, falling back to the other one', () => {
    const both = { periodNote: 'Jan–Oct', periodNoteZh: '1—10月' };
    expect(periodNoteIn('zh', both)).toBe('1—10月');
    expect(periodNoteIn('en', both)).toBe('Jan–Oct');
    expect(periodNoteIn('zh', { periodNote: 'Jan–Oct', periodNoteZh: null })).toBe('Jan–Oct');
    expect(periodNoteIn('en', { periodNote: null, periodNoteZh: '1—10月' })).toBe('1—10月');
    expect(periodNoteIn('en', { periodNote: null, periodNoteZh: null })).toBeNull();
  });
});
