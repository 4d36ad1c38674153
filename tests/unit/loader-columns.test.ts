/** Issue 19: headers, measures, numbers and industries as planners' files write them. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readHeader } from '../../src/loader/headers.ts';
import { industryReader, sectionOf } from '../../src/loader/industries.ts';
import { readNumber, shiftDecimal } from '../../src/loader/numbers.ts';
import { INDUSTRIES } from '../../src/data/vocab.ts';
import { load, world } from './loader-helpers.ts';

describe('headers in their common forms', () => {
  const roles: Array<[string, string]> = [
    ['迁出地', 'origin'], ['迁出地区', 'origin'], ['转出地', 'origin'], ['转出地区', 'origin'], ['来源地', 'origin'], ['原注册地', 'origin'], ['From', 'origin'], ['origin', 'origin'],
    ['迁入地', 'destination'], ['迁入地区', 'destination'], ['转入地', 'destination'], ['转入地区', 'destination'], ['承接地', 'destination'], ['现注册地', 'destination'], ['To', 'destination'],
    ['年份', 'year'], ['年度', 'year'], ['Year', 'year'],
    ['行业', 'industry'], ['所属行业', 'industry'], ['行业门类', 'industry'], ['Industry', 'industry'],
  ];
  it.each(roles)('%s → %s', (h, role) => expect(readHeader(h)).toMatchObject({ kind: 'role', role }));

  const measures: Array<[string, string, number]> = [
    ['企业数', 'firms', 0], ['企业个数', 'firms', 0], ['家数', 'firms', 0], ['企业数（家）', 'firms', 0], ['Firms', 'firms', 0],
    ['项目数', 'projects', 0], ['项目个数', 'projects', 0], ['项目数(个)', 'projects', 0],
    ['投资额', 'investment', 0], ['总投资', 'investment', 0], ['投资额（亿元）', 'investment', 0], ['投资额（万元）', 'investment', -4], ['投资额(万元)', 'investment', -4], ['总投资 (元)', 'investment', -8], ['Investment (CNY 100m)', 'investment', 0],
    ['商户数', 'merchants', 0],
  ];
  it.each(measures)('%s → %s ×10^%i', (h, measure, places) => expect(readHeader(h)).toEqual({ kind: 'measure', measure, places }));

  const parts: Array<[string, string, string]> = [
    ['迁出省', 'origin', 'province'], ['迁出市', 'origin', 'prefecture'], ['迁出区县', 'origin', 'county'], ['迁入地市', 'destination', 'prefecture'],
    ['迁出地（省）', 'origin', 'province'], ['origin_province', 'origin', 'province'], ['Destination City', 'destination', 'prefecture'], ['to_county', 'destination', 'county'],
  ];
  it.each(parts)('%s → %s %s', (h, role, level) => expect(readHeader(h)).toEqual({ kind: 'part', role, level }));

  it('an investment in an unknown unit is not guessed', () => expect(readHeader('投资额（美元）')).toEqual({ kind: 'other' }));
});

describe('numbers as people type them', () => {
  const cases: Array<[cell: string, kind: 'count' | 'money', places: number, text: string]> = [
    ['1,200', 'count', 0, '1200'],
    ['１２００', 'count', 0, '1200'],
    ['3家', 'count', 0, '3'],
    ['12 个', 'count', 0, '12'],
    ['1.2亿元', 'money', 0, '1.2'],
    ['500万元', 'money', 0, '0.05'],
    ['500', 'money', -4, '0.05'],
    ['1.2亿元', 'money', -4, '1.2'],
    ['12,345.6', 'money', -4, '1.23456'],
    ['3', 'count', 0, '3'],
    ['', 'count', 0, ''],
    // Not read: passed on for the validator to refuse.
    ['-3', 'count', 0, '-3'],
    ['NaN', 'count', 0, 'NaN'],
    ['1,5', 'count', 0, '1,5'],
    ['about 3', 'count', 0, 'about 3'],
    ['3 apples', 'count', 0, '3 apples'],
  ];
  it.each(cases)('%s (%s, ×10^%i) → %s', (cell, kind, places, text) => expect(readNumber(cell, kind, places)).toEqual({ text, error: null }));
  it('a unit that does not fit the column is an error', () => {
    expect(readNumber('1.2亿元', 'count').error).toMatch(/amount of money/);
    expect(readNumber('3家', 'money').error).toMatch(/is a count/);
  });
  it('moves the decimal point exactly', () => {
    expect([shiftDecimal('500', -4), shiftDecimal('1', -8), shiftDecimal('0.5', 2), shiftDecimal('12', 3), shiftDecimal('0.0001', 4)]).toEqual(['0.05', '0.00000001', '50', '12000', '1']);
  });
});

describe('industries', () => {
  const reader = industryReader({ ...world().options.industryTables, labels: world().options.industryLabels });
  const cases: Array<[string, string]> = [
    ['钢铁', 'materials'], ['冶金', 'materials'], ['建材', 'materials'], ['总部', 'hq-admin'], ['总部经济', 'hq-admin'], ['电子信息', 'electronics-it'], ['信息技术', 'electronics-it'],
    ['生物医药', 'pharma'], ['医药制造', 'pharma'], ['医药', 'pharma'], ['汽车零部件', 'automotive'], ['商贸', 'wholesale'], ['批发', 'wholesale'], ['市场', 'wholesale'],
    ['物流', 'logistics'], ['仓储', 'logistics'], ['大数据', 'data-centre'], ['云计算', 'data-centre'], ['数据中心', 'data-centre'], ['装备制造', 'equipment'], ['钢铁产业', 'materials'],
    ['Steel', 'materials'], ['Headquarters', 'hq-admin'], ['Big data', 'data-centre'], ['Auto parts', 'automotive'], ['Pharmaceuticals', 'pharma'], ['pharma', 'pharma'],
    // GB/T 4754-2017
    ['C27', 'pharma'], ['27', 'pharma'], ['2710', 'pharma'], ['C2710', 'pharma'], ['C27 医药制造业', 'pharma'], ['C 27', 'pharma'], ['医药制造业', 'pharma'], ['F51 批发业', 'wholesale'], ['F', 'wholesale'],
    ['C36', 'automotive'], ['C39', 'electronics-it'], ['I645', 'data-centre'], ['6450', 'data-centre'], ['I64', 'electronics-it'], ['L7211', 'hq-admin'], ['M73', 'tech-innovation'], ['31', 'materials'], ['A01', 'agriculture'],
    ['', 'other'],
  ];
  it.each(cases)('%s → %s', (cell, id) => expect(reader.read(cell)?.id).toBe(id));
  it('names the GB/T entry it used', () => expect(reader.read('27')?.via).toBe('C27 医药制造业'));
  it('refuses what it does not know, and a code with the wrong section letter', () => {
    for (const cell of ['新材料', 'F27', '99', 'x'.repeat(300)]) expect(reader.read(cell), cell).toBeNull();
    expect(reader.read('C')?.id).toBe('mixed');
  });
  it('the GB/T table: every division 01–97 once, each to an industry of the map, in its section', () => {
    const rows = readFileSync('data/names/industry-gbt4754.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const divisions = rows.filter(([c]) => /^\d{2}$/.test(c!)).map(([c]) => Number(c));
    expect(divisions).toEqual(Array.from({ length: 97 }, (_, i) => i + 1));
    for (const r of rows) expect(INDUSTRIES as readonly string[]).toContain(r[r.length - 1]);
    expect(rows.filter(([c]) => /^[A-T]$/.test(c!)).length).toBe(20);
    expect([sectionOf(27), sectionOf(51), sectionOf(97), sectionOf(1)]).toEqual(['C', 'F', 'T', 'A']);
  });
});

describe('the file of issue 19', () => {
  it('loads with 0 bad rows: full names, zones, the firms measure from 企业数, industries by synonym', async () => {
    const r = await load(readFileSync('tests/fixtures/loader/issue-19.csv'), { file: 'issue-19.csv' });
    const p = r.preview;
    expect(p.errors).toEqual([]);
    expect([p.rows, p.good, p.bad]).toEqual([6, 6, 0]);
    expect(r.flows.map((f) => [f.originAdcode, f.destinationAdcode, f.industry, f.firms, f.periodStart])).toEqual([
      [110105, 130900, 'pharma', 3, 2016],
      [110115, 130983, 'pharma', 5, 2017],
      [120116, 130209, 'materials', 1, 2019],
      [110106, 131022, 'equipment', 4, 2020],
      [110102, 130632, 'hq-admin', 1, 2021],
      [110000, 130722, 'data-centre', 2, 2022],
    ]);
    expect(r.flows[4]!.destinationPlatformId).toBe('P02');
    expect(p.noted.map((n) => n.value)).toEqual(expect.arrayContaining(['沧州市渤海新区', '雄安新区']));
    expect(p.entries.find((e) => e.column === '企业数')?.target).toBe('firms');
  });

  it('an address split over columns, an investment in 万元 and numbers as typed', async () => {
    const text = '迁出省,迁出市,迁出区县,迁入省,迁入市,迁入区县,投资额（万元）,项目数,年度,所属行业\n北京市,,朝阳区,河北省,沧州市,黄骅市,"12,000",3个,2019年,C27 医药制造业\n天津市,,滨海新区,河北,廊坊,固安,500万元,1,2020,F51\n';
    const r = await load(text);
    expect(r.preview.errors).toEqual([]);
    expect(r.flows.map((f) => [f.originAdcode, f.destinationAdcode, f.investmentCny100m, f.projects, f.industry])).toEqual([
      [110105, 130983, 1.2, 3, 'pharma'],
      [120116, 131022, 0.05, 1, 'wholesale'],
    ]);
  });

  it('an unreadable number is a row error, never 0', async () => {
    const r = await load('迁出地,迁入地,企业数,年份\n朝阳区,沧州,三,2019\n朝阳区,沧州,1.2亿元,2019\n');
    expect(r.preview.good).toBe(0);
    expect(r.preview.errors.map((e) => e.column)).toEqual(['企业数', '企业数']);
  });
});

describe('limits (issue 21): fail early in the worker with a message', () => {
  it('a header of 100,000 columns', async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    const r = await load(`${header}\n${'1,'.repeat(99_999)}1\n`);
    expect(r.preview.fatal).toEqual({ kind: 'limit', detail: 'the header has 100,000 columns, at most 1,000 are read' });
    expect(r.preview.entries.length).toBeLessThanOrEqual(100_000);
  });
  it('a 3 MB line without a line break, at the start or later', async () => {
    const line = 'x'.repeat(3_000_000);
    const first = await load(line);
    expect(first.preview.fatal?.kind).toBe('limit');
    expect(first.preview.fatal?.detail).toMatch(/line 1 is longer than 1,000,000 characters/);
    const later = await load(`origin,destination,value,year\n朝阳区,沧州,1,2019\n${line}`);
    expect(later.preview.fatal?.detail).toMatch(/line 3 is longer/);
    expect(later.flows).toEqual([]);
  });
  it('a cell longer than 10,000 characters is a row error', async () => {
    const r = await load(`origin,destination,value,year,note\n朝阳区,沧州,1,2019,${'y'.repeat(20_000)}\n朝阳区,沧州,2,2019,ok\n`);
    expect(r.preview.good).toBe(1);
    expect(r.preview.errors[0]!.reason).toBe('a cell of 20,000 characters, at most 10,000 allowed');
  });
});
