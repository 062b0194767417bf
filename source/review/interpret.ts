import type { Action, KeyAction } from './actions.js';
import { type KeyContext, lookup, pressedLabel } from './keymap.js';
import {
  ESCAPE,
  escapeJoined,
  type KeyState,
  NO_KEY,
  PASTED,
  type Press,
  splitKeys,
} from './keys.js';
import { isWordKey } from './line.js';
import { reduce } from './reducer.js';
import type { ReviewState } from './state.js';
import { paneLayout } from './view/layout.js';

/** Which rows of the keymap apply now; null while waiting to quit. */
export function keyContext(state: ReviewState): KeyContext | null {
  switch (state.mode.kind) {
    case 'help':
    case 'search':
    case 'note':
    case 'attributes':
    case 'compare':
    case 'guidelines':
    case 'problems':
    case 'story':
      return state.mode.kind;
    case 'quitting':
      return null;
    default:
      if (state.focus === 'list') return 'list';
      return state.results ? 'results' : 'reader';
  }
}

const TEXT_ENTRY = new Set<KeyContext>(['search', 'note', 'attributes']);

const OPENS_INPUT = new Set<KeyAction['type']>(['note/edit', 'attributes/edit']);

/**
 * Text typed after a refused `n` or `a` is swallowed until a pause this long: someone typing
 * a note does not stop to read the status bar, so "2 sources unclear" must not tag a quote (2),
 * undo (u) and clear the labels (c, x…). A key pressed after reading the refusal comes later.
 */
export const TYPING_PAUSE_MS = 500;

/** A key that would have been text in an input (no Ctrl, Enter, Esc, Tab or arrows). */
function isText({ input, key }: Press): boolean {
  if (input === '' || key.ctrl || key.meta || key.return || key.escape || key.tab) return false;
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return false;
  if (key.pageUp || key.pageDown || key.home || key.end) return false;
  return !key.backspace && !key.delete;
}

/**
 * The screen says only "margin needs at least 60×15 … Enlarge it (q quits)": keys behind it tagged,
 * cleared and marked articles done unseen, and text went into a note nobody saw. Only `q` and
 * Ctrl+C act there.
 */
function behindTooSmall(state: ReviewState): boolean {
  return paneLayout(state.size).tooSmall;
}

/**
 * Behind the too-small screen nothing can be seen, so little acts. In an open input a typed key is
 * text, kept in the draft, and only Ctrl+C quits: "quiet quote" typed into a note as the terminal
 * shrank read as `q` twice and dropped the note. Elsewhere the project's quit key quits (`q` was
 * fixed here, whatever margin.json said).
 */
function tooSmallAction(state: ReviewState, context: KeyContext, press: Press): Action | null {
  if (press.key.ctrl && press.input === 'c') return { type: 'app/quit' };
  // A note's label asked for takes a label key as its answer, which tags and saves: unseen here.
  if (state.mode.kind === 'note' && state.mode.untagged?.asking) return null;
  if (TEXT_ENTRY.has(context)) {
    return isText(press) ? { type: 'text/type', input: press.input, key: press.key } : null;
  }
  const entry = lookup(context, press.input, press.key, state.project.keymap);
  return entry?.action.type === 'app/quit' ? entry.action : null;
}

/** The key that quits behind the too-small screen, as the screen names it (`tooSmallAction`). */
export function tooSmallQuitKey(state: ReviewState): string {
  const context = keyContext(state);
  if (context === null || TEXT_ENTRY.has(context)) return 'Ctrl+C';
  const entry = state.project.keymap.find(
    (one) => one.action.type === 'app/quit' && one.contexts.includes(context),
  );
  return entry?.keys.find((one) => !one.ctrl)?.label ?? 'Ctrl+C';
}

/** How many presses from `from` on are plain text typed into the open input (0 when none is). */
function typedRun(state: ReviewState, presses: readonly Press[], from: number): number {
  if (behindTooSmall(state)) return 0;
  const context = keyContext(state);
  if (context === null || !TEXT_ENTRY.has(context)) return 0;
  let end = from;
  while (end < presses.length) {
    const press = presses[end]!;
    if (!isText(press) || lookup(context, press.input, press.key)) break;
    end += 1;
  }
  return end - from;
}

/**
 * An Escape Ink joined to the key behind it (`escapeJoined`) is the Escape, then the key: margin
 * binds nothing to Alt, and taking it for the key alone lost the Escape (Esc then j left the help
 * open and scrolled it; Esc then 1 after a jump tagged the sentence jumped to). In a text input
 * too (tmux, whose escape-time is half a second, and a slow link send Esc then j as one chunk: the
 * editor stayed open and the `2` and Enter typed next saved "TASS2"), except readline's word keys
 * (Alt+b, Alt+f, Alt+d, Alt+Backspace), which edit the line there.
 */
function escapeFirst(state: ReviewState, input: string, key: KeyState): boolean {
  if (!escapeJoined(key)) return false;
  const context = keyContext(state);
  return context === null || !TEXT_ENTRY.has(context) || !isWordKey(input, key);
}

/** What one press means in the state the previous one left: an intent, typed text, or nothing. */
export function interpret(state: ReviewState, press: Press): Action | null {
  const context = keyContext(state);
  if (context === null) {
    return press.key.ctrl && press.input === 'c' ? { type: 'app/force-quit' } : null;
  }
  if (behindTooSmall(state)) return tooSmallAction(state, context, press);
  const entry = lookup(context, press.input, press.key, state.project.keymap);
  if (entry) return entry.action;
  if (TEXT_ENTRY.has(context)) return { type: 'text/type', input: press.input, key: press.key };
  return null;
}

