import { closest } from '../search/closest.js';
import { DEFAULT_LABELS, type LabelSet } from '../store/labels.js';
import type { KeyAction } from './actions.js';
import {
  KEYMAP,
  type KeyBinding,
  type KeyContext,
  type Keymap,
  type KeymapEntry,
  keysLabel,
  rehint,
  sameKey,
} from './keymap.js';

/** What a project (`margin.json`) changes in the review: labels, keys, guidelines. */
export interface ReviewProject {
  labels: LabelSet;
  keymap: Keymap;
  /** The guidelines as text (Markdown source, shown as it is), or null when there are none. */
  guidelines: { name: string; text: string } | null;
}

/** No project file: margin's own labels and keys. */
export const DEFAULT_PROJECT: ReviewProject = {
  labels: DEFAULT_LABELS,
  keymap: KEYMAP,
  guidelines: null,
};

/**
 * The reader's badge columns: one per label, and for a codebook one more where a label it no
 * longer declares shows as `?` (margin's own three keep their layout: `?` takes the note's place).
 */
export function badgeColumns(labels: LabelSet): number {
  return labels === DEFAULT_LABELS ? DEFAULT_LABELS.length : labels.length + 1;
}

/** A key override as written in the project file: action name → the keys that do it. */
export type KeyOverrides = Readonly<Record<string, readonly string[]>>;

/** A mistake in the label keys or key overrides, where in the project file it is. */
export interface KeymapProblem {
  /** `labels[3].key`, `keys.undo`. */
  path: string;
  message: string;
}

/**
 * Actions whose keys a project may change, by name. Rows with a parameter are left out: a
 * label's key is set on the label, 1–9 in the compare table are the columns' numbers, and the
 * arrows of a list move it.
 */
export function overridableActions(keymap: Keymap = KEYMAP): string[] {
  const names = new Set<string>();
  for (const entry of keymap) {
    if (overridable(entry) && entry.keys.some((key) => key.input !== undefined)) {
      names.add(entry.action.type);
    }
  }
  return [...names];
}

/** Contexts where typed keys are text: an override there would eat letters of a note. */
const TYPING: ReadonlySet<KeyContext> = new Set(['search', 'note', 'attributes']);

function overridable(entry: KeymapEntry): boolean {
  return (
    Object.keys(entry.action).length === 1 && !entry.contexts.some((context) => TYPING.has(context))
  );
}

/** `x`, `X`, `Ctrl+X`, `Space` → a binding, or null when that is not a key a person can press. */
export function parseKey(spec: string): KeyBinding | null {
  if (spec === 'Space' || spec === ' ') return { label: 'Space', input: ' ' };
  const control = /^Ctrl\+(.)$/i.exec(spec);
  if (control) {
    const letter = control[1]!.toLowerCase();
    return /[a-z]/.test(letter)
      ? { label: `Ctrl+${letter.toUpperCase()}`, input: letter, ctrl: true }
      : null;
  }
  const characters = [...spec];
  // One printable character, typed as it is; control characters are not keys one types.
  if (characters.length !== 1 || /[\p{Cc}\p{Cf}\s]/u.test(spec)) return null;
  return { label: spec, input: spec };
}

const LABEL_HINT = 'tag';

function labelRows(labels: LabelSet, template: KeymapEntry): KeymapEntry[] {
  const keys = labels.map((label) => label.key).join('/');
  return labels.map(
    (label, index): KeymapEntry => ({
      action: { type: 'tag/toggle', label: label.name },
      keys: [parseKey(label.key) ?? { label: label.key, input: label.key }],
      description: `toggle ${label.name} on the sentence`,
      group: template.group,
      contexts: template.contexts,
      ...(index === 0 ? { hint: `${keys} ${LABEL_HINT}` } : {}),
    }),
  );
}

function actionName(action: KeyAction): string {
  return action.type === 'tag/toggle' ? `the label ${action.label}` : action.type;
}

/**
 * The project's keymap: KEYMAP with its label rows replaced by the project's labels, and the
 * typed keys of overridden actions replaced (named keys such as Enter, Esc and the arrows stay).
 * Help, hints and input all read the result, so it stays the one table. A key now given to two
 * actions where both apply is a problem naming both; clashes KEYMAP itself resolves by order
 * (`n` for the next result or the note) are not re-checked.
 */
