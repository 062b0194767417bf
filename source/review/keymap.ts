import type { KeyAction } from './actions.js';
import type { KeyState } from './keys.js';
import { scrollRows } from './scroll.js';

/** Where the keyboard is: which rows of the table apply. */
export type KeyContext =
  | 'list'
  | 'reader'
  /** The reader while the results of an accepted search can be stepped through. */
  | 'results'
  | 'help'
  | 'search'
  | 'note'
  | 'attributes'
  /** The compare table (--compare). */
  | 'compare'
  /** The project's guidelines (`margin.json` `guidelines`). */
  | 'guidelines'
  /** The panel of a sentence's counterparts in other outlets. */
  | 'story'
  /** Every problem met reading the corpus and the store, in full (`!`). */
  | 'problems';

export type KeyGroup =
  | 'Move'
  | 'Articles'
  | 'Tag'
  | 'Review'
  | 'Suggest'
  | 'Search'
  | 'Edit'
  | 'Compare'
  | 'Story'
  | 'General';

export type KeyName =
  | 'upArrow'
  | 'downArrow'
  | 'leftArrow'
  | 'rightArrow'
  | 'pageDown'
  | 'pageUp'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab';

/** One physical key: a typed character, or a named key with modifiers. */
export interface KeyBinding {
  label: string;
  input?: string;
  key?: KeyName;
  ctrl?: boolean;
  shift?: boolean;
}

export interface KeymapEntry {
  action: KeyAction;
  keys: KeyBinding[];
  description: string;
  group: KeyGroup;
  contexts: KeyContext[];
  /** Short text for the status bar; entries without one only show in the help. */
  hint?: string;
}

const char = (input: string, label = input): KeyBinding => ({ label, input });
const named = (key: KeyName, label: string, shift?: boolean): KeyBinding =>
  shift === undefined ? { label, key } : { label, key, shift };
const ctrl = (input: string): KeyBinding => ({
  label: `Ctrl+${input.toUpperCase()}`,
  input,
  ctrl: true,
});

const BROWSE: KeyContext[] = ['list', 'reader', 'results'];
const READER: KeyContext[] = ['reader', 'results'];
const TEXT: KeyContext[] = ['note', 'attributes'];

/** A keymap: `KEYMAP`, or the project's (`project.ts`: its labels' keys and key overrides). */
export type Keymap = readonly KeymapEntry[];

/**
 * The one keymap: input handling, the `?` help and the status-bar hints all come from here.
 * Order matters: the first row whose context and key match wins (so `n` steps through search
 * results while they are active, and edits the note otherwise).
 */
