import wrapAnsi from 'wrap-ansi';
import stringWidth from '../../text/string-width.js';
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

/**
 * The problems the list pane shows under its articles (safe lines): all of them, wrapped, when
 * that takes three lines at most, else the first two (cut at the width when drawn) and a line
 * sending to the panel. One function, because the list's height is what is left of the pane
 * after these lines: counting three problems as two gave the list a line it did not have, and
 * Ink squeezed its entries until their titles vanished.
 */
export function listProblems(
  problems: readonly string[],
  width: number,
  /** The key that opens the problems panel, as the project has it. */
  key = '!',
): string[] {
  // Wrapped whole when that takes three lines at most (qa52: the one problem of a large corpus,
  // "story groups unavailable: run margin index --story once…", was cut at 120 columns).
  const wrapped = problemLines(problems, width);
  if (wrapped.length <= 3) return wrapped;
  const cut =
    problems.length > 3 || problems.some((problem) => stringWidth(`⚠ ${oneLine(problem)}`) > width);
  if (!cut) return problems.map((problem) => `⚠ ${oneLine(problem)}`);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return [
    ...problems.slice(0, 2).map((problem) => `⚠ ${oneLine(problem)}`),
    `⚠ ${count} in all: ${key} shows them in full`,
  ];
}
