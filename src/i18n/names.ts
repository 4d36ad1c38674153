/**
 * Names of places, platforms and sources in a language: what every view needs from the first
 * frame (the embed's messages, the app context). The longer wording of marks is ./describe.ts.
 */
import type { Dataset } from '../data/dataset.ts';
import type { Platform, Source } from '../data/types.ts';
import type { Lang } from '../state/viewState.ts';

export interface Names {
  /** Name of an adcode in a language (county, prefecture or province). */
  place(adcode: number, lang: Lang): string;
  platforms: ReadonlyMap<string, Platform>;
  sources: ReadonlyMap<string, Source>;
}

export function namesFor(dataset: Dataset, unitName: (adcode: number, lang: Lang) => string | undefined): Names {
  return {
    place: (adcode, lang) => unitName(adcode, lang) ?? String(adcode),
    platforms: new Map(dataset.platforms.map((p) => [p.id, p])),
    sources: new Map(dataset.sources.map((s) => [s.id, s])),
  };
}

export const platformName = (p: Platform, lang: Lang) => (lang === 'zh' ? p.nameZh : p.nameEn);

/** Name of a flow end: the platform's name, else the place's. */
export function endName(names: Names, key: string, adcode: number, lang: Lang): string {
  const p = names.platforms.get(key);
  return p ? platformName(p, lang) : names.place(adcode, lang);
}

