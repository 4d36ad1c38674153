/** The setState inbox: coalesced per frame, rate-limited with one notice, the reader first, bounded. */
import { describe, expect, it } from 'vitest';
import { createInbox } from '../../src/embed/inbox.ts';
import type { SetStatePayload } from '../../src/embed/protocol.ts';

function harness(options: { limit?: number } = {}) {
  let time = 0;
  const frames: Array<() => void> = [];
  const timers: Array<{ at: number; run: () => void }> = [];
  const applied: SetStatePayload[] = [];
  let floods = 0;
  const inbox = createInbox({
    apply: (p) => applied.push({ ...p }),
    nextFrame: (run) => frames.push(run),
    later: (run, ms) => timers.push({ at: time + ms, run }),
    now: () => time,
    onFlood: () => floods++,
    ...options,
  });
  return {
    inbox, applied, floods: () => floods,
    frame() { for (const run of frames.splice(0)) run(); },
    advance(ms: number) {
      time += ms;
      for (const t of timers.filter((x) => x.at <= time)) { timers.splice(timers.indexOf(t), 1); t.run(); }
    },
    pendingTimers: () => timers.length,
  };
}

describe('setState inbox', () => {
  it('applies the messages of one frame once, merged field by field (the last one wins)', () => {
    const h = harness();
    h.inbox.push({ industry: 'pharma', metric: 'firms' });
    h.inbox.push({ industry: 'automotive' });
    h.inbox.push({ years: '2016' });
    expect(h.applied).toEqual([]);
    h.frame();
    expect(h.applied).toEqual([{ industry: 'automotive', metric: 'firms', years: '2016' }]);
    h.frame();
    expect(h.applied).toHaveLength(1);
  });

  it('5,000 messages in a loop: one notice, a few applications, and the last message applied', () => {
    const h = harness();
    for (let i = 0; i < 5000; i++) h.inbox.push({ metric: i % 2 ? 'firms' : 'investment', years: String(2013 + (i % 10)) });
    expect(h.floods()).toBe(1);
    expect(h.inbox.flooded()).toBe(true);
    h.frame();
    h.advance(250);
    expect(h.applied.length).toBeLessThanOrEqual(2);
    expect(h.applied.at(-1)).toEqual({ metric: 'firms', years: String(2013 + (4999 % 10)) });
    expect(h.inbox.waiting()).toBe(0);
  });

  it('while flooded applies at most every 250 ms; calm again after a quiet second', () => {
    const h = harness({ limit: 10 });
    for (let t = 0; t < 2000; t += 10) {
      h.inbox.push({ metric: 'firms', story: t });
      h.frame();
      h.advance(10);
    }
    h.advance(250);
    expect(h.floods()).toBe(1);
    // The first frames before the flood, then one application per 250 ms.
    expect(h.applied.length).toBeLessThan(20);
    expect(h.applied.at(-1)!.story).toBe(1990);
    h.advance(3000);
    h.inbox.push({ metric: 'projects' });
    expect(h.inbox.flooded()).toBe(false);
    h.frame();
    expect(h.applied.at(-1)).toEqual({ metric: 'projects' });
  });

  it('a new flood after a calm spell gives its notice again', () => {
    const h = harness({ limit: 5 });
    for (let i = 0; i < 10; i++) h.inbox.push({ metric: 'firms' });
    h.advance(5000);
    for (let i = 0; i < 10; i++) h.inbox.push({ metric: 'firms' });
    expect(h.floods()).toBe(2);
  });

  it('the reader\'s own change is not overwritten by messages that were waiting', () => {
    const h = harness();
    h.inbox.push({ focus: 'P02', industry: 'pharma' });
    h.inbox.readerChanged(['focus']);
    h.frame();
    expect(h.applied).toEqual([{ industry: 'pharma' }]);
    // A message after the reader's change applies as usual.
    h.inbox.push({ focus: 'P03' });
    h.frame();
    expect(h.applied.at(-1)).toEqual({ focus: 'P03' });
  });

  it('keeps at most 64 fields waiting, whatever the flood sends', () => {
    const h = harness();
    for (let i = 0; i < 1000; i++) h.inbox.push(Object.fromEntries(Array.from({ length: 32 }, (_, j) => [`k${i}_${j}`, 'x'])));
    expect(h.inbox.waiting()).toBe(64);
    h.frame();
    h.advance(250);
    expect(Object.keys(h.applied.flatMap((p) => Object.keys(p)))).toHaveLength(64);
  });
});
