import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { INDEX_DIR } from '../../lib/search/format';
import { openIndexThread } from './index-thread';
import { readSynonyms } from './synonyms';

/**
 * Search: the index is a set of static files made from the notes (index-files.ts). `astro dev`
 * serves them as routes (`src/pages/search-index/`); `astro build` makes them in a worker thread
 * while the pages render and writes the versioned ones here when the build is done (the route
 * still writes `search-index.json`). This integration also checks the synonym vocabulary before
 * anything renders, so a mistake in it stops the build at once, and tells the routes where a build
 * keeps each note's passages for the next (extract.ts).
 */
export function search(): AstroIntegration {
  let thread: ReturnType<typeof openIndexThread> | undefined;
  return {
    name: 'notes:search',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        readSynonyms();
        const cache = command === 'build' ? fileURLToPath(new URL('search-passages.json', config.cacheDir)) : '';
        updateConfig({ vite: { define: { __SEARCH_PASSAGES_CACHE__: JSON.stringify(cache) } } });
      },
      'astro:build:start': () => {
        thread = openIndexThread();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const running = thread?.result();
        thread?.close();
        if (!running) return;
        const waitStarted = performance.now();
        const { files, seconds } = await running;
        const waited = (performance.now() - waitStarted) / 1000;
        let written = 0;
        for (const [file, content] of files) {
          if (!file.startsWith(`${INDEX_DIR}/`)) continue;
          const target = path.join(fileURLToPath(dir), file);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.writeFileSync(target, content);
          written++;
        }
        logger.info(`${written} files written; made in ${seconds.toFixed(1)} s beside the pages, of which the build waited ${waited.toFixed(1)} s at the end`);
      },
    },
  };
}
