/**
 * Whether the story opens by itself when the page loads: with `story=n` in the URL, or on a
 * first visit of the bare full page (nothing in the URL but `lang`; a localStorage flag remembers
 * the visit). Never on its own in embed mode.
 */
import { parseState, serialiseState } from '../state/url.ts';
import type { ViewState } from '../state/viewState.ts';

export const SEEN_KEY = 'jjj-story-seen';
/** URL parameters that say nothing about what the map shows (a bare `?story=3` link). */
export const NEUTRAL = ['lang', 'story', 'embed', 'parentOrigin', 'theme', 'controls', 'legend', 'animate'];

/** The query string the page was loaded with (before the app rewrote the address). */
export function openingQuery(): string {
  try {
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav) return new URL(nav.name).search;
  } catch {
    // fall through
  }
  return location.search;
}

export function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The state's URL parameters, leaving out a camera the map wrote itself (its first resize may
 * come before the story has loaded): only a camera the page was opened with counts.
 */
export function stateKeys(s: ViewState, opened: readonly string[]): string[] {
  return [...serialiseState(s).keys()].filter((k) => k !== 'view' || opened.includes('view'));
}

export const openedKeys = (): string[] => [...serialiseState(parseState(openingQuery()).state).keys()];

/** Does the story open as the page loads? */
export function opensAtStart(s: ViewState, opened: readonly string[], seen: boolean): boolean {
  if (s.story !== null) return true;
  return !s.embed && !seen && stateKeys(s, opened).every((k) => k === 'lang');
}
