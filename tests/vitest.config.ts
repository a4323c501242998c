import { defineConfig } from 'vitest/config';

// Files that run whole `npm run build`s or `npm run dev`: they share the project's .astro/ folder
// (content types, asset imports), so two of them at once could read each other's files.
const siteBuilds = ['tests/build/build-failures.test.ts', 'tests/build/atomic-build.test.ts', 'tests/build/dev-overlay.test.ts', 'tests/build/bad-input.test.ts', 'tests/build/rebuild.test.ts'];

/** Fast units (`npm run test:unit`), and build tests that run the real CLIs (`npm run test:build`). */
export default defineConfig({
  test: {
    root: '.',
    testTimeout: 20_000,
    // Build tests each run a whole `astro build`; two at once is all two cores take.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], exclude: siteBuilds } },
      { extends: true, test: { name: 'site-builds', include: siteBuilds, fileParallelism: false } },
    ],
  },
});
