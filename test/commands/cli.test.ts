import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../source/commands/index.js';
import { type About, main } from '../../source/commands/main.js';
import { expandHelp } from '../../source/commands/options.js';
import { captureIO } from '../corpus/capture-io.js';

// The built CLI (`npm test` builds first): what a user runs, argv parsing and all.
const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');
const seeds = join(root, 'seeds');
const scratch = await mkdtemp(join(tmpdir(), 'margin-cli-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/**
 * Runs the built CLI. Asynchronously: a test that ran several commands with spawnSync blocked its
 * worker for their whole duration, which on a loaded machine outlasted vitest's own 60 s timeout
 * for reporting to the main process.
 */
function margin(
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        cwd: scratch,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, MARGIN_ANNOTATOR: 'ana', MARGIN_DEBUG: '' },
      },
      (error, stdout, stderr) => {
        const code = error ? (error as { code?: unknown }).code : 0;
        resolve({ status: typeof code === 'number' ? code : null, stdout, stderr });
      },
    );
  });
}

const names = Object.keys(commands);
const about = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as About;

/**
 * Runs a command line in this worker, through the same `main` the built CLI runs, with output
 * kept in memory: a process per line costs 0.2–0.3 s of CPU, and the checks of every command's
 * options need some 80 lines. Help and version end the process inside meow, so those stay in
 * `margin()`; each kind of line checked here is also run once as a real process below.
 */
async function inProcess(
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const captured = captureIO(scratch, {
    ...process.env,
    MARGIN_ANNOTATOR: 'ana',
    MARGIN_DEBUG: '',
  });
  const status = await main(args, captured.io, about, commands);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

/** `margin NAME --help` run once per command, for the tests that read it. */
const helps = new Map<string, ReturnType<typeof margin>>();
function helpOf(name: string): ReturnType<typeof margin> {
  const help = helps.get(name) ?? margin(name, '--help');
  helps.set(name, help);
  return help;
}

describe('every command', async () => {
  it.each(names)('%s: --help prints its usage, and -h is --help', async (name) => {
    const help = await helpOf(name);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(`$ margin ${name}`);
    // What makes `-h` print the same usage as `--help` for this command (run below for some):
    // no flag of its own takes the letter, and none is named help or version, which meow answers.
    const { flags } = await commands[name]!();
    expect(expandHelp(['-h'], flags)).toEqual(['--help']);
    expect(Object.keys(flags)).not.toContain('help');
    expect(Object.keys(flags)).not.toContain('version');
  });

  // qa52: `relabel --help` and most others never named --project, and index and suggest gave
  // their folders' defaults in words the project's help could not put its own folders into.
  it.each(names)(
    '%s: --help names --project when it takes one, and defaults alike',
    async (name) => {
      const { flags } = await commands[name]!();
      const { stdout } = await helpOf(name);
      // `completion` takes it for its scripts' questions only, and lists no options.
      if ('project' in flags && stdout.includes('\n  Options\n'))
        expect(stdout).toMatch(
          /^ {4}--project\b.*The project file \(default: margin\.json here or in a folder above\)$/im,
        );
      for (const line of stdout.split('\n').filter((line) => /^ +--(?:corpus|store)\b/.test(line)))
        expect(line).toMatch(/\(default: (?:seeds|annotations)\)$/);
    },
  );

  // The default command, a free-text one and one whose help names the project's folders.
  it.each(['review', 'search', 'story'])(
    '%s: -h and help NAME print the usage --help does, --version the version',
    async (name) => {
      const help = await helpOf(name);
      expect((await margin(name, '-h')).stdout).toBe(help.stdout);
      expect((await margin('help', name)).stdout).toBe(help.stdout);
      expect(await margin(name, '--version')).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });
    },
  );

  it.each(['list', 'export', 'search', 'agree', 'review'])(
    '%s: an option given no value is one line naming it, exit 2',
    async (name) => {
      expect(await inProcess(name, '--corpus')).toEqual({
        status: 2,
        stdout: '',
        stderr: `margin ${name}: --corpus needs a value. Run \`margin ${name} --help\` for the options.\n`,
      });
    },
  );

  it.each(names)('%s: an unknown option is one line naming it, exit 2', async (name) => {
    expect(await inProcess(name, '--bogus')).toEqual({
      status: 2,
      stdout: '',
      stderr: `margin ${name}: unknown option --bogus. Run \`margin ${name} --help\` for the options.\n`,
    });
  });

  it('as a real process too: an unknown option, an option given no value', async () => {
    expect(await margin('search', '--bogus')).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'margin search: unknown option --bogus. Run `margin search --help` for the options.\n',
    });
    expect(await margin('list', '--corpus')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin list: --corpus needs a value. Run `margin list --help` for the options.\n',
    });
  });
});

