import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs for each mutant (npm run test:mutation): only the fast, pure tests of common/domain, with no
 * database, so a mutant is judged in milliseconds. Tests that need PGlite do not belong here.
 */
export default defineConfig({
  test: {
    include: ['common/domain/**/*.test.ts'],
    setupFiles: ['vitest.mutation.setup.ts'],
    environment: 'node',
    pool: 'threads',
    maxWorkers: 1,
  },
});
