import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { binaryKind, decodeUnmarkedUtf16 } from '../corpus/decode.js';
import { ioReason } from '../corpus/io-reason.js';
import type { BratDocument } from '../export/import-brat.js';
import type { ImportError } from '../export/import-errors.js';
import type { ImportFormat, ImportInput } from '../export/import-formats.js';
import type { NothingInText } from '../export/import-shape.js';
import type { CommandIO } from './command.js';
import { annFilesIn } from './export-sinks.js';
import { LINE_FORMATS, type LineBatch, lineBatches, MAX_LINE_CHARS } from './import-lines.js';

/**
 * An import file's text: UTF-8, or UTF-16 when it starts with that byte-order mark (Windows
 * PowerShell 5 writes `margin export > file` so; read as UTF-8 every line was "not valid JSON")
 * or when its bytes are UTF-16 without one, as the corpus reads them. A UTF-8 byte-order mark
 * stays for the parsers, which take it at the start of any line. A file that is not text (a
 * gzip archive, random bytes) is refused in one line: before, each of its "lines" was an error.
 */
export function importText(
  bytes: Buffer,
): { text: string; warning?: string } | { refused: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes) };
  const unmarked = decodeUnmarkedUtf16(bytes);
  if (unmarked) return { text: unmarked.text, warning: unmarked.warnings[0]! };
  const binary = binaryKind(bytes);
  if (binary) return { refused: `not a text file (${binary})` };
  return { text: bytes.toString('utf8') };
}

/** What a line format's input gives before its lines are parsed, which waits for the corpus. */
export interface LineInput {
  /**
   * The text up to the end of its first line that is not blank (what `looksLike` reads of a
   * file of lines), or null when that line is longer than any margin reads.
   */
  head: string | null;
  /** The lines, a batch at a time, read as they are taken; throws when reading fails. */
  batches: AsyncGenerator<LineBatch>;
}

/** Bytes sniffed before the encoding is chosen: as much as `importText` looks at. */
const SNIFF_BYTES = 8192;
const PIECE_BYTES = 1024 * 1024;

/**
 * Whether a file of lines is to be read whole after all: its first line is not JSON but opens
 * a document (`[` or `{`), which `looksLike` reads whole to name the format it is in.
 */
function opensDocument(head: string): boolean {
  const body = head.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('[') && !body.startsWith('{')) return false;
  const end = body.indexOf('\n');
  try {
    JSON.parse(end === -1 ? body : body.slice(0, end));
    return false;
  } catch {
    return true;
  }
}

/** What an import reads: a whole input, a file of lines read as it goes, or why neither. */
type ReadInput<Usage extends boolean = boolean> =
  | { ok: true; input: ImportInput; warning?: string }
  | { ok: true; lines: LineInput }
  /** A whole-document format's text, decoded a piece at a time as it is read. */
  | { ok: true; document: AsyncGenerator<string> }
  | { ok: false; message: string; usage: Usage };

/**
 * Reads an import a piece at a time: the encoding is chosen on its first bytes as `importText`
 * chooses it, and the text is decoded and handed on as it is read, so memory does not grow with
 * the file (a 200 MB file of lines peaked at 469 MB read whole): a file of lines (jsonl,
 * Prodigy, doccano) a batch of lines at a time, a document (Label Studio, W3C) in pieces. A
 * file `importText` must see whole (UTF-16 without a byte-order mark, judged on all of its
 * text; a document given in a format of lines) is read whole as before.
 */
