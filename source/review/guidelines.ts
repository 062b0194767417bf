import type { KeyAction } from './actions.js';
import type { Keymap, KeymapEntry } from './keymap.js';
import type { ReviewState } from './state.js';
import { info } from './updates.js';
import { guidelinesLines } from './view/guidelines.js';
import { paneLayout } from './view/layout.js';

const BROWSE = ['list', 'reader', 'results'] as const;

/** The keys of the guidelines, added to the keymap only when the project has guidelines. */
export const GUIDELINES_ROWS: readonly KeymapEntry[] = [
  {
    action: { type: 'guidelines/toggle' },
    keys: [{ label: 'i', input: 'i' }],
    description: "show or hide the project's guidelines",
    group: 'General',
    contexts: [...BROWSE, 'guidelines'],
    hint: 'i guidelines',
  },
  {
    action: { type: 'guidelines/scroll', delta: 1 },
    keys: [
      { label: 'j', input: 'j' },
      { label: '↓', key: 'downArrow' },
    ],
    description: 'scroll the guidelines down',
    group: 'General',
    contexts: ['guidelines'],
    hint: 'j/k scroll',
  },
  {
    action: { type: 'guidelines/scroll', delta: -1 },
    keys: [
      { label: 'k', input: 'k' },
      { label: '↑', key: 'upArrow' },
    ],
    description: 'scroll the guidelines up',
    group: 'General',
    contexts: ['guidelines'],
  },
  {
    action: { type: 'guidelines/scroll', delta: 10 },
    keys: [
      { label: 'Space', input: ' ' },
      { label: 'PgDn', key: 'pageDown' },
    ],
    description: 'a page of the guidelines down',
    group: 'General',
    contexts: ['guidelines'],
  },
  {
    action: { type: 'guidelines/scroll', delta: -10 },
    keys: [
      { label: 'b', input: 'b' },
      { label: 'PgUp', key: 'pageUp' },
    ],
    description: 'a page of the guidelines up',
    group: 'General',
    contexts: ['guidelines'],
  },
  {
    action: { type: 'back' },
    keys: [{ label: 'Esc', key: 'escape' }],
    description: 'close the guidelines',
    group: 'General',
    contexts: ['guidelines'],
    hint: 'Esc close',
  },
];

/**
 * The keymap with the guidelines' rows before the help's, so `?` stays last in the hints; `q`
 * quits from the guidelines as it does from the help.
 */
export function withGuidelines(keymap: Keymap): Keymap {
  const rows = keymap.map((entry) =>
    entry.action.type === 'app/quit' && entry.contexts.includes('help')
      ? { ...entry, contexts: [...entry.contexts, 'guidelines' as const] }
      : entry,
  );
  const at = rows.findIndex((entry) => entry.action.type === 'help/toggle');
  const index = at < 0 ? rows.length : at;
  return [...rows.slice(0, index), ...GUIDELINES_ROWS, ...rows.slice(index)];
}

/** Lines of the guidelines' window: the body under a one-line title. */
export function guidelinesHeight(state: ReviewState): number {
  return Math.max(1, paneLayout(state.size).bodyHeight - 1);
}

export function guidelinesAction(
  state: ReviewState,
  action: Extract<KeyAction, { type: 'guidelines/toggle' | 'guidelines/scroll' }>,
): ReviewState {
  const guidelines = state.project.guidelines;
  if (!guidelines) return { ...state, message: info('this project has no guidelines') };
  if (action.type === 'guidelines/toggle') {
    return {
      ...state,
      mode: state.mode.kind === 'guidelines' ? { kind: 'browse' } : { kind: 'guidelines', top: 0 },
    };
  }
  if (state.mode.kind !== 'guidelines') return state;
  const lines = guidelinesLines(guidelines.text, state.size.columns).length;
  const max = Math.max(0, lines - guidelinesHeight(state));
  const top = Math.min(Math.max(0, state.mode.top + action.delta), max);
  return { ...state, mode: { kind: 'guidelines', top } };
}
