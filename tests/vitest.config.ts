import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 20_000,
    // Build tests each run a whole `astro build`; two at once is all two cores take.
    maxWorkers: 2,
  },
});
