import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
// Where `vite` (dev server) forwards /api; the Distretto server listens on 3000 by default.
const apiTarget = process.env.DISTRETTO_API_URL ?? 'http://localhost:3000';

// The browser app: built into web/dist, which the server serves. Everything it needs (fonts, the map worker)
// is bundled; nothing is fetched from the internet.
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  // Allow importing common/ (one level up) and the fonts/worker files under node_modules.
  server: {
    port: 5173,
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: { '/api': { target: apiTarget } },
  },
  preview: { port: 4173, proxy: { '/api': { target: apiTarget } } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // maplibre-gl alone is ~1 MB minified; it lives in its own lazily loaded chunk.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 40 },
            { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre|@mapbox)[\\/]/, priority: 30 },
            // Bootstrap Italia components; their ~180 icons stay separate, each loaded only when shown.
            {
              name: 'design-kit',
              test: (id: string) =>
                /node_modules[\\/](design-react-kit|reactstrap|react-bootstrap|@popperjs|react-popper|react-transition-group|classnames|@restart|@react-aria|dom-helpers|uncontrollable|warning|invariant|prop-types|react-is)[\\/]/.test(id) &&
                !/design-react-kit[\\/]dist[\\/]Icon[\\/]assets[\\/]It/.test(id),
              priority: 20,
            },
            // app/zod-config.ts rides in zod's chunk: `jitless` must be set before any schema is built (zod 4 probes
            // `new Function` when an object schema is constructed, which the CSP refuses), whatever chunk builds it.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|web[\\/]app[\\/]zod-config\.ts$/, priority: 20 },
            { name: 'data', test: /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
