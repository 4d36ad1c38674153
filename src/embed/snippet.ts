/**
 * Addresses and HTML snippets for embedding (pure; used by the Embed dialog and the
 * "open full map" link).
 */
import { queryString } from '../state/url.ts';
import type { ViewState } from '../state/viewState.ts';

export const DEFAULT_HEIGHT = 560;

export interface EmbedOptions {
  controls: boolean;
  legend: boolean;
  /** Keep the camera; otherwise the frame fits the whole region to its own size. */
  view?: boolean;
  /** Keep the guided story step that is open. */
  story?: boolean;
}

/** The state an embedded copy of this view starts from. */
export function embedState(s: ViewState, o: EmbedOptions): ViewState {
  // A planner's own CSV never leaves their browser, so an embed always shows the published data.
  return {
    ...s, embed: true, controls: o.controls, legend: o.legend, parentOrigin: null, embedId: null, custom: false,
    view: o.view === false ? null : s.view, story: o.story === false ? null : s.story,
  };
}

/** The full page for the same view: the embed-only options removed, everything else kept. */
export function fullMapState(s: ViewState): ViewState {
  return { ...s, embed: false, controls: true, legend: true, parentOrigin: null, embedId: null };
}

/** `page` (any URL of the map page) with the state's query and no fragment. */
export function urlFor(page: string, s: ViewState): string {
  const u = new URL(queryString(s), page);
  u.hash = '';
  return u.href;
}

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Frames narrower than this scroll sideways instead of squeezing the map. */
export const MIN_WIDTH = 280;
/** Default height by width: a 4:3 frame, at least MIN_HEIGHT (map + panel handle), at most MAX_HEIGHT. */
export const ASPECT = 4 / 3;
export const MIN_HEIGHT = 440;
export const MAX_HEIGHT = 720;

/** The height a frame of `width` px gets by default (the snippet's CSS computes the same). */
export function defaultHeight(width: number): number {
  return Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.round(width / ASPECT)));
}

/** The responsive style: full width, height from the width (aspect-ratio), clamped. */
export const FRAME_STYLE = `display:block;width:100%;min-width:${MIN_WIDTH}px;height:auto;aspect-ratio:4/3;min-height:${MIN_HEIGHT}px;max-height:${MAX_HEIGHT}px;border:0`;

/** A picture of the map for readers without script (and for feeds that drop iframes). */
export interface Fallback {
  /** The full map, opened by a click on the picture. */
  href: string;
  img: string;
  /** What the picture shows (altText.ts). */
  alt: string;
  width: number;
  height: number;
}

export interface IframeSnippetOptions {
  src: string;
  /** The frame's title (its name for assistive technology and in the page outline). */
  title: string;
  /** What the view shows (aria-label). */
  label: string;
  fallback?: Fallback;
}

const fallbackHtml = (f: Fallback) =>
  `<a href="${attr(f.href)}"><img src="${attr(f.img)}" alt="${attr(f.alt)}" width="${f.width}" height="${f.height}" loading="lazy" style="max-width:100%;height:auto"></a>`;

/** The iframe (responsive, lazy, labelled) and a `<noscript>` picture of the map. */
export function iframeSnippet(o: IframeSnippetOptions): string {
  const frame = `<iframe src="${attr(o.src)}" title="${attr(o.title)}" aria-label="${attr(o.label)}" loading="lazy" height="${DEFAULT_HEIGHT}" style="${FRAME_STYLE}" allow="fullscreen"></iframe>`;
  return o.fallback ? `${frame}\n<noscript>${fallbackHtml(o.fallback)}</noscript>` : frame;
}

/**
 * The embed.js variant: a placeholder div (its query without `embed=1`, added by the script)
 * holding the picture, which embed.js replaces with the map (readers without script keep it).
 */
export function scriptSnippet(scriptSrc: string, s: ViewState, fallback?: Fallback): string {
  const query = queryString({ ...s, embed: false });
  return `<div data-jjj-transfer-map="${attr(query)}">${fallback ? fallbackHtml(fallback) : ''}</div>\n<script src="${attr(scriptSrc)}" async></script>`;
}
