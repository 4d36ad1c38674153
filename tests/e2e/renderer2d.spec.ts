/**
 * The 2D renderer (project `2d`: WebGL switched off): which renderer draws and why, selection by
 * pointer and keyboard, the PNG download, the embed's messages — and MapLibre never downloaded.
 * The arcs' own tests (arcs.spec.ts) run in this project too.
 */
import { test, expect } from './fixtures.ts';
import { waitForMap } from './helpers.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Dataset } from '../../src/data/dataset.ts';
import { computeView } from '../../src/selectors/view.ts';
import { defaultState } from '../../src/state/viewState.ts';

const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;

test('without WebGL the 2D renderer draws, says so, and MapLibre is never requested', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto('/?lang=en');
  await waitForMap(page);
  await expect(page.locator('#map canvas.map2d-canvas')).toBeVisible();
  await expect(page.locator('#map .map2d-attrib')).toContainText('Map drawn in 2D (Canvas) (WebGL is unavailable here)');
  expect(requested.filter((u) => /maplibre|\/webgl-/.test(u))).toEqual([]);
});

test('keyboard: arrows pan, + zooms, and the camera is written to the address', async ({ page }) => {
  await page.goto('/?lang=en&view=117.1,39,7.3');
  await waitForMap(page);
  await page.locator('#map canvas.map2d-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).not.toHaveURL(/view=117\.1,39,7\.3/);
  await page.keyboard.press('+');
  await expect(page).toHaveURL(/view=[\d.]+,[\d.]+,(8\.[0-9]+|7\.[4-9][0-9]*)/);
});

test('Download PNG works on the 2D map', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const button = page.locator('.pt-download--png');
  await expect(button).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
});

test('Download SVG works on the 2D map: well-formed, one path per drawn arc, text as text', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const button = page.locator('.pt-download--svg');
  await expect(button).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  const svg = readFileSync((await download.path())!, 'utf8');
  if (process.env.SVG_OUT) writeFileSync(process.env.SVG_OUT, svg);
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  const group = (id: string) => Array.from(doc.getElementsByTagName('g')).find((g) => g.getAttribute('id') === id)!;
  const arcs = Array.from(group('arcs').getElementsByTagName('path')).map((p) => p.getAttribute('data-arc'));
  // The whole region is in view: every arc of the view model, each once.
  expect(arcs.length).toBe(computeView(dataset, defaultState('en')).arcs.length);
  expect(new Set(arcs).size).toBe(arcs.length);
  const words = (id: string) => Array.from(group(id).getElementsByTagName('text')).map((t) => t.textContent).join(' ');
  expect(words('header')).toContain('Filters:');
  expect(words('legend')).toContain('Receiving platforms');
  expect(words('attribution')).toContain('Natural Earth');
});

test('dark theme: the zoom buttons and the attribution box take the theme\'s colours', async ({ page }) => {
  await page.goto('/?lang=en&theme=dark');
  await waitForMap(page);
  const lightness = (css: string) => {
    const [r, g, b] = css.match(/[\d.]+/g)!.map(Number);
    return (r! + g! + b!) / 3;
  };
  const styles = await page.evaluate(() => {
    const get = (sel: string) => getComputedStyle(document.querySelector(sel)!);
    return { zoom: get('.map2d-zoom').backgroundColor, button: get('.map2d-zoom button').color, attrib: get('.map2d-attrib').backgroundColor, attribText: get('.map2d-attrib').color };
  });
  expect(lightness(styles.zoom), styles.zoom).toBeLessThan(80);
  expect(lightness(styles.attrib), styles.attrib).toBeLessThan(80);
  expect(lightness(styles.button), styles.button).toBeGreaterThan(180);
  expect(lightness(styles.attribText), styles.attribText).toBeGreaterThan(180);
  await page.locator('.map2d-zoom').screenshot({ path: test.info().outputPath('zoom-dark.png') });
  if (process.env.SHOT_OUT) await page.locator('#map').screenshot({ path: process.env.SHOT_OUT });
});

test('renderer=webgl where WebGL is missing: the 2D map draws instead, with no uncaught error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?lang=en&renderer=webgl');
  await waitForMap(page);
  await expect(page.locator('#map canvas.map2d-canvas')).toBeVisible();
  expect(errors).toEqual([]);
});
