import { defineConfig } from 'vitest/config';

// Files that run whole `npm run build`s: they share the project's .astro/ folder (content types,
// asset imports), so two of them building at once could read each other's files.
const siteBuilds = ['tests/build/build-failures.test.ts', 'tests/build/atomic-build.test.ts'];

export default defineConfig({
  test: {
    root: '.',
    testTimeout: 20_000,
    // Build tests each run a whole `astro build`; two at once is all two cores take.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'tests', include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'], exclude: siteBuilds } },
      { extends: true, test: { name: 'site-builds', include: siteBuilds, fileParallelism: false } },
    ],
  },
});
