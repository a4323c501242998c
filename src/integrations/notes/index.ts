import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import type { CorpusOptions } from '../../corpus/cache';
import { dropTrees } from '../../corpus/parsed-trees';
import { notesDir } from '../../corpus/content-dir';
import { diagramsIntegration } from '../diagrams/index';
import { sitemapLastmod } from '../../corpus/sitemap-lastmod';
import { checkContent } from './content-check';
import { showContentProblemsInBrowser } from './dev-overlay';
import { notesMarkdown } from './markdown';
import { checkNodeVersion } from './node-version-check';

/**
 * The notes: their Markdown pipeline, the content check that runs before anything renders, drafts
 * (shown by `astro dev` only), Mermaid diagrams drawn at build time, and the sitemap with each
 * note's last change.
 */
export function notes({ site, base }: { site: string; base: string }): AstroIntegration {
  let corpus: CorpusOptions;
  return {
    name: 'notes:notes',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        checkNodeVersion(logger);
        const showDrafts = command === 'dev';
        const build = command === 'build';
        corpus = {
          notesDir: notesDir(),
          includeDrafts: showDrafts,
          watch: showDrafts,
          leaveTreesForRender: build,
          // Beside Astro's own content cache, so a cold build (cache removed) reads every note afresh.
          readingCacheFile: build ? fileURLToPath(new URL('notes-reading.json', config.cacheDir)) : undefined,
        };
        if (build) checkContent(corpus, logger);
        updateConfig({
          markdown: { processor: await notesMarkdown({ ...corpus, base }) },
          // Pages show drafts exactly when the Markdown plugins do.
          vite: { define: { __SHOW_DRAFTS__: JSON.stringify(showDrafts) } },
          integrations: [sitemap({ serialize: sitemapLastmod(corpus, site, base) }), diagramsIntegration({ ...corpus, base })],
        });
      },
      'astro:server:setup': (setup) => showContentProblemsInBrowser(corpus, setup),
      'astro:build:done': () => dropTrees(),
    },
  };
}
