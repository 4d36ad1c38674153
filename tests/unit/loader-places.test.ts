import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeName, shortName } from '../../src/loader/places.ts';
import { world } from './loader-helpers.ts';

const resolve = (s: string) => world().places.resolve(s);
const code = (s: string) => {
  const m = resolve(s);
  return m.ok ? m.adcode : m.reason;
};

describe('place names → adcodes', () => {
  it('finds a prefecture by its Chinese or English name, with or without the suffix', () => {
    for (const s of ['沧州', '沧州市', 'Cangzhou', 'Cangzhou City', 'cangzhou', ' CANGZHOU ', 'Ｃａｎｇｚｈｏｕ', '130900']) expect(code(s), s).toBe(130900);
    expect(code('石家庄')).toBe(130100);
    expect(code('Shijiazhuang City')).toBe(130100);
  });

  it('finds districts and counties, and the provinces', () => {
    expect(code('朝阳区')).toBe(110105);
    expect(code('Chaoyang District')).toBe(110105);
    expect(code('Chaoyang')).toBe(110105);
    expect(code('滨海新区')).toBe(120116);
    expect(code('Binhai New Area')).toBe(120116);
    expect(code('任丘')).toBe(130982);
    expect(code("Qian'an")).toBe(130283);
    expect(code('Qianan')).toBe(130283);
    expect(code('青龙')).toBe(130321);
    expect(code('北京')).toBe(110000);
    expect(code('Beijing')).toBe(110000);
    expect(code('天津市')).toBe(120000);
    expect(code('河北')).toBe(130000);
    expect(code('Hebei')).toBe(130000);
    expect(code('Hebei District')).toBe(120105);
    expect(code('河北区')).toBe(120105);
  });

  it('prefers the exact name, then the unit of the higher level', () => {
    expect(code('Chengde County')).toBe(130821);
    expect(code('承德县')).toBe(130821);
    expect(code('承德')).toBe(130800);
    expect(code('Chengde')).toBe(130800);
    expect(code('沧县')).toBe(130921);
  });

  it('refuses names that fit several places, naming them and asking for the adcode', () => {
    const wei = resolve('Wei County');
    expect(wei.ok).toBe(false);
    if (!wei.ok) {
      expect(wei.reason).toContain('130434 魏县');
      expect(wei.reason).toContain('130533 威县');
      expect(wei.reason).toContain('give the adcode');
    }
    expect(code('魏县')).toBe(130434);
    expect(code('威县')).toBe(130533);
    expect(resolve('桥西区').ok).toBe(false);
    expect(resolve('Jizhou District').ok).toBe(false);
    expect(code('冀州')).toBe(131103);
    expect(code('蓟州')).toBe(120119);
  });

  it('refuses unknown names and adcodes, and overlong names, with a reason', () => {
    expect(code('某某产业园')).toMatch(/no place named "某某产业园"/);
    expect(code('999999')).toBe('unknown adcode 999999: not in Beijing, Tianjin or Hebei (adcodes there start with 11, 12 or 13)');
    expect(code('139999')).toBe('unknown adcode 139999');
    expect(code('魏')).toMatch(/no place named/);
    expect(code('x'.repeat(10_000))).toBe('place name of 10000 characters, at most 200 allowed');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const m = resolve(s);
        expect(typeof m.ok).toBe('boolean');
        if (m.ok) expect(world().places.name(m.adcode, 'zh')).toBeTruthy();
        else expect(m.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('normalises width, case, spaces and apostrophes; strips one administrative suffix', () => {
    expect(normalizeName(" Qian'an ")).toBe('qianan');
    expect(shortName('沧州市')).toBe('沧州');
    expect(shortName('魏县')).toBeNull();
    expect(shortName('cangzhoucity')).toBe('cangzhou');
    expect(shortName('qinglongmanchuautonomouscounty')).toBe('qinglong');
  });
});