describe('the command line', async () => {
  it('search still takes -word as an exclusion, but --word as a mistyped option', async () => {
    const found = await inProcess(
      'search',
      'Witkoff',
      '-Putin',
      '-c',
      seeds,
      '-s',
      'store',
      '-n',
      '1',
    );
    expect(found.status).toBe(0);
    expect(found.stdout.split('\t')[0]).toBe('000_4b207f45d15cbf96');
    expect((await inProcess('search', 'Witkoff', '--limt', '1')).stderr).toBe(
      'margin search: unknown option --limt (did you mean "--limit"?). Run `margin search --help` for the options.\n',
    );
  });

  it('a bad --limit is quoted as typed', async () => {
    expect(await inProcess('search', 'Witkoff', '-n', 'abc')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin search: --limit must be a whole number of at least 1, not abc\n',
    });
  });

  it("--help names the project's corpus, store and labels, not the built-in ones", async () => {
    const project = join(scratch, 'help-project');
    await mkdir(project, { recursive: true });
    await writeFile(
      join(project, 'margin.json'),
      JSON.stringify({
        corpus: 'articles',
        store: 'notes',
        labels: [
          { name: 'claim', key: '1', colour: 'yellow', letter: 'C' },
          { name: 'opinion', key: '4', colour: 'blue', letter: 'O' },
        ],
      }),
    );
    const help = (...args: string[]) =>
      new Promise<string>((resolve) => {
        execFile(process.execPath, [cli, ...args], { cwd: project, encoding: 'utf8' }, (_, out) =>
          resolve(out),
        );
      });
    const story = await help('story', '--help');
    expect(story).toContain('labelled L (claim, opinion); repeatable');
    expect(story).toContain('The corpus folder (default: articles)');
    expect(story).toContain('The annotation store folder (default: notes)');
    const search = await help('search', '-h');
    expect(search).toContain('label:claim|opinion|none');
    // Its examples name the project's labels: `label:quote` there was refused when tried.
    expect(search).toContain("margin search --limit 5 'Zelensky label:claim -Putin'");
    expect(story).toContain('margin story --label claim --min-sources 3');
    expect(await help('export', '-h')).toContain('--label claim --out claims.csv');
    expect(await help('help', 'review')).toContain('(default: articles)');
    // Outside a project, the built-in defaults.
    expect((await helpOf('story')).stdout).toContain('(claim, quote, event)');
  });

  it('an unknown command is quoted without its control characters', async () => {
    expect(await margin('bad\u001b[31m')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin: unknown command "bad\\u001b[31m". Run `margin --help` for the list.\n',
    });
  });

  it('a store that is a file is refused in one line naming the command', async () => {
    await writeFile(join(scratch, 'a-file'), '');
    const result = await margin('search', 'Witkoff', '-c', seeds, '-s', 'a-file');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^margin search: a-file is not a folder, so not an annotation store\n$/,
    );
  });

  it.each([
    ['list', '-c', seeds],
    ['show', join(seeds, '000_4b207f45d15cbf96.txt')],
    ['search', 'the', '-c', seeds, '-s', 'store'],
    // A store that exists: no note that there are no annotations yet.
    ['story', '-c', seeds, '-s', 'story-store'],
    ['--help'],
  ])('a reader that closed the pipe early is no error: %s', async (...args) => {
    await mkdir(join(scratch, 'story-store'), { recursive: true });
    const child = spawn(process.execPath, [cli, ...args], { cwd: scratch });
    // Closed before the first write, as `| head -0` would: every write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', async (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
  });
});

