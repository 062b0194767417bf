import { guidelinesHeight } from './guidelines.js';
import { hintIn, hintsFor, type KeyContext, type Keymap, liveKeys } from './keymap.js';
import { problemsOf, sentenceRunsOn } from './selectors.js';
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
 * In the reader, on a sentence that goes on below the window: the key that shows the rest
 * ("Space more"), first in the bar, so that it is not left out where the bar is short. Null
 * anywhere else, or when no key reaches that action.
 */
export function moreHint(state: ReviewState, context: KeyContext): string | null {
  if (context !== 'reader' && context !== 'results') return null;
  if (!sentenceRunsOn(state)) return null;
  const { keymap } = state.project;
  const entry = keymap.find((each) => each.action.type === 'cursor/page-down');
  const key = entry ? liveKeys(context, entry, keymap)[0] : undefined;
  return key ? `${key.label} more` : null;
}

/**
 * The bottom bar's hints for `context`. A panel that fits its window does not name
 * `j/k scroll · Space/b page`: keys that do nothing there, as its title says too.
 */
export function barHints(state: ReviewState, context: KeyContext): string[] {
  const { keymap } = state.project;
  const more = moreHint(state, context);
  const listed = panelFirst(context, keymap, hintsFor(context, keymap));
  const hints = more ? [more, ...listed] : listed;
  if ((context !== 'problems' && context !== 'guidelines') || pagerScrolls(state)) return hints;
  const scrolling = new Set(
    keymap
      .filter((entry) => entry.action.type === `${context}/scroll`)
      .map((entry) => hintIn(context, entry, keymap)),
  );
  return hints.filter((hint) => !scrolling.has(hint));
}

/**
 * In the story and compare panels, the panel's own keys first: at 60 columns the story panel's
 * bar named `u undo` and left out `x unlink` and `Esc close` (verify51).
 */
function panelFirst(context: KeyContext, keymap: Keymap, hints: string[]): string[] {
  if (context !== 'story' && context !== 'compare') return hints;
  const own = new Set(
    keymap
      .filter((entry) => entry.contexts.length === 1 && entry.contexts[0] === context)
      .map((entry) => hintIn(context, entry, keymap)),
  );
  return [...hints.filter((hint) => own.has(hint)), ...hints.filter((hint) => !own.has(hint))];
}
