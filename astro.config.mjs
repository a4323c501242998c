// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';
import remarkGfm from 'remark-gfm';
import { contentDir } from './src/corpus/content-dir.ts';
import { sitemapLastmod } from './src/corpus/sitemap-lastmod.ts';
import { zhCN } from './src/lib/i18n.ts';
import { rehypeExternalLinks } from './src/integrations/notes/rehype-external-links.ts';
import { rehypeScrollableTables } from './src/integrations/notes/rehype-scrollable-tables.ts';
import { rehypeHeadingAnchors } from './src/integrations/notes/rehype-heading-anchors.ts';
import { transformerCodeFrame } from './src/integrations/code-blocks/frame.ts';
import { remarkNoteLinks } from './src/integrations/notes/remark-note-links.ts';
import { remarkWikilinks } from './src/corpus/wikilinks.ts';
import { contentCheck } from './src/integrations/notes/content-check.ts';
import { devSearchIndex } from './src/integrations/search/dev-search-index.ts';
import { nodeVersionCheck } from './src/integrations/notes/node-version-check.ts';
import { codePaletteStylesheet } from './src/integrations/code-blocks/palette-stylesheet.ts';
import { astroCsp } from './src/lib/csp.ts';
import { codePalette, transformerStyleClasses } from './src/integrations/code-blocks/palette.ts';

/** Where the site will live: `SITE` (origin) and `BASE` (sub-path), both from the environment. */
const site = process.env.SITE || 'https://notes.example.com';
const base = process.env.BASE || '/';
const isDev = process.argv.includes('dev');
const cacheKey = process.env.NOTES_CACHE_KEY ?? process.env.OUT_DIR;
const noteLinks = {
  notesDir: path.join(contentDir(), 'notes'),
  base,
  includeDrafts: isDev,
  watch: isDev,
};
// Blocks proven by `npm run verify:snippets` (sha256 of `lang + "\n" + code` → tool) get a badge; no file, no badges.
const verifiedFile = new URL('./src/generated/verified-snippets.json', import.meta.url);
/** @type {Record<string, { tool: string }>} */
const verifiedSnippets = fs.existsSync(verifiedFile) ? JSON.parse(fs.readFileSync(verifiedFile, 'utf8')) : {};
const verifiedBy = (/** @type {string} */ lang, /** @type {string} */ code) =>
  verifiedSnippets[createHash('sha256').update(`${lang}\n${code}`).digest('hex')]?.tool;
/** @type {{ light: import('shiki').BundledTheme, dark: import('shiki').BundledTheme }} */
const codeThemes = { light: 'github-light-default', dark: 'github-dark-default' };
// Token colours become classes from this palette: a strict CSP blocks Shiki's inline styles.
const palette = await codePalette(codeThemes);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR || 'dist',
  // One content cache per output folder, so builds of different sites can run side by side.
  // cli/build.ts builds into a temp folder and names the final OUT_DIR in NOTES_CACHE_KEY.
  ...(cacheKey ? { cacheDir: `node_modules/.astro/${cacheKey.replace(/[^\w-]+/g, '_')}` } : {}),
  // Nothing inline but the theme switch, so one fixed CSP header fits every page (src/lib/csp.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  security: { csp: astroCsp },
  // Pages show drafts exactly when the Markdown plugins do: in `astro dev`, never in a build.
  vite: { define: { __SHOW_DRAFTS__: JSON.stringify(isDev) }, build: { assetsInlineLimit: 0, modulePreload: false } },
  integrations: [nodeVersionCheck(), contentCheck(noteLinks), devSearchIndex(process.env.OUT_DIR || 'dist'), sitemap({ serialize: sitemapLastmod(noteLinks.notesDir, site, base) }), codePaletteStylesheet(palette)],
  markdown: {
    processor: unified({
      // GFM comes from remark-gfm, declared here so its version is ours, not a default's.
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm, remarkWikilinks, [remarkNoteLinks, noteLinks]],
      remarkRehype: {
        footnoteLabel: zhCN.footnotes,
        footnoteBackLabel: (/** @type {number} */ index) => zhCN.footnoteBack(index + 1),
      },
      rehypePlugins: [rehypeHeadingIds, [rehypeHeadingAnchors, { label: zhCN.headingAnchor }], rehypeExternalLinks, [rehypeScrollableTables, { label: zhCN.tableLabel }]],
    }),
    shikiConfig: {
      themes: codeThemes,
      // Both themes become CSS variables; the stylesheet picks one, so a theme switch needs no re-render.
      defaultColor: false,
      transformers: [
        transformerNotationDiff(),
        transformerNotationHighlight(),
        transformerCodeFrame({
          copy: zhCN.copy,
          download: zhCN.download,
          wrap: zhCN.wrap,
          verifiedWith: zhCN.verifiedWith,
          verifiedBy,
        }),
        // Last: turns every style the others wrote into palette classes.
        transformerStyleClasses(palette),
      ],
    },
  },
});
