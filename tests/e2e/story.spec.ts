import { test, expect, type Page, reportGpu } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { parseStory } from '../../src/story/validate.ts';
import { waitForMap, watchPage } from './helpers.ts';

const { steps } = parseStory(readFileSync('data/story.csv', 'utf8'));
const N = steps.length;
const FIRST_VISIT = { cookies: [], origins: [] };

// Every test here starts as a first visit (empty localStorage), whatever the config presets.
test.use({ storageState: FIRST_VISIT });
// Map loads and camera flights under software WebGL on a busy machine: generous limits.
test.describe.configure({ timeout: 240_000 });

const card = (page: Page) => page.locator('#story');
const viewOf = (search: string) => new URLSearchParams(search).get('view');

/** Opens a URL and waits until the map has drawn and the story has decided whether to open. */
async function open(page: Page, query: string): Promise<void> {
  await page.goto(query);
  await waitForMap(page);
  await expect(page.locator('#map')).toHaveAttribute('data-story-ready', 'true', { timeout: 30_000 });
}

/** The map has drawn and the camera has stopped (the URL's view no longer changes). */
async function settled(page: Page): Promise<void> {
  await waitForMap(page);
  let last: string | null = '';
  await expect
    .poll(async () => {
      const v = viewOf(await page.evaluate(() => location.search));
      const same = v === last;
      last = v;
      return same && (await page.locator('#map').getAttribute('aria-busy')) === 'false';
    }, { intervals: [300], timeout: 30_000 })
    .toBe(true);
}

/** The map's pixels, with the overlays (story card, legend, details, controls) masked out. */
async function mapPixels(page: Page): Promise<PNG> {
  const mask = ['#story', '#map .legend', '#map .details', '#map .maplibregl-control-container'].map((s) => page.locator(s));
  return PNG.sync.read(await page.locator('#map').screenshot({ mask }));
}

function changed(a: PNG, b: PNG): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
    if (d > 30) n++;
  }
  return n / (a.data.length / 4);
}

