import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../source/commands/command.js';
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
  const status = await command.run(files, { json }, io);
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
      stderr: 'margin: reading standard input; end it with Ctrl-D\n',
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

  it('names a file it cannot read, goes on with the others, and exits 1', async () => {
    await write('a.txt', 'Still read.');
    await mkdir(path.join(dir, 'folder'));
    expect(await split(['missing.txt', 'a.txt', 'folder'])).toEqual({
      status: 1,
      stdout: 'Still read.\n',
      stderr:
        'margin: cannot read missing.txt: no such file\nmargin: cannot read folder: is a directory\n',
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
      stderr: 'margin: warning: standard input: removed 42 control or escape characters\n',
    });
  });

  it('turns invalid UTF-8 bytes into U+FFFD', async () => {
    await write('bad.txt', Buffer.from([0x41, 0xff, 0x2e, 0x20, 0x42, 0x2e]));
    expect((await split(['bad.txt'], { json: true })).stdout).toBe('["A\uFFFD.","B."]\n');
  });
});
