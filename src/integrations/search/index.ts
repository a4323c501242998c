import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSynonyms } from './synonyms';

/**
 * Search: the index is a set of static files the route `src/pages/search-index/[...file].json.ts`
 * writes from the notes (index-files.ts), in `astro build` as in `astro dev`. This integration
 * checks the synonym vocabulary before anything renders, so a mistake in it stops the build at once,
 * and tells the route where a build keeps each note's passages for the next (passage-cache.ts).
 */
export function search(): AstroIntegration {
  return {
    name: 'notes:search',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        readSynonyms();
        const cache = command === 'build' ? fileURLToPath(new URL('search-passages.json', config.cacheDir)) : '';
        updateConfig({ vite: { define: { __SEARCH_PASSAGES_CACHE__: JSON.stringify(cache) } } });
      },
    },
  };
}
