/**
 * The map's inbox for `setState` messages: a parent page may post thousands in a loop, and the
 * map must stay responsive, end in the state of the last message and never lose its reader's
 * own clicks. Pure (no DOM): time and scheduling are passed in.
 *
 * - Coalescing: messages are merged field by field (a later message's field wins) and applied
 *   at most once per frame, so a flood costs one render per frame, and one `state` reply per
 *   applied change (embed.ts answers after each applied change).
 * - Rate limit: more than `limit` messages within `windowMs` is a flood. While it lasts the
 *   merged state is applied at most every `throttleMs`, and `onFlood` is called once (one
 *   notice); the last message is always applied in the end.
 * - The reader first: fields the reader changed (a click, a drag) are dropped from what is
 *   waiting, so that messages sent before the reader acted cannot overwrite it.
 * - Bounded: the waiting payload holds at most `maxFields` fields, and nothing is kept per
 *   message (the heap stays flat after a flood).
 */
import type { SetStatePayload } from './protocol.ts';

export interface InboxOptions {
  /** Applies the merged fields (through the URL parser, as a link would). */
  apply(payload: SetStatePayload): void;
  /** Runs `run` at the next frame. */
  nextFrame(run: () => void): void;
  /** Runs `run` after `ms` milliseconds. */
  later(run: () => void, ms: number): void;
  now(): number;
  /** A flood began (called once per flood). */
  onFlood?(): void;
  /** Messages per window before it is a flood (default 100 per second). */
  limit?: number;
  windowMs?: number;
  /** While flooded, apply at most this often (default 250 ms). */
  throttleMs?: number;
  /** Fields kept waiting (default 64: the URL's fields and some unknown ones to report). */
  maxFields?: number;
}

export interface Inbox {
  /** A well-formed message's fields (protocol.ts `parseIncoming`). */
  push(payload: SetStatePayload): void;
  /** The reader changed these fields: drop them from what is waiting. */
  readerChanged(fields: Iterable<string>): void;
  /** Whether a flood is going on (for tests and notices). */
  flooded(): boolean;
  /** Number of fields waiting to be applied. */
  waiting(): number;
}

export function createInbox(o: InboxOptions): Inbox {
  const limit = o.limit ?? 100;
  const windowMs = o.windowMs ?? 1000;
  const throttleMs = o.throttleMs ?? 250;
  const maxFields = o.maxFields ?? 64;

  let pending: SetStatePayload | null = null;
  let fields = 0;
  let scheduled = false;
  let windowStart = -Infinity;
  let count = 0;
  let flood = false;

  const flush = () => {
    scheduled = false;
    const p = pending;
    pending = null;
    fields = 0;
    if (p) o.apply(p);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    if (flood) o.later(flush, throttleMs);
    else o.nextFrame(flush);
  };

  return {
    push(payload) {
      const now = o.now();
      if (now - windowStart >= windowMs) {
        // A calm window (or a silence longer than one) ends a flood.
        if (count <= limit || now - windowStart >= 2 * windowMs) flood = false;
        windowStart = now;
        count = 0;
      }
      count++;
      if (count > limit && !flood) {
        flood = true;
        o.onFlood?.();
      }
      pending ??= Object.create(null) as SetStatePayload;
      for (const key of Object.keys(payload)) {
        if (!(key in pending)) {
          if (fields >= maxFields) continue;
          fields++;
        }
        pending[key] = payload[key]!;
      }
      schedule();
    },
    readerChanged(changed) {
      if (!pending) return;
      for (const key of changed) {
        if (key in pending) {
          delete pending[key];
          fields--;
        }
      }
    },
    flooded: () => flood,
    waiting: () => fields,
  };
}
