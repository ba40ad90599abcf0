import { defineConfig } from 'vitest/config';

/** Browser journeys: the real server and the built web app, driven in Debian's Chromium. */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 420_000,
    // A page on a loaded machine may take seconds to answer: expect.poll's 1 s default made journeys flaky.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    globalSetup: ['e2e/support/build-web.ts'],
  },
});