async function readPieces(
  file: string,
  source: AsyncIterable<Buffer | string>,
  format: ImportFormat,
  seen: NothingInText,
): Promise<ReadInput<false>> {
  const iterator = source[Symbol.asyncIterator]();
  const raw: Buffer[] = [];
  let rawBytes = 0;
  let done = false;
  const next = async (): Promise<Buffer | null> => {
    const got = await iterator.next();
    if (got.done) {
      done = true;
      return null;
    }
    const value = got.value as Buffer | string;
    return typeof value === 'string' ? Buffer.from(value) : value;
  };
  while (!done && rawBytes < SNIFF_BYTES) {
    const chunk = await next();
    if (chunk) {
      raw.push(chunk);
      rawBytes += chunk.length;
    }
  }
  const sniffed = Buffer.concat(raw);
  raw.length = 0;
  let decoder: InstanceType<typeof TextDecoder>;
  if (sniffed[0] === 0xff && sniffed[1] === 0xfe) decoder = new TextDecoder('utf-16le');
  else if (sniffed[0] === 0xfe && sniffed[1] === 0xff) decoder = new TextDecoder('utf-16be');
  else if (decodeUnmarkedUtf16(sniffed)) {
    const chunks: Buffer[] = [sniffed];
    for (let chunk = await next(); chunk; chunk = await next()) chunks.push(chunk);
    return textInput(file, Buffer.concat(chunks), seen);
  } else {
    // `binaryKind` reads the first bytes only: what it says of them it says of the whole.
    const binary = binaryKind(sniffed);
    if (binary) return { ok: false, message: `${file}: not a text file (${binary})`, usage: false };
    // A UTF-8 byte-order mark stays for the parsers, as in `importText`.
    decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  }
  if (!LINE_FORMATS.includes(format)) {
    const pieces = async function* () {
      yield decoder.decode(sniffed, { stream: true });
      for (let chunk = await next(); chunk; chunk = await next()) {
        yield decoder.decode(chunk, { stream: true });
      }
      yield decoder.decode();
    };
    return { ok: true, document: seen.watch(pieces()) };
  }
  // The text decoded so far, piece by piece (each piece searched once: a string grown and
  // searched again at each piece was copied whole each time), until its first line that is
  // not blank has ended.
  const decoded: string[] = [decoder.decode(sniffed, { stream: true })];
  let length = 0;
  let started = false;
  let end = -1;
  for (let at = 0; ; ) {
    const piece = decoded[at]!;
    let from = 0;
    if (!started) {
      from = piece.search(/[^\s\uFEFF]/);
      started = from !== -1;
    }
    const newline = started ? piece.indexOf('\n', from) : -1;
    if (newline !== -1) end = length + newline;
    length += piece.length;
    if (end !== -1 || done || length > MAX_LINE_CHARS) break;
    const chunk = await next();
    decoded.push(chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode());
    at++;
  }
  const head = end !== -1 ? decoded.join('').slice(0, end + 1) : done ? decoded.join('') : null;
  if (head !== null && opensDocument(head)) {
    // Read whole, as `importText` reads it, for `looksLike` and `arrayInsteadOfLines` to see
    // the document: an array over several lines may be `[]`, which holds nothing.
    for (let chunk = await next(); chunk; chunk = await next()) {
      decoded.push(decoder.decode(chunk, { stream: true }));
    }
    decoded.push(decoder.decode());
    const text = decoded.join('');
    seen.feed(text);
    return { ok: true, input: { kind: 'text', text } };
  }
  const pieces = async function* () {
    yield* decoded.splice(0);
    for (let chunk = await next(); chunk; chunk = await next()) {
      yield decoder.decode(chunk, { stream: true });
    }
    yield decoder.decode();
  };
  return { ok: true, lines: { head, batches: lineBatches(seen.watch(pieces())) } };
}

/**
 * Reads what `margin import FILE` names: the file, standard input for `-`, or for brat a folder
 * (every `.ann` below it with the `.txt` beside it). The parsers never read files themselves.
 * The text, as it is taken, goes through `seen` too, which tells whether it held nothing.
 */
export async function readImportInput(
  format: ImportFormat,
  file: string,
  io: CommandIO,
  seen: NothingInText,
): Promise<ReadInput> {
  if (file === '-') {
    if (format === 'brat') {
      return { ok: false, message: 'brat reads a folder, not standard input', usage: true };
    }
    return readPieces('stdin', io.stdin as AsyncIterable<Buffer | string>, format, seen);
  }
  const path = isAbsolute(file) ? file : join(io.cwd, file);
  try {
    if (format !== 'brat') {
      return await readPieces(
        file,
        createReadStream(path, { highWaterMark: PIECE_BYTES }),
        format,
        seen,
      );
    }
    if (!(await stat(path)).isDirectory()) {
      return {
        ok: false,
        message: `${file}: brat reads a folder, and this is a file`,
        usage: false,
      };
    }
    const errors: ImportError[] = [];
    const documents: BratDocument[] = [];
    // A folder without one (brat's export of nothing) is said by the command, as an empty file is.
    const anns = await annFilesIn(path);
    for (const ann of anns) {
      const name = relative(path, ann).split(sep).join('/').slice(0, -'.ann'.length);
      const text = await readFile(`${ann.slice(0, -'.ann'.length)}.txt`, 'utf8').catch(() => null);
      if (text === null) {
        errors.push({ file: `${name}.ann`, line: 1, message: `no ${name}.txt beside it` });
        continue;
      }
      documents.push({ path: name, text, ann: await readFile(ann, 'utf8') });
    }
    return { ok: true, input: { kind: 'brat', documents, errors } };
  } catch (error) {
    return {
      ok: false,
      message: `${file}: ${ioReason(error, 'file')}`,
      usage: false,
    };
  }
}

function textInput(
  file: string,
  bytes: Buffer,
  seen: NothingInText,
):
  | { ok: true; input: ImportInput; warning?: string }
  | { ok: false; message: string; usage: false } {
  const read = importText(bytes);
  if ('refused' in read) return { ok: false, message: `${file}: ${read.refused}`, usage: false };
  seen.feed(read.text);
  const input: ImportInput = { kind: 'text', text: read.text };
  return read.warning
    ? { ok: true, input, warning: `${file}: ${read.warning}` }
    : { ok: true, input };
}
