/**
 * Header cells → what the column holds, in the forms Chinese and English files use: with or
 * without a unit in brackets (full- or half-width), with a level for addresses split over
 * columns (迁出省, 迁出市, 迁出区县; origin_province; 迁出地（省）). Pure.
 */
import { clean } from '../data/text.ts';
import type { Level } from '../data/placeNames.ts';
import type { Measure } from './measures.ts';
import { moneyUnit } from './numbers.ts';

export type Role = 'origin' | 'destination' | 'value' | 'industry' | 'year' | 'name';

export type HeaderRead =
  | { kind: 'role'; role: Role; places: number }
  /** One level of an address split over columns. */
  | { kind: 'part'; role: 'origin' | 'destination'; level: Level }
  /** A figure named by its header: 企业数 → firms; `places`: power of ten to the column's unit (万元 → -4). */
  | { kind: 'measure'; measure: Measure; places: number }
  | { kind: 'other' };

/** Header cell → lookup key: case, spaces and a trailing "(unit)" do not count. */
export function headerKey(h: string): string {
  return splitHeader(h).key;
}

/** The key and the text of a trailing bracket ("投资额（万元）" → 投资额, 万元). */
export function splitHeader(h: string): { key: string; bracket: string | null } {
  const v = clean(h.replace(/^\uFEFF/, ''));
  const m = /^(.*?)\s*[(（[【]([^)）\]】]*)[)）\]】]$/u.exec(v);
  const base = m ? m[1]! : v;
  return { key: base.toLowerCase().replace(/[\s-]+/g, '_'), bracket: m ? m[2]!.trim() : null };
}

export const ROLE_ALIASES: Record<Role, readonly string[]> = {
  origin: ['origin', 'from', 'origin_adcode', 'origin_place', 'origin_region', '起点', '迁出地', '迁出地区', '迁出', '转出地', '转出地区', '来源地', '来源地区', '原注册地', '原所在地', '出发地', '迁出城市'],
  destination: ['destination', 'dest', 'to', 'destination_adcode', 'destination_place', 'destination_region', '终点', '承接地', '承接地区', '迁入地', '迁入地区', '迁入', '转入地', '转入地区', '现注册地', '现所在地', '目的地', '迁入城市'],
  value: ['value', 'amount', 'number', 'count', '数值', '数量', '值', '数目'],
  industry: ['industry', 'sector', '行业', '产业', '行业类别', '所属行业', '行业门类', '行业大类', '行业名称', '行业代码', '国民经济行业', '国民经济行业分类'],
  year: ['year', '年份', '年', '年度'],
  name: ['name', 'entity', 'label', 'project', 'firm', '名称', '项目', '企业', '项目名称', '企业名称', '单位'],
};

const MEASURE_ALIASES: Record<Measure, readonly string[]> = {
  firms: ['firms', 'firm_count', 'number_of_firms', 'enterprises', 'companies', '企业数', '企业个数', '企业数量', '家数', '企业家数', '迁移企业数'],
  projects: ['projects', 'project_count', 'number_of_projects', '项目数', '项目个数', '项目数量'],
  investment: ['investment', 'investment_cny', '投资额', '总投资', '投资总额', '计划投资', '协议投资', '协议投资额', '投资'],
  merchants: ['merchants', 'merchant_count', '商户数', '商户数量', '商户个数'],
};

/** Address parts: the role's prefix, then a level word (迁出 + 省; origin_ + province). */
const PART_PREFIX: Record<'origin' | 'destination', readonly string[]> = {
  origin: ['迁出地', '迁出', '转出地', '转出', '来源地', '来源', '原注册地', '原所在地', 'origin_', 'from_'],
  destination: ['迁入地', '迁入', '转入地', '转入', '承接地', '承接', '现注册地', '现所在地', 'destination_', 'dest_', 'to_'],
};
const LEVEL_WORDS: Record<Level, readonly string[]> = {
  province: ['省', '省份', '所在省', 'province'],
  prefecture: ['市', '城市', '地市', '地级市', 'city', 'prefecture'],
  county: ['区县', '县区', '县市区', '区/县', '县', '区', 'county', 'district'],
};

const levelOf = (word: string): Level | null => {
  for (const level of ['province', 'prefecture', 'county'] as const) if (LEVEL_WORDS[level].includes(word)) return level;
  return null;
};

export function readHeader(h: string): HeaderRead {
  const { key, bracket } = splitHeader(h);
  const money = bracket === null ? null : moneyUnit(bracket);
  for (const role of Object.keys(ROLE_ALIASES) as Role[]) {
    if (!ROLE_ALIASES[role].includes(key)) continue;
    // 迁出地（省）: a level in brackets.
    if ((role === 'origin' || role === 'destination') && bracket !== null) {
      const level = levelOf(bracket.toLowerCase());
      if (level) return { kind: 'part', role, level };
    }
    return { kind: 'role', role, places: role === 'value' && money !== null ? money : 0 };
  }
  for (const measure of Object.keys(MEASURE_ALIASES) as Measure[]) {
    if (!MEASURE_ALIASES[measure].includes(key)) continue;
    if (measure === 'investment') {
      // 投资额 without a unit is in 亿元, the data's unit; an unknown unit is not guessed.
      if (bracket !== null && money === null && !/^(?:cny_?100m|100m_?cny)$/u.test(bracket.toLowerCase().replace(/\s+/g, '_'))) return { kind: 'other' };
      return { kind: 'measure', measure, places: money ?? 0 };
    }
    return { kind: 'measure', measure, places: 0 };
  }
  for (const role of ['origin', 'destination'] as const) {
    for (const prefix of PART_PREFIX[role]) {
      if (!key.startsWith(prefix)) continue;
      const level = levelOf(key.slice(prefix.length));
      if (level) return { kind: 'part', role, level };
    }
  }
  return { kind: 'other' };
}
