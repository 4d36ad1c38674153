import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { waitForMap } from './helpers.ts';

const modes = [
  { name: 'full', q: '' },
  { name: 'embed', q: '&embed=1' },
] as const;

for (const mode of modes) {
  for (const lang of ['zh', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`axe: no serious or critical violation (${mode.name}, ${lang}, ${theme})`, async ({ page }) => {
        await page.goto(`/?lang=${lang}&theme=${theme}${mode.q}`);
        await waitForMap(page);
        const results = await new AxeBuilder({ page })
          // The WebGL canvas is drawn pixels: its text alternative is the data table.
          .exclude('.maplibregl-canvas')
          .analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      });
    }
  }
}
