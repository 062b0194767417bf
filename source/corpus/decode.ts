import chardet from 'chardet';
import iconv from 'iconv-lite';
import { declaredCharset, textBytes } from './declared-charset.js';

/** Why a file's bytes were refused: the reason only; the caller names the file. */
export class NotTextError extends Error {}

export interface Decoded {
  text: string;
  warnings: string[];
}

/** Leading bytes of formats that are never article text, as `file(1)` would name them. */
const MAGIC: Array<{ name: string; bytes: number[]; offset?: number }> = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'zip archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'zip archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: '7-zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'bzip2 archive', bytes: [0x42, 0x5a, 0x68] },
  { name: 'xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'RIFF media (WebP, WAV or AVI)', bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: 'MP4 or QuickTime media', bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
  { name: 'Ogg media', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { name: 'MP3 audio', bytes: [0x49, 0x44, 0x33] },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'Windows executable', bytes: [0x4d, 0x5a] },
  { name: 'Microsoft Office document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: 'WebAssembly module', bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'Java class file', bytes: [0xca, 0xfe, 0xba, 0xbe] },
];

/** The name of the binary format the bytes start with, or null. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const { name, bytes: magic, offset = 0 } of MAGIC) {
    if (bytes.length < offset + magic.length) continue;
    if (magic.every((byte, i) => bytes[offset + i] === byte)) {
      // "BZh" and "MZ" also start ordinary words: demand the rest of their headers.
      if (name === 'bzip2 archive' && !(bytes[3]! >= 0x31 && bytes[3]! <= 0x39)) continue;
      if (name === 'Windows executable' && !hasNul(bytes)) continue;
      if (name === 'zip archive') return zipDocumentKind(bytes) ?? name;
      return name;
    }
  }
  return null;
}

/**
 * For a file that should be text but whose every line could be damaged (an import file): the
 * binary format its bytes are in, or `binary data` when over a tenth of its first 8 KB is control
 * bytes or bytes that are not UTF-8, so that it is refused in one line rather than in one line per
 * "line" of noise. A stray NUL in a file of text stays that line's problem.
 */
export function binaryKind(bytes: Uint8Array): string | null {
  const format = sniffBinary(bytes);
  if (format) return format;
  const sample = bytes.subarray(0, 8192);
  const text = utf8Lossy.decode(sample);
  let broken = 0;
  // The last character may be a sequence the sample cut in two.
  for (let i = 0; i < text.length - 1; i++) if (text.charCodeAt(i) === 0xfffd) broken++;
  return controlShare(sample) + broken / Math.max(1, sample.length) > 0.1 ? 'binary data' : null;
}

/**
 * The document a zip archive is (qa59 #14: a `.docx` was "a zip archive", and its user looked for
 * a zip): OpenDocument and EPUB store their kind uncompressed as the first entry, `mimetype`;
 * Office Open XML names its main part (`word/document.xml`) in the archive's directory, which is
 * never compressed. Null for a zip that is none of them.
 */
function zipDocumentKind(bytes: Uint8Array): string | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // The first local header: the name's length at 26, the extra field's at 28, the name at 30.
  if (view.length >= 30 && view.readUInt32LE(0) === 0x04034b50) {
    const nameLength = view.readUInt16LE(26);
    const extraLength = view.readUInt16LE(28);
    const name = view.toString('latin1', 30, 30 + nameLength);
    if (name === 'mimetype') {
      const from = 30 + nameLength + extraLength;
      const type = view.toString('latin1', from, from + 80);
      for (const [prefix, kind] of MIMETYPE_KINDS) if (type.startsWith(prefix)) return kind;
    }
  }
  for (const [part, kind] of OFFICE_PARTS) if (view.includes(part, 0, 'latin1')) return kind;
  return null;
}

