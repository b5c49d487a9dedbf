import { defineConfig } from 'vitest/config';

// One suite for the whole repository: unit tests beside each tool, cross-cutting tests under tests/.
// Tests that drive tofu or the local stack take seconds, not milliseconds, hence the generous timeouts.
export default defineConfig({
  test: {
    include: ['tools/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
