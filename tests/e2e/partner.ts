/**
 * A partner's page for the embed tests: it records every message it receives (with the index of
 * the iframe it came from) and posts to its iframes.
 */
import { expect, type Frame, type Page } from './fixtures.ts';

export const SOURCE = 'jjj-transfer-map';

export interface Recorded { t: number; origin: string; frame: number; data: { source?: string; type?: string; height?: number; query?: string; state?: Record<string, string>; kind?: string; id?: string } }

/** A partner page: records every message it receives, with the index of the iframe it came from. */
export function partnerPage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner</title><link rel="icon" href="data:,"><style>body{margin:0;font-family:sans-serif}main{max-width:1000px;margin:0 auto;padding:0 12px}</style>
<script>
window.__msgs = [];
addEventListener('message', function (e) {
  var frames = Array.prototype.slice.call(document.querySelectorAll('iframe'));
  __msgs.push({ t: performance.timeOrigin + performance.now(), origin: e.origin, frame: frames.findIndex(function (f) { return f.contentWindow === e.source; }), data: e.data });
});
</script></head><body><main><h1>A partner's article</h1><p>Text before the map.</p>${body}<p style="height:1200px">Text after the map.</p></main></body></html>`;
}

export const msgs = (page: Page): Promise<Recorded[]> => page.evaluate(() => (window as unknown as { __msgs: Recorded[] }).__msgs);

export async function waitForMessage(page: Page, type: string, frame = 0, extra: (d: Recorded['data']) => boolean = () => true): Promise<Recorded> {
  await expect.poll(async () => (await msgs(page)).filter((m) => m.frame === frame && m.data?.source === SOURCE && m.data.type === type && extra(m.data)).length, { timeout: 45_000 }).toBeGreaterThan(0);
  return (await msgs(page)).filter((m) => m.frame === frame && m.data?.source === SOURCE && m.data.type === type && extra(m.data)).at(-1)!;
}

export async function frameOf(page: Page, index = 0): Promise<Frame> {
  const handle = await page.locator('iframe').nth(index).elementHandle();
  const frame = await handle!.contentFrame();
  return frame!;
}

/** Posts `data` from the partner page to its iframe number `index`. */
export function postToFrame(page: Page, data: unknown, targetOrigin: string, index = 0, raw = false) {
  return page.evaluate(([d, o, i, r]) => {
    const f = document.querySelectorAll('iframe')[i as number] as HTMLIFrameElement;
    f.contentWindow!.postMessage(r ? JSON.parse(d as string) : d, o as string);
  }, [raw ? JSON.stringify(data) : data, targetOrigin, index, raw] as const);
}

