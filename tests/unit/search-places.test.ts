import { describe, expect, it } from 'vitest';
import { unitsFromLayers } from '../../src/data/placeNames.ts';
import { buildSearchIndex, searchKey, searchPlaces } from '../../src/search/placeSearch.ts';
import { world } from './loader-helpers.ts';
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/data/dataset.ts';

const published = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
const index = () => buildSearchIndex({ units: unitsFromLayers(world().boundaries), platforms: published.platforms, resolver: world().places });
const keys = (q: string) => searchPlaces(index(), q).results.map((r) => r.entry.key);
const best = (q: string) => searchPlaces(index(), q).best?.entry.key ?? null;

describe('place search', () => {
  it('folds tones, tone numbers, spaces and case', () => {
    expect(searchKey('Cāng Zhōu')).toBe('cangzhou');
    expect(searchKey('cang1 zhou1')).toBe('cangzhou');
    expect(searchKey('130900')).toBe('130900');
  });

  it('finds a prefecture by 汉字, English, pinyin and adcode, first and as the one to take', () => {
    for (const q of ['沧州', '沧州市', 'Cangzhou', 'cangzhou', 'CANG ZHOU', 'cāngzhōu', 'cang1zhou1', '130900']) {
      expect(keys(q)[0], q).toBe('130900');
      expect(best(q), q).toBe('130900');
    }
  });

  it('finds a county by its name in pinyin with the suffix in pinyin', () => {
    expect(best('cangxian')).toBe('130921');
    expect(best('沧县')).toBe('130921');
    expect(best('chaoyangqu')).toBe('110105');
  });

  it('lists ambiguous names and takes none', () => {
    const a = searchPlaces(index(), 'Wei County');
    expect(a.results.slice(0, 2).map((r) => r.entry.key).sort()).toEqual(['130434', '130533']);
    expect(a.best).toBeNull();
    // Each says where it lies.
    expect(a.results.slice(0, 2).map((r) => r.entry.parentEn).sort()).toEqual(['Handan', 'Xingtai']);
  });

  it('completes what is typed: prefixes before substrings, the higher level first', () => {
    // The resolver reads "cang" as 沧县 without its suffix; Cangzhou is listed after it.
    expect(keys('cang').slice(0, 2)).toEqual(['130921', '130900']);
    expect(keys('cangz')[0]).toBe('130900');
    expect(keys('1309').slice(0, 2)).toEqual(['130900', '130902']);
    expect(keys('石家')[0]).toBe('130100');
  });

  it('finds platforms by their names', () => {
    const xiongan = published.platforms.find((p) => p.nameZh === '河北雄安新区')!;
    expect(keys('雄安')).toContain(xiongan.id);
  });

  it('answers nothing for nothing', () => {
    expect(searchPlaces(index(), '  ').results).toEqual([]);
    expect(searchPlaces(index(), 'zzzzqq').results).toEqual([]);
  });

  it('answers a keystroke in ≤ 5 ms over the region (~250 places)', () => {
    const ix = index();
    expect(ix.entries.length).toBeGreaterThan(200);
    const queries = ['c', 'ca', 'can', 'cang', 'cangz', 'cangzh', 'cangzhou', '沧', '沧州', '1', '13', '130', '1309', 'bao', 'baoding', 'x', 'xi', 'xio'];
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) for (const q of queries) searchPlaces(ix, `${q}${i}`.slice(0, q.length + (i % 2)));
    const per = (performance.now() - t0) / (5 * queries.length);
    expect(per).toBeLessThan(5);
  });
});
