import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { patience } from './test/helpers/patience.js';

/**
 * Files that each keep a worker busy far longer than the rest (processes spawned one after
 * another, whole sessions in a terminal, fuzz runs). A clean clone has no record of past
 * durations, so vitest would order by file size and start some of them last, leaving the other
 * workers idle at the end while one finishes. A stale entry costs time, never a result. In the
 * order of their time in a whole run (2026-12-05, 9:45 at load 3-10: the kill loop, the review
 * fuzz, the terminal sessions and the files that start many processes lead; at 18:39, load
 * 13-15, the story index, the story thread and the kept placements took 56-92 s each).
 */
const LONGEST_FIRST = [
  'test/store/processes.test.ts',
  'test/review/fuzz.test.tsx',
  'test/e2e/review.test.ts',
  'test/commands/cli.test.ts',
  'test/commands/hostile-names.test.ts',
  'test/export/store-problems.test.ts',
  'test/corpus/corpus-index.test.ts',
  'test/story/command.test.ts',
  'test/e2e/suggestions.test.ts',
  'test/export/brat-folder.test.ts',
  'test/story/index.test.ts',
  'test/commands/story-thread.test.ts',
  'test/store/kept-placements.test.ts',
  'test/search/command.test.ts',
  'test/export/team-commands.test.ts',
  'test/export/checked-behind.test.ts',
  'test/commands/project-commands.test.ts',
  'test/corpus/fuzz.test.ts',
  'test/export/kept-lines.test.ts',
  'test/e2e/codebook.test.ts',
  'test/search/store-behind.test.ts',
];

/**
 * Files that replace modules (`vi.mock`) or spy on the process: each starts with its modules and
 * mocks cleared, in workers kept apart from the rest. The rest share a worker's modules with the
 * files before them (`isolate: false`): importing Ink, React, the store and the cleaning pipeline
 * again for each of 230 files was a third of the suite's CPU time. A file that changes what
 * others import (a mock, the environment, a listener on the process) belongs here.
 */
const ISOLATED = [
  'test/store/check-threads.test.ts',
  'test/store/cleaner-upgrade.test.ts',
  'test/store/kept-listings.test.ts',
  'test/store/lock-full-disk.test.ts',
  'test/store/write-failures.test.ts',
  'test/text/styled-width.test.ts',
  'test/ui/list-title.test.ts',
  'test/ui/screen.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: the rest keep vitest's own order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/cache-home.ts'],
    // The end-to-end and crash tests spawn real processes; two cores are all CI has, and other
    // jobs may share them: limits are generous (a hung test is slow to fail, never a pass).
    testTimeout: patience(12_000),
    hookTimeout: patience(12_000),
    pool: 'forks',
    // The pool reads isolation from here, not from the projects: left at its default, it starts
    // a fresh process for every file, and the shared project's `isolate: false` only skipped
    // clearing modules in a process about to exit. False here lets a worker run file after file;
    // the isolated project still clears its modules and mocks before each file, and vitest starts
    // new workers between the two projects. The whole suite went from 745 s of CPU in 21:06 (load
    // 7-17) to 467 s in 10:33 (load 12-17), 2026-12-05, 237 files, all green.
    // Each worker's calls to the main process wait as long as the tests do (see the file).
    poolOptions: {
      forks: {
        isolate: false,
        execArgv: ['--import', new URL('./test/helpers/patient-rpc.mjs', import.meta.url).href],
      },
    },
    // Vitest's default is one worker per core less one: a single worker on CI's two cores. Most of
    // the suite's time is spent waiting on the processes and terminals it spawns, so a third
    // worker halves the wall time (5:15 to 3:34 on a quiet machine) without starving them, and
    // a fourth took the grown suite from 383 to 323 s (2026-12-05, quiet, 235 files, all green).
    maxWorkers: 4,
    // As many as the most: tinypool ends a worker above the minimum as soon as it is idle, and
    // when vitest recycles the workers between the two projects it ended such a worker a second
    // time, an unhandled "Terminating worker thread" that stopped the run before the second one.
    minWorkers: 4,
    sequence: { sequencer: LongestFirst },
    // Ink reads CI when it is imported and then prints only the last frame; tests that render the
    // real app in the worker need every frame, also on CI (which runs with CI=true).
    env: { CI: '0' },
    projects: [
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ISOLATED,
          isolate: true,
          poolOptions: { forks: { isolate: true } },
        },
      },
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ISOLATED,
          isolate: false,
        },
      },
    ],
  },
});
