/**
 * data/names/place-aliases.csv: names that are not on today's boundary map but that planners' files
 * use. Two kinds:
 *
 * - `historic`: districts and counties merged, renamed or split since 2009 (崇文区 → 东城区,
 *   唐海县 → 曹妃甸区). `old_adcode` is the retired code; `adcode` today's unit, or several
 *   (`;`) when the unit was split — such a name is refused with the candidates listed.
 * - `zone`: functional zones that lie in one district (北京经济技术开发区/亦庄 → 大兴区), and
 *   short names of platforms (`platform_id`: 雄安新区 → P02).
 *
 * Each row's note (zh, en) is shown to the user next to the rows it was used for. Pure: the
 * text comes in (a `?raw` import in the app, a file read in Node).
 */
import { csvParseRows } from 'd3-dsv';
import type { Adcode } from './types.ts';

export interface PlaceAlias {
  nameZh: string;
  nameEn: string;
  kind: 'historic' | 'zone';
  oldAdcode: Adcode | null;
  adcodes: Adcode[];
  platformId: string | null;
  since: number | null;
  noteZh: string;
  noteEn: string;
}

export const ALIAS_HEADER = ['name_zh', 'name_en', 'kind', 'old_adcode', 'adcode', 'platform_id', 'since', 'note_zh', 'note_en'] as const;

/** Parses the table; throws on a malformed row (the table is ours, checked by its unit test). */
export function parsePlaceAliases(text: string): PlaceAlias[] {
  const [header, ...rows] = csvParseRows(text.replace(/^\uFEFF/, '').trim());
  if (!header || header.join() !== ALIAS_HEADER.join()) throw new Error(`place aliases: header must be ${ALIAS_HEADER.join(',')}`);
  return rows.map((r, i) => {
    const [nameZh = '', nameEn = '', kind = '', old = '', adcode = '', platform = '', since = '', noteZh = '', noteEn = ''] = r;
    const line = i + 2;
    if (kind !== 'historic' && kind !== 'zone') throw new Error(`place aliases line ${line}: kind must be historic or zone`);
    const adcodes = adcode.split(';').map(Number);
    if (!nameZh || adcodes.some((a) => !/^\d{6}$/.test(String(a)))) throw new Error(`place aliases line ${line}: needs name_zh and 6-digit adcodes`);
    if (!noteZh || !noteEn) throw new Error(`place aliases line ${line}: needs both notes`);
    return {
      nameZh,
      nameEn,
      kind,
      oldAdcode: old ? Number(old) : null,
      adcodes,
      platformId: platform || null,
      since: since ? Number(since) : null,
      noteZh,
      noteEn,
    };
  });
}
