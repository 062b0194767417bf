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
  /(\p{L}[\p{L}\p{M}]*(?:[-'’.]\p{L}[\p{L}\p{M}]*)*\.?)|(\d[\d,.]*\d|\d)|([“«„])|([”»])|(")|(\S)/gu;

const POSSESSIVE = /['’]s$/;
/** Titles whose dot stays with them: "Mr. Lavrov" is one phrase, not a sentence's end. */
const TITLE = /^(?:mr|mrs|ms|dr|gen|col|lt|sen|rep|prof|gov|sgt|capt|st)\.$/i;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    let kind: TokenKind;
    if (match[1] !== undefined) kind = 'word';
    else if (match[2] !== undefined) kind = 'number';
    else if (match[3] !== undefined) kind = 'open';
    else if (match[4] !== undefined) kind = 'close';
    else if (match[5] !== undefined) kind = 'straight';
    else kind = 'mark';
    let body = raw;
    // A final dot belongs to the word only in abbreviations with inner dots (`U.S.`).
    if (
      kind === 'word' &&
      body.endsWith('.') &&
      !body.slice(0, -1).includes('.') &&
      !TITLE.test(body)
    ) {
      body = body.slice(0, -1);
    }
    const possessive = kind === 'word' && POSSESSIVE.test(body);
    const lower = (possessive ? body.slice(0, -2) : body).toLowerCase().replace(/\./g, '');
    tokens.push({
      text: body,
      lower,
      start,
      end: start + body.length,
      kind,
      capital: kind === 'word' && /^\p{Lu}/u.test(body),
      possessive,
    });
    if (body.length < raw.length) {
      tokens.push({
        text: '.',
        lower: '.',
        start: start + body.length,
        end: start + raw.length,
        kind: 'mark',
        capital: false,
        possessive: false,
      });
    }
  }
  return tokens;
}
