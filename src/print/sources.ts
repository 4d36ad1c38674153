/** The sources a printed page lists: the first `max` distinct ones and the count of the rest (pure). */
export function printSources<T extends { id: string }>(sources: readonly T[], max: number): { shown: T[]; more: number } {
  const seen = new Set<string>();
  const distinct = sources.filter((s) => !seen.has(s.id) && (seen.add(s.id), true));
  return { shown: distinct.slice(0, max), more: Math.max(0, distinct.length - max) };
}
