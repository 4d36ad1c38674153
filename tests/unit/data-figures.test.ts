/**
 * Figures pinned exactly as their sources print them: the founding articles' (seed) figures and a
 * sample of the prefecture intake series and of the flows added for issue 17. Read from the compiled dataset, the
 * same way data-csv.test.ts does, so a typo in data/*.csv (or a row lost in the build) fails here.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildData, ROOT } from '../../scripts/build-data.ts';
import type { Dataset } from '../../src/data/dataset.ts';
import type { Aggregate, Flow } from '../../src/data/types.ts';
import { INDUSTRIES } from '../../src/data/vocab.ts';

const present = ['sources', 'platforms', 'flows', 'aggregates'].every((t) => existsSync(resolve(ROOT, 'data', `${t}.csv`)));

let built: Dataset | undefined;
function data(): Dataset {
  if (!built) {
    const { json, errors } = buildData();
    expect(errors).toEqual([]);
    built = JSON.parse(json!) as Dataset;
  }
  return built;
}
const agg = (id: string): Aggregate => {
  const a = data().aggregates.find((x) => x.id === id);
  expect(a, id).toBeDefined();
  return a!;
};
const flow = (id: string): Flow => {
  const f = data().flows.find((x) => x.id === id);
  expect(f, id).toBeDefined();
  return f!;
};
const sourceOf = (row: { sourceIds: string[] }) => row.sourceIds.map((id) => data().sources.find((s) => s.id === id));

describe.skipIf(!present)('pinned figures', () => {
  describe('seed articles (A: Hebei Daily 2018-01-22; C: Chinanews 2019-01)', () => {
    it('Hebei from Beijing & Tianjin: 15560 projects and 13901.17 亿元 to end-2017; nearly 3000 projects and over 2500 亿元 in 2017', () => {
      expect(agg('A09')).toMatchObject({ series: 'hebei-bt-projects-cum', value: 15560, unit: 'projects', bound: 'exact', periodEnd: 2017 });
      expect(agg('A10')).toMatchObject({ series: 'hebei-bt-capital-cum', value: 13901.17, unit: 'cny-100m', bound: 'exact' });
      expect(agg('A08')).toMatchObject({ value: 3000, unit: 'projects', bound: 'about', basis: 'annual', periodStart: 2017 });
      expect(agg('A07')).toMatchObject({ value: 2500, unit: 'cny-100m', bound: 'at-least', basis: 'annual' });
      expect(sourceOf(agg('A09')).map((s) => s?.date)).toContain('2018-01-22');
    });

    it('seed C: about 16,300 projects and 1.54 trillion yuan since 2014 (a different report from A09: never subtracted)', () => {
      expect(agg('A15')).toMatchObject({ series: 'hebei-bt-projects-cum', value: 16300, bound: 'about', periodEnd: 2018 });
      expect(agg('A16')).toMatchObject({ value: 15400, unit: 'cny-100m' });
    });

    it('Caofeidian 256 projects / 3671.58 亿元; Bohai park 102 firms, 79 from Beijing, 13 from Tianjin', () => {
      expect(flow('F25')).toMatchObject({ projects: 256, investmentCny100m: 3671.58, destinationAdcode: 130209 });
      expect(agg('A125')).toMatchObject({ value: 102, unit: 'firms', from: 'any' });
      expect(flow('F10')).toMatchObject({ firms: 79, originAdcode: 110000 });
      expect(flow('F11')).toMatchObject({ firms: 13, originAdcode: 120000 });
    });

    it('Zoo-market traders in Baigou (nearly 2000) and Beijing traders signed/moved in (25,000+ / 10,150)', () => {
      expect(flow('F29')).toMatchObject({ merchants: 2000, bound: 'about', destinationPlatformId: 'P08' });
      expect(agg('A14')).toMatchObject({ value: 25000, unit: 'merchants', bound: 'at-least' });
      expect(agg('A105')).toMatchObject({ value: 10150, unit: 'merchants' });
    });

    it("the 13 Hyundai-linked car projects in Cangzhou (US$492.321 m) as an aggregate, with no Beijing origin claimed", () => {
      const a = agg('A168');
      expect(a).toMatchObject({ scopeAdcode: 130900, from: 'any', value: 13, unit: 'projects', bound: 'exact' });
      expect(a.labelZh).toContain('49232.1万美元');
      expect(a.labelEn).toContain('US$492.321 m');
      expect(a.labelZh).toContain('73.8%');
    });
  });

  describe('prefecture intake series (issue 17)', () => {
    it('Baoding to end-2020: 469 projects with Beijing & Tianjin (441 Beijing, 28 Tianjin), 6832.79 亿元', () => {
      expect(agg('A126')).toMatchObject({ series: 'baoding-bt-coop-projects-cum', scopeAdcode: 130600, from: 'beijing-tianjin', value: 469, periodEnd: 2020 });
      expect(agg('A127')).toMatchObject({ scopeAdcode: 130600, from: 'beijing', value: 441 });
      expect(agg('A128')).toMatchObject({ scopeAdcode: 130600, from: 'tianjin', value: 28 });
      expect(agg('A129')).toMatchObject({ value: 6832.79, unit: 'cny-100m' });
      expect(sourceOf(agg('A126'))[0]).toMatchObject({ date: '2021-03-25', url: 'http://www.heb.chinanews.com/jjjjj/20210325413992.shtml' });
    });

    it('Caofeidian: 247 Beijing projects over 100 m yuan, over 1770 亿元 completed (Apr 2024)', () => {
      expect(agg('A142')).toMatchObject({ scopeAdcode: 130209, from: 'beijing', value: 247, bound: 'exact', periodEnd: 2024 });
      expect(agg('A143')).toMatchObject({ value: 1770, bound: 'at-least', unit: 'cny-100m' });
      expect(flow('F90')).toMatchObject({ projects: 247, investmentCny100m: 1770, bound: 'at-least' });
    });

    it('Tangshan: 400 projects / 5567.56 亿元 in 2017; 354 / 2555 亿元 in Jan–Oct 2022', () => {
      expect(agg('A138')).toMatchObject({ scopeAdcode: 130200, value: 400, basis: 'annual', periodEnd: 2017 });
      expect(agg('A139')).toMatchObject({ value: 5567.56 });
      expect(agg('A140')).toMatchObject({ value: 354, basis: 'partial', periodNote: 'Jan–Oct', periodNoteZh: '1—10月' });
      expect(agg('A141')).toMatchObject({ value: 2555 });
    });

    it('Zhangjiakou: 106 Beijing projects and 385.22 亿元 in 2016; 235 projects over 50 m yuan, 2715.24 亿元 (Oct 2022)', () => {
      expect(agg('A149')).toMatchObject({ scopeAdcode: 130700, from: 'beijing', value: 106, basis: 'annual', periodEnd: 2016 });
      expect(agg('A150')).toMatchObject({ value: 385.22, unit: 'cny-100m' });
      expect(agg('A151')).toMatchObject({ value: 235, from: 'beijing-tianjin' });
      expect(agg('A152')).toMatchObject({ value: 2715.24 });
      expect(agg('A153')).toMatchObject({ value: 772.58, series: 'zjk-bt-large-coop-invest-done-cum' });
    });

    it('Binhai 2019: 468 projects, 2711.9 亿元 agreed; Hengshui: 161 projects over 50 m yuan in ten years; Langfang: 505 / 2468 亿元', () => {
      expect(agg('A162')).toMatchObject({ scopeAdcode: 120116, value: 468, basis: 'annual', periodEnd: 2019 });
      expect(agg('A163')).toMatchObject({ value: 2711.9 });
      expect(agg('A156')).toMatchObject({ scopeAdcode: 131100, value: 161, basis: 'period', periodStart: 2014, periodEnd: 2023 });
      expect(agg('A134')).toMatchObject({ scopeAdcode: 131000, value: 505 });
      expect(agg('A135')).toMatchObject({ value: 2468 });
    });
  });

  describe('flows added in the fifth session (issue 17)', () => {
    it('China Telecom big-data base in Wuqing: 102 亿元 planned, agreed 16 Oct 2018, under construction in 2020 (Tianjin Daily)', () => {
      expect(flow('F201')).toMatchObject({ originAdcode: 110000, destinationAdcode: 120114, industry: 'data-centre', investmentCny100m: 102, bound: 'exact', status: 'started', periodStart: 2018, periodEnd: 2020 });
      expect(sourceOf(flow('F201'))[0]).toMatchObject({ date: '2020-06-05' });
    });

    it('Beijing–Chengde farm projects 2004 to Mar 2012: 98 projects, 115 亿元 (Economic Daily), before the strategy', () => {
      expect(flow('F231')).toMatchObject({ destinationAdcode: 130800, industry: 'agriculture', projects: 98, investmentCny100m: 115, basis: 'cumulative', preStrategy: true, periodStart: 2004, periodEnd: 2012 });
      expect(sourceOf(flow('F231'))[0]).toMatchObject({ date: '2012-03-21', url: 'http://paper.ce.cn/jjrb/html/2012-03/21/content_198532.htm' });
    });

    it('about 2,000 Zoo-market and Dahongmen traders signed with the Zall mall in Tianjin (signed, not moved in)', () => {
      expect(flow('F216')).toMatchObject({ destinationAdcode: 120111, industry: 'wholesale', merchants: 2000, bound: 'about', status: 'agreed' });
    });

    it('at least 150 flows, and every industry of the vocabulary has at least 5', () => {
      const { flows } = data();
      expect(flows.length).toBeGreaterThanOrEqual(150);
      const thin = INDUSTRIES.filter((i) => flows.filter((f) => f.industry === i).length < 5);
      expect(thin).toEqual([]);
    });
  });

  describe('prefecture intake series, second pass (A300–A324)', () => {
    it('Binhai Jan–Mar 2021: 301 projects from Beijing, over 641 亿元 agreed; 11 started, 96.2 亿元', () => {
      expect(agg('A300')).toMatchObject({ series: 'binhai-b-threshold-projects', scopeAdcode: 120116, scopePlatformId: 'P05', from: 'beijing', value: 301, basis: 'partial', periodEnd: 2021, periodNote: 'Jan–Mar' });
      expect(agg('A301')).toMatchObject({ value: 641, unit: 'cny-100m', bound: 'at-least' });
      expect(agg('A302')).toMatchObject({ value: 11, unit: 'projects' });
      expect(agg('A303')).toMatchObject({ value: 96.2, unit: 'cny-100m', bound: 'exact' });
    });

    it('Binhai running totals in two definitions, never one series: 3100+ relocation projects (Oct 2018) vs 2344 projects from Beijing (Jul 2019)', () => {
      expect(agg('A304')).toMatchObject({ series: 'binhai-relocation-projects-cum', value: 3100, bound: 'at-least', basis: 'cumulative', periodEnd: 2018 });
      expect(agg('A308')).toMatchObject({ series: 'binhai-b-projects-cum', value: 2344, bound: 'exact', basis: 'cumulative', periodEnd: 2019 });
      expect(agg('A309')).toMatchObject({ value: 5458, unit: 'cny-100m' });
      expect(sourceOf(agg('A308'))[0]).toMatchObject({ date: '2019-07-29' });
    });

    it('Handan, 8 Sep 2017: 26 Beijing–Tianjin transfer projects among the key projects started that day', () => {
      expect(agg('A320')).toMatchObject({ series: 'handan-bt-transfer-projects-started', scopeAdcode: 130400, from: 'beijing-tianjin', value: 26, basis: 'partial', periodStart: 2017, periodEnd: 2017 });
      expect(agg('A320').labelZh).toContain('81');
    });

    it('Dingzhou (Aug 2019): 40 coordinated-development projects landed, 443 亿元', () => {
      expect(agg('A321')).toMatchObject({ scopeAdcode: 130682, from: 'beijing-tianjin', value: 40, basis: 'cumulative', periodEnd: 2019 });
      expect(agg('A322')).toMatchObject({ value: 443, unit: 'cny-100m', bound: 'exact' });
      expect(sourceOf(agg('A321'))[0]).toMatchObject({ date: '2019-08-23' });
    });

    it('Langfang northern three counties: 52 projects signed at the first fair (Feb 2019); 2024 counted by county where projects land', () => {
      expect(agg('A310')).toMatchObject({ series: 'langfang-n3-fair-projects-signed', scopeAdcode: 131000, value: 52, periodEnd: 2019 });
      expect(agg('A311')).toMatchObject({ value: 300, bound: 'at-least', unit: 'cny-100m' });
      expect([agg('A312'), agg('A313'), agg('A314')].map((a) => [a.scopeAdcode, a.value])).toEqual([[131082, 22], [131028, 20], [131024, 20]]);
    });

    it("Tianjin's Hebei District 2025 (district work report): 55 new entities and 21 projects from Beijing, 35.16 亿元", () => {
      expect(agg('A315')).toMatchObject({ scopeAdcode: 120105, from: 'beijing', value: 55, unit: 'count', basis: 'annual', periodEnd: 2025 });
      expect(agg('A316')).toMatchObject({ value: 21, unit: 'projects' });
      expect(agg('A317')).toMatchObject({ value: 35.16, unit: 'cny-100m' });
    });
  });

  describe('the four thinnest prefectures, third pass (A330–A343)', () => {
    it('Guangzong (Xingtai), Xinhua Sep 2022: 13 manufacturing firms brought in from Beijing and Tianjin since the strategy', () => {
      expect(agg('A336')).toMatchObject({ series: 'guangzong-bt-manuf-firms-cum', scopeAdcode: 130531, from: 'beijing-tianjin', value: 13, unit: 'firms', bound: 'exact', basis: 'cumulative', periodEnd: 2022 });
      expect(sourceOf(agg('A336'))[0]).toMatchObject({ publisher: 'Xinhua (新华网)', date: '2022-09-15' });
    });

    it('Hengshui and Handan at the May 2015 Langfang fair: 30 projects / 548.39 亿元 and 52 / 860 亿元, any origin (not a Beijing/Tianjin figure)', () => {
      expect(agg('A332')).toMatchObject({ series: 'hengshui-fair-projects-signed', scopeAdcode: 131100, from: 'any', value: 30, unit: 'projects', periodEnd: 2015 });
      expect(agg('A333')).toMatchObject({ value: 548.39, unit: 'cny-100m', bound: 'exact', from: 'any' });
      expect(agg('A334')).toMatchObject({ scopeAdcode: 130400, from: 'any', value: 52 });
      expect(agg('A335')).toMatchObject({ value: 860, unit: 'cny-100m' });
    });

    it('Qinhuangdao ETDZ CAS base: 19 projects of 12 institutes (early 2017); Shexian–Tiantie zone (Handan): 9 projects in 2016, told by Tianjin', () => {
      expect(agg('A331')).toMatchObject({ series: 'qhd-etdz-cas-base-projects-cum', scopeAdcode: 130302, from: 'beijing', value: 19, unit: 'projects', basis: 'cumulative', periodEnd: 2017 });
      expect(agg('A331').labelZh).toContain('12家科研院所');
      expect(agg('A337')).toMatchObject({ scopeAdcode: 130426, from: 'tianjin', value: 9, basis: 'annual', periodStart: 2016, periodEnd: 2016 });
    });

    it('Juxian (Xingtai) signing in Beijing, Oct 2016 (year inferred): 8 projects from Beijing and Tianjin, 12.42 亿元', () => {
      expect(agg('A342')).toMatchObject({ scopeAdcode: 130529, from: 'beijing-tianjin', value: 8, periodEnd: 2016 });
      expect(agg('A343')).toMatchObject({ value: 12.42, unit: 'cny-100m', bound: 'exact' });
      expect(sourceOf(agg('A342'))[0]?.note).toContain('inference');
    });
  });

  it('a series never mixes scope, origin or unit (the adding-up rule relies on it)', () => {
    const key = (a: Aggregate) => `${a.scopeAdcode}|${a.from}|${a.unit}`;
    const seen = new Map<string, string>();
    const mixed: string[] = [];
    for (const a of data().aggregates) {
      const k = seen.get(a.series);
      if (k === undefined) seen.set(a.series, key(a));
      else if (k !== key(a)) mixed.push(`${a.id} (${a.series}: ${key(a)} vs ${k})`);
    }
    expect(mixed).toEqual([]);
  });
});
