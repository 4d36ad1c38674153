/** Notices stay a few lines long, one line per distinct cause, whatever a link holds. */
import { describe, expect, it } from 'vitest';
import { MAX_LINES, noticeCode, noticeLines, noticeReason } from '../../src/ui/notices.ts';
import { parseState, type Notice } from '../../src/state/url.ts';

describe('notice lines', () => {
  it('shows a few lines of 12,000 unknown options and counts the rest', () => {
    const q = Array.from({ length: 12_000 }, (_, i) => `x${i}=1`).join('&');
    const { notices } = parseState(`?${q}`);
    expect(notices).toHaveLength(12_000);
    const { shown, more } = noticeLines(notices);
    expect(shown).toHaveLength(MAX_LINES);
    expect(more).toBe(12_000 - MAX_LINES);
  });

  it('says the same thing once', () => {
    const n: Notice = { param: 'industry', value: 'steel', reason: 'unknown-value' };
    expect(noticeLines([n, { ...n }, { ...n, value: 'iron' }, { ...n }])).toEqual({ shown: [n, { ...n, value: 'iron' }], more: 0 });
  });

  it('shortens long values and names the adjusted value', () => {
    expect(noticeCode({ param: 'foo', value: 'x'.repeat(200), reason: 'unknown-param' })).toBe(`foo=${'x'.repeat(60)}…`);
    const adjusted: Notice = { param: 'story', value: '99', reason: 'adjusted', to: '9' };
    expect(noticeReason('en', adjusted)).toBe('adjusted to 9');
    expect(noticeReason('zh', adjusted)).toBe('已调整为 9');
    expect(noticeReason('en', { param: 'lang', value: 'fr', reason: 'malformed' })).toBe('malformed');
  });
});
