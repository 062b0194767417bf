import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../source/commands/run.js';
import { command } from '../../source/commands/show.js';
import { captureIO } from './capture-io.js';
import { tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();
const ROOT = join(import.meta.dirname, '..', '..');
const SEED_003 = 'seeds/003_0a02ae9bd8ded74f.txt';

async function show(args: string[], json = false, cwd = ROOT, columns?: number) {
  const captured = captureIO(cwd, {}, columns);
  const status = await runCommand(command, args, { json }, captured.io);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe('margin show', () => {
  it('wraps each paragraph at words at a terminal, and keeps it one line when piped', async () => {
    const piped = await show([SEED_003]);
    const terminal = await show([SEED_003], false, ROOT, 50);
    const lines = terminal.stdout.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    expect(lines).toContain('The Kremlin has stated that Russian leader');
    expect(terminal.stdout.replace(/\s+/g, ' ')).toBe(piped.stdout.replace(/\s+/g, ' '));
  });

  it('prints the header lines, a blank line and the clean paragraphs of a seed', async () => {
    const result = await show([SEED_003]);
    expect(result).toEqual({
      status: 0,
      stderr: '',
      stdout: `Kremlin says it "brought positions closer" with US and even discussed "direct talks" with Ukraine
Source: Ukrainska Pravda
Date: 2025-04-25
By: Oleh Pavliuk, Yevhen Kizilov

The Kremlin has stated that Russian leader Vladimir Putin and US envoy Steve Witkoff, during their meeting, "brought positions closer" and also discussed the possibility of "direct talks" between Russia and Ukraine.

Source: Yuri Ushakov, Putin’s foreign policy advisor, in a comment to Russian media, as reported by European Pravda

Details: Ushakov said that the three-hour "conversation" between Putin and Witkoff "had a constructive and very useful nature" and "allowed for further rapprochement of Russia's and the US's positions" on a number of issues.

Quote: "As for the Ukrainian crisis specifically, the conversation included, in particular, the possibility of resuming direct talks between Russian and Ukrainian representatives."

Background:

• This is Witkoff’s fourth visit to Moscow and his meeting with Putin, through which the US aims to achieve a "peaceful settlement" in Ukraine.

• Russian Foreign Minister Sergei Lavrov stated on 24 April that the Kremlin is "ready to reach a deal" with the US regarding Ukraine, although some elements of the deal still need to be "fine-tuned".

• Former UK Prime Minister Boris Johnson strongly criticised Donald Trump’s proposals for ending the war in Ukraine.
`,
    });
  });

  it('prints no header lines for an article without metadata', async () => {
    const result = await show(['seeds/004_acb5286eff63b7e7.txt']);
    expect(
      result.stdout.startsWith('Source: Mehr News Agency\n\nSteve Witkov arrived in Moscow'),
    ).toBe(true);
    expect(result.stdout.endsWith('communications and other industries.\n')).toBe(true);
  });

  it('prints exactly one JSON object with the fields in the documented order', async () => {
    const result = await show([SEED_003], true);
    expect(result.status).toBe(0);
    expect(result.stdout.endsWith('}\n')).toBe(true);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(result.stdout) as Record<string, unknown> & {
      text: string;
      sentences: Array<Record<string, unknown> & { text: string; start: number; end: number }>;
    };
    expect(Object.keys(parsed)).toEqual([
      'id',
      'path',
      'title',
      'date',
      'byline',
      'source',
      'text',
      'sentences',
      'warnings',
    ]);
    expect(parsed.id).toBe('003_0a02ae9bd8ded74f');
    expect(parsed.path).toBe(SEED_003);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.sentences).toHaveLength(8);
    expect(Object.keys(parsed.sentences[0]!)).toEqual(['id', 'paragraph', 'text', 'start', 'end']);
    for (const sentence of parsed.sentences) {
      expect(parsed.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    expect(parsed.sentences[4]).toMatchObject({ paragraph: 4, text: 'Background:' });
  });

  it('counts --json offsets in code points, as the exports and Python do, past an emoji', async () => {
    const file = await corpus.write(
      'emoji.txt',
      'Fans cheered 👍🏽 at the final.\n\nThe mayor said the stadium would reopen in May.\n',
    );
    const result = await show([file], true);
    const parsed = JSON.parse(result.stdout) as {
      text: string;
      sentences: Array<{ text: string; start: number; end: number }>;
    };
    const second = parsed.sentences.at(-1)!;
    expect(second.text).toBe('The mayor said the stadium would reopen in May.');
    // Two astral characters before it: JavaScript's units would be 2 further on.
    expect(second.start).toBe(parsed.text.indexOf('The mayor') - 2);
    expect([...parsed.text].slice(second.start, second.end).join('')).toBe(second.text);
  });

  it('names an unreadable file and its reason on stderr: status 1, or 2 when there is no file', async () => {
    await corpus.write(
      'chart.png',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(await show(['chart.png'], false, corpus.root())).toEqual({
      status: 1,
      stdout: '',
      stderr: 'margin show: chart.png: not a text file (PNG image)\n',
    });
    // Nothing to show at all, as with a missing corpus folder: the command could not run.
    expect(await show(['missing.txt'], false, corpus.root())).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin show: missing.txt: no such file\n',
    });
    // A path through a file is not "missing": it says why, as every command's reader does.
    expect(await show(['chart.png/inside.txt'], false, corpus.root())).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin show: chart.png/inside.txt: a part of its path is a file, not a folder\n',
    });
    // A folder is no file to show either (qa52: status 1, and no word of what to run instead).
    await mkdir(join(corpus.root(), 'sub'), { recursive: true });
    expect(await show(['sub'], false, corpus.root())).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'margin show: sub: it is a folder; margin show prints one file (margin list -c sub lists a folder)\n',
    });
  });

  it('reads the article from standard input for -', async () => {
    const piped = async (bytes: string | Uint8Array) => {
      const captured = captureIO(ROOT);
      (captured.io.stdin as PassThrough).end(bytes);
      const status = await runCommand(command, ['-'], { json: true }, captured.io);
      return { status, stdout: captured.stdout(), stderr: captured.stderr() };
    };
    const seed = await readFile(join(ROOT, SEED_003));
    const result = await piped(seed);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const article = JSON.parse(result.stdout) as { id: string; path: string; title: string };
    expect([article.id, article.path, article.title]).toEqual([
      '-',
      '-',
      'Kremlin says it "brought positions closer" with US and even discussed "direct talks" with Ukraine',
    ]);
    expect(await piped(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({
      status: 1,
      stdout: '',
      stderr: 'margin show: -: not a text file (PNG image)\n',
    });
  });

  it('prints reading warnings on stderr and the article on stdout', async () => {
    await corpus.write(
      'ansi.txt',
      'Officials met in \x1b[1mGeneva\x1b[0m on Tuesday to resume talks that had stalled last month.\n',
    );
    const result = await show(['ansi.txt'], false, corpus.root());
    expect(result).toEqual({
      status: 0,
      stdout: 'Officials met in Geneva on Tuesday to resume talks that had stalled last month.\n',
      stderr:
        'margin show: warning: ansi.txt: removed 2 terminal escape sequences (8 characters); the text around them is kept\n',
    });
  });

  it('keeps the text after a mojibake closing quote, and names the mojibake', async () => {
    // `”` (E2 80 9D) read as Windows-1252 and saved again as UTF-8: `â€` and U+009D, the C1
    // form of OSC, which once took everything after it for the string of an escape sequence.
    await corpus.write(
      'moji.html',
      '<html><head><title>Mojibake page</title></head><body><article><h1>Mojibake page</h1>' +
        '<p>The minister called the plan â€œa disasterâ€\u009d in a speech on Monday. She said the budget would be cut by 20 percent next year, with schools hit hardest.</p>' +
        '<p>Opposition leaders said the cuts would hurt schools and hospitals across the country.</p>' +
        '<p>A vote is expected before the summer recess, officials said.</p></article></body></html>',
    );
    const result = await show(['moji.html'], false, corpus.root());
    expect(result).toEqual({
      status: 0,
      stdout:
        'Mojibake page\n\nThe minister called the plan â€œa disasterâ€ in a speech on Monday. She said the budget would be cut by 20 percent next year, with schools hit hardest.\n\n' +
        'Opposition leaders said the cuts would hurt schools and hospitals across the country.\n\n' +
        'A vote is expected before the summer recess, officials said.\n',
      stderr:
        'margin show: warning: moji.html: removed 1 control character (U+009D) of mojibake: text read in the wrong encoding and saved again, such as â€ for ”; the text around it is kept\n',
    });
  });

  it('asks for exactly one file', async () => {
    expect(await show([])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin show: name exactly one file (margin show FILE)\n',
    });
  });

  it('refuses a file with no article text, as list and the review screen do', async () => {
    await corpus.write(
      'x.txt',
      Uint8Array.from([0xff, 0xfe, 0, 0, ...Buffer.from('garbage'), 0, 1]),
    );
    expect(await show(['x.txt'], false, corpus.root())).toEqual({
      status: 1,
      stdout: '',
      stderr: 'margin show: x.txt: no article text found\n',
    });
  });
});