/** OpenDocument's and EPUB's `mimetype` entries, by what they start with. */
const MIMETYPE_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['application/epub+zip', 'EPUB e-book'],
  ['application/vnd.oasis.opendocument.text', 'OpenDocument text (.odt)'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'OpenDocument spreadsheet (.ods)'],
  ['application/vnd.oasis.opendocument.presentation', 'OpenDocument presentation (.odp)'],
  ['application/vnd.oasis.opendocument', 'OpenDocument file'],
];

/** Office Open XML's main parts, as the archive names them. */
const OFFICE_PARTS: ReadonlyArray<readonly [string, string]> = [
  ['word/document.xml', 'Word document'],
  ['xl/workbook.xml', 'Excel workbook'],
  ['ppt/presentation.xml', 'PowerPoint presentation'],
];

function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** Control bytes other than tab, newline, form feed, carriage return and escape. */
function controlShare(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (
      byte < 0x20 &&
      byte !== 0x09 &&
      byte !== 0x0a &&
      byte !== 0x0c &&
      byte !== 0x0d &&
      byte !== 0x1b
    ) {
      controls++;
    }
  }
  return sample.length === 0 ? 0 : controls / sample.length;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Bytes to text: UTF-8 (BOM honoured), UTF-32 or UTF-16 with a BOM, otherwise the encoding chardet detects.
 * Throws NotTextError for binary data.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  // UTF-32 first: its little-endian BOM begins with the UTF-16 one.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(4)), 'utf-32le'), warnings: [] };
  }
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(4)), 'utf-32be'), warnings: [] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), warnings: [] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), warnings: [] };
  }
  const format = sniffBinary(bytes);
  if (format) throw new NotTextError(`not a text file (${format})`);
  // UTF-16 without a mark puts NULs in its first bytes; most files have none, and a native scan
  // for one spares them the byte-by-byte count (`decodeUnmarkedUtf16` finds no order without).
  const nul = hasNul(bytes);
  const unmarked = nul ? decodeUnmarkedUtf16(bytes) : null;
  if (unmarked) return unmarked;
  const nuls = countNuls(bytes);
  if (nuls > 0) {
    // A few stray NULs in text (a scraper's) are removed and said, and the rest read as any file
    // is. Binary data has many, one byte in 256 of noise, among other control bytes (one in
    // nine), which text has next to none of.
    if (nul && nuls > strayNulsAllowed(bytes.length)) {
      throw new NotTextError('not a text file (binary data)');
    }
    const kept = withoutNuls(bytes, nuls);
    if (nul && controlShare(kept) > 0.01) throw new NotTextError('not a text file (binary data)');
    const decoded = decodeBytes(kept);
    return { text: decoded.text, warnings: [...decoded.warnings, nulWarning(nuls)] };
  }
  if (controlShare(bytes) > 0.1) throw new NotTextError('not a text file (binary data)');
  try {
    return { text: utf8.decode(bytes), warnings: [] };
  } catch {
    return decodeInvalidUtf8(bytes);
  }
}

/**
 * How many NULs a text file may hold and still be read (qa59 #15: one stray NUL refused a whole
 * article): two, or two in every 1,000 bytes of a larger file. Noise has one in 256 bytes.
 * NULs past the first 8 KB only, which no binary format puts there alone, are always removed.
 */
export function strayNulsAllowed(length: number): number {
  return Math.max(2, Math.floor(length / 500));
}

function countNuls(bytes: Uint8Array): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let count = 0;
  for (let at = view.indexOf(0); at !== -1; at = view.indexOf(0, at + 1)) count++;
  return count;
}

function withoutNuls(bytes: Uint8Array, nuls: number): Uint8Array {
  const kept = new Uint8Array(bytes.length - nuls);
  let to = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) kept[to++] = bytes[i]!;
  return kept;
}

function nulWarning(nuls: number): string {
  return nuls === 1
    ? 'removed 1 NUL byte (U+0000) among the text; the text around it is kept'
    : `removed ${nuls} NUL bytes (U+0000) among the text; the text around them is kept`;
}

