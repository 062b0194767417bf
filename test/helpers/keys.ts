import type { KeyAction } from '../../source/review/actions.js';
import { applyKeys, type KeyInterpreter } from '../../source/review/interpret.js';
import { KEYMAP, type KeyBinding, type KeyContext } from '../../source/review/keymap.js';
import { NO_KEY, type Press } from '../../source/review/keys.js';
import type { ReviewState } from '../../source/review/state.js';

/** A key press made from its binding, as Ink would report it. */
export function pressOf(binding: KeyBinding): Press {
  if (binding.key) {
    return { input: '', key: { ...NO_KEY, [binding.key]: true, shift: binding.shift ?? false } };
  }
  const input = binding.input ?? '';
  return {
    input,
    key: { ...NO_KEY, ctrl: binding.ctrl ?? false, shift: input !== input.toLowerCase() },
  };
}

/** Typed text (one chunk, as a terminal delivers keys typed together) applied to a state. */
export function typed(
  state: ReviewState,
  input: string,
  interpreter?: KeyInterpreter,
  at?: number,
): ReviewState {
  return applyKeys(state, input, pressOf({ label: input, input }).key, interpreter, at);
}

/** A named key (Enter, Esc, an arrow) applied to a state. */
export function pressed(
  state: ReviewState,
  binding: KeyBinding,
  interpreter?: KeyInterpreter,
  at?: number,
): ReviewState {
  const press = pressOf(binding);
  return applyKeys(state, press.input, press.key, interpreter, at);
}

const TERMINAL: Record<string, string> = {
  return: '\r',
  escape: '\x1b',
  tab: '\t',
  downArrow: '\x1b[B',
  upArrow: '\x1b[A',
  pageDown: '\x1b[6~',
  pageUp: '\x1b[5~',
  home: '\x1b[H',
  end: '\x1b[F',
};

/**
 * What a terminal sends for the key the keymap gives an action, so tests name the action
 * (`keyOf('tag/toggle', 'quote')`) where the key is not the point: a project that binds other
 * keys does not break them.
 */
export function keyOf(
  type: KeyAction['type'],
  label?: string,
  context: KeyContext = 'reader',
): string {
  const entry = KEYMAP.find(
    (row) =>
      row.action.type === type &&
      row.contexts.includes(context) &&
      (label === undefined || ('label' in row.action && row.action.label === label)),
  );
  const binding = entry?.keys[0];
  if (!binding) throw new Error(`no key for ${type}${label ? ` ${label}` : ''} in ${context}`);
  if (binding.key) {
    const sequence = TERMINAL[binding.key];
    if (!sequence || binding.shift) throw new Error(`no terminal sequence for ${binding.label}`);
    return sequence;
  }
  const input = binding.input ?? '';
  return binding.ctrl ? String.fromCharCode(input.toUpperCase().charCodeAt(0) - 64) : input;
}