export const KEYMAP: Keymap = [
  {
    action: { type: 'cursor/next' },
    keys: [char('j'), named('downArrow', '↓')],
    description: 'next sentence (list: next article)',
    group: 'Move',
    contexts: BROWSE,
    hint: 'j/k move',
  },
  {
    action: { type: 'cursor/prev' },
    keys: [char('k'), named('upArrow', '↑')],
    description: 'previous sentence (list: previous article)',
    group: 'Move',
    contexts: BROWSE,
  },
  {
    action: { type: 'cursor/page-down' },
    keys: [char(' ', 'Space'), named('pageDown', 'PgDn')],
    description: 'a page down (a long sentence page by page)',
    group: 'Move',
    contexts: BROWSE,
  },
  {
    action: { type: 'cursor/page-up' },
    keys: [char('b'), named('pageUp', 'PgUp')],
    description: 'a page up (a long sentence page by page)',
    group: 'Move',
    contexts: BROWSE,
  },
  {
    action: { type: 'cursor/first' },
    keys: [char('g'), named('home', 'Home')],
    description: 'first sentence (list: first article)',
    group: 'Move',
    contexts: BROWSE,
  },
  {
    action: { type: 'cursor/last' },
    keys: [char('G'), named('end', 'End')],
    description: 'last sentence (list: last article)',
    group: 'Move',
    contexts: BROWSE,
  },
  {
    action: { type: 'cursor/next-untagged' },
    keys: [named('return', 'Enter')],
    description: 'jump to the next untagged sentence',
    group: 'Move',
    contexts: READER,
    hint: 'Enter next untagged',
  },
  {
    action: { type: 'article/open' },
    keys: [named('return', 'Enter')],
    description: 'open the article under the cursor',
    group: 'Articles',
    contexts: ['list'],
    hint: 'Enter open',
  },
  {
    action: { type: 'article/next' },
    keys: [char('J')],
    description: 'next article',
    group: 'Articles',
    contexts: BROWSE,
  },
  {
    action: { type: 'article/prev' },
    keys: [char('K')],
    description: 'previous article',
    group: 'Articles',
    contexts: BROWSE,
  },
  {
    action: { type: 'pane/toggle' },
    keys: [named('tab', 'Tab')],
    description: 'switch between the list and the reader',
    group: 'Articles',
    contexts: BROWSE,
  },
  {
    action: { type: 'back' },
    keys: [named('escape', 'Esc')],
    description: 'back: to the list, from results or a jump',
    group: 'Articles',
    contexts: READER,
  },
  {
    action: { type: 'tag/toggle', label: 'claim' },
    keys: [char('1')],
    description: 'toggle claim on the sentence',
    group: 'Tag',
    contexts: READER,
    hint: '1/2/3 tag',
  },
  {
    action: { type: 'tag/toggle', label: 'quote' },
    keys: [char('2')],
    description: 'toggle quote on the sentence',
    group: 'Tag',
    contexts: READER,
  },
  {
    action: { type: 'tag/toggle', label: 'event' },
    keys: [char('3')],
    description: 'toggle event on the sentence',
    group: 'Tag',
    contexts: READER,
  },
  {
    action: { type: 'tag/clear' },
    keys: [char('x')],
    description: 'remove every label from the sentence',
    group: 'Tag',
    contexts: READER,
    hint: 'x clear',
  },
  {
    action: { type: 'search/next' },
    keys: [char('n')],
    description: 'next search result (after a search)',
    group: 'Search',
    contexts: ['results'],
    hint: 'n/N result',
  },
  {
    action: { type: 'search/prev' },
    keys: [char('N')],
    description: 'previous search result (after a search)',
    group: 'Search',
    contexts: ['results'],
  },
  {
    action: { type: 'search/back' },
    keys: [ctrl('o')],
    description: 'to where the search began, and back',
    group: 'Search',
    contexts: BROWSE,
  },
  {
    action: { type: 'note/edit' },
    keys: [char('n'), char('m')],
    description: 'edit the note (m: also in search results)',
    group: 'Tag',
    contexts: READER,
    hint: 'n note',
  },
  {
    action: { type: 'attributes/edit' },
    keys: [char('a')],
    description: 'edit speaker, claimant, when and where',
    group: 'Tag',
    contexts: READER,
    hint: 'a attributes',
  },
  {
    action: { type: 'status/toggle-done' },
    keys: [char('d')],
    description: 'mark done (again: back to in progress)',
    group: 'Review',
    contexts: BROWSE,
    hint: 'd done',
  },
  {
    action: { type: 'undo' },
    keys: [char('u')],
    description: 'undo the last change',
    group: 'Review',
    // In the story panel too: a copy across says "(u undoes)" there, and `u` did nothing. In
    // the compare table: an accept taken back where it was made (qa56 #7).
    contexts: [...BROWSE, 'story', 'compare'],
    hint: 'u undo',
  },
  {
    action: { type: 'redo' },
    keys: [ctrl('r')],
    description: 'redo',
    group: 'Review',
    contexts: [...BROWSE, 'story', 'compare'],
  },
  {
    action: { type: 'suggestion/accept' },
    keys: [char('y')],
    description: 'accept the suggested labels and speaker',
    group: 'Suggest',
    contexts: READER,
    hint: 'y accept',
  },
  {
    action: { type: 'suggestion/reject' },
    keys: [char('r')],
    description: 'reject the suggestions',
    group: 'Suggest',
    contexts: READER,
    hint: 'r reject',
  },
  {
    action: { type: 'suggestion/next-uncertain' },
    keys: [char('w')],
    description: 'jump to the least certain suggestion',
    group: 'Suggest',
    contexts: READER,
    hint: 'w unsure',
  },
  {
    action: { type: 'search/open' },
    keys: [char('/')],
    description: 'search the corpus',
    group: 'Search',
    contexts: BROWSE,
    hint: '/ search',
  },
  {
    action: { type: 'search/move', delta: 1 },
    keys: [named('downArrow', '↓')],
    description: 'next result',
    group: 'Search',
    contexts: ['search'],
    hint: '↑/↓ choose',
  },
  {
    action: { type: 'search/move', delta: -1 },
    keys: [named('upArrow', '↑')],
    description: 'previous result',
    group: 'Search',
    contexts: ['search'],
  },
  {
    action: { type: 'search/page', delta: 1 },
    keys: [named('pageDown', 'PgDn')],
    description: 'a page of results down, on past the 50th',
    group: 'Search',
    contexts: ['search'],
  },
  {
    action: { type: 'search/page', delta: -1 },
    keys: [named('pageUp', 'PgUp')],
    description: 'a page of results up',
    group: 'Search',
    contexts: ['search'],
  },
  {
    action: { type: 'search/accept' },
    keys: [named('return', 'Enter')],
    description: 'open the article at that sentence',
    group: 'Search',
    contexts: ['search'],
    hint: 'Enter open',
  },
  {
    action: { type: 'search/cancel' },
    keys: [named('escape', 'Esc')],
    description: 'close the search, back to where you were',
    group: 'Search',
    contexts: ['search'],
    hint: 'Esc cancel',
  },
  {
    action: { type: 'edit/save' },
    keys: [named('return', 'Enter')],
    description: 'save the note or the attributes',
    group: 'Edit',
    contexts: TEXT,
    hint: 'Enter save',
  },
  {
    action: { type: 'field/next' },
    keys: [named('tab', 'Tab', false), named('downArrow', '↓')],
    description: 'next attribute field',
    group: 'Edit',
    contexts: ['attributes'],
    hint: 'Tab field',
  },
  {
    action: { type: 'field/prev' },
    keys: [named('tab', 'Shift+Tab', true), named('upArrow', '↑')],
    description: 'previous attribute field',
    group: 'Edit',
    contexts: ['attributes'],
  },
  {
    action: { type: 'back' },
    keys: [named('escape', 'Esc')],
    description: 'cancel the edit',
    group: 'Edit',
    contexts: TEXT,
    hint: 'Esc cancel',
  },
  {
    action: { type: 'compare/open' },
    keys: [char('c')],
    description: 'compare annotators (with --compare)',
    group: 'Compare',
    contexts: READER,
  },
  {
    action: { type: 'compare/move', delta: 1 },
    keys: [char('j'), named('downArrow', '↓')],
    description: 'next sentence of the table',
    group: 'Compare',
    contexts: ['compare'],
    hint: 'j/k move',
  },
  {
    action: { type: 'compare/move', delta: -1 },
    keys: [char('k'), named('upArrow', '↑')],
    description: 'previous sentence of the table',
    group: 'Compare',
    contexts: ['compare'],
  },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(
    (n): KeymapEntry => ({
      action: { type: 'compare/accept', index: n - 1 },
      keys: [char(String(n))],
      description: "accept that annotator's version as gold",
      group: 'Compare',
      contexts: ['compare'],
      ...(n === 1 ? { hint: '1-9 accept' } : {}),
    }),
  ),
  {
    action: { type: 'compare/annotators', delta: 1 },
    keys: [named('rightArrow', '→')],
    description: 'the next annotators, when more than fit',
    group: 'Compare',
    contexts: ['compare'],
  },
  {
    action: { type: 'compare/annotators', delta: -1 },
    keys: [named('leftArrow', '←')],
    description: 'the annotators before',
    group: 'Compare',
    contexts: ['compare'],
  },
  {
    action: { type: 'compare/go' },
    keys: [named('return', 'Enter')],
    description: 'read the sentence in the article',
    group: 'Compare',
    contexts: ['compare'],
    hint: 'Enter read',
  },
  {
    action: { type: 'back' },
    keys: [named('escape', 'Esc')],
    description: 'close the table',
    group: 'Compare',
    contexts: ['compare'],
    hint: 'Esc close',
  },
  {
    action: { type: 'story/open' },
    keys: [char('o')],
    description: 'the same statement in other outlets',
    group: 'Story',
    contexts: READER,
  },
  {
    action: { type: 'story/link' },
    keys: [char('L')],
    description: 'L here, L there: the same statement',
    group: 'Story',
    contexts: READER,
  },
  {
    action: { type: 'story/move', delta: 1 },
    keys: [char('j'), named('downArrow', '↓')],
    description: 'next outlet',
    group: 'Story',
    contexts: ['story'],
    hint: 'j/k move',
  },
  {
    action: { type: 'story/move', delta: -1 },
    keys: [char('k'), named('upArrow', '↑')],
    description: 'previous outlet',
    group: 'Story',
    contexts: ['story'],
  },
  {
    action: { type: 'story/go' },
    keys: [named('return', 'Enter')],
    description: 'read it there (Esc in the reader: back)',
    group: 'Story',
    contexts: ['story'],
    hint: 'Enter go',
  },
  {
    action: { type: 'story/copy' },
    keys: [char('c')],
    description: 'copy your labels and attributes to it',
    group: 'Story',
    contexts: ['story'],
    hint: 'c copy tags',
  },
  {
    action: { type: 'story/unlink' },
    keys: [char('x')],
    description: 'not the same statement: unlink',
    group: 'Story',
    contexts: ['story'],
    hint: 'x unlink',
  },
  {
    action: { type: 'back' },
    keys: [named('escape', 'Esc')],
    description: 'close the panel',
    group: 'Story',
    contexts: ['story'],
    hint: 'Esc close',
  },
  {
    action: { type: 'help/toggle' },
    keys: [char('?')],
    description: 'show or hide this help',
    group: 'General',
    // In a panel too: the help lists its keys, and `?` or Esc goes back to it.
    contexts: [...BROWSE, 'help', 'story', 'compare'],
    hint: '? help',
  },
  ...scrollRows('help', 'the help', (step) => ({ type: 'help/scroll', step })),
  {
    action: { type: 'back' },
    keys: [named('escape', 'Esc')],
    description: 'close the help',
    group: 'General',
    contexts: ['help'],
    hint: 'Esc close',
  },
  {
    action: { type: 'problems/toggle' },
    keys: [char('!')],
    description: 'every problem met, in full',
    group: 'General',
    contexts: [...BROWSE, 'problems'],
  },
  ...scrollRows(
    'problems',
    'the problems',
    (step) => ({ type: 'problems/scroll', step }),
    'j/k scroll',
  ),
  {
    action: { type: 'back' },
    keys: [named('escape', 'Esc')],
    description: 'close the problems',
    group: 'General',
    contexts: ['problems'],
    hint: 'Esc close',
  },
  {
    action: { type: 'app/quit' },
    keys: [char('q'), ctrl('c')],
    description: 'quit (once everything is saved)',
    group: 'General',
    contexts: [...BROWSE, 'help', 'compare', 'story', 'problems'],
    hint: 'q quit',
  },
  {
    action: { type: 'app/quit' },
    keys: [ctrl('c')],
    description: 'quit from an input; twice: without waiting',
    group: 'General',
    contexts: ['search', ...TEXT],
  },
];

