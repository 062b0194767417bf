/**
 * Cutting text to a length without splitting what a reader sees as one character: a ZWJ family
 * (👩‍👩‍👧, eight code units), a flag, a letter with its combining marks. An export's prefix and
 * suffix cut at a code unit or code point left `The 👩‍` (explore35), which another tool's
 * TextQuoteSelector then matches against nothing.
 */
let made: Intl.Segmenter | undefined;
/** Made on first use: its break data costs the review's first frame tens of ms when eager. */
const segmenter = () => (made ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/** How far around a cut the segmenter reads: longer than any grapheme but pathological ones. */
const WINDOW = 48;

/** How a cut is measured: code units (a JavaScript string's own) or code points (the exports'). */
export type Measure = 'units' | 'points';

/** Where the first `max` of `text` end, by `measure`, never inside a surrogate pair. */
function naiveHead(text: string, max: number, measure: Measure): number {
  if (measure === 'units') {
    const cut = Math.min(max, text.length);
    return isLowSurrogate(text, cut) ? cut - 1 : cut;
  }
  let cut = 0;
  for (let n = 0; n < max && cut < text.length; n++) cut += isHighSurrogate(text, cut) ? 2 : 1;
  return Math.min(cut, text.length);
}

/** Where the last `max` of `text` start. */
function naiveTail(text: string, max: number, measure: Measure): number {
  if (measure === 'units') {
    const cut = Math.max(0, text.length - max);
    return isLowSurrogate(text, cut) ? cut + 1 : cut;
  }
  let cut = text.length;
  for (let n = 0; n < max && cut > 0; n++) cut -= isLowSurrogate(text, cut - 1) ? 2 : 1;
  return Math.max(cut, 0);
}

const isHighSurrogate = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length;
};
const isLowSurrogate = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0;
};

/**
 * What joins the character before it into one grapheme (GB9, GB9a: marks, ZWNJ/ZWJ, Thai and Lao
 * AM; GB6–8: Hangul jamo), and what joins the one after (GB9b: prepended concatenation marks).
 */
