import { defineConfig } from 'vite';

// `BASE=/maps/jjj/ npm run build` serves the site from a sub-path of a partner's host.
export default defineConfig({
  base: process.env.BASE ?? './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  // Module workers, split into chunks: the loader's Excel reader loads only when an .xlsx is chosen.
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
