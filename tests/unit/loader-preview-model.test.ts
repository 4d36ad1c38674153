/** The preview's pure half (src/loader/previewModel.ts), in both languages. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { zh } from '../../src/i18n/zh.ts';
import { en } from '../../src/i18n/en.ts';
import type { MessageKey } from '../../src/i18n/index.ts';
import { MAX_COLUMNS_SHOWN, placeChoice, previewModel } from '../../src/loader/previewModel.ts';
import { load, world } from './loader-helpers.ts';

const dict = { zh, en };
const tr = (lang: 'zh' | 'en') => (key: MessageKey, vars?: Record<string, string | number>) => {
  const s = dict[lang][key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
};
const fmt = (v: number) => v.toLocaleString('en-US');
const name = (lang: 'zh' | 'en') => (a: number) => world().places.name(a, lang) ?? String(a);

describe('preview model', () => {
  const cases: Array<['zh' | 'en', RegExp, RegExp]> = [
    ['zh', /读取 6 行/, /渤海新区：沧州渤海新区与黄骅市合署/],
    ['en', /6 rows read, 6 will be drawn, 0 cannot be used/, /Bohai New Area: the Cangzhou Bohai New Area is run together with Huanghua/],
  ];
  it.each(cases)('%s: summary, columns and notes of the issue file', async (lang, summary, note) => {
    const p = (await load(readFileSync('tests/fixtures/loader/issue-19.csv'), { file: 'issue-19.csv' })).preview;
    const m = previewModel(p, lang, tr(lang), fmt, name(lang));
    expect(m.summary).toMatch(summary);
    expect(m.fatal).toBeNull();
    expect(m.columns.find((c) => c.column === '企业数')?.used).toBe('firms');
    expect(m.noted.map((x) => x.text).join('\n')).toMatch(note);
    expect(m.unknownValues).toEqual([]);
  });

  it.each(['zh', 'en'] as const)('%s: unknown values with counts and candidates', async (lang) => {
    const p = (await load('origin,destination,value,industry,year\n北京,某某产业园,1,新材料,2019\n北京,某某产业园,1,新材料,2019\n北京,Wei County,1,pharma,2019\n')).preview;
    const m = previewModel(p, lang, tr(lang), fmt, name(lang));
    expect(m.unknownValues.map((u) => [u.kind, u.value, u.count])).toEqual([
      ['place', '某某产业园', 2],
      ['industry', '新材料', 2],
      ['place', 'Wei County', 1],
    ]);
    expect(m.unknownValues[2]!.candidatesText).toContain('130434');
  });

  it('lists at most a bounded number of columns, whatever the file', async () => {
    const header = Array.from({ length: 900 }, (_, i) => `c${i}`);
    const p = (await load(`origin,destination,value,year,${header.join(',')}\n北京,沧州,1,2019${',x'.repeat(900)}\n`)).preview;
    const m = previewModel(p, 'en', tr('en'), fmt, name('en'));
    expect(m.columns).toHaveLength(MAX_COLUMNS_SHOWN);
    expect(m.columnsMore).toBe('704 more columns not listed.');
  });

  it('reads a typed place choice', () => {
    const units = [{ adcode: 130600, nameZh: '保定市', nameEn: 'Baoding' }, { adcode: 130900, nameZh: '沧州市', nameEn: 'Cangzhou' }];
    expect([placeChoice('130600 保定市 Baoding', units), placeChoice('130900', units), placeChoice('沧州市', units), placeChoice('baoding', units), placeChoice('999999', units), placeChoice('', units)]).toEqual([130600, 130900, 130900, 130600, null, null]);
  });
});
