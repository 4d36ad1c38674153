/**
 * The dataset shown after loading: the user's records alone ("Replace") or added to the published
 * ones ("Join"). Pure. Loaded rows always point to the one user Source (./source.ts).
 */
import type { Dataset, PlacedFlow } from '../data/dataset.ts';
import type { Metric, Platform, Source } from '../data/types.ts';

export type LoadMode = 'replace' | 'join';

export interface LoadedRecords {
  flows: readonly PlacedFlow[];
  platforms: readonly Platform[];
  source: Source;
}

export function customDataset(published: Dataset, loaded: LoadedRecords, mode: LoadMode): Dataset {
  if (mode === 'join') {
    const taken = new Set(published.platforms.map((p) => p.id));
    return {
      sources: [...published.sources, loaded.source],
      platforms: [...published.platforms, ...loaded.platforms.filter((p) => !taken.has(p.id))],
      flows: [...published.flows, ...loaded.flows],
      aggregates: published.aggregates,
      timeline: published.timeline,
    };
  }
  // Replace: only the user's rows, plus the published platforms their flows end at (else the
  // arcs would point at nothing); none of the published totals or milestones.
  const own = new Set(loaded.platforms.map((p) => p.id));
  const used = new Set(loaded.flows.map((f) => f.destinationPlatformId).filter((id): id is string => id !== null && !own.has(id)));
  const referenced = published.platforms.filter((p) => used.has(p.id));
  const sources = referenced.length ? published.sources.filter((s) => referenced.some((p) => p.sourceIds.includes(s.id))) : [];
  return {
    sources: [loaded.source, ...sources],
    platforms: [...loaded.platforms, ...referenced],
    flows: [...loaded.flows],
    aggregates: [],
    timeline: [],
  };
}

const FIGURE_OF: Record<Metric, (f: PlacedFlow) => number | null> = {
  projects: (f) => f.projects,
  investment: (f) => f.investmentCny100m,
  firms: (f) => f.firms,
  merchants: (f) => f.merchants,
};

/** The measure most of the loaded flows have (ties keep `current`). */
export function bestMetric(flows: readonly PlacedFlow[], current: Metric): Metric {
  let best = current;
  let most = flows.filter((f) => FIGURE_OF[current](f) !== null).length;
  for (const m of Object.keys(FIGURE_OF) as Metric[]) {
    const n = flows.filter((f) => FIGURE_OF[m](f) !== null).length;
    if (n > most) {
      most = n;
      best = m;
    }
  }
  return best;
}