describe('exit status: 2 when a command cannot run at all', async () => {
  // Each command that reads a corpus, with what it needs besides (a query, a format, a file).
  const uses: Record<string, { args: string[]; store: boolean }> = {
    list: { args: ['list'], store: false },
    // An article's id, which is no file here: looked up in the corpus.
    show: { args: ['show', '000_4b207f45d15cbf96'], store: false },
    index: { args: ['index'], store: false },
    orphans: { args: ['orphans'], store: true },
    export: { args: ['export', '--format', 'jsonl'], store: true },
    import: { args: ['import', 'empty.jsonl'], store: true },
    search: { args: ['search', 'Witkoff'], store: true },
    suggest: { args: ['suggest'], store: true },
    stats: { args: ['stats'], store: true },
    agree: { args: ['agree'], store: true },
    story: { args: ['story'], store: true },
  };
  beforeAll(async () => {
    await writeFile(join(scratch, 'empty.jsonl'), '');
    await writeFile(join(scratch, 'plain-file'), '');
  });

  it('every command that reads a corpus is in this table', async () => {
    const corpusCommands = [];
    for (const name of names.filter((n) => n !== 'review')) {
      if ((await helpOf(name)).stdout.includes('--corpus')) corpusCommands.push(name);
    }
    expect(corpusCommands.sort()).toEqual(Object.keys(uses).sort());
  });

  it.each(Object.keys(uses))('%s: a missing corpus folder', async (name) => {
    const result = await inProcess(
      ...uses[name]!.args,
      '-c',
      'nosuch',
      ...(uses[name]!.store ? ['-s', 'store'] : []),
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`margin ${name}: corpus folder not found: nosuch\n`);
  });

  it.each(Object.keys(uses))('%s: a corpus that is a file', async (name) => {
    const result = await inProcess(
      ...uses[name]!.args,
      '-c',
      'plain-file',
      ...(uses[name]!.store ? ['-s', 'store'] : []),
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`margin ${name}: corpus is not a folder: plain-file\n`);
  });

  it.each(Object.keys(uses).filter((name) => uses[name]!.store))(
    '%s: a store that is a file',
    async (name) => {
      const result = await inProcess(...uses[name]!.args, '-c', seeds, '-s', 'plain-file');
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `margin ${name}: plain-file is not a folder, so not an annotation store\n`,
      );
    },
  );

  // The store that is a file is run as a process above.
  it('as a real process too: a missing corpus folder, a corpus that is a file', async () => {
    expect(await margin('list', '-c', 'nosuch')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin list: corpus folder not found: nosuch\n',
    });
    expect(await margin('stats', '-c', 'plain-file', '-s', 'store')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin stats: corpus is not a folder: plain-file\n',
    });
  });
});

describe('notes and attributes from an imported store never bring escape sequences to stdout', async () => {
  const raw = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;
  beforeAll(async () => {
    await mkdir(join(scratch, 'evil-corpus'), { recursive: true });
    await writeFile(
      join(scratch, 'evil-corpus/evil.txt'),
      'The mayor said on Monday that taxes fell by a third last year. It rained all week in the city.\n',
    );
    const record = {
      article: 'evil',
      annotator: 'mallory',
      label: 'claim',
      text: 'The mayor said on Monday that taxes fell by a third last year.',
      start: 0,
      end: 62,
      note: 'red \u001b[31mnote\u0007 and \u009b1m bold\nsecond line',
      attributes: { 'k\u001b[2J': 'v\u001b[31m', 'c1\u009b': 'x\u0085y' },
    };
    await writeFile(join(scratch, 'evil.jsonl'), `${JSON.stringify(record)}\n`);
    const imported = await inProcess(
      'import',
      'evil.jsonl',
      '-c',
      'evil-corpus',
      '-s',
      'evil-store',
    );
    expect(imported.status).toBe(0);
  });

  // jsonl as a real process, the rest in this worker: the bytes are the command's either way, and
  // hostile-names.test.ts runs every format as a process over a store of escapes.
  it.each(['jsonl', 'csv', 'prodigy', 'doccano', 'label-studio', 'w3c'])('%s', async (format) => {
    const args = ['export', '-f', format, '-c', 'evil-corpus', '-s', 'evil-store'];
    const result = await (format === 'jsonl' ? margin : inProcess)(...args);
    expect(result.status).toBe(0);
    expect(result.stdout.replace(/\r\n/g, '\n')).not.toMatch(raw);
    // prodigy and doccano carry no notes; label-studio no attributes.
    if (!['prodigy', 'doccano'].includes(format)) {
      expect(result.stdout).toContain('red note and  bold');
    }
    if (['jsonl', 'csv', 'w3c'].includes(format))
      expect(result.stdout).toMatch(/"k"|attribute:k\b|k: v/);
  });

  it('brat', async () => {
    const result = await inProcess(
      'export',
      '-f',
      'brat',
      '-o',
      'evil-brat',
      '-c',
      'evil-corpus',
      '-s',
      'evil-store',
    );
    expect(result.status).toBe(0);
    // A folder per annotator, always (brat has no notion of annotators; the import reads it back).
    const ann = await readFile(join(scratch, 'evil-brat/mallory/evil.ann'), 'utf8');
    expect(ann).not.toMatch(raw);
    expect(ann).toContain('red note and  bold');
  });

  it('the store file holds them clean too, once written', async () => {
    const stored = await readFile(join(scratch, 'evil-store/mallory/evil.json'), 'utf8');
    expect(stored).not.toMatch(/\\u001b|\\u0007|\u009b|\u0085/);
    // NEL is a line break: in a one-line value it becomes a space, like \n.
    expect(JSON.parse(stored).annotations[0].attributes).toEqual({ k: 'v', c1: 'x y' });
  });
});

