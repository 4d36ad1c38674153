/**
 * The arcs the map draws solid: a comparison's arcs in both periods (./changeMap.ts) when
 * comparing, the net arcs with `net=1` (./net.ts), else the view's. One rule for every renderer
 * and the SVG writer.
 */
import type { Arc } from './arcs.ts';
import type { ChangeLayer } from './changeMap.ts';

export const mapArcs = (view: { arcs: Arc[]; change?: ChangeLayer | null; net?: { arcs: Arc[] } | null }): Arc[] => (view.change ? view.change.both : view.net ? view.net.arcs : view.arcs);
