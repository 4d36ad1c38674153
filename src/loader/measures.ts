/** What a simple-form `value` counts (kept apart so that the page does not bundle the mapping). */
export type Measure = 'projects' | 'investment' | 'firms' | 'merchants';
export const MEASURES: readonly Measure[] = ['projects', 'investment', 'firms', 'merchants'];
