import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['subgraphs/*/src/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'gateway/**/*.test.ts', 'schema/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration suites each start their own databases and servers; two cores run two at a time.
    maxWorkers: 2,
  },
});
