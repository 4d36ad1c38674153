/**
 * The planners' analysis parts of the view model (issues 17 and 18) — levels, the OD matrix, two
 * periods compared and drawn, net flows, the intake figures' coverage grid — in one module that the page loads only when the state asks
 * for one of them (`needsAnalysis`): app.ts loads it before such a state applies (the store's
 * `prepare`), main.ts beside the data when the address already asks. The view model
 * (./view.ts) calls them through ViewOptions.analysis, so it stays one function of
 * (data, state) for every view.
 */
import { cityFlowsOf } from './levels.ts';
import { odMatrix } from './odMatrix.ts';
import { comparePeriods } from './compare.ts';
import { changeLayer } from './changeMap.ts';
import { netFlows } from './net.ts';
import { coverageGrid } from './coverage.ts';

export const ANALYSIS = { cityFlowsOf, odMatrix, comparePeriods, changeLayer, netFlows, coverageGrid };
export type Analysis = typeof ANALYSIS;