export const GROUP_ORDER: readonly KeyGroup[] = [
  'Move',
  'Articles',
  'Tag',
  'Review',
  'Suggest',
  'Search',
  'Edit',
  'Compare',
  'Story',
  'General',
];

function matches(binding: KeyBinding, input: string, key: KeyState): boolean {
  if (binding.key) {
    if (!key[binding.key]) return false;
    return binding.shift === undefined || binding.shift === key.shift;
  }
  if (Boolean(binding.ctrl) !== key.ctrl) return false;
  return input === binding.input;
}

/** The entry a key press resolves to in a context, or undefined when the key does nothing there. */
export function lookup(
  context: KeyContext,
  input: string,
  key: KeyState,
  keymap: Keymap = KEYMAP,
): KeymapEntry | undefined {
  return keymap.find(
    (entry) =>
      entry.contexts.includes(context) &&
      entry.keys.some((binding) => matches(binding, input, key)),
  );
}

/** How the key of `entry` that this press matched reads ("q", "Space"): what a message names. */
export function pressedLabel(entry: KeymapEntry, input: string, key: KeyState): string {
  return entry.keys.find((binding) => matches(binding, input, key))?.label ?? input;
}

/** How the keys of an entry read in the help: "j ↓". */
export function keysLabel(entry: KeymapEntry): string {
  return entry.keys.map((binding) => binding.label).join(' ');
}

