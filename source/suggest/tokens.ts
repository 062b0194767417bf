/** Words, numbers and marks of one sentence, with their offsets in the sentence text. */

export type TokenKind = 'word' | 'number' | 'open' | 'close' | 'straight' | 'mark';

export interface Token {
  text: string;
  /** Lower case, without a trailing possessive (`Putin’s` → `putin`) or dots (`U.S.` → `us`). */
  lower: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Starts with a capital letter. */
  capital: boolean;
  /** Ends in `'s` / `’s`. */
  possessive: boolean;
}

// Words keep inner hyphens, apostrophes and dots (`Nato-backed`, `O’Connor`, `U.S.`); numbers keep
// separators (`21,692`, `10.6`). Everything else is one mark per character.
const TOKEN =
  /(\p{L}[\p{L}\p{M}]*(?:[-'’.]\p{L}[\p{L}\p{M}]*)*\.?)|(\d[\d,.]*\d|\d)|([“«„「『])|([”»」』])|(")|(\S)/gu;

/** Titles whose dot stays with them: "Mr. Lavrov" is one phrase, not a sentence's end. */
const TITLE = /^(?:mr|mrs|ms|dr|gen|col|lt|sen|rep|prof|gov|sgt|capt|st)\.$/i;

/** An initial or a suffix in a name: "Thomas J. Reed Jr." */
const INITIAL = /^(?:\p{Lu}|Jr|Sr|Inc|Co|Corp|Ltd|Plc)\.$/u;

const KINDS: TokenKind[] = ['word', 'number', 'open', 'close', 'straight', 'mark'];

function isCapital(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const first = text[0]!;
  return first !== first.toLowerCase();
}

function isPossessive(text: string): boolean {
  const length = text.length;
  if (length < 3 || text.charCodeAt(length - 1) !== 115) return false;
  const mark = text.charCodeAt(length - 2);
  return mark === 39 || mark === 0x2019;
}

function mark(text: string, start: number): Token {
  return {
    text,
    lower: text,
    start,
    end: start + text.length,
    kind: 'mark',
    capital: false,
    possessive: false,
  };
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const raw = match[0];
    const start = match.index;
    let group = 1;
    while (group < 6 && match[group] === undefined) group++;
    const kind = KINDS[group - 1]!;
    if (kind !== 'word') {
      tokens.push(kind === 'mark' ? mark(raw, start) : { ...mark(raw, start), kind });
      continue;
    }
    let body = raw;
    // A final dot belongs to the word only in abbreviations with inner dots (`U.S.`) and titles.
    if (
      raw.endsWith('.') &&
      raw.indexOf('.') === raw.length - 1 &&
      !TITLE.test(raw) &&
      !INITIAL.test(raw)
    ) {
      body = raw.slice(0, -1);
    }
    const possessive = isPossessive(body);
    let lower = (possessive ? body.slice(0, -2) : body).toLowerCase();
    if (lower.includes('.')) lower = lower.replace(/\./g, '');
    tokens.push({
      text: body,
      lower,
      start,
      end: start + body.length,
      kind,
      capital: isCapital(body),
      possessive,
    });
    if (body.length < raw.length) tokens.push(mark('.', start + body.length));
  }
  return tokens;
}
