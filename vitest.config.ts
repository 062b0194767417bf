import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The end-to-end and crash tests spawn real processes; two cores are all CI has.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
