/**
 * The intake layer's views (issue 17) in one chunk, loaded on demand (ui/planner.ts, the details
 * card): the panel's control, the coverage grid (mounted when `coverage=1` is first set) and the
 * card's year charts.
 */
import type { AppContext } from '../app.ts';
import type { ControlInput } from './controls/dom.ts';
import { intakeControl } from './controls/intake.ts';
import { coverageView, type CoverageView } from './coverage.ts';

export { intakeCharts } from './intakeCharts.ts';

/** Mounts the control into `controlSlot` (and the grid into `gridSlot` when asked for); returns their update. */
export function mountIntake(ctx: AppContext, controlSlot: HTMLElement, gridSlot: HTMLElement): (input: ControlInput) => void {
  const control = intakeControl(ctx.store);
  controlSlot.replaceChildren(control.el);
  let grid: CoverageView | null = null;
  return (input) => {
    control.update(input);
    if (!grid && input.state.coverage) gridSlot.replaceChildren((grid = coverageView(ctx)).el);
    grid?.update(input.view, input.state, input.names);
  };
}
