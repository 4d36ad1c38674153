import { describe, expect, it } from 'vitest';
import { sourceText } from '../../src/i18n/describe.ts';
import { sourceTitle, TITLE_NOT_RECORDED } from '../../src/data/types.ts';
import { source } from './planner-helpers.ts';

describe('source lines', () => {
  it('show the title where one was recorded, and nothing in its place where not (in any language)', () => {
    expect(sourceText(source({ publisher: 'Xinhua (新华社)', date: '2014-02-27', title: '习近平在京主持召开座谈会' }))).toBe('Xinhua (新华社), 2014-02-27 — 习近平在京主持召开座谈会');
    expect(sourceText(source({ publisher: 'Xinhua (新华社)', date: '2014-02-27', title: TITLE_NOT_RECORDED }))).toBe('Xinhua (新华社), 2014-02-27');
    expect(sourceTitle({ title: TITLE_NOT_RECORDED })).toBeNull();
    expect(sourceTitle({ title: '' })).toBeNull();
  });
});