/**
 * Status-bar hints for a context, in table order. The suggestion keys are hinted apart, on the
 * line that shows a sentence's suggestion (`suggestionHints`), and only while there is one.
 * A hint names only the keys that reach its action here: among search results `n` steps to the
 * next one, so the note's hint reads "m note" there ("n note" beside "n/N result" said two
 * things of one key, and a reviewer's note typed after `n` ran as keys).
 */
export function hintsFor(context: KeyContext, keymap: Keymap = KEYMAP, group?: KeyGroup): string[] {
  const seen = new Set<string>();
  const hints: string[] = [];
  for (const entry of keymap) {
    if (group ? entry.group !== group : entry.group === 'Suggest') continue;
    const hint = hintIn(context, entry, keymap);
    if (hint === null || seen.has(hint)) continue;
    seen.add(hint);
    hints.push(hint);
  }
  return hints;
}

/** An entry's hint in a context, naming the keys that reach it there; null for none. */
export function hintIn(context: KeyContext, entry: KeymapEntry, keymap: Keymap): string | null {
  if (!entry.hint) return null;
  const live = liveKeys(context, entry, keymap);
  if (live.length === 0) return null;
  const shadowed = entry.keys.filter((binding) => !live.includes(binding));
  return shadowed.length === 0 ? entry.hint : rehint(entry.hint, shadowed, live);
}

