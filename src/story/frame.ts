/**
 * Where a story step's area goes: the padding that frames it in the part of the map the card
 * leaves free. Pure geometry over the boxes of the map, the card and an open details card.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Frame {
  padding: Padding;
  /** The card is a bottom sheet (a phone): it covers the map's lower part. */
  sheet: boolean;
}

/** The free part of `map` beside the story `card` (and beside the `details` card, if one is open, on the side that costs less map). */
export function storyFrame(map: Box, card: Box, details?: Box | null): Frame {
  const padding: Padding = { top: 16, right: 16, bottom: 16, left: 16 };
  const sheet = card.width >= map.width * 0.9;
  if (sheet) padding.bottom = Math.max(16, map.bottom - card.top + 8);
  else {
    padding.left = Math.max(16, card.right - map.left + 12);
    padding.right = 52; // the zoom buttons
    padding.bottom = 28; // the attribution
  }
  if (details && details.width > 0) {
    const right = Math.max(padding.right, map.right - details.left + 8);
    const below = Math.max(padding.top, details.bottom - map.top + 8);
    const areaRight = (map.width - padding.left - right) * (map.height - padding.top - padding.bottom);
    const areaBelow = (map.width - padding.left - padding.right) * (map.height - below - padding.bottom);
    if (areaRight >= areaBelow) padding.right = right;
    else padding.top = below;
  }
  // Keep at least a small free area (a tiny map: frame the whole map instead).
  if (padding.left + padding.right > map.width - 80) padding.left = padding.right = 16;
  if (padding.top + padding.bottom > map.height - 80) padding.top = 16;
  if (padding.top + padding.bottom > map.height - 80) padding.bottom = 16;
  return { padding, sheet };
}
