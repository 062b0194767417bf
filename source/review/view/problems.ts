import wrapAnsi from 'wrap-ansi';
import { oneLine } from '../../text/untrusted.js';
import type { Size } from './layout.js';
import { paneLayout } from './layout.js';

/** Screen lines of the problems panel under its title line. */
export function problemsHeight(size: Size): number {
  return Math.max(1, paneLayout(size).bodyHeight - 1);
}

/**
 * Every problem met (files that could not be read, a refused store or model file) as screen
 * lines: each made one safe line (control characters shown as escapes, never sent to the
 * terminal) and wrapped whole to the width, its continuation lines indented under its text.
 */
export function problemLines(problems: readonly string[], width: number): string[] {
  const inner = Math.max(1, width - 2);
  return problems.flatMap((problem) =>
    wrapAnsi(oneLine(problem), inner, { hard: true, trim: true })
      .split('\n')
      .map((line, index) => `${index === 0 ? '⚠ ' : '  '}${line}`),
  );
}
