import { PASTED } from '../review/keys.js';

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

/** The Escape key in the kitty keyboard protocol's form, which Ink 6.8 reads whatever the terminal. */
const ESCAPE_KEY = '\x1b[27;1u';
/** Kitty's modifier field: 1 + the modifiers' bits (alt 2, ctrl 4). */
const WITH_ALT = 3;
const WITH_CTRL_ALT = 7;

/** The kitty protocol's form of a key pressed with Alt (and Ctrl). */
function kittyKey(codePoint: number, modifiers: number): string {
  return `\x1b[${codePoint};${modifiers}u`;
}

/** Whether Ink reads an Escape and this character as a control sequence or as Alt+key itself. */
function inkReadsWithAlt(code: number): boolean {
  const char = String.fromCharCode(code);
  return code < 0x80 && (/[0-9A-Za-z\r\b\x7f ]/.test(char) || char === '[');
}

/**
 * An Escape that Ink would join to the key behind it, made a key Ink reads as such. Ink 6.8 reads
 * an Escape and the character right behind it (in one read, or an Escape ending one read and the
 * next read's first character) as one key. For letters, digits, Return, Space and Backspace it
 * says Alt+key, which the review takes apart again where keys are commands (`escapeJoined`). For
 * any other character it drops the Escape without a trace: Esc Tab and Esc Ctrl+R lost the
 * Escape, Esc `?` or `/` acted in the panel the Escape was to close, and Esc Esc was one Escape.
 * Here such an Escape becomes either that key with Alt in kitty's form, which Ink reads with its
 * Alt (so a text input still sees Alt+key), or, where Alt has no meaning, the Escape key in
 * kitty's form, which Ink never joins to anything. An Escape ending the chunk is the Escape key:
 * a terminal writes a control sequence's bytes at once (see `keyboardStdin`).
 */
export function escapesApart(chunk: string): string {
  if (!chunk.includes('\x1b')) return chunk;
  let out = '';
  let from = 0;
  for (;;) {
    const at = chunk.indexOf('\x1b', from);
    if (at < 0) return out + chunk.slice(from);
    out += chunk.slice(from, at);
    const next = chunk.codePointAt(at + 1);
    from = at + 1;
    if (next === undefined) {
      out += ESCAPE_KEY;
    } else if (next === 0x1b) {
      // Esc Esc is two Escapes, unless a control sequence follows (Alt+arrow: ESC ESC [ A).
      const third = chunk[at + 2];
      out += third === '[' || third === 'O' ? '\x1b' : ESCAPE_KEY;
    } else if (inkReadsWithAlt(next)) {
      out += '\x1b';
    } else if (next === 0x09) {
      out += kittyKey(next, WITH_ALT);
      from += 1;
    } else if (next >= 0x01 && next <= 0x1a && next !== 0x0a) {
      // Ctrl+letter, as Ink names it: its letter with Ctrl.
      out += kittyKey(0x60 + next, WITH_CTRL_ALT);
      from += 1;
    } else if (next < 0x20 || (next >= 0x7f && next < 0xa0)) {
      out += ESCAPE_KEY;
    } else {
      out += kittyKey(next, WITH_ALT);
      from += next > 0xffff ? 2 : 1;
    }
  }
}

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/**
 * Splits what the terminal sends into keys and pasted text (bracketed paste, which the review
 * asks for: see screen.ts). Pasted text comes out as a part of its own, `PASTED` and the text with
 * its line breaks and tabs made spaces and other control characters left out: pasted into a
 * note, a second line read as keys had removed the tag with its new note (`x`) and marked the
 * article done (`d`). Text and keys before or after it are parts of their own. Returns a
 * function fed each chunk in turn; a paste may run over several chunks, its end marker too.
 */
export function pasteSplitter(): (chunk: string) => string[] {
  let pasting = false;
  let held = '';
  return (chunk) => {
    let text = held + chunk;
    held = '';
    const parts: string[] = [];
    while (text.length > 0) {
      if (!pasting) {
        const at = text.indexOf(PASTE_START);
        if (at < 0) {
          // The start marker's first bytes may close this chunk: kept for the next. Not a lone
          // ESC, which is the Escape key; three bytes or more are no key of their own.
          for (let keep = PASTE_START.length - 1; keep >= 3; keep--) {
            if (text.endsWith(PASTE_START.slice(0, keep))) {
              held = text.slice(-keep);
              text = text.slice(0, -keep);
              break;
            }
          }
          if (text.length > 0) parts.push(text);
          break;
        }
        if (at > 0) parts.push(text.slice(0, at));
        text = text.slice(at + PASTE_START.length);
        pasting = true;
        continue;
      }
      const at = text.indexOf(PASTE_END);
      let body = at < 0 ? text : text.slice(0, at);
      if (at < 0) {
        // The end marker's first bytes may close this chunk: kept for the next.
        for (let keep = Math.min(PASTE_END.length - 1, body.length); keep > 0; keep--) {
          if (PASTE_END.startsWith(body.slice(-keep))) {
            held = body.slice(-keep);
            body = body.slice(0, -keep);
            break;
          }
        }
      }
      const flat = body.replace(/\r\n|[\r\n\t]/g, ' ').replace(/[\x00-\x1f\x7f]/g, '');
      if (flat.length > 0) parts.push(`${PASTED}${flat}`);
      if (at < 0) break;
      text = text.slice(at + PASTE_END.length);
      pasting = false;
    }
    return parts;
  };
}

/**
 * The terminal's input as Ink reads it, pasted text apart (`pasteSplitter`), minus function keys
 * pressed with Ctrl. Ink 6.8 hands on
 * such a key as `input = keypress.name`, and for one its table has no name for (Ctrl+F1 in xterm,
 * `ESC[1;5P`; a pasted colour code, `ESC[31m`) that is undefined and its `useInput` throws: the
 * review died with a stack trace, leaving the terminal in raw mode. No key of margin's is a
 * Ctrl+function key, so dropping them loses nothing. A sequence split across two reads gets past
 * this (a terminal writes a key's bytes at once, so the pseudo-terminal delivers them together).
 */
export function keyboardStdin(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
  const split = pasteSplitter();
  // Each part is handed to Ink by a read of its own: Ink parses each read's keys apart, so a
  // paste is one input and the keys around it are not joined to it.
  const parts: string[] = [];
  return new Proxy(stdin, {
    get(target, property) {
      if (property === 'read') {
        return (size?: number) => {
          for (;;) {
            const part = parts.shift();
            if (part !== undefined) {
              return part.startsWith(PASTED) ? part : escapesApart(withoutCtrlFunctionKeys(part));
            }
            const chunk: unknown = target.read(size);
            if (typeof chunk !== 'string') return chunk;
            parts.push(...split(chunk));
          }
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
