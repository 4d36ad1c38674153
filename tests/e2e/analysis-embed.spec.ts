/** Issue 18 in an embed: level, matrix and compare set by setState land in the iframe's URL and on screen; focus (the search's result) too. */
import { test, expect } from './fixtures.ts';
import { pageServer, type TestServer } from './servers.ts';
import { frameOf, partnerPage, postToFrame, SOURCE, waitForMessage } from './partner.ts';

const servers: TestServer[] = [];
test.afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

test('setState: level=city, matrix, compare and focus in an embed', async ({ page, baseURL }) => {
  const map = new URL(baseURL!).origin;
  const partner = await pageServer({ '/': partnerPage(`<iframe src="${map}/?embed=1&lang=en" title="map" style="width:1000px;height:900px;border:0"></iframe>`) });
  servers.push(partner);
  await page.goto(partner.origin + '/');
  await waitForMessage(page, 'ready');
  const frame = await frameOf(page);
  await postToFrame(page, { target: SOURCE, type: 'setState', state: { level: 'city', matrix: '1', years: '2017-2020', compare: '2014-2016', focus: '130900' } }, map);
  await waitForMessage(page, 'state', 0, (d) => d.state?.level === 'city' && d.state?.compare === '2014-2016');
  await expect.poll(() => frame.evaluate(() => location.search)).toContain('level=city');
  const q = await frame.evaluate(() => location.search);
  for (const p of ['matrix=1', 'compare=2014-2016', 'focus=130900']) expect(q).toContain(p);
  await expect(frame.locator('.details__title')).toHaveText('Cangzhou');
  await expect(frame.getByRole('table', { name: /Origin–destination matrix/ })).toBeVisible();
  await expect(frame.getByTestId('compare')).toBeVisible();
  // A malformed level is refused with a notice (the message has been applied once it shows), the rest kept.
  await postToFrame(page, { target: SOURCE, type: 'setState', state: { level: 'street' } }, map);
  await expect(frame.locator('#notices')).toContainText('level=street');
  expect(await frame.evaluate(() => location.search)).toContain('level=city');
  await expect(frame.getByTestId('compare')).toBeVisible();
});
