import stringWidth from './string-width.js';

/**
 * Wrapping text in the scripts written without spaces between words (Chinese, Japanese). wrap-ansi
 * breaks lines at spaces only and cuts a "word" longer than the line at the line's width, so a
 * Chinese sentence was cut wherever the width fell: inside `CPI` (`…总体平稳，CP` / `I同比…`,
 * qa59 #16), between a number and its unit, before a full stop. Here the line breaks between the
 * words of the Unicode word segmenter (ICU's dictionaries: `CPI`, `同比`, `涨幅`, `11`), never
 * before a closing mark nor after an opening one (the kinsoku rule every CJK typesetter keeps),
 * a figure stays with the character after it (`11月`, `0.4%`), and a run of Latin letters is
 * broken at its spaces only.
 */

const UNSPACED = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;
/** Marks that may not begin a line: closing brackets and quotes, stops, small kana, iteration marks. */
const NO_START =
  /^[、。，．・：；？！）」』】〕〉》〗〙〛”’,.;:!?)\]}%‰ー々〻…ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ]+$/u;
/** Marks that may not end a line: opening brackets and quotes. */
const NO_END = /^[（「『【〔〈《〖〘〚“‘([{]+$/u;
const SPACE = /^\s+$/u;
const ENDS_WITH_DIGIT = /[\p{Nd}]$/u;
const STARTS_UNSPACED = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;

let words: Intl.Segmenter | undefined;
let graphemes: Intl.Segmenter | undefined;

/** Whether `text` holds Han or kana, which this wrapping is for. */
export function hasUnspacedScript(text: string): boolean {
  return UNSPACED.test(text);
}

/** The pieces a line may break between: segmenter words, with the marks kinsoku binds to them. */
function pieces(text: string): string[] {
  words ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  let opening = '';
  for (const { segment } of words.segment(text)) {
    const last = out.length - 1;
    if (opening === '' && last >= 0 && !SPACE.test(out[last]!)) {
      if (NO_START.test(segment)) {
        out[last] += segment;
        continue;
      }
      if (ENDS_WITH_DIGIT.test(out[last]!) && STARTS_UNSPACED.test(segment)) {
        out[last] += segment;
        continue;
      }
      // A run of another script is broken at its spaces only, as wrap-ansi breaks it: `30-year`.
      if (!SPACE.test(segment) && !UNSPACED.test(segment) && !UNSPACED.test(out[last]!)) {
        out[last] += segment;
        continue;
      }
    }
    if (NO_END.test(segment)) {
      opening += segment;
      continue;
    }
    out.push(opening + segment);
    opening = '';
  }
  if (opening !== '') out.push(opening);
  return out;
}

/**
 * `text` (one line, no control sequences) as lines of at most `width` columns: broken between
 * words, a word wider than the line cut between its graphemes; spaces at a break dropped.
 */
export function wrapUnspaced(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const breakLine = () => {
    lines.push(line.trimEnd());
    line = '';
    used = 0;
  };
  for (const piece of pieces(text)) {
    const columns = stringWidth(piece);
    if (SPACE.test(piece)) {
      if (used === 0) continue;
      if (used + columns > width) breakLine();
      else {
        line += piece;
        used += columns;
      }
      continue;
    }
    if (used + columns <= width) {
      line += piece;
      used += columns;
      continue;
    }
    if (used > 0) breakLine();
    if (columns <= width) {
      line = piece;
      used = columns;
      continue;
    }
    graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const { segment } of graphemes.segment(piece)) {
      const wide = stringWidth(segment);
      if (used > 0 && used + wide > width) breakLine();
      line += segment;
      used += wide;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
