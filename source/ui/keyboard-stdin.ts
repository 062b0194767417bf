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
              return part.startsWith(PASTED) ? part : withoutCtrlFunctionKeys(part);
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