test('a first visit opens the story; → walks it to the last step, each step changes the map and the URL', async ({ page, baseURL }) => {
  const watch = watchPage(page, new URL(baseURL!).origin);
  await open(page, '/?lang=en');
  await expect(card(page)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Guided story' })).toBeVisible();
  await expect(card(page)).toHaveAttribute('data-step', '1');
  await expect(page).toHaveURL(/[?&]story=1(&|$)/);
  await expect(card(page).locator('.story__progress')).toHaveText(`Step 1 of ${N}`);
  await expect(card(page).locator('.story__title')).toHaveText(steps[0]!.title.en);
  await settled(page);
  let before = await mapPixels(page);
  for (let n = 2; n <= N; n++) {
    await page.keyboard.press('ArrowRight');
    await expect(card(page)).toHaveAttribute('data-step', String(n));
    await expect(page).toHaveURL(new RegExp(`[?&]story=${n}(&|$)`));
    await expect(card(page).locator('.story__title')).toHaveText(steps[n - 1]!.title.en);
    await expect(card(page).locator('.story__caption')).toHaveText(steps[n - 1]!.caption.en);
    await expect(card(page).locator('.story__sources-list li')).toHaveCount(steps[n - 1]!.sourceIds.length);
    await settled(page);
    const after = await mapPixels(page);
    expect(changed(before, after), `map of step ${n - 1} vs step ${n}`).toBeGreaterThan(0.01);
    before = after;
  }
  // The last step: → stays, the button offers to explore the map; the chart step draws its marks.
  await page.keyboard.press('ArrowRight');
  await expect(card(page)).toHaveAttribute('data-step', String(N));
  await expect(card(page).locator('.story__next')).toHaveText('Explore the map');
  const chartStep = steps.findIndex((s) => s.chart) + 1;
  await page.keyboard.press('ArrowLeft');
  await expect(card(page)).toHaveAttribute('data-step', String(N - 1));
  await open(page, `/?lang=en&story=${chartStep}`);
  await expect(card(page).locator('.story-chart__bar').first()).toBeVisible();
  await expect(card(page).locator('.story-chart__gap').first()).toBeAttached();
  await expect(card(page).locator('.story-chart__cum').first()).toBeAttached();
  expect(watch.errors).toEqual([]);
  expect(watch.external).toEqual([]);
});

test('a shared story=3 link opens step 3 with its filters; Back and Forward move between steps', async ({ page }) => {
  const s = steps[2]!;
  await open(page, '/?lang=en&story=3');
  await expect(card(page)).toHaveAttribute('data-step', '3');
  await expect(card(page).locator('.story__title')).toHaveText(s.title.en);
  await settled(page);
  const url = new URL(page.url());
  expect(url.searchParams.get('story')).toBe('3');
  expect(url.searchParams.get('industry') ?? '').toBe(s.industry.join(','));
  expect(url.searchParams.get('years')).toBe(s.years ? `${s.years[0]}-${s.years[1]}` : null);
  expect(url.searchParams.get('metric') ?? 'projects').toBe(s.metric);
  expect(url.searchParams.get('view')).not.toBeNull();

  // The full link (filters and camera) reopens exactly as it was.
  const shared = page.url();
  await page.reload();
  await waitForMap(page);
  await expect(card(page)).toHaveAttribute('data-step', '3', { timeout: 30_000 });
  await settled(page);
  expect(page.url()).toBe(shared);

  await card(page).locator('.story__next').click();
  await expect(card(page)).toHaveAttribute('data-step', '4');
  await page.goBack();
  await expect(card(page)).toHaveAttribute('data-step', '3');
  await expect(card(page).locator('.story__title')).toHaveText(s.title.en);
  await page.goForward();
  await expect(card(page)).toHaveAttribute('data-step', '4');
});

test('a returning visitor does not download the story; a step reached through the history loads it', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('jjj-story-seen', '1'));
  const storyChunks: string[] = [];
  page.on('request', (r) => { if (/\/assets\/story-[\w-]+\.js$/.test(r.url())) storyChunks.push(r.url()); });
  await open(page, '/?lang=en');
  await expect(card(page)).toHaveCount(0);
  await expect(page.locator('.story-open')).toBeVisible();
  expect(storyChunks).toEqual([]);

  // As Back to a story link does: the address changes and the app reads it (history.ts).
  await page.evaluate(() => {
    history.pushState(null, '', '?lang=en&story=3');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(card(page)).toHaveAttribute('data-step', '3', { timeout: 30_000 });
  await expect(card(page).locator('.story__title')).toHaveText(steps[2]!.title.en);
  expect(storyChunks).toHaveLength(1);
});

test('reduced motion: a step jumps (the camera is at its target at once); otherwise it flies', async ({ browser }) => {
  for (const reducedMotion of ['reduce', 'no-preference'] as const) {
    const context = await browser.newContext({ reducedMotion, storageState: FIRST_VISIT });
    await context.addInitScript(reportGpu);
    const page = await context.newPage();
    await open(page, '/?lang=en&story=2');
    await settled(page);
    const start = viewOf(await page.evaluate(() => location.search));
    // Every URL the page shows from the key press on, with when (the camera is written on moveend).
    await page.evaluate(() => {
      const w = window as unknown as { __urls: Array<[number, string]>; __keyAt: number };
      w.__urls = [];
      addEventListener('keydown', () => (w.__keyAt = performance.now()), { capture: true, once: true });
      const poll = () => {
        const last = w.__urls.at(-1)?.[1];
        if (location.search !== last) w.__urls.push([performance.now(), location.search]);
        setTimeout(poll, 5);
      };
      poll();
    });
    await page.keyboard.press('ArrowRight');
    // Read right after the key press.
    const immediate = viewOf(await page.evaluate(() => location.search));
    await expect(card(page)).toHaveAttribute('data-step', '3');
    await settled(page);
    const final = viewOf(await page.evaluate(() => location.search));
    expect(final).not.toBe(start);
    if (reducedMotion === 'reduce') {
      await expect(card(page)).toHaveAttribute('data-motion', 'jump');
      expect(immediate, 'no animation: the camera is already there').toBe(final);
    } else {
      await expect(card(page)).toHaveAttribute('data-motion', 'fly');
      // A flight takes its time whatever the machine's speed (MapLibre animates by the clock):
      // the final camera reaches the URL well after the key press, never in the same task.
      const { urls, keyAt } = await page.evaluate(() => {
        const w = window as unknown as { __urls: Array<[number, string]>; __keyAt: number };
        return { urls: w.__urls, keyAt: w.__keyAt };
      });
      const arrived = urls.find(([, search]) => viewOf(search) === final)?.[0];
      expect(arrived, 'the final camera was written to the URL').toBeDefined();
      expect(arrived! - keyAt, 'still flying for a while after the key press').toBeGreaterThan(300);
    }
    await context.close();
  }
});

test('embed mode shows no story unless the URL asks for one; nor does a link with filters', async ({ page }) => {
  await open(page, '/?lang=en&embed=1');
  await expect(card(page)).toBeHidden();
  expect(new URL(page.url()).searchParams.has('story')).toBe(false);

  await open(page, '/?lang=en&industry=pharma');
  await expect(card(page)).toBeHidden();

  await open(page, '/?lang=en&embed=1&story=1');
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toHaveAttribute('data-step', '1');
});

test('closing keeps the view and filters; the story opens by itself only once; the Story button reopens it', async ({ page }) => {
  await open(page, '/?lang=en&story=4');
  await settled(page);
  const before = new URL(page.url()).searchParams;
  await card(page).getByRole('button', { name: 'Skip, explore the map' }).click();
  await expect(card(page)).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]story=/);
  await settled(page);
  const after = new URL(page.url()).searchParams;
  before.delete('story');
  expect(after.toString()).toBe(before.toString());
  await expect(page.locator('.story-open')).toBeFocused();

  // A later visit of the bare page: the story was seen, so it stays closed.
  await open(page, '/?lang=en');
  await expect(card(page)).toBeHidden();
  await page.locator('.story-open').click();
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toHaveAttribute('data-step', '1');
  // Escape inside the card closes it too.
  await card(page).locator('.story__next').focus();
  await page.keyboard.press('Escape');
  await expect(card(page)).toBeHidden();
});

