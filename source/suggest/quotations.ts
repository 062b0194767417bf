/**
 * Which words of each sentence stand inside quotation marks. A quotation may run over several
 * sentences of a paragraph ("“There are issues. … We’ll call,” Putin said."), so the state is
 * carried from sentence to sentence and dropped at a paragraph's end. Only double marks count
 * (“ ” " « » „): single ones are apostrophes far more often than quotation marks.
 */
import type { Token } from './tokens.js';

export interface Quotation {
  /** Per token: inside a quotation. */
  inside: boolean[];
  /** Word tokens inside a quotation. */
  quotedWords: number;
  /** Word tokens outside. */
  plainWords: number;
  /** The sentence begins inside a quotation opened in an earlier sentence. */
  carriedIn: boolean;
  /** The sentence ends inside a quotation that goes on in the next one. */
  leftOpen: boolean;
  /** Word count of each quoted stretch that opens and closes within this sentence. */
  stretches: number[];
}

const isWord = (token: Token): boolean => token.kind === 'word' || token.kind === 'number';

/** Small words a title keeps in lower case ("Dancing with the Stars"). */
const TITLE_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'with',
  'in',
  'on',
  'for',
  'to',
  'at',
  'or',
]);

/**
 * A quoted name of a show, book or slogan inside the sentence (“Dawson’s Creek”, “DWTS.”):
 * capitalised words, no inner punctuation, not where the sentence starts. Speech it is not.
 */
function isTitle(tokens: Token[], open: number, close: number): boolean {
  if (open <= 0) return false;
  const words = tokens.slice(open + 1, close);
  const named = words.filter((token) => token.kind === 'word' || token.kind === 'number');
  if (named.length === 0 || named.length > 6 || !named[0]!.capital) return false;
  for (const [i, token] of words.entries()) {
    if (token.kind === 'mark') {
      if (token.text === '.' && i === words.length - 1) continue;
      if (token.text === '’' || token.text === "'" || token.text === '-' || token.text === '&')
        continue;
      return false;
    }
    if (token.kind === 'word' && !token.capital && !TITLE_WORDS.has(token.lower)) return false;
  }
  return true;
}

/** The mark that closes a quotation opened by German's low or reversed marks (`„…“`, `»…«`). */
const LOW_CLOSERS = new Map([
  ['„', '“'],
  ['»', '«'],
]);

/**
 * `»` opening a German quotation: against the word after it (`»Wir sind bereit«`), with a `«`
 * later in the sentence. French and Spanish close with it (`«…»`, `« … »`).
 */
function opensGerman(tokens: Token[], at: number): boolean {
  const next = tokens[at + 1];
  if (next === undefined || next.start !== tokens[at]!.end || next.kind !== 'word') return false;
  return tokens.some((token, i) => i > at && token.text === '«');
}

/** Corner brackets, Japanese's and Chinese's quotation marks (`「…」`, `『…』`). */
const CORNER_OPEN = new Set(['「', '『']);
const CORNER_CLOSE = new Set(['」', '』']);

/** What joins the items of a menu path or a row of titles: an arrow, `の`, a middle dot. */
const PATH_JOINS = new Set(['→', '⇒', '➡', '>', '＞', '›', 'の', '・']);

/**
 * The corner-bracket marks of menu paths and rows of titles (`「その他」→「ファイルの場所を開く」`,
 * `「設定」の「一般」`): two or more bracketed items joined by an arrow or `の` name what a reader
 * clicks or reads, and no one speaks them. Their marks are read as plain marks.
 */
function pathBrackets(tokens: Token[]): Set<number> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!CORNER_OPEN.has(tokens[i]!.text)) continue;
    let j = i + 1;
    while (j < tokens.length && !CORNER_CLOSE.has(tokens[j]!.text)) {
      if (CORNER_OPEN.has(tokens[j]!.text)) break;
      j++;
    }
    if (j >= tokens.length || !CORNER_CLOSE.has(tokens[j]!.text)) continue;
    pairs.push([i, j]);
    i = j;
  }
  const marks = new Set<number>();
  for (let k = 1; k < pairs.length; k++) {
    const [open, close] = pairs[k]!;
    const [before, after] = pairs[k - 1]!;
    const joined =
      open - after === 2
        ? PATH_JOINS.has(tokens[after + 1]!.text)
        : /* `->` */ open - after === 3 &&
          tokens[after + 1]!.text === '-' &&
          tokens[after + 2]!.text === '>';
    if (!joined) continue;
    for (const at of [before, after, open, close]) marks.add(at);
  }
  return marks;
}

/** Quotations of one paragraph's sentences, in order. */
export function quotations(paragraph: Token[][]): Quotation[] {
  let open = false;
  // The mark that opened the quotation: German closes `„` with `“` and `»` with `«`.
  let opener = '';
  return paragraph.map((tokens) => {
    const carriedIn = open;
    const inside = new Array<boolean>(tokens.length).fill(false);
    const stretches: number[] = [];
    let stretch = 0;
    let stretchStartedHere = !open;
    let openedAt = -1;
    const path = pathBrackets(tokens);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (path.has(i)) {
        if (open) inside[i] = true;
        continue;
      }
      const lowClose = open && LOW_CLOSERS.get(opener) === token.text;
      const germanOpen = !open && token.text === '»' && opensGerman(tokens, i);
      const opens =
        !lowClose && (token.kind === 'open' || (token.kind === 'straight' && !open) || germanOpen);
      const closes =
        lowClose ||
        (!germanOpen && (token.kind === 'close' || (token.kind === 'straight' && open)));
      if (opens && !closes) {
        opener = token.text;
        open = true;
        stretch = 0;
        stretchStartedHere = true;
        openedAt = i;
        continue;
      }
      if (closes) {
        if (!open) {
          // A closing mark with no opening one: the quotation began where the sentence did.
          for (let j = 0; j < i; j++) inside[j] = true;
          stretch = tokens.slice(0, i).filter(isWord).length;
          stretchStartedHere = false;
        }
        if (stretchStartedHere && isTitle(tokens, openedAt, i)) {
          for (let j = openedAt + 1; j < i; j++) inside[j] = false;
        } else if (stretchStartedHere) stretches.push(stretch);
        open = false;
        continue;
      }
      if (open) {
        inside[i] = true;
        if (isWord(token)) stretch++;
      }
    }
    let quotedWords = 0;
    let plainWords = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (!isWord(tokens[i]!)) continue;
      if (inside[i]) quotedWords++;
      else plainWords++;
    }
    return { inside, quotedWords, plainWords, carriedIn, leftOpen: open, stretches };
  });
}
