import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { binaryKind, decodeUnmarkedUtf16 } from '../corpus/decode.js';
import { ioReason } from '../corpus/io-reason.js';
import type { BratDocument } from '../export/import-brat.js';
import type { ImportError } from '../export/import-errors.js';
import type { ImportFormat, ImportInput } from '../export/import-formats.js';
import type { CommandIO } from './command.js';
import { annFilesIn } from './export-sinks.js';

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

/**
 * Reads what `margin import FILE` names: the file, standard input for `-`, or for brat a folder
 * (every `.ann` below it with the `.txt` beside it). The parsers never read files themselves.
 */
export async function readImportInput(
  format: ImportFormat,
  file: string,
  io: CommandIO,
): Promise<
  | { ok: true; input: ImportInput; warning?: string }
  | { ok: false; message: string; usage: boolean }
> {
  if (file === '-') {
    if (format === 'brat') {
      return { ok: false, message: 'brat reads a folder, not standard input', usage: true };
    }
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    }
    return textInput('stdin', Buffer.concat(chunks));
  }
  const path = isAbsolute(file) ? file : join(io.cwd, file);
  try {
    if (format !== 'brat') {
      return textInput(file, await readFile(path));
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
    for (const ann of await annFilesIn(path)) {
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
):
  | { ok: true; input: ImportInput; warning?: string }
  | { ok: false; message: string; usage: false } {
  const read = importText(bytes);
  if ('refused' in read) return { ok: false, message: `${file}: ${read.refused}`, usage: false };
  const input: ImportInput = { kind: 'text', text: read.text };
  return read.warning
    ? { ok: true, input, warning: `${file}: ${read.warning}` }
    : { ok: true, input };
}