/** The keys of `entry` that reach it in `context` (none when it is not for that context). */
export function liveKeys(context: KeyContext, entry: KeymapEntry, keymap: Keymap): KeyBinding[] {
  if (!entry.contexts.includes(context)) return [];
  return entry.keys.filter((binding) => firstWith(keymap, context, binding) === entry);
}

/**
 * The typed keys that do `type` in `context` as they read ("i", "Ctrl+G"): what a pager's title
 * names as its closing key, which a project may have given another key (qa51: the guidelines'
 * title said `i` closes them after `"guidelines/toggle": "I"` gave `i` to a label).
 */
export function typedKeysIn(
  context: KeyContext,
  type: KeyAction['type'],
  keymap: Keymap,
): string[] {
  const labels: string[] = [];
  for (const entry of keymap) {
    if (entry.action.type !== type) continue;
    for (const binding of liveKeys(context, entry, keymap)) {
      if (binding.input !== undefined && !labels.includes(binding.label))
        labels.push(binding.label);
    }
  }
  return labels;
}

/** The entry a key reaches in a context: the first in table order that has it. */
function firstWith(keymap: Keymap, context: KeyContext, binding: KeyBinding) {
  return keymap.find(
    (entry) => entry.contexts.includes(context) && entry.keys.some((b) => sameKey(b, binding)),
  );
}

/** "j/k move" with `j` now `h` reads "h/k move": the hint names the keys it is for. */
export function rehint(hint: string, before: KeyBinding[], after: KeyBinding[]): string {
  const space = hint.indexOf(' ');
  if (space < 0) return hint;
  const old = new Set(before.filter((b) => b.input !== undefined).map((b) => b.label));
  const typed = after.map((b) => b.label).join('/');
  const parts = hint.slice(0, space).split('/');
  let replaced = false;
  const next = parts.flatMap((part) => {
    if (!old.has(part)) return [part];
    if (replaced) return [];
    replaced = true;
    return [typed];
  });
  return replaced ? `${next.join('/')}${hint.slice(space)}` : hint;
}

export function sameKey(a: KeyBinding, b: KeyBinding): boolean {
  if (a.key || b.key) return a.key === b.key && a.shift === b.shift;
  return a.input === b.input && Boolean(a.ctrl) === Boolean(b.ctrl);
}

/** The help screen's content: each group with its rows, for the contexts a person browses in. */
export function helpGroups(keymap: Keymap = KEYMAP): Array<{
  group: KeyGroup;
  rows: Array<{ keys: string; description: string }>;
}> {
  return GROUP_ORDER.map((group) => {
    const rows: Array<{ keys: string; description: string }> = [];
    for (const entry of keymap) {
      if (entry.group !== group) continue;
      const keys = keysLabel(entry);
      // Rows that say the same thing (1 … 9 in the compare table) read as one row of keys.
      const same = rows.find((row) => row.description === entry.description);
      if (same) {
        if (!same.keys.split(' ').includes(keys)) same.keys = `${same.keys} ${keys}`;
        continue;
      }
      rows.push({ keys, description: entry.description });
    }
    return { group, rows };
  }).filter((group) => group.rows.length > 0);
}
