/**
 * The region's extent and the camera's limits, shared by every renderer, the story and the
 * embed (pure data: no renderer code).
 */
export type Bounds = [[west: number, south: number], [east: number, north: number]];

/** The region with a margin: Zhangjiakou's west edge to Qinhuangdao's coast. */
export const REGION_BOUNDS: Bounds = [[113.4, 36.0], [119.9, 42.7]];
/** How far the camera may pan (the region and its neighbours). */
export const MAX_BOUNDS: Bounds = [[108.9, 33.8], [126.1, 45.7]];
export const MIN_ZOOM = 4.5;
export const MAX_ZOOM = 12;
/** Padding (CSS px) around REGION_BOUNDS when the whole region is shown. */
export const REGION_PADDING = 24;
