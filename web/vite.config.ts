import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The console: web/ built into dist/web, served by the server (src/http/console.ts). */
export default defineConfig({
  root: here('.'),
  base: '/',
  // Preact's JSX runtime, with Vite's own transform (no Babel plugin needed).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // `npx vite --config web/vite.config.ts`: the console with instant reloads, the API of a
  // server started beside it (`npm start`, or CERTKEEPER_DEV_API) behind the same origin.
  server: {
    proxy: Object.fromEntries(['/api', '/openapi.json', '/docs'].map((p) => [p, process.env.CERTKEEPER_DEV_API ?? 'http://127.0.0.1:8080'])),
  },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Browsers of the last years: no legacy transforms.
    target: 'es2022',
    sourcemap: false,
    // Nothing inlined as data: URLs or inline script; the CSP allows scripts from this origin only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
