/**
 * Memoisation from declared inputs: a selector names the state fields it reads, and its
 * computation only receives those fields (`Pick<ViewState, …>`), so a field it reads is always
 * part of its key — a new filter field cannot silently serve a stale result.
 *
 * Fields are compared by value (arrays and objects of the state are small), the dataset by
 * identity. One cached result per selector (the app shows one view at a time).
 */
import type { Dataset } from '../data/dataset.ts';
import type { ViewState } from '../state/viewState.ts';

export type Selector<K extends keyof ViewState, R> = ((dataset: Dataset, state: Pick<ViewState, K>) => R) & { readonly inputs: readonly K[] };

export function stateSelector<const K extends keyof ViewState, R>(inputs: readonly K[], compute: (dataset: Dataset, state: Pick<ViewState, K>) => R): Selector<K, R> {
  let lastData: Dataset | null = null;
  let lastKey = '';
  let last: R;
  const select = (dataset: Dataset, state: Pick<ViewState, K>): R => {
    const picked = {} as Pick<ViewState, K>;
    for (const k of inputs) picked[k] = state[k];
    const key = JSON.stringify(inputs.map((k) => state[k]));
    if (dataset === lastData && key === lastKey) return last;
    lastData = dataset;
    lastKey = key;
    return (last = compute(dataset, picked));
  };
  return Object.assign(select, { inputs });
}

/** Memoised on the identity of its arguments (derived values built from other selectors' results). */
export function identitySelector<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args: A): R => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => a === lastArgs![i])) return last;
    lastArgs = args;
    return (last = compute(...args));
  };
}
