// @ts-check
import { defineConfig } from 'astro/config';
import { codeBlocks } from './src/integrations/code-blocks/index.ts';
import { notes } from './src/integrations/notes/index.ts';
import { search } from './src/integrations/search/index.ts';
import { astroCsp } from './src/lib/csp.ts';

/** Where the site will live: `SITE` (origin) and `BASE` (sub-path), both from the environment. */
const site = process.env.SITE || 'https://notes.example.com';
const base = process.env.BASE || '/';
const outDir = process.env.OUT_DIR || 'dist';
const cacheKey = process.env.NOTES_CACHE_KEY || process.env.OUT_DIR;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir,
  // One content cache per site (the final OUT_DIR, not the temporary folder cli/build.ts builds in),
  // so builds of different sites can run side by side.
  ...(cacheKey ? { cacheDir: `node_modules/.astro/${cacheKey.replace(/[^\w-]+/g, '_')}` } : {}),
  // Nothing inline but the theme switch, so one fixed CSP header fits every page (src/lib/csp.ts).
  // Four pages at a time: while one page's files are being written, the next renders (with one at a
  // time a large build spent a third of page generation waiting on the disk).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  security: { csp: astroCsp },
  vite: { build: { assetsInlineLimit: 0, modulePreload: false } },
  // The notes' own pipeline highlights code, last, with CSP-safe palette classes (code-blocks/).
  markdown: { syntaxHighlight: false },
  integrations: [notes({ site, base }), codeBlocks(), search()],
});
