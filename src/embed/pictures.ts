/**
 * The static pictures built with the site (scripts/build-pictures.ts): the default view and
 * each story step, per language, as SVG and PNG. Used as the noscript fallback, in the embed
 * snippets and as the social preview (og:image). Sizes are those social sites crop to (1.91:1).
 */
import type { Lang } from '../state/viewState.ts';

export const PICTURE = { width: 1200, height: 630 } as const;

export type PictureName = 'default' | `story-${number}`;

/** Relative to the page: `pictures/default.en.png`, `pictures/story-3.zh.svg`. */
export function picturePath(name: PictureName, lang: Lang, ext: 'png' | 'svg'): string {
  return `pictures/${name}.${lang}.${ext}`;
}
