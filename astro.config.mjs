// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import path from 'node:path';
import { transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';
import remarkGfm from 'remark-gfm';
import { contentDir } from './src/lib/content-dir.ts';
import { zhCN } from './src/lib/i18n.ts';
import { rehypeExternalLinks } from './src/markdown/rehype-external-links.ts';
import { rehypeHeadingAnchors } from './src/markdown/rehype-heading-anchors.ts';
import { transformerCodeFrame } from './src/markdown/shiki-code-frame.ts';
import { remarkNoteLinks } from './src/markdown/remark-note-links.ts';
import { remarkWikilinks } from './src/markdown/remark-wikilinks.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { nodeVersionCheck } from './src/integrations/node-version-check.ts';

/** Where the site will live: `SITE` (origin) and `BASE` (sub-path), both from the environment. */
const site = process.env.SITE || 'https://notes.example.com';
const base = process.env.BASE || '/';
const isDev = process.argv.includes('dev');
const noteLinks = {
  notesDir: path.join(contentDir(), 'notes'),
  base,
  includeDrafts: isDev,
  watch: isDev,
};

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR || 'dist',
  build: { format: 'directory' },
  // Pages show drafts exactly when the Markdown plugins do: in `astro dev`, never in a build.
  vite: { define: { __SHOW_DRAFTS__: JSON.stringify(isDev) } },
  integrations: [nodeVersionCheck(), contentCheck(noteLinks), sitemap()],
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
      rehypePlugins: [rehypeHeadingIds, [rehypeHeadingAnchors, { label: zhCN.headingAnchor }], rehypeExternalLinks],
    }),
    shikiConfig: {
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      // Both themes become CSS variables; the stylesheet picks one, so a theme switch needs no re-render.
      defaultColor: false,
      transformers: [
        transformerNotationDiff(),
        transformerNotationHighlight(),
        transformerCodeFrame({ copy: zhCN.copy, download: zhCN.download, wrap: zhCN.wrap }),
      ],
    },
  },
});
