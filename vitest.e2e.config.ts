import { defineConfig } from 'vitest/config';

/** The e2e suite: run by scripts/run-e2e.ts, which builds the sites and starts the servers first. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser at a time: the suite must fit two cores, and some files rebuild a site.
    fileParallelism: false,
    pool: 'forks',
  },
});
