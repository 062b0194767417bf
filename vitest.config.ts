import { defineConfig } from 'vitest/config';
import { patience } from './test/helpers/patience.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The end-to-end and crash tests spawn real processes; two cores are all CI has, and other
    // jobs may share them: limits are generous (a hung test is slow to fail, never a pass).
    testTimeout: patience(12_000),
    hookTimeout: patience(12_000),
    pool: 'forks',
    // Vitest's default is one worker per core less one: a single worker on CI's two cores. Most of
    // the suite's time is spent waiting on the processes and terminals it spawns, so a third
    // worker halves the wall time (5:15 to 3:34 on a quiet machine) without starving them.
    maxWorkers: 3,
    minWorkers: 1,
    // Ink reads CI when it is imported and then prints only the last frame; tests that render the
    // real app in the worker need every frame, also on CI (which runs with CI=true).
    env: { CI: '0' },
  },
});
