import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The end-to-end and crash tests spawn real processes; two cores are all CI has.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Ink reads CI when it is imported and then prints only the last frame; tests that render the
    // real app in the worker need every frame, also on CI (which runs with CI=true).
    env: { CI: '0' },
  },
});
