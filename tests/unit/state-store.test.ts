import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/state/store.ts';
import { defaultState, type ViewState } from '../../src/state/viewState.ts';
import { onDemand } from '../../src/ui/onDemand.ts';

describe('store', () => {
  it('notifies subscribers of a change, not of a no-op', () => {
    const store = createStore(defaultState('zh'));
    const seen: Array<[ViewState, ViewState]> = [];
    store.subscribe((s, prev) => seen.push([s, prev]));
    store.set({ metric: 'firms' });
    store.set({ metric: 'firms' });
    expect(seen).toHaveLength(1);
    expect(seen[0]![0].metric).toBe('firms');
    expect(seen[0]![1].metric).toBe('projects');
  });

  it('applies a change once `prepare` has resolved, and drops it when it rejects', async () => {
    let ready: () => void = () => {};
    let fail: (e: Error) => void = () => {};
    const loaded = new Set(['zh']);
    const store = createStore(defaultState('zh'), {
      prepare: (next) => (loaded.has(next.lang) ? null : new Promise<void>((res, rej) => ((ready = () => { loaded.add(next.lang); res(); }), (fail = rej)))),
    });
    store.set({ lang: 'en', metric: 'firms' });
    expect(store.get().lang).toBe('zh'); // waiting for the dictionary
    store.set({ industry: ['pharma'] }); // other changes go through meanwhile
    expect(store.get().industry).toEqual(['pharma']);
    ready();
    await Promise.resolve();
    await Promise.resolve();
    expect(store.get()).toMatchObject({ lang: 'en', metric: 'firms', industry: ['pharma'] });

    loaded.delete('zh');
    store.set({ lang: 'zh' });
    fail(new Error('offline'));
    await Promise.resolve();
    await Promise.resolve();
    expect(store.get().lang).toBe('en'); // the last good state stays
  });
});

describe('onDemand', () => {
  it('imports once, reports a failure and tries again on the next use', async () => {
    const onError = vi.fn();
    let calls = 0;
    const load = onDemand(() => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ ok: calls })), onError);
    await expect(load()).rejects.toThrow('offline');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(await load()).toEqual({ ok: 2 });
    expect(await load()).toEqual({ ok: 2 });
    expect(calls).toBe(2);
  });
});
