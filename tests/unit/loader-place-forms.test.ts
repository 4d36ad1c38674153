/** Issue 19: places in every common form, through the one resolver (src/data/placeNames.ts). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parsePlaceAliases } from '../../src/data/placeAliases.ts';
import { placeResolver, platformKeys } from '../../src/data/placeNames.ts';
import { world } from './loader-helpers.ts';

const resolve = (s: string) => world().places.resolve(s);
const code = (s: string) => {
  const m = resolve(s);
  return m.ok ? m.adcode : m.reason;
};

describe('places in every common form', () => {
  const cases: Array<[form: string, cell: string, adcode: number]> = [
    ['full hierarchy with suffixes', '河北省沧州市黄骅市', 130983],
    ['full hierarchy without suffixes', '河北沧州黄骅', 130983],
    ['with a hyphen', '沧州市-黄骅市', 130983],
    ['with a space', '北京 朝阳', 110105],
    ['municipality and district', '北京市朝阳区', 110105],
    ['province and prefecture', '河北省沧州市', 130900],
    ['prefecture and county', '张家口市张北县', 130722],
    ['province, prefecture, county', '河北省廊坊市固安县', 131022],
    ['Tianjin district', '天津市滨海新区', 120116],
    ['province skipped', '唐山市曹妃甸区', 130209],
    ['with filler words', '中国北京市市辖区东城区', 110101],
    ['6-digit adcode', '130983', 130983],
    ['12-digit statistical code', '130983100000', 130983],
    ['English', 'Cangzhou City', 130900],
    ['pinyin with Shi', 'Huanghua Shi', 130983],
    ['pinyin with Xian', 'Guan Xian', 131022],
    ['English, small to large with commas', 'Huanghua, Cangzhou, Hebei', 130983],
    ['English, large to small', 'Hebei Cangzhou Huanghua', 130983],
    ['full-width', '河北省　沧州市', 130900],
  ];
  it.each(cases)('%s: %s', (_form, cell, adcode) => {
    expect(code(cell)).toBe(adcode);
  });
});

describe('historic names and zones, with a note', () => {
  const cases: Array<[cell: string, adcode: number, note: RegExp]> = [
    ['崇文区', 110101, /2010年并入东城区/],
    ['宣武区', 110102, /并入西城区/],
    ['唐海县', 130209, /曹妃甸区/],
    ['徐水县', 130609, /徐水区/],
    ['北市区', 130606, /莲池区/],
    ['保定市北市区', 130606, /莲池区/],
    ['邢台市桥东区', 130502, /襄都区/],
    ['130230', 130209, /唐海县/],
    ['Chongwen District', 110101, /东城区/],
    ['北京经济技术开发区', 110115, /大兴区/],
    ['亦庄', 110115, /大兴区/],
    ['沧州市渤海新区', 130983, /黄骅市/],
    ['雄安新区', 130632, /P02/],
    ['曹妃甸协同发展示范区', 130209, /P03/],
  ];
  it.each(cases)('%s', (cell, adcode, note) => {
    const m = resolve(cell);
    expect(m.ok && m.adcode).toBe(adcode);
    expect(m.ok && m.note?.zh).toMatch(note);
    expect(m.ok && m.note?.en.length).toBeGreaterThan(5);
  });

  it('a platform named as a destination gives its id', () => {
    const m = resolve('雄安新区');
    expect(m.ok && m.platformId).toBe('P02');
    expect(resolve('河北雄安新区')).toMatchObject({ ok: true, platformId: 'P02' });
  });

  it("a platform's name never hides a unit's name", () => {
    // P41 is "固安（大兴生物医药产业基地分园）", P42 "魏县（…）".
    expect(resolve('固安')).toMatchObject({ ok: true, adcode: 131022, platformId: null });
    expect(resolve('魏县')).toMatchObject({ ok: true, adcode: 130434, platformId: null });
    expect(platformKeys({ nameZh: '北京新机场临空经济区（北京大兴国际机场临空经济区）', nameEn: '' })).toContain('北京大兴国际机场临空经济区');
  });

  it('every platform of data/platforms.csv is found by its names', () => {
    for (const p of world().options.platforms) {
      for (const name of [p.nameZh, p.nameEn]) {
        const m = resolve(name);
        expect(m.ok, name).toBe(true);
        if (m.ok) expect(m.adcode === p.adcode || m.platformId === p.id, name).toBe(true);
      }
    }
  });
});

describe('ambiguous names are refused with the candidates', () => {
  const cases: Array<[cell: string, candidates: number[]]> = [
    ['Wei County', [130434, 130533]],
    ['桥西区', [130104, 130703]],
    ['Jizhou District', [120119, 131103]],
    ['邯郸县', [130402, 130403]],
    ['石家庄桥东区', [130102, 130104]],
  ];
  it.each(cases)('%s', (cell, candidates) => {
    const m = resolve(cell);
    expect(m.ok).toBe(false);
    if (!m.ok) {
      expect(m.kind).toBe('ambiguous');
      expect([...m.candidates].sort()).toEqual(candidates);
      for (const c of candidates) expect(m.reason).toContain(String(c));
    }
  });

  it('the part before narrows the choice', () => {
    expect(code('石家庄市桥西区')).toBe(130104);
    expect(code('张家口桥西区')).toBe(130703);
    expect(code('衡水冀州')).toBe(131103);
    expect(code('天津市河北区')).toBe(120105);
  });

  it('a part that does not lie in the one before is not read', () => {
    expect(resolve('天津市朝阳区').ok).toBe(false);
    expect(resolve('沧州市固安县').ok).toBe(false);
  });
});

describe('invisible characters', () => {
  it('a zero-width space is not ignored, and the message shows it', () => {
    const m = resolve('朝阳区\u200b');
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.reason).toContain('"朝阳区<U+200B>"');
  });
  it('a right-to-left override is shown as a code, never as a control', () => {
    const m = resolve('\u202etxt.exe');
    expect(m.ok).toBe(false);
    if (!m.ok) {
      expect(m.reason).toContain('<U+202E>');
      expect(m.reason).not.toContain('\u202e');
    }
  });
  it('NFKC and trimmed before matching', () => {
    expect(code('  ＣＡＮＧＺＨＯＵ  ')).toBe(130900);
  });
});

describe('the alias table', () => {
  const aliases = parsePlaceAliases(readFileSync('data/names/place-aliases.csv', 'utf8'));
  it('names only units of the boundary file, and retired codes that are not', () => {
    const units = world().places.units();
    const has = new Set(units.map((u) => u.adcode));
    for (const a of aliases) {
      for (const c of a.adcodes) expect(has.has(c), `${a.nameZh} → ${c}`).toBe(true);
      if (a.kind === 'historic' && a.oldAdcode !== null && !a.adcodes.includes(a.oldAdcode)) expect(has.has(a.oldAdcode), a.nameZh).toBe(false);
    }
  });
  it('hides no name of a unit of today', () => {
    const units = world().places.units();
    const bare = placeResolver({ units });
    for (const a of aliases.filter((x) => x.kind === 'zone')) expect(bare.resolve(a.nameZh).ok, a.nameZh).toBe(false);
  });
  it('refuses a malformed table', () => {
    expect(() => parsePlaceAliases('name,kind\n')).toThrow(/header/);
  });
});

describe('the same resolver in the validator', () => {
  it('a retired adcode in flows.csv columns is reported with the unit of today', async () => {
    const { load } = await import('./loader-helpers.ts');
    const { FLOW_HEADER } = await import('../../src/loader/plan.ts');
    const row: Record<string, string> = { id: 'F1', kind: 'aggregate', origin_adcode: '110105', destination_adcode: '130230', industry: 'other', entity_zh: 'x', entity_en: 'x', period_start: '2019', period_end: '2019', basis: 'period', pre_strategy: 'no', projects: '1', bound: 'exact', description_zh: 'x', description_en: 'x', source_ids: 'S001', confidence: 'medium' };
    const r = await load(`${FLOW_HEADER.join(',')}\n${FLOW_HEADER.map((c) => row[c] ?? '').join(',')}\n`);
    expect(r.flows.map((f) => f.destinationAdcode)).toEqual([130209]);
  });
});

describe('the validator with the resolver', () => {
  it('explains a retired adcode', async () => {
    const { validateFlows } = await import('../../src/data/validate.ts');
    const { FLOW_HEADER } = await import('../../src/loader/plan.ts');
    const row: Record<string, string> = { id: 'F1', kind: 'aggregate', origin_adcode: '110105', destination_adcode: '130230', industry: 'other', entity_zh: 'x', entity_en: 'x', period_start: '2019', period_end: '2019', basis: 'period', pre_strategy: 'no', projects: '1', bound: 'exact', description_zh: 'x', description_en: 'x', source_ids: 'S001', confidence: 'medium' };
    const table = { file: 'flows.csv', header: FLOW_HEADER, rows: [{ line: 2, cells: FLOW_HEADER.map((c) => row[c] ?? '') }], errors: [] };
    const w = world();
    const v = validateFlows(table, { gazetteer: w.options.gazetteer, origins: 'region', currentYear: 2026, places: w.places });
    expect(v.errors.map((e) => e.reason)).toContain('unknown adcode 130230 (130230 Tanghai County: became Caofeidian District in 2012): use 130209');
    const plain = validateFlows(table, { gazetteer: w.options.gazetteer, origins: 'region', currentYear: 2026 });
    expect(plain.errors.map((e) => e.reason)).toContain('unknown adcode 130230');
  });
});
