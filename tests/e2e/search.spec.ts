import { test, expect } from './fixtures.ts';
import { waitForMap } from './helpers.ts';

const focusOf = (url: string) => new URL(url).searchParams.get('focus');

test('place search: type "cangzhou", Enter → focus=130900 and Cangzhou\'s card', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const box = page.getByRole('combobox', { name: 'Find a place' });
  await box.click();
  await box.pressSequentially('cangzhou');
  const list = page.getByRole('listbox');
  await expect(list.getByRole('option').first()).toContainText('Cangzhou');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: '/tmp/shots/search-list.png' });
  await box.press('Enter');
  await expect.poll(() => focusOf(page.url())).toBe('130900');
  await expect(page.locator('.details__title')).toHaveText('Cangzhou');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await page.screenshot({ path: '/tmp/shots/search-card.png' });
});

test('place search: arrow keys choose among like names (zh), none is guessed', async ({ page }) => {
  await page.goto('/?lang=zh');
  await waitForMap(page);
  const box = page.getByRole('combobox', { name: '查找地点' });
  await box.focus();
  await box.pressSequentially('Wei County');
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.nth(1)).toBeVisible();
  await expect(page.locator('.pt-search__status')).toHaveText('多个地点同名，请选择');
  await box.press('Enter');
  expect(focusOf(page.url())).toBeNull();
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  const second = await options.nth(1).getAttribute('data-key');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await box.press('Enter');
  await expect.poll(() => focusOf(page.url())).toBe(second);
});

test('place search on a phone: the sheet opens, an adcode finds the place', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 780 });
  await page.goto('/?lang=en');
  await waitForMap(page);
  await page.locator('.pt-handle').click();
  const box = page.getByRole('combobox', { name: 'Find a place' });
  await box.fill('130100');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Shijiazhuang');
  await page.screenshot({ path: '/tmp/shots/search-phone.png' });
  await page.getByRole('listbox').getByRole('option').first().click();
  await expect.poll(() => focusOf(page.url())).toBe('130100');
});
