/**
 * The intake layer's views (issue 17) in one chunk, loaded on demand: the panel's control, the
 * coverage grid and the details card's year charts (one file each).
 */
export { intakeControl } from './controls/intake.ts';
export { coverageView } from './coverage.ts';
export { intakeCharts } from './intakeCharts.ts';