describe('every message starts with margin COMMAND:', async () => {
  it('split names itself, and quotes a file name without its control characters', async () => {
    expect(await inProcess('split', 'nosuch.txt', 'no\u001b[31msuch')).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'margin split: cannot read nosuch.txt: no such file\nmargin split: cannot read no\\u001b[31msuch: no such file\n',
    });
  });

  it('split refuses a device and a file over the limit in one line each, as the corpus does', async () => {
    // /dev/zero was read until the memory ran out.
    await writeFile(join(scratch, 'huge.txt'), 'Word. '.repeat(1_000_000));
    expect(await inProcess('split', '/dev/zero', 'huge.txt')).toEqual({
      status: 1,
      stdout: '',
      stderr:
        'margin split: cannot read /dev/zero: not a regular file (a device)\nmargin split: cannot read huge.txt: file too large (5.7 MB; the limit is 5 MB)\n',
    });
  });

  it('show --help says its offsets count code points, as the exports do', async () => {
    // qa56 #11, qa58 #12: a Python user slicing `show --json` by its offsets got the wrong span.
    const { stdout } = await helpOf('show');
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      "A sentence's start and end count code points of text, as every export does",
    );
  });

  it('split reads a pipe named by its path as it reads -: /dev/stdin fed by a pipe, a fifo', async () => {
    // qa56 #11: `margin split --json /dev/stdin <<< '…'` said "not a regular file (a named pipe)".
    const child = spawn(process.execPath, [cli, 'split', '--json', '/dev/stdin'], {
      cwd: scratch,
      env: { ...process.env, MARGIN_DEBUG: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdin.end('He moved to the U.S. The next day he left.\n');
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect({ status, stdout, stderr }).toEqual({
      status: 0,
      stdout: '["He moved to the U.S.","The next day he left."]\n',
      stderr: '',
    });
    execFileSync('mkfifo', [join(scratch, 'in.fifo')]);
    const reading = inProcess('split', 'in.fifo');
    await writeFile(join(scratch, 'in.fifo'), 'One. Two.\n');
    expect(await reading).toEqual({ status: 0, stdout: 'One.\nTwo.\n', stderr: '' });
  });
});

describe('exit status: 1 when some input was refused, the rest processed', async () => {
  beforeAll(async () => {
    await mkdir(join(scratch, 'mixed'), { recursive: true });
    await writeFile(
      join(scratch, 'mixed/good.txt'),
      'Talks resumed in Geneva on Monday after a long pause. Both sides met for six hours.\n',
    );
    await writeFile(join(scratch, 'mixed/x.txt'), Buffer.from([0xff, 0xfe, 0, 0, 0x67, 0, 1]));
  });
  const problem = 'mixed/x.txt: no article text found\n';

  it.each([
    ['list', []],
    ['stats', ['-s', 'store']],
    ['export', ['-f', 'jsonl', '-s', 'store']],
    ['orphans', ['-s', 'store']],
  ])('%s names the file and exits 1', async (name, args) => {
    const result = await inProcess(name, '-c', 'mixed', ...args);
    expect(result.stderr).toContain(`margin ${name}: ${problem}`);
    expect(result.status).toBe(1);
  });

  it('search trusts a file whose time cannot be trusted yet once its text reads the same', async () => {
    // A time ahead of the clock is never trusted, as a file saved a moment ago is not: it is
    // read again at each look, and the same text must not count as a change.
    await mkdir(join(scratch, 'fresh'), { recursive: true });
    const file = join(scratch, 'fresh/saved.txt');
    await writeFile(file, 'Talks resumed in Geneva on Monday after a long pause.\n');
    const ahead = new Date(Date.now() + 600_000);
    await utimes(file, ahead, ahead);
    const found = await inProcess('search', 'Geneva', '-c', 'fresh', '-s', 'store');
    expect(found.stderr).toBe('');
    expect(found.stdout.split('\t')[0]).toBe('saved');
    expect(found.status).toBe(0);
  });

  // As a real process: the exit status of a line that refused some input, 0 and 1.
  it('search exits 0 when it found something (the file is still named), 1 when not', async () => {
    const found = await margin('search', 'Geneva', '-c', 'mixed', '-s', 'store');
    expect(found.stdout.split('\t')[0]).toBe('good');
    expect(found.stderr).toBe(`margin search: ${problem}`);
    expect(found.status).toBe(0);
    const none = await margin('search', 'Witkoff', '-c', 'mixed', '-s', 'store');
    expect(none).toEqual({
      status: 1,
      stdout: '',
      stderr: `margin search: ${problem}margin search: no sentence, title or note matches "Witkoff"\n`,
    });
  });
});
