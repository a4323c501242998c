import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import sirv from 'sirv';

/**
 * `astro dev` has no search index of its own (Pagefind reads built HTML), so the dev server
 * serves the one from the last `npm run build` at `<base>pagefind/`. Notes added since then are
 * found after the next build.
 */
export function devSearchIndex(outDir: string): AstroIntegration {
  return {
    name: 'dev-search-index',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const index = path.resolve(outDir, 'pagefind');
        if (!fs.existsSync(index)) {
          logger.warn('no search index yet: run `npm run build` once and search works in dev too');
          return;
        }
        const base = server.config.base.endsWith('/') ? server.config.base : `${server.config.base}/`;
        const files = sirv(index, { dev: true });
        server.middlewares.use(`${base}pagefind`, (req, res, next) => files(req, res, next));
      },
    },
  };
}
