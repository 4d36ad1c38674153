/**
 * Code that only some visitors need (dialogs, the story, the table …) is split into chunks
 * loaded on first use. `onDemand(importer, onError)` returns a loader that imports once and
 * caches the module; a failed import is reported and forgotten, so the next use tries again.
 */
export function onDemand<M>(importer: () => Promise<M>, onError: (e: unknown) => void): () => Promise<M> {
  let loading: Promise<M> | null = null;
  return () =>
    (loading ??= importer().catch((e: unknown) => {
      loading = null;
      onError(e);
      throw e;
    }));
}
