import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeBytes, NotTextError } from '../corpus/decode.js';
import { ioReason } from '../corpus/io-reason.js';
import { FileRefusedError, MAX_FILE_BYTES, readBytes } from '../corpus/read.js';
import { removalWarning, sanitizeText } from '../corpus/sanitize.js';
import { singleLine, splitSentences } from '../corpus/sentences.js';
import { safeJson } from '../text/untrusted.js';
import type { Command, CommandIO } from './command.js';
import type { Output } from './output.js';

/** Standard input up to the corpus's limit: `margin split < /dev/zero` would fill the memory. */
async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += bytes.length;
    if (size > MAX_FILE_BYTES) {
      throw new FileRefusedError('-', 'too large (over 5 MB; the limit is 5 MB)');
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/**
 * A named file read as the corpus reads one: a device or a folder is refused before it is opened
 * (`margin split /dev/zero` read forever), and so is a file over the corpus's limit. A pipe is
 * read as standard input is, up to the same limit: `margin split /dev/stdin <<< '…'` and
 * `<(command)` name one (qa56 #11: refused as "not a regular file", where `-` worked). An empty
 * file has no sentences, which is no problem here.
 */
async function readNamed(file: string): Promise<Uint8Array> {
  const info = await stat(file).catch(() => null);
  if (info?.isFIFO()) {
    try {
      return await readStream(createReadStream(file));
    } catch (error) {
      if (error instanceof FileRefusedError) throw new FileRefusedError(file, error.reason);
      throw error;
    }
  }
  try {
    return await readBytes(file);
  } catch (error) {
    if (error instanceof FileRefusedError && error.reason === 'empty file') return new Uint8Array();
    throw error;
  }
}

/**
 * The names of standard input: read as `-` is, whatever it is (a pipe, a socket, which no path
 * opens, a file). Another pipe named by its path (`<(command)`, a fifo) is read by `readNamed`.
 */
const STANDARD_INPUT = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/** Each blank-line-separated block split on its own; a sentence's inner line breaks become spaces. */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n[^\S\n]*\n/)
    .flatMap((paragraph) =>
      splitSentences(paragraph).map(({ start, end }) => singleLine(paragraph.slice(start, end))),
    );
}

export const command: Command = {
  name: 'split',
  summary: 'Split plain text into sentences, one per line (no cleaning)',
  usage: `split [FILE ...] [--json]

  Reads each FILE (or standard input when none is named, or for "-") as UTF-8 (a
  BOM is honoured; other encodings are detected, as for the corpus) and prints its
  sentences one per line. Blank lines separate paragraphs. Control
  characters and escape sequences are removed; nothing else is cleaned. As in the
  corpus, an input over 5 MB and a file that is not a regular file are refused,
  but a pipe, read as standard input is (/dev/stdin, <(command)).

Options
  --json  Print one JSON array of sentence strings per input, one input per line

Examples
  $ margin split seeds/004_acb5286eff63b7e7.txt
  $ echo 'He moved to the U.S. The next day he left.' | margin split --json
  ["He moved to the U.S.","The next day he left."]`,
  flags: {
    json: { type: 'boolean', default: false },
  },
  async run(
    input: string[],
    flags: Record<string, unknown>,
    io: CommandIO,
    output: Output,
  ): Promise<number> {
    const names = input.length > 0 ? input : ['-'];
    if (input.length === 0 && io.stdin.isTTY) {
      // Otherwise a bare `margin split` at a prompt looks like a hang.
      output.say('reading standard input; end it with Ctrl-D');
    }
    for (const name of names) {
      const label = name === '-' ? 'standard input' : name;
      let bytes: Uint8Array;
      const file = path.resolve(io.cwd, name);
      try {
        bytes =
          name === '-' || STANDARD_INPUT.has(file)
            ? await readStream(io.stdin)
            : await readNamed(file);
      } catch (error) {
        const reason = error instanceof FileRefusedError ? error.reason : ioReason(error);
        output.problem(`cannot read ${label}: ${reason}`);
        continue;
      }
      // Decoding is not cleaning: the same reading as the corpus, so a Windows-1251 file splits
      // as Cyrillic and an image is refused instead of printed.
      let decoded: ReturnType<typeof decodeBytes>;
      try {
        decoded = decodeBytes(bytes);
      } catch (error) {
        if (!(error instanceof NotTextError)) throw error;
        output.problem(`cannot read ${label}: ${error.message}`);
        continue;
      }
      for (const warning of decoded.warnings) output.warn(`${label}: ${warning}`);
      const { text, ...removal } = sanitizeText(decoded.text);
      if (removal.removed > 0) output.warn(`${label}: ${removalWarning(removal)}`);
      const sentences = sentencesOf(text);
      if (flags.json) await output.out(`${safeJson(sentences)}\n`);
      else if (sentences.length > 0) await output.out(`${sentences.join('\n')}\n`);
    }
    return output.status();
  },
};