const ZWJ = 0x200d;
const JOINS_BEFORE = /[\p{M}\u200c\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
const JOINS_AFTER =
  /[\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;

/**
 * Whether `cut` is surely a grapheme boundary by the two characters around it: neither half of a
 * surrogate pair (emoji, flags, their modifiers are astral), nothing that joins, not CR LF.
 * Nearly every cut of news text in any script is, so only the others pay for the segmenter
 * (about 15 µs a window at load 16; 90 µs for whole 64-character windows).
 */
function surelyBoundary(text: string, cut: number): boolean {
  const before = text.charCodeAt(cut - 1);
  const after = text.charCodeAt(cut);
  if (before < 0x80 && after < 0x80) return !(before === 0x0d && after === 0x0a);
  if ((before >= 0xd800 && before <= 0xdfff) || (after >= 0xd800 && after <= 0xdfff)) {
    return false;
  }
  // A zero width joiner joins both ways (GB9, GB11).
  if (before === ZWJ || after === ZWJ) return false;
  return !JOINS_BEFORE.test(text[cut]!) && !JOINS_AFTER.test(text[cut - 1]!);
}

/** The grapheme boundary nearest `cut` on the side `towards`. */
function boundary(text: string, cut: number, towards: 'before' | 'after'): number {
  if (cut <= 0 || cut >= text.length || surelyBoundary(text, cut)) return cut;
  const from = Math.max(0, cut - WINDOW);
  let last = from;
  for (const { index } of segmenter().segment(
    text.slice(from, Math.min(text.length, cut + WINDOW)),
  )) {
    const at = from + index;
    if (at === cut) return cut;
    if (at > cut) return towards === 'before' ? last : at;
    last = at;
  }
  return towards === 'before' ? last : Math.min(text.length, cut + WINDOW);
}

/** The longest start of `text` that ends between two graphemes and measures at most `max`. */
export function graphemeHead(text: string, max: number, measure: Measure = 'units'): string {
  return text.slice(0, boundary(text, naiveHead(text, max, measure), 'before'));
}

/**
 * The longest end of `text` that starts between two graphemes and measures at most `max`. Give
 * it some text before what it may keep: a text that starts inside a grapheme is read right only
 * from a grapheme or two on.
 */
export function graphemeTail(text: string, max: number, measure: Measure = 'units'): string {
  return text.slice(boundary(text, naiveTail(text, max, measure), 'after'));
}

/**
 * Text in which every code point is a grapheme of its own: no surrogate, joiner or mark, no CR
 * (CR LF is one grapheme) and no Arabic prepended mark (U+0600–U+0605 join the letter after them).
 */
const SIMPLE =
  /^[\u0000-\u000c\u000e-\u02ff\u0370-\u0482\u048a-\u0590\u05c8-\u05ff\u0606-\u060f\u4e00-\u9fff]*$/;

/**
 * `text` as what a reader sees as characters, in order: what a cursor steps over and Backspace
 * takes away (a ZWJ family is one, not five code points).
 */
export function graphemeList(text: string): string[] {
  if (SIMPLE.test(text)) return [...text];
  return Array.from(segmenter().segment(text), ({ segment }) => segment);
}

/**
 * The grapheme boundary before code unit `at` (0 at the start): where ← and Backspace go. Reads
 * only the characters around it, so a key in a long text costs no more than in a short one.
 */
export function boundaryBefore(text: string, at: number): number {
  if (at <= 0) return 0;
  const back = at - (isLowSurrogate(text, at - 1) && isHighSurrogate(text, at - 2) ? 2 : 1);
  return boundary(text, back, 'before');
}

/** The grapheme boundary after code unit `at` (the text's length at its end): where → goes. */
export function boundaryAfter(text: string, at: number): number {
  if (at >= text.length) return text.length;
  return boundary(text, at + (isHighSurrogate(text, at) ? 2 : 1), 'after');
}

/**
 * What `SIMPLE` holds, and the punctuation, arrows, box drawing and shapes margin's screen draws
 * (`·` `│` `“` `…` `⚠` `✓`), and the C0 and C1 controls but CR: terminal text in which each code
 * unit is a grapheme of its own (a control breaks on both sides, GB4–5).
 */
const EACH_ALONE =
  /^[\u0000-\u000c\u000e-\u02ff\u0370-\u0482\u048a-\u0590\u05c8-\u05ff\u0606-\u060f\u1e00-\u1eff\u2010-\u205e\u20a0-\u20c0\u2190-\u22ff\u2500-\u25ff\u26a0\u270e\u2713\u4e00-\u9fff]*$/;

/** What the text helpers read of `Intl.Segmenter`'s segments: each in order, or the one at a unit. */
interface Graphemes extends Iterable<Intl.SegmentData> {
  containing(index?: number): Intl.SegmentData | undefined;
}

/** The segments of a text whose every code unit is a grapheme. */
function eachAlone(input: string): Graphemes {
  const at = (index: number): Intl.SegmentData => ({ segment: input[index]!, index, input });
  return {
    containing: (index = 0) => (index >= 0 && index < input.length ? at(index) : undefined),
    *[Symbol.iterator]() {
      for (let index = 0; index < input.length; index++) yield at(index);
    },
  };
}

/**
 * An `Intl.Segmenter` of graphemes for the text helpers Ink draws every frame with
 * (`@alcalzone/ansi-tokenize`, `slice-ansi`: `scripts/lazy-at-import.mjs` gives it to them). ICU's
 * segmenting takes about 1 µs a character, warm: some 5 ms of each frame of 120×40 (load 9), and
 * about 30 ms of the seeds' first frame, for screens of text whose every character is its own
 * grapheme. Those are answered here, the same segments; any other text is still ICU's.
 */
export function graphemeSegmenter(): { segment(text: string): Graphemes } {
  return {
    segment: (text) => (EACH_ALONE.test(text) ? eachAlone(text) : segmenter().segment(text)),
  };
}