/**
 * UTF-16 written without a byte order mark (some Windows tools do). Text in Latin, Greek or
 * Cyrillic script puts a NUL in every other byte, always on the same side, which is what makes
 * it look binary; binary data has its NULs anywhere. The guess must then decode to clean text:
 * no control characters but line breaks and tabs, no lone surrogates, mostly letters and spaces.
 * Other scripts have no NULs to go by and are left to the other checks.
 */
export function decodeUnmarkedUtf16(bytes: Uint8Array): Decoded | null {
  const sample = bytes.subarray(0, 8192 - (Math.min(bytes.length, 8192) % 2));
  const pairs = sample.length / 2;
  if (pairs < 2) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  // Little-endian puts the zero high byte second (odd offsets), big-endian first.
  const order =
    oddNuls >= pairs * 0.3 && evenNuls <= pairs * 0.02
      ? 'utf-16le'
      : evenNuls >= pairs * 0.3 && oddNuls <= pairs * 0.02
        ? 'utf-16be'
        : null;
  if (!order) return null;
  const text = iconv.decode(Buffer.from(bytes), order);
  if (!readsAsUtf16Text(text)) return null;
  return { text, warnings: [`no byte order mark: decoded as ${order.toUpperCase()}`] };
}

/**
 * Control characters other than tab and the line breaks the cleaner reads (CR, LF, VT, FF, NEL);
 * lone surrogates; non-characters.
 */
// In a /u pattern a surrogate range matches only surrogates that are not half of a pair.
const NOT_TEXT = /[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]/u;
/** What text is made of: a table of figures is text too, with its digits and punctuation. */
const LETTER_OR_SPACE = /[\p{L}\p{M}\p{N}\p{P}\s]/gu;

function readsAsUtf16Text(text: string): boolean {
  if (NOT_TEXT.test(text)) return false;
  const sample = text.slice(0, 4096);
  return (sample.match(LETTER_OR_SPACE)?.length ?? 0) >= sample.length * 0.6;
}

function decodeInvalidUtf8(bytes: Uint8Array): Decoded {
  const { valid, invalid } = utf8Census(bytes);
  // As many good multi-byte sequences as broken bytes is damaged UTF-8, not a legacy encoding
  // (legacy text almost never forms valid sequences): re-decoding it would garble every “quote”.
  if (valid < invalid) {
    // What the page says it is comes first, as in a browser, unless its bytes belie it (a
    // declared UTF-8 that is not, undefined bytes or C1 controls in the declared encoding).
    const declared = declaredCharset(bytes);
    if (declared !== null && declared !== 'utf-8') {
      const text = iconv.decode(Buffer.from(bytes), declared);
      if (decodesCleanly(text, bytes)) return { text, warnings: [] };
    }
    const detected = detectEncoding(bytes);
    const text = detected ? iconv.decode(Buffer.from(bytes), detected) : '';
    if (detected && readsAsText(text)) {
      return { text, warnings: [`not valid UTF-8: decoded as ${detected}`] };
    }
  }
  const text = utf8Lossy.decode(bytes);
  const replaced = countReplacements(text) - countEncodedReplacements(bytes);
  return {
    text,
    warnings: [
      `not valid UTF-8 and the encoding could not be detected: ${replaced} invalid byte ${
        replaced === 1 ? 'sequence' : 'sequences'
      } replaced with U+FFFD`,
    ],
  };
}

/** One-letter words of languages written in legacy Latin encodings (French à, Portuguese é). */
const LONE_LETTER_WORDS = new Set(['à', 'À', 'á', 'é', 'è', 'ó', 'ò', 'ú']);
const LETTER = /\p{L}/u;
const WORD = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;
const SPACE = /\s/u;

/** Quotation marks that open: before a word, after a space or another opening mark. */
const OPENING = new Set(['“', '‘', '„', '‚', '«', '‹', '¿', '¡']);
/** Quotation marks that close: after a word or its final punctuation (’ also between letters). */
const CLOSING = new Set(['”', '’', '»', '›']);
/**
 * Quotation marks that open in English and close in German, Czech and the other languages that
 * open low: `„Wir sind überrascht“, sagte Müller` (2026-12-07, qa56 #9: German in Windows-1252
 * with „…“ fell under the nine tenths and became U+FFFD).
 */
