/**
 * Builds the peer-benchmark pages (bench/peers/*.html) into bench/peers/dist/, with the site's
 * public/ folder (boundaries, glyphs) copied alongside, so bytes are comparable page by page.
 *   npx vite build --config bench/peers/vite.config.ts
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const PAGES = ['ours', 'flowmap', 'echarts', 'deckarc', 'mlline', 'svg', 'map2d'] as const;

export default defineConfig({
  root: here,
  base: './',
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: Object.fromEntries(PAGES.map((p) => [p, fileURLToPath(new URL(`./${p}.html`, import.meta.url))])),
    },
  },
});
