import { describe, expect, it } from 'vitest';
import { storyFrame, type Box } from '../../src/story/frame.ts';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height, right: left + width, bottom: top + height });

describe('storyFrame: where a step is framed beside the story card', () => {
  const map = box(0, 60, 940, 740);

  it('desktop: the card at the bottom left pushes the frame right of it, clear of the zoom buttons and attribution', () => {
    const f = storyFrame(map, box(10, 400, 372, 360));
    expect(f.sheet).toBe(false);
    expect(f.padding).toEqual({ top: 16, right: 52, bottom: 28, left: 394 });
  });

  it('phone: a card as wide as the map is a bottom sheet; the frame is the part above it', () => {
    const phone = box(0, 70, 390, 700);
    const f = storyFrame(phone, box(0, 470, 390, 300));
    expect(f.sheet).toBe(true);
    expect(f.padding.bottom).toBe(770 - 470 + 8);
    expect(f.padding.left).toBe(16);
  });

  it('an open details card takes the side that costs less map', () => {
    // A tall narrow card at the right: give up the right side.
    const right = storyFrame(map, box(10, 400, 372, 360), box(700, 70, 230, 600));
    expect(right.padding.right).toBe(940 - 700 + 8);
    expect(right.padding.top).toBe(16);
    // A wide short card at the top: give up the top.
    const top = storyFrame(map, box(10, 400, 372, 360), box(420, 70, 510, 120));
    expect(top.padding.top).toBe(190 - 60 + 8);
    expect(top.padding.right).toBe(52);
  });

  it('a tiny map: frame the whole map rather than a sliver', () => {
    const f = storyFrame(box(0, 0, 300, 120), box(10, 20, 250, 90));
    expect(f.padding.left + f.padding.right).toBeLessThanOrEqual(300 - 80);
    expect(f.padding.top + f.padding.bottom).toBeLessThanOrEqual(120 - 80 + 16);
  });
});