/**
 * A typed key the list has no use for but the article has (a tag, `n`, `a`): on a wide screen the
 * article is beside the list, its first sentence marked, and `1 n` typed there did nothing and
 * said nothing. Null for any other key.
 */
function readerOnly(
  state: ReviewState,
  press: Press,
): { action: Action; opensInput: boolean } | null {
  if (keyContext(state) !== 'list' || behindTooSmall(state) || !isText(press)) return null;
  const entry = lookup('reader', press.input, press.key, state.project.keymap);
  if (!entry) return null;
  return {
    action: { type: 'key/reader-only', label: pressedLabel(entry, press.input, press.key) },
    opensInput: OPENS_INPUT.has(entry.action.type),
  };
}

/**
 * Presses the caller cannot act on yet (`when`): the first such press and every one after it in
 * the chunk go to `rest`, to be given again later, one at a time.
 */
export interface Hold {
  when(state: ReviewState, action: Action): boolean;
  rest: Press[];
}

/**
 * Turns what the terminal delivers into actions, one press at a time, each resolved against the
 * state the one before it left: in "jj1" the cursor moves twice and then tags; in
 * "nfirst note\r" the note input opens, takes the text and saves it. It remembers one thing
 * across chunks: that text is still being typed after a refused `n` or `a`.
 */
export class KeyInterpreter {
  /** When the last key of text typed after a refused input arrived, or null. */
  #refusedAt: number | null = null;

  /**
   * The actions of one chunk of input. `state` is read again before each press, so the caller
   * applies each action before asking for the next. `at` is when the chunk arrived (any
   * monotonic clock, in milliseconds); without it no typing is taken for a pause.
   */
  *actions(
    state: () => ReviewState,
    input: string,
    key: KeyState,
    at?: number,
    hold?: Hold,
  ): Generator<Action> {
    if (this.#refusedAt !== null) {
      // `n` or `a` again is a retry (the sentence tagged meanwhile, say): it acts,
      // and if refused again, what follows it is swallowed as before.
      const whole = { input, key };
      const context = keyContext(state());
      const retry =
        context !== null &&
        OPENS_INPUT.has(lookup(context, input, key, state().project.keymap)?.action.type ?? 'back');
      const typing =
        at !== undefined && at - this.#refusedAt < TYPING_PAUSE_MS && isText(whole) && !retry;
      if (typing) {
        this.#refusedAt = at;
        return;
      }
      this.#refusedAt = null;
    }
    if (input.startsWith(PASTED)) {
      // Pasted text is text where text is typed, and nothing anywhere else: a line of a paste
      // taken for keys tags, clears and marks articles done.
      const context = keyContext(state());
      if (behindTooSmall(state())) return;
      if (context !== null && TEXT_ENTRY.has(context)) {
        yield { type: 'text/type', input: input.slice(PASTED.length), key: NO_KEY, pasted: true };
      } else if (context !== null) yield { type: 'paste/refused' };
      return;
    }
    const kept = state().cancelledEdit;
    const escaped = escapeFirst(state(), input, key);
    const presses = escaped
      ? [ESCAPE, ...splitKeys(input, { ...key, meta: false })]
      : splitKeys(input, key);
    yield* this.#pressed(state, presses, at, hold);
    // The keys joined to the Escape took the status line that said the edit can come back.
    if (escaped && state().cancelledEdit !== kept && state().cancelledEdit !== null) {
      yield { type: 'edit/cancelled-again' };
    }
  }

  *#pressed(
    state: () => ReviewState,
    presses: Press[],
    at: number | undefined,
    hold: Hold | undefined,
  ): Generator<Action> {
    for (let index = 0; index < presses.length; index += 1) {
      const press = presses[index]!;
      const run = typedRun(state(), presses, index);
      if (run > 1) {
        // A paste into an input is one edit, not one per character: a 10,000-character paste
        // typed key by key copied the whole line at each key and froze the screen for a minute.
        const text = presses.slice(index, index + run).map((p) => p.input);
        yield { type: 'text/type', input: text.join(''), key: NO_KEY };
        index += run - 1;
        continue;
      }
      const action = interpret(state(), press);
      if (!action) {
        const refused = readerOnly(state(), press);
        if (refused === null) continue;
        yield refused.action;
        // `n` or `a` on the list: what was typed after it was meant as a note, never as commands
        // (its `d` marked the article done, its Space and Enter opened another).
        if (refused.opensInput) {
          if (at !== undefined) this.#refusedAt = at;
          return;
        }
        continue;
      }
      if (hold?.when(state(), action)) {
        hold.rest.push(...presses.slice(index));
        return;
      }
      yield action;
      // A refused `n` or `a`: what was typed after it was meant as text, never as commands.
      if (OPENS_INPUT.has(action.type as KeyAction['type'])) {
        const now = keyContext(state());
        if (now === null || !TEXT_ENTRY.has(now)) {
          if (at !== undefined) this.#refusedAt = at;
          return;
        }
      }
    }
  }
}

/** A chunk of keys applied to a state through a fresh interpreter: tests and the benchmark. */
export function applyKeys(
  state: ReviewState,
  input: string,
  key: KeyState,
  interpreter = new KeyInterpreter(),
  at?: number,
): ReviewState {
  let next = state;
  for (const action of interpreter.actions(() => next, input, key, at)) next = reduce(next, action);
  return next;
}
