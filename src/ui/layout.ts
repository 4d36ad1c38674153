/**
 * The page's layout from the first paint, before the map is created: the panel has its final
 * class and the header's real height is known, so the map's size does not change when the
 * filters panel's code arrives after the first frame (a resize would move the map under the
 * reader's pointer and write a camera into the address).
 */
export function mountLayout(doc: Document = document): void {
  doc.getElementById('panel')?.classList.add('planner');
  // The layout sizes the map as "viewport minus --header-h"; on a phone the header wraps to two
  // lines, so keep the variable true to the header (else the sheet's handle falls off screen).
  const header = doc.querySelector<HTMLElement>('.app-header');
  if (!header || typeof ResizeObserver === 'undefined') return;
  const apply = () => {
    const px = header.offsetHeight;
    if (px > 0) doc.documentElement.style.setProperty('--header-h', `${px}px`);
    else doc.documentElement.style.removeProperty('--header-h');
  };
  apply();
  new ResizeObserver(apply).observe(header);
}
