/**
 * Keys as the terminal delivers them, one press at a time. Ink hands over what it read as one
 * input and a `Key` record; this module turns that into presses the keymap can resolve.
 */

/** The part of Ink's `Key` the keymap reads; Ink's own object fits it. */
export interface KeyState {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageDown: boolean;
  pageUp: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  shift: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  meta: boolean;
}

/** One key press: a typed character, or a named key with its modifiers. */
export interface Press {
  input: string;
  key: KeyState;
}

export const NO_KEY: KeyState = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
};

const CONTROL_KEYS: Record<string, Partial<KeyState>> = {
  '\r': { return: true },
  // Typed before the terminal was switched to raw mode, Enter reaches us translated to "\n".
  '\n': { return: true },
  '\t': { tab: true },
  '\x1b': { escape: true, meta: true },
  '\x7f': { delete: true },
  '\b': { backspace: true },
};

/**
 * Opens an input that the terminal says was pasted (bracketed paste), not typed: a private-use
 * character no key produces. What follows it is text, never keys (see `keyboardStdin`).
 */
export const PASTED = '\uE000';

/**
 * Ink hands over a chunk of typed text as one input ("jjj" when keys arrive together): split it
 * into one key press per character so that none is lost. Named keys arrive alone. A Ctrl+letter
 * among others arrives as its control character ("\x12\x12" for Ctrl+R twice), which Ink names
 * only when it comes alone: it is read here as Ink reads one.
 */
export function splitKeys(input: string, key: KeyState): Press[] {
  // Enter typed before margin took the keyboard, read alone: Ink names "\n" "enter", not Return,
  // and the first key of a session was lost (the note typed after `Enter 1 n` then acted as
  // commands on the list: `d` marked the first article done).
  if (input === '\n' && !key.ctrl && !key.meta) {
    return [{ input: '', key: { ...NO_KEY, ...CONTROL_KEYS['\n'] } }];
  }
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta) return [{ input, key }];
  return chars.map((c) => {
    const special = CONTROL_KEYS[c];
    if (special) return { input: '', key: { ...NO_KEY, ...special } };
    const code = c.charCodeAt(0);
    if (code >= 1 && code <= 26) {
      return { input: String.fromCharCode(code + 96), key: { ...NO_KEY, ctrl: true } };
    }
    return { input: c, key: { ...NO_KEY, shift: c !== c.toLowerCase() } };
  });
}

/** The Escape key as Ink reports it. */
export const ESCAPE: Press = { input: '', key: { ...NO_KEY, escape: true, meta: true } };

/**
 * Whether Ink may have joined an Escape to this key: it reads an Escape followed by a key in the
 * same read ("\x1bj": pressed in quick succession, or the Escape ending one read and the key
 * starting the next, which Ink joins) as that key with Alt. Arrows and page keys are left out: a
 * terminal sends some of them with Alt as one sequence of their own.
 */
export function escapeJoined(key: KeyState): boolean {
  if (!key.meta || key.escape) return false;
  return !(
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageUp ||
    key.pageDown ||
    key.home ||
    key.end
  );
}
