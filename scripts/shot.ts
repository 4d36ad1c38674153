/**
 * Developer tool: screenshot a URL of the running site (default: vite preview on 4173) after
 * the map reports aria-busy="false". `npx tsx scripts/shot.ts "?lang=en" out.png [w] [h]`
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';

const [query = '', out = '/tmp/shot.png', w = '1280', h = '800'] = process.argv.slice(2);
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
page.on('request', (r) => { if (!r.url().startsWith(new URL(base).origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) console.log(`[external request] ${r.url()}`); });
await page.goto(base + query);
await page.waitForSelector('#map[aria-busy="false"]', { timeout: 60_000 });
await page.screenshot({ path: out });
console.log(`saved ${out}`);
await browser.close();