const LOW_OPENED_CLOSING = new Set(['“', '‘']);
/** Currency signs, which German and French write after the amount: `1,5 Mio. €`, `20 €`. */
const CURRENCY = new Set(['€', '£', '¥', '¢']);
/** Signs written beside a number: €5, 5 °C, 3½, 1º. */
const NUMERIC = new Set([
  '€',
  '£',
  '¥',
  '¢',
  '°',
  '‰',
  '±',
  '×',
  '½',
  '¼',
  '¾',
  '¹',
  '²',
  '³',
  'ª',
  'º',
]);
/** Dashes, ellipses and marks that stand between words, spaces or other punctuation. */
const BETWEEN = new Set(['–', '—', '…', '©', '®', '™', '•', '·', '§', '¶', '†', '‡']);

/**
 * Chinese, Japanese and Korean punctuation and full-width forms: the ideographic comma and full
 * stop (、，。), corner brackets and other CJK brackets, the middle dot, the ideographic space,
 * full-width digits and signs. Written between or beside the script's letters, they are a tenth
 * of a Chinese text's characters: without them a page of GBK or Big5 fell under the nine tenths
 * and became U+FFFD though chardet was sure of it (2026-12-07, qa54).
 */
const CJK_FORMS = /[\u3000-\u303f\u30fb\uff01-\uff20\uff3b-\uff40\uff5b-\uff65]/;

/** Letters of scripts written without spaces between words, beside which quotes stand close. */
const CJK_LETTER = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

function typographic(char: string): boolean {
  return OPENING.has(char) || CLOSING.has(char) || NUMERIC.has(char) || BETWEEN.has(char);
}

/** A neighbour ordinary text has: a space, an ASCII character, a letter or typography. */
function plain(char: string): boolean {
  return char.charCodeAt(0) < 0x80 || SPACE.test(char) || WORD.test(char) || typographic(char);
}

/**
 * Whether a character outside ASCII sits where it would in real text: a letter inside a word, or
 * punctuation where typography puts it (“quote”, committee’s, a — dash, €5). Legacy encodings
 * write English with no letters outside ASCII at all, only such punctuation.
 */
function fitsItsPlace(char: string, before: string, after: string): boolean {
  if (NUMERIC.has(char)) {
    if (DIGIT.test(before) || DIGIT.test(after)) return true;
    if ((char === '²' || char === '³') && LETTER.test(before)) return true;
    // Set apart by a space, after the amount or its abbreviation: `1.234,5 Mio. €.`; never
    // against a letter, as the `â€` of broken UTF-8 is.
    if (CURRENCY.has(char) && SPACE.test(before) && !LETTER.test(after) && !DIGIT.test(after)) {
      return true;
    }
  }
  if (CJK_FORMS.test(char)) {
    return WORD.test(before) || WORD.test(after) || CJK_FORMS.test(before) || CJK_FORMS.test(after);
  }
  if (LETTER.test(char)) {
    return (
      LETTER.test(before) ||
      LETTER.test(after) ||
      (LONE_LETTER_WORDS.has(char) && before === ' ' && after === ' ')
    );
  }
  if (OPENING.has(char)) {
    if (LOW_OPENED_CLOSING.has(char) && closesQuotation(before, after)) return true;
    // Chinese and Japanese put no space before a quotation: 他说“我们…”.
    if (WORD.test(before) && !CJK_LETTER.test(before)) return false;
    return (
      WORD.test(after) ||
      OPENING.has(after) ||
      ((char === '«' || char === '‹') && SPACE.test(after))
    );
  }
  if (CLOSING.has(char)) {
    if (char === '’' && WORD.test(after)) return true;
    if (WORD.test(after) && !CJK_LETTER.test(after)) return false;
    return closesQuotation(before, after) || ((char === '»' || char === '›') && SPACE.test(before));
  }
  if (char === '\u00a0') return !SPACE.test(before) && !SPACE.test(after);
  // A soft hyphen marks where a word may break: inside it, or at the end of the line the word
  // was broken at, as a PDF's text gives it (`Peace\u00ad` / `building`; qa58 #4: one such made
  // a Windows-1252 file of four quotes fall under the nine tenths and become U+FFFD throughout).
  if (char === '\u00ad')
    return LETTER.test(before) && (LETTER.test(after) || after === '\n' || after === '\r');
  return BETWEEN.has(char) && plain(before) && plain(after);
}