export function buildKeymap(
  labels: LabelSet,
  overrides: KeyOverrides = {},
  base: Keymap = KEYMAP,
): { keymap: Keymap; problems: KeymapProblem[] } {
  const problems: KeymapProblem[] = [];
  const allowed = new Set(overridableActions(base));
  const bindings = new Map<string, KeyBinding[]>();
  for (const [name, keys] of Object.entries(overrides)) {
    if (!allowed.has(name)) {
      const guess = closest(name, allowed);
      problems.push({
        path: `keys.${name}`,
        message: guess
          ? `no such action (did you mean "${guess}"?)`
          : `no such action; one of ${[...allowed].join(', ')}`,
      });
      continue;
    }
    const parsed: KeyBinding[] = [];
    for (const spec of keys) {
      const binding = parseKey(spec);
      if (binding) parsed.push(binding);
      else
        problems.push({
          path: `keys.${name}`,
          message: `"${spec}" is not one key (x, X, Ctrl+X, Space)`,
        });
    }
    bindings.set(name, parsed);
  }
  for (const [index, label] of labels.entries()) {
    if (!parseKey(label.key)) {
      problems.push({ path: `labels[${index}].key`, message: `"${label.key}" is not one key` });
    }
  }
  const changed = new Set<KeymapEntry>();
  const keymap: KeymapEntry[] = [];
  let labelsPlaced = false;
  for (const entry of base) {
    if (entry.action.type === 'tag/toggle') {
      if (labelsPlaced) continue;
      labelsPlaced = true;
      for (const row of labelRows(labels, entry)) {
        keymap.push(row);
        changed.add(row);
      }
      continue;
    }
    const typed = bindings.get(entry.action.type);
    if (!typed || !overridable(entry)) {
      // margin's own attribute names are in the row's text; a codebook has its own.
      keymap.push(
        entry.action.type === 'attributes/edit' && labels !== DEFAULT_LABELS
          ? { ...entry, description: "edit the attributes of the sentence's labels" }
          : entry,
      );
      continue;
    }
    // Named keys stay (Enter, Esc, the arrows), and Ctrl combinations unless the override gives
    // its own: Ctrl+C quits whatever `q` became.
    const ownCtrl = typed.some((binding) => binding.ctrl);
    const named = entry.keys.filter(
      (binding) => binding.key !== undefined || (binding.ctrl && !ownCtrl),
    );
    const row: KeymapEntry = {
      ...entry,
      keys: [...typed, ...named],
      description: redescribe(entry.description, entry.keys, typed),
      ...(entry.hint ? { hint: rehint(entry.hint, entry.keys, typed) } : {}),
    };
    keymap.push(row);
    changed.add(row);
  }
  problems.push(...clashes(keymap, changed, labels));
  return { keymap, problems };
}

/**
 * A help row that names its own key ("L here, L there: the same statement") names the override
 * instead (qa53: the help said `L` with story/link on `Y`). A key is named as a word of its own
 * before a space, a colon or a comma.
 */
function redescribe(description: string, before: KeyBinding[], after: KeyBinding[]): string {
  const to = after.find((binding) => binding.input !== undefined)?.label;
  if (to === undefined) return description;
  let text = description;
  for (const binding of before) {
    if (binding.input === undefined || binding.ctrl || after.some((b) => sameKey(b, binding)))
      continue;
    const from = binding.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(`(^|[ (])${from}(?=[ :,])`, 'g'), `$1${to}`);
  }
  return text;
}

function clashes(keymap: Keymap, changed: Set<KeymapEntry>, labels: LabelSet): KeymapProblem[] {
  const problems: KeymapProblem[] = [];
  const reported = new Set<string>();
  const pathOf = (entry: KeymapEntry) => {
    if (entry.action.type !== 'tag/toggle') return `keys.${entry.action.type}`;
    const name = entry.action.label;
    return `labels[${labels.findIndex((label) => label.name === name)}].key`;
  };
  for (const [position, entry] of keymap.entries()) {
    if (!changed.has(entry)) continue;
    for (const binding of entry.keys) {
      for (const [other, against] of keymap.entries()) {
        if (other === position) continue;
        if (!against.contexts.some((context: KeyContext) => entry.contexts.includes(context)))
          continue;
        if (!against.keys.some((each) => sameKey(each, binding))) continue;
        if (against.action.type === entry.action.type && against.action.type !== 'tag/toggle')
          continue;
        const pair = [actionName(entry.action), actionName(against.action)].sort().join('|');
        if (reported.has(`${binding.label}|${pair}`)) continue;
        reported.add(`${binding.label}|${pair}`);
        // Reported where the later of the two is written, naming the other.
        const [first, second] =
          changed.has(against) && other > position ? [entry, against] : [against, entry];
        problems.push({
          path: pathOf(second),
          message: `"${binding.label}" is already the key of ${actionName(first.action)}`,
        });
      }
    }
  }
  return problems;
}

/** The hint line's label keys, for messages: "1 claim, 2 quote, 3 event". */
export function labelKeysText(project: ReviewProject): string {
  return project.keymap
    .filter((entry) => entry.action.type === 'tag/toggle')
    .map((entry) => `${keysLabel(entry)} ${(entry.action as { label: string }).label}`)
    .join(', ');
}
