import { guidelinesHeight } from './guidelines.js';
import { hintIn, hintsFor, type KeyContext } from './keymap.js';
import { problemsOf } from './selectors.js';
import type { ReviewState } from './state.js';
import { guidelinesLines } from './view/guidelines.js';
import { problemLines, problemsHeight } from './view/problems.js';

/**
 * Whether the problems or guidelines panel on screen holds more lines than its window: only then
 * do its scroll keys move anything. Any other mode: true (nothing is taken from its hints).
 */
export function pagerScrolls(state: ReviewState): boolean {
  const { mode, size } = state;
  if (mode.kind === 'problems') {
    return problemLines(problemsOf(state), size.columns).length > problemsHeight(size);
  }
  if (mode.kind === 'guidelines') {
    const text = state.project.guidelines?.text ?? '';
    return guidelinesLines(text, size.columns).length > guidelinesHeight(state);
  }
  return true;
}

/**
 * The bottom bar's hints for `context`. A panel that fits its window does not name
 * `j/k scroll · Space/b page`: keys that do nothing there, as its title says too.
 */
export function barHints(state: ReviewState, context: KeyContext): string[] {
  const { keymap } = state.project;
  const hints = hintsFor(context, keymap);
  if ((context !== 'problems' && context !== 'guidelines') || pagerScrolls(state)) return hints;
  const scrolling = new Set(
    keymap
      .filter((entry) => entry.action.type === `${context}/scroll`)
      .map((entry) => hintIn(context, entry, keymap)),
  );
  return hints.filter((hint) => !scrolling.has(hint));
}
