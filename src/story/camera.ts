/**
 * A story step's camera as data: `lon, lat, zoom` in story.csv mean "what a map of
 * REFERENCE_SIZE shows there"; the card fits that box into whatever part of the map it leaves
 * free (so a phone zooms out, a wide screen shows the same area). Pure Web Mercator maths.
 */
import type { CameraView } from '../state/viewState.ts';

export const REFERENCE_SIZE = { width: 800, height: 560 };

const RAD = Math.PI / 180;
const mercY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2)) / Math.PI) / 2;
const unmercY = (y: number) => (2 * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - Math.PI / 2) / RAD;

/** The lon/lat box a map of `size` shows at `view` (Web Mercator, 512 px tiles). */
export function boxAround(view: CameraView, size = REFERENCE_SIZE): [[number, number], [number, number]] {
  const scale = 512 * 2 ** view.zoom;
  const x = ((view.lon + 180) / 360) * scale;
  const y = mercY(view.lat) * scale;
  const lon = (px: number) => (px / scale) * 360 - 180;
  return [
    [lon(x - size.width / 2), unmercY((y + size.height / 2) / scale)],
    [lon(x + size.width / 2), unmercY((y - size.height / 2) / scale)],
  ];
}
