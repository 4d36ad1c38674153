/** What is under a point on the map: a platform, a place circle, or an arc (from the view model). */
import type { Platform } from '../data/types.ts';
import type { Arc } from './arcs.ts';
import type { PlaceTotal } from './places.ts';

export type Hit =
  | { kind: 'arc'; arc: Arc }
  | { kind: 'place'; place: PlaceTotal }
  | { kind: 'platform'; platform: Platform };
