import { getViteConfig } from 'astro/config';

/** Tests of modules that import `astro:content`: they run inside Astro's Vite config, on the fixture notes. */
process.env['CONTENT_DIR'] ??= 'tests/fixtures/content';
process.env['OUT_DIR'] ??= 'tests/.sites/site-tests';

export default getViteConfig({ test: { root: '.', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/site/sync.ts'], testTimeout: 60_000 } });