test('phone: a bottom sheet over the map; a swipe moves between steps', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '/?lang=en&story=2');
  await settled(page);
  const map = (await page.locator('#map').boundingBox())!;
  const box = (await card(page).boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(map.width - 1);
  expect(box.y + box.height).toBeCloseTo(map.y + map.height, 0);
  expect(box.height).toBeLessThanOrEqual(map.height * 0.5 + 1);
  const y = box.y + 40;
  const swipe = async (from: number, to: number) => {
    await card(page).dispatchEvent('pointerdown', { pointerType: 'touch', pointerId: 7, isPrimary: true, clientX: from, clientY: y });
    await card(page).dispatchEvent('pointerup', { pointerType: 'touch', pointerId: 7, isPrimary: true, clientX: to, clientY: y + 6 });
  };
  await swipe(300, 120);
  await expect(card(page)).toHaveAttribute('data-step', '3');
  await swipe(80, 280);
  await expect(card(page)).toHaveAttribute('data-step', '2');
  // A vertical drag (scrolling the sheet) is not a swipe.
  await card(page).dispatchEvent('pointerdown', { pointerType: 'touch', pointerId: 8, clientX: 200, clientY: y + 100 });
  await card(page).dispatchEvent('pointerup', { pointerType: 'touch', pointerId: 8, clientX: 150, clientY: y - 10 });
  await expect(card(page)).toHaveAttribute('data-step', '2');
});
