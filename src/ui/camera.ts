/**
 * The one owner of camera sync between the store (`view`, mirrored in the URL) and the
 * renderer: a move that ends on the map is written to the state (replacing the history entry);
 * a camera from the URL, history, a story step's link or a parent page moves the map; a state
 * without `view` (Back to an address without one, or `setState({view: null})`) shows the whole
 * region again.
 */
import type { Store } from '../state/store.ts';
import type { CameraView } from '../state/viewState.ts';
import type { Renderer } from '../map/renderer.ts';

const same = (a: CameraView, b: CameraView) => Math.abs(a.lon - b.lon) <= 1e-4 && Math.abs(a.lat - b.lat) <= 1e-4 && Math.abs(a.zoom - b.zoom) <= 1e-3;

export function syncCamera(store: Store, renderer: Renderer): void {
  // The whole region has no `view` in the state: the move that shows it is not written back.
  let showingRegion = false;
  renderer.onCameraEnd((camera) => {
    if (showingRegion) {
      showingRegion = false;
      return;
    }
    const now = store.get().view;
    if (!now || !same(now, camera)) store.set({ view: camera }, { history: 'replace' });
  });
  store.subscribe((s, prev) => {
    if (s.view === prev.view) return;
    if (s.view === null) {
      showingRegion = true;
      renderer.setCamera(null);
    }
    else if (!same(s.view, renderer.getCamera())) renderer.setCamera(s.view);
  });
}
