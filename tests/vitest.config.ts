import { defineConfig } from 'vitest/config';

/** Two projects: fast units (`npm run test:unit`) and build tests that run the real CLIs (`npm run test:build`). */
export default defineConfig({
  test: {
    root: '.',
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 20_000 } },
      // Build tests each run a whole `astro build`; two at once is all two cores take.
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 20_000, maxWorkers: 2 } },
    ],
  },
});
