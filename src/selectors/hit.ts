/** What is under a point on the map: a platform, a place circle, an arc or a dotted arc (from the view model). */
import type { Platform } from '../data/types.ts';
import type { Arc } from './arcs.ts';
import type { PlaceTotal } from './places.ts';
import type { UnmeasuredArc } from './unmeasured.ts';
import type { IntakeCell, IntakeView } from './intake.ts';

/** What a click selects (and an embed is told about). */
export type SelectableHit =
  | { kind: 'arc'; arc: Arc }
  | { kind: 'place'; place: PlaceTotal }
  | { kind: 'platform'; platform: Platform };

/** …and a record with no figure in the measure (a dotted arc): shown, not selected. */
export type Hit = SelectableHit | { kind: 'unmeasured'; arc: UnmeasuredArc } | { kind: 'intake'; cell: IntakeCell; layer: IntakeView };
