/**
 * The wording of the intake layer's on-demand views (issue 17): its panel control, the coverage
 * grid and the details card's year charts, in zh and en. Kept with those views (loaded on
 * demand, like ./matrix.ts's) so the first load's messages do not grow. Pure.
 */
import type { Aggregate } from '../data/types.ts';
import { endName, type Names } from '../i18n/names.ts';
import type { IntakeSeries } from '../selectors/intake.ts';
import type { Lang } from '../state/viewState.ts';

export const INTAKE_TEXT = {
  zh: {
    layer: '承接数字图层',
    series: '序列（地区 · 口径）',
    off: '关闭',
    year: '年份',
    latest: '最新（{year}）',
    coverage: '数据覆盖表',
    coverageHint: '各地区、各年份有哪些数字，哪里空缺',
    caption: '承接数字覆盖表：地区 × 年份（2014—2025）。每个标记是一个序列（一种口径）在该年有数字；空格是空缺，不是零。',
    close: '关闭覆盖表',
    place: '地区 \\ 年份',
    hole: '无数字',
    groups: { hebei: '河北各市与雄安新区', tianjin: '天津各区', beijing: '北京各区', region: '省市合计（非地级市）' },
    keyTitle: '标记：',
    keyRunning: '累计数',
    keyYearly: '年度或时段数',
    choose: '点击标记：在地图上显示该序列该年的数字',
    charts: '历年承接数字',
    none: '空缺',
  },
  en: {
    layer: 'Prefecture intake layer',
    series: 'Series (place · definition)',
    off: 'Off',
    year: 'Year',
    latest: 'Latest ({year})',
    coverage: 'Coverage grid',
    coverageHint: 'Which figures exist per place and year, and the holes',
    caption: 'Coverage of intake figures: place × year (2014–2025). Each mark is one series (one definition) with a figure that year; an empty cell is a hole, not a zero.',
    close: 'Close the grid',
    place: 'Place \\ year',
    hole: 'no figure',
    groups: { hebei: "Hebei's prefectures and Xiong'an", tianjin: "Tianjin's districts", beijing: "Beijing's districts", region: 'Region-wide figures (not a prefecture)' },
    keyTitle: 'Marks:',
    keyRunning: 'running total',
    keyYearly: 'yearly or period figure',
    choose: 'Click a mark: that series and year on the map',
    charts: 'Intake, year by year',
    none: 'hole',
  },
} as const;

const UNIT: Record<Lang, Record<Aggregate['unit'], string>> = {
  zh: { projects: '项目数', 'cny-100m': '亿元', units: '单位数', firms: '企业数', merchants: '商户数', markets: '市场数', contracts: '合同数', count: '个数', percent: '%' },
  en: { projects: 'projects', 'cny-100m': 'CNY', units: 'units', firms: 'firms', merchants: 'merchants', markets: 'markets', contracts: 'contracts', count: 'count', percent: '%' },
};

const BASIS: Record<Lang, Record<Aggregate['basis'], string>> = {
  zh: { cumulative: '累计', annual: '年度', partial: '部分年度', period: '时段合计' },
  en: { cumulative: 'running total', annual: 'yearly', partial: 'part year', period: 'period total' },
};

const FROM: Record<Lang, Record<Aggregate['from'], string>> = {
  zh: { beijing: '来自北京', tianjin: '来自天津', 'beijing-tianjin': '来自京津', 'beijing-hebei': '来自京冀', 'tianjin-hebei': '来自津冀', any: '来源地未分' },
  en: { beijing: 'from Beijing', tianjin: 'from Tianjin', 'beijing-tianjin': 'from Beijing and Tianjin', 'beijing-hebei': 'from Beijing and Hebei', 'tianjin-hebei': 'from Tianjin and Hebei', any: 'origin not stated' },
};

/** A series' definition: "running total · projects · from Beijing". */
export function definitionText(lang: Lang, s: Pick<IntakeSeries, 'basis' | 'unit' | 'from'>): string {
  return [BASIS[lang][s.basis], UNIT[lang][s.unit], FROM[lang][s.from]].join(' · ');
}

/** A series' label in `lang` (the latest row's words). */
export const seriesLabel = (lang: Lang, s: IntakeSeries): string => (lang === 'zh' ? s.labelZh : s.labelEn);

/** The name of the place a series is drawn on (Xiong'an by its platform). */
export const placeName = (names: Names, lang: Lang, p: IntakeSeries['place']): string => endName(names, p.key, p.adcode, lang);

/** Fill `{year}`-style slots. */
export const fill = (text: string, vars: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
