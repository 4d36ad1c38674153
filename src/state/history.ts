/**
 * Mirrors the store in the URL: each change is pushed (or replaced) as a query string; back and
 * forward re-apply the URL to the store. Camera moves replace the entry instead of piling up.
 */
import type { Store, SetOptions } from './store.ts';
import { parseState, queryString, type KnownValues, type Notice } from './url.ts';
import type { Lang } from './viewState.ts';

export interface HistorySyncOptions {
  known: () => KnownValues;
  defaultLang: Lang;
  onNotices?: (notices: Notice[]) => void;
  win?: Window;
}

export function syncHistory(store: Store & { lastOptions(): SetOptions }, o: HistorySyncOptions): () => void {
  const win = o.win ?? window;
  const write = () => {
    const requested = store.lastOptions().history ?? 'push';
    // Embedded, a push would add entries to the partner page's Back button (joint session history).
    const mode = requested === 'push' && store.get().embed ? 'replace' : requested;
    if (mode === 'none') return;
    const url = win.location.pathname + queryString(store.get()) + win.location.hash;
    if (url === win.location.pathname + win.location.search + win.location.hash) return;
    if (mode === 'replace') win.history.replaceState(null, '', url);
    else win.history.pushState(null, '', url);
  };
  const unsubscribe = store.subscribe(write);
  const onPop = () => {
    const { state, notices } = parseState(win.location.search, o.known(), o.defaultLang);
    if (notices.length) o.onNotices?.(notices);
    store.set(state, { history: 'none' });
  };
  win.addEventListener('popstate', onPop);
  // Normalise the address once (e.g. drop malformed values) without adding an entry.
  win.history.replaceState(null, '', win.location.pathname + queryString(store.get()) + win.location.hash);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
