/** A control sequence as Ink 6.8's input parser cuts it from a chunk (CSI or SS3, Alt-prefixed). */
const SEQUENCE = /\x1b{1,2}(?:\[\[?[\x20-\x3f]*[\x40-\x7e]|O[\x40-\x7e])/g;
/** How Ink's key parser reads a function key and its modifier (its own expression). */
const FUNCTION_KEY = /^\x1b+(?:O|N|\[|\[\[)(?:\d+(?:;(\d+))?[~^$]|(?:1;)?(\d+)?[a-zA-Z])/;
const CTRL_BIT = 4;

/** The chunk without the function keys pressed with Ctrl; other bytes pass untouched. */
export function withoutCtrlFunctionKeys(chunk: string): string {
  if (!chunk.includes('\x1b')) return chunk;
  return chunk.replace(SEQUENCE, (sequence) => {
    const parts = FUNCTION_KEY.exec(sequence);
    if (!parts) return sequence;
    const modifier = Number(parts[1] ?? parts[2] ?? 1) - 1;
    return modifier & CTRL_BIT ? '' : sequence;
  });
}

/**
 * The terminal's input as Ink reads it, minus function keys pressed with Ctrl. Ink 6.8 hands on
 * such a key as `input = keypress.name`, and for one its table has no name for (Ctrl+F1 in xterm,
 * `ESC[1;5P`; a pasted colour code, `ESC[31m`) that is undefined and its `useInput` throws: the
 * review died with a stack trace, leaving the terminal in raw mode. No key of margin's is a
 * Ctrl+function key, so dropping them loses nothing. A sequence split across two reads gets past
 * this (a terminal writes a key's bytes at once, so the pseudo-terminal delivers them together).
 */
export function keyboardStdin(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
  return new Proxy(stdin, {
    get(target, property) {
      if (property === 'read') {
        return (size?: number) => {
          const chunk: unknown = target.read(size);
          return typeof chunk === 'string' ? withoutCtrlFunctionKeys(chunk) : chunk;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
