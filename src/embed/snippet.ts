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
    ...s, embed: true, controls: o.controls, legend: o.legend, parentOrigin: null, custom: false,
    view: o.view === false ? null : s.view, story: o.story === false ? null : s.story,
  };
}

/** The full page for the same view: the embed-only options removed, everything else kept. */
export function fullMapState(s: ViewState): ViewState {
  return { ...s, embed: false, controls: true, legend: true, parentOrigin: null };
}

/** `page` (any URL of the map page) with the state's query and no fragment. */
export function urlFor(page: string, s: ViewState): string {
  const u = new URL(queryString(s), page);
  u.hash = '';
  return u.href;
}

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function iframeSnippet(src: string, title: string, height = DEFAULT_HEIGHT): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" loading="lazy" style="width:100%;height:${height}px;border:0" allow="fullscreen"></iframe>`;
}

/** The embed.js variant: a placeholder div (its query without `embed=1`, added by the script). */
export function scriptSnippet(scriptSrc: string, s: ViewState): string {
  const query = queryString({ ...s, embed: false });
  return `<div data-jjj-transfer-map="${attr(query)}"></div>\n<script src="${attr(scriptSrc)}" async></script>`;
}
