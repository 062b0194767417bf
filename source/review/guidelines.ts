import type { KeyAction } from './actions.js';
import type { Keymap, KeymapEntry } from './keymap.js';
import { scrolledTop, scrollRows } from './scroll.js';
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
  ...scrollRows(
    'guidelines',
    'the guidelines',
    (step) => ({ type: 'guidelines/scroll', step }),
    'j/k scroll',
  ),
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
  const top = scrolledTop(state.mode.top, action.step, guidelinesHeight(state), max);
  return { ...state, mode: { kind: 'guidelines', top } };
}
