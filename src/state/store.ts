/**
 * A tiny store for the ViewState: `get`, `set` (shallow patch), `subscribe`. The only mutable
 * object of the app; views subscribe and re-render from (data, state).
 */
import type { ViewState } from './viewState.ts';

export type Listener = (state: ViewState, previous: ViewState) => void;

export interface SetOptions {
  /** How the change is recorded in the browser history (handled by history.ts). */
  history?: 'push' | 'replace' | 'none';
}

export interface Store {
  get(): ViewState;
  set(patch: Partial<ViewState>, options?: SetOptions): void;
  subscribe(listener: Listener): () => void;
}

export interface StoreOptions {
  /**
   * Called with the state a change would lead to. When it returns a promise (e.g. the new
   * language's dictionary is loading), the change is applied once it resolves, and dropped if it
   * rejects: the last good state stays.
   */
  prepare?: (next: ViewState) => Promise<unknown> | null;
}

export function createStore(initial: ViewState, { prepare }: StoreOptions = {}): Store & { lastOptions(): SetOptions } {
  let state = initial;
  let last: SetOptions = {};
  const listeners = new Set<Listener>();
  const set = (patch: Partial<ViewState>, options: SetOptions = {}): void => {
    const pending = prepare?.({ ...state, ...patch });
    if (pending) {
      pending.then(() => set(patch, options), () => {});
      return;
    }
    const next = { ...state, ...patch };
    const changed = (Object.keys(patch) as Array<keyof ViewState>).some((k) => JSON.stringify(next[k]) !== JSON.stringify(state[k]));
    if (!changed) return;
    const previous = state;
    state = next;
    last = options;
    for (const l of [...listeners]) l(state, previous);
  };
  return {
    get: () => state,
    lastOptions: () => last,
    set,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
