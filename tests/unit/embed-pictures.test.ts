/** The build-time pictures' inputs (scripts/build-pictures.ts): which views, their text, resvg's input. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { forResvg, pictureStates, wrapText } from '../../scripts/build-pictures.ts';
import { picturePath } from '../../src/embed/pictures.ts';

describe('static pictures', () => {
  it('the default view and each story step, with the step\'s filters, camera and selection', () => {
    const csv = readFileSync('data/story.csv', 'utf8');
    const pics = pictureStates(csv, 'en');
    expect(pics[0]).toMatchObject({ name: 'default', state: { lang: 'en', industry: [], view: null, story: null } });
    const steps = csv.trim().split('\n').filter((l) => /^\d+,/.test(l)).length;
    expect(pics).toHaveLength(1 + steps);
    expect(pics.slice(1).map((p) => p.name)).toEqual(Array.from({ length: steps }, (_, i) => `story-${i + 1}`));
    expect(pics.some((p) => p.state.industry.length > 0 && p.state.view !== null)).toBe(true);
    expect(picturePath('story-3', 'zh', 'png')).toBe('pictures/story-3.zh.png');
  });

  it('wraps the caption lines, CJK counted double', () => {
    expect(wrapText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('北京天津河北', 6)).toEqual(['北京天', '津河北']);
  });

  it('gives resvg text opacity as fill/stroke opacity (its panic on <text opacity>)', () => {
    expect(forResvg('<text x="1" opacity="0.55" fill="#000">A</text>')).toBe('<text x="1" fill-opacity="0.55" stroke-opacity="0.55" fill="#000">A</text>');
  });
});