/** A closing mark's place: after a word or its final punctuation, before no word. */
function closesQuotation(before: string, after: string): boolean {
  if (WORD.test(after) && !CJK_LETTER.test(after)) return false;
  return (
    WORD.test(before) ||
    /[.,!?;:)\]%'"…]/.test(before) ||
    CLOSING.has(before) ||
    LOW_OPENED_CLOSING.has(before) ||
    CJK_FORMS.test(before)
  );
}

/**
 * Whether text decoded from a legacy encoding reads as text: nearly every character outside
 * ASCII is a letter inside a word ("café", "Привет") or punctuation in its place (“quoted,” a
 * — dash). Bytes that are simply broken UTF-8 decode, in Windows-1252, to letters beside
 * punctuation or alone ("Ã(", "ÿþ"), or to stray signs ("â€ "): those are better shown as U+FFFD
 * with a warning than as a plausible-looking misreading.
 */
function readsAsText(text: string): boolean {
  let outside = 0;
  let fitting = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char.charCodeAt(0) < 0x80) continue;
    outside++;
    // A soft hyphen's line end may come after spaces, as a PDF's text leaves them (review58-c).
    const next =
      char === '\u00ad' ? /^[ \t]*([\s\S])?/.exec(text.slice(i + 1, i + 65))![1] : text[i + 1];
    if (fitsItsPlace(char, text[i - 1] ?? ' ', next ?? ' ')) fitting++;
  }
  return outside > 0 && fitting / outside >= 0.9;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) count++;
  return count;
}

/** U+FFFD characters the file itself contained, so that only new ones are reported. */
function countEncodedReplacements(bytes: Uint8Array): number {
  let count = 0;
  for (
    let i = bytes.indexOf(0xef);
    i >= 0 && i + 2 < bytes.length;
    i = bytes.indexOf(0xef, i + 1)
  ) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  }
  return count;
}

/** Text in the declared encoding: no byte left undecoded, no C1 control where a letter belongs. */
function decodesCleanly(text: string, bytes: Uint8Array): boolean {
  return !/[\x80-\x9f]/.test(text) && countReplacements(text) === countEncodedReplacements(bytes);
}

/**
 * Detected encodings read as their Windows supersets, as browsers do: the same letters, and the
 * punctuation (“quotes”, dashes) the ISO sets lack.
 */
const SUPERSETS: Record<string, string> = {
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-8': 'windows-1255',
  'ISO-8859-9': 'windows-1254',
};

/**
 * The likeliest legacy encoding, judged on the page's text only: markup is ASCII that would
 * outweigh a short Russian or Greek text and make every page look Western European.
 */
function detectEncoding(bytes: Uint8Array): string | null {
  const text = textBytes(bytes);
  const sample = text.some((byte) => byte >= 0x80) ? text : bytes;
  const best = chardet
    .analyse(sample)
    .find((match) => match.name !== 'UTF-8' && match.name !== 'ASCII');
  if (!best || best.confidence < 10) return null;
  const name = SUPERSETS[best.name] ?? best.name;
  return iconv.encodingExists(name) ? name.toLowerCase() : null;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that fit no sequence. */
function utf8Census(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const length =
      byte >= 0xf0 && byte <= 0xf4
        ? 4
        : byte >= 0xe0 && byte < 0xf0
          ? 3
          : byte >= 0xc2 && byte < 0xe0
            ? 2
            : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}
