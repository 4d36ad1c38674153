/**
 * The loading state (issue 21, item 6). index.html paints it with the page's first frame, before
 * any script: the map area says what it is loading (code, boundaries, data, map engine, label
 * font), in both languages since the page's language is not known yet. This module — the first
 * the entry runs — ticks each part off with its size as it arrives (Resource Timing), fills the
 * bar by parts, and removes the box when the map has first drawn (`aria-busy="false"`). DOM only,
 * no dependency: it must cost next to nothing.
 */
const PARTS: Array<[part: string, test: RegExp]> = [
  ['geo', /\/geo\/[^/]+\.json(\?|$)/],
  ['data', /\/data\/dataset\.json(\?|$)/],
  ['engine', /maplibre-gl-worker[^/]*\.m?js(\?|$)/],
  ['fonts', /\/fonts\/.+\.pbf(\?|$)/],
];

function mountProgress(): void {
  const box = document.querySelector<HTMLElement>('.map-loading');
  const map = document.getElementById('map');
  if (!box || !map) return;
  const items = box.querySelectorAll<HTMLElement>('[data-part]');
  const bar = box.querySelector<HTMLElement>('.map-loading__bar > span');
  const done = (part: string, bytes?: number) => {
    const li = box.querySelector<HTMLElement>(`[data-part="${part}"]`);
    if (!li || li.dataset.done) return;
    li.dataset.done = 'true';
    if (bytes) li.dataset.size = `${Math.max(1, Math.round(bytes / 1000))} KB`;
    const n = box.querySelectorAll('[data-done]').length;
    if (bar) bar.style.width = `${Math.round((100 * n) / items.length)}%`;
  };
  // The code is here (this module runs as the entry's first import).
  done('code');
  let observer: PerformanceObserver | null = null;
  if (typeof PerformanceObserver === 'function') {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries() as PerformanceResourceTiming[]) {
        for (const [part, test] of PARTS) if (test.test(e.name)) done(part, e.transferSize || e.encodedBodySize);
      }
    });
    observer.observe({ type: 'resource', buffered: true });
  }
  const finish = () => {
    if (map.getAttribute('aria-busy') !== 'false') return;
    mo.disconnect();
    observer?.disconnect();
    box.remove();
  };
  const mo = new MutationObserver(finish);
  mo.observe(map, { attributes: true, attributeFilter: ['aria-busy'], childList: true });
}

mountProgress();
