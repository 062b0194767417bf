import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../source/commands/command.js';
import { runCommand } from '../../source/commands/run.js';
import { command } from '../../source/commands/split.js';

interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'margin-split-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function split(
  files: string[],
  {
    json = false,
    stdin = '',
    tty = false,
  }: { json?: boolean; stdin?: string | Buffer; tty?: boolean } = {},
): Promise<Result> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const io: CommandIO = {
    stdout,
    stderr,
    stdin: Object.assign(Readable.from([typeof stdin === 'string' ? Buffer.from(stdin) : stdin]), {
      isTTY: tty,
    }),
    env: {},
    cwd: dir,
  };
  const status = await runCommand(command, files, { json }, io);
  return { status, stdout: out(), stderr: err() };
}

const write = (name: string, content: string | Buffer) => writeFile(path.join(dir, name), content);

describe('margin split', () => {
  it('prints the sentences of a file one per line', async () => {
    await write('a.txt', 'Mr. Smith moved to the U.S. The next day he left. “Why?” he asked.\n');
    expect(await split(['a.txt'])).toEqual({
      status: 0,
      stdout: 'Mr. Smith moved to the U.S.\nThe next day he left.\n“Why?” he asked.\n',
      stderr: '',
    });
  });

  it('splits each blank-line-separated paragraph and joins a sentence broken over lines', async () => {
    await write(
      'b.txt',
      'Kremlin Says Talks Possible\n\nThe talks will resume\nnext week. Nobody knows where.\r\n\r\n• One\n• Two',
    );
    expect((await split(['b.txt'])).stdout).toBe(
      'Kremlin Says Talks Possible\nThe talks will resume next week.\nNobody knows where.\n• One\n• Two\n',
    );
  });

  it('prints one JSON array per input, one input per line', async () => {
    await write('a.txt', 'First one. Second one.');
    await write('empty.txt', '');
    await write('c.txt', 'Only one');
    expect(await split(['a.txt', 'empty.txt', 'c.txt'], { json: true })).toEqual({
      status: 0,
      stdout: '["First one.","Second one."]\n[]\n["Only one"]\n',
      stderr: '',
    });
  });

  it('reads standard input when no file is named', async () => {
    expect(
      await split([], { stdin: 'He paused... Then he spoke. It was 3 a.m. on Friday.' }),
    ).toEqual({
      status: 0,
      stdout: 'He paused...\nThen he spoke.\nIt was 3 a.m. on Friday.\n',
      stderr: '',
    });
  });

  it('says it is waiting when standard input is a terminal', async () => {
    expect(await split([], { stdin: 'Typed in. By hand.', tty: true })).toEqual({
      status: 0,
      stdout: 'Typed in.\nBy hand.\n',
      stderr: 'margin split: reading standard input; end it with Ctrl-D\n',
    });
  });

  it('reads standard input for "-" among files, as JSON', async () => {
    await write('a.txt', 'From a file.');
    expect(await split(['a.txt', '-'], { json: true, stdin: 'From stdin. Twice.' })).toEqual({
      status: 0,
      stdout: '["From a file."]\n["From stdin.","Twice."]\n',
      stderr: '',
    });
  });

  it('keeps a Chinese opening quote with the sentence it opens', async () => {
    expect(
      await split([], { stdin: '中方欢迎努力。“我们希望各方保持冷静，”他说。\n他说。‘好的。’\n' }),
    ).toEqual({
      status: 0,
      stdout: '中方欢迎努力。\n“我们希望各方保持冷静，”他说。\n他说。\n‘好的。’\n',
      stderr: '',
    });
  });

  it('keeps a Chinese or Japanese quotation with its speaker after ！ or ？', async () => {
    expect(
      await split([], { stdin: '“是的！”她说。他们离开了。\n「はい？」と述べた。\n' }),
    ).toEqual({
      status: 0,
      stdout: '“是的！”她说。\n他们离开了。\n「はい？」と述べた。\n',
      stderr: '',
    });
  });

  it('names a file it cannot read, goes on with the others, and exits 1', async () => {
    await write('a.txt', 'Still read.');
    await mkdir(path.join(dir, 'folder'));
    expect(await split(['missing.txt', 'a.txt', 'folder'])).toEqual({
      status: 1,
      stdout: 'Still read.\n',
      stderr:
        'margin split: cannot read missing.txt: no such file\nmargin split: cannot read folder: it is a folder\n',
    });
  });

  it('strips a UTF-8 byte order mark', async () => {
    await write(
      'bom.txt',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Привет. Мир.')]),
    );
    expect(await split(['bom.txt'], { json: true })).toEqual({
      status: 0,
      stdout: '["Привет.","Мир."]\n',
      stderr: '',
    });
  });

  it('removes escape sequences and bidi overrides, with a warning naming the input', async () => {
    expect(
      await split([], {
        stdin:
          'Click \x1b]8;;https://evil.example\x07here\x1b]8;;\x07. \x1b[31mRed\x1b[0m \u202etext.',
      }),
    ).toEqual({
      status: 0,
      stdout: 'Click here.\nRed text.\n',
      stderr:
        'margin split: warning: standard input: removed 4 terminal escape sequences (41 characters) and 1 bidi control that could reorder the text (U+202E); the text around them is kept\n',
    });
  });

  it('decodes a Windows-1251 file as Cyrillic and says so', async () => {
    await write(
      'ru.txt',
      iconv.encode(
        'Президент России заявил, что переговоры будут продолжены. Об этом сообщил пресс-секретарь Кремля.',
        'win1251',
      ),
    );
    expect(await split(['ru.txt'], { json: true })).toEqual({
      status: 0,
      stdout:
        '["Президент России заявил, что переговоры будут продолжены.","Об этом сообщил пресс-секретарь Кремля."]\n',
      stderr: 'margin split: warning: ru.txt: not valid UTF-8: decoded as windows-1251\n',
    });
  });

  it('refuses an image by name, splits the rest, and exits 1', async () => {
    await write(
      'chart.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    await write('a.txt', 'Still read.');
    expect(await split(['chart.txt', 'a.txt'])).toEqual({
      status: 1,
      stdout: 'Still read.\n',
      stderr: 'margin split: cannot read chart.txt: not a text file (PNG image)\n',
    });
  });

  it('keeps damaged UTF-8 as UTF-8, invalid bytes as U+FFFD, with a warning', async () => {
    await write(
      'bad.txt',
      Buffer.concat([
        Buffer.from('“Да,” он сказал. '),
        Buffer.from([0xff]),
        Buffer.from(' Конец.'),
      ]),
    );
    const result = await split(['bad.txt'], { json: true });
    expect(result.stdout).toBe('["“Да,” он сказал.","\uFFFD Конец."]\n');
    expect(result.stderr).toBe(
      'margin split: warning: bad.txt: not valid UTF-8 and the encoding could not be detected: 1 invalid byte sequence replaced with U+FFFD\n',
    );
  });
});
