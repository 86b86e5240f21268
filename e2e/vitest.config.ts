import { defineConfig } from 'vitest/config';

// Browser tests: Debian's chromium driven by playwright-core against the real server on a random port.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser at a time: two cores.
    fileParallelism: false,
  },
});
