import { defineConfig } from 'vitest/config';

// Unit, domain and storage tests. Browser tests live in e2e/ with their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'web/src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    // Generous: a loaded two-core CI machine runs PGlite several times slower; tests assert results, not time.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Storage tests open PGlite instances, which are memory-hungry WASM; two workers fit two cores.
    maxWorkers: 2,
  },
});
