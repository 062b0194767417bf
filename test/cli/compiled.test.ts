import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runMargin } from '../helpers/built-cli.js';

/** tsc's build of the module (`npm test` builds first): each run is a process of its own, as V8
 * keeps what it compiled for the life of one, whatever the cache says. */
const COMPILED = pathToFileURL(join(import.meta.dirname, '../../dist/cli/compiled.js')).href;

interface Ran {
  twice: number;
  url: string;
  builtin: string;
  fromCache: boolean;
}

/**
 * Runs the bundle in a new process, its `done()` called unless `keep` is false (`done(false)`
 * when it is 'part': a run that did not do the whole of its work).
 */
function runCompiled(
  bundle: { path: string; key: string },
  base: string,
  env: Record<string, string>,
  keep: boolean | 'part' = true,
): Ran {
  const script = `
    import { runCompiled } from ${JSON.stringify(COMPILED)};
    const run = runCompiled(${JSON.stringify(bundle)}, ${JSON.stringify(base)}, process.env);
    const { twice, url, builtin } = run.exports;
    ${keep === 'part' ? 'run.done(false);' : keep ? 'run.done();' : ''}
    process.stdout.write(JSON.stringify({ twice: twice(21), url, builtin, fromCache: run.fromCache }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out) as Ran;
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A CommonJS bundle in a new folder, as the bundler writes one, and a cache folder beside it. */
function bundleFolder(source: string) {
  const folder = mkdtempSync(join(tmpdir(), 'margin-compiled-'));
  folders.push(folder);
  writeFileSync(join(folder, 'bundle.cjs'), source);
  const base = pathToFileURL(join(folder, 'cli.js')).href;
  const env = { XDG_CACHE_HOME: join(folder, 'cache') };
  const cacheFile = join(folder, 'cache', 'margin', 'code', 'bundle.cjs.v8');
  return { base, env, cacheFile };
}

/** As scripts/bundle.mjs writes the search bundle: one function expression of what it is given. */
const SOURCE = `(function (exports, require, module, __filename, __dirname, __marginImportMeta) {
function twice(n) { return n * 2; }
module.exports = { twice, url: __marginImportMeta.url, builtin: typeof require('node:path').join };
})`;

describe('a bundle run from V8’s code cache', () => {
  it('runs it, keeps its compiled code, and reads it back on the next run', () => {
    const { base, env, cacheFile } = bundleFolder(SOURCE);
    const first = runCompiled({ path: './bundle.cjs', key: 'k1' }, base, env);
    expect(first).toEqual({
      twice: 42,
      url: new URL('./bundle.cjs', base).href,
      builtin: 'function',
      fromCache: false,
    });
    expect(readFileSync(cacheFile).subarray(0, 3).toString()).toBe('k1\n');
    // V8's data starts 8 bytes in, at a pointer's alignment: V8 copies it otherwise.
    expect(readFileSync(cacheFile).subarray(3, 8)).toEqual(Buffer.alloc(5));
    const written = statSync(cacheFile).mtimeMs;
    const second = runCompiled({ path: './bundle.cjs', key: 'k1' }, base, env);
    expect(second.twice).toBe(42);
    expect(second.fromCache).toBe(true);
    // Taken as it was: not written again.
    expect(statSync(cacheFile).mtimeMs).toBe(written);
  });

  it('compiles again, and replaces the cache, for another build of the bundle', () => {
    const { base, env, cacheFile } = bundleFolder(SOURCE);
    runCompiled({ path: './bundle.cjs', key: 'old' }, base, env);
    expect(runCompiled({ path: './bundle.cjs', key: 'new' }, base, env).fromCache).toBe(false);
    expect(readFileSync(cacheFile).subarray(0, 4).toString()).toBe('new\n');
    expect(runCompiled({ path: './bundle.cjs', key: 'new' }, base, env).fromCache).toBe(true);
  });

  it('replaces a cache kept after part of the work once, by that of a run that did it all', () => {
    const { base, env, cacheFile } = bundleFolder(SOURCE);
    runCompiled({ path: './bundle.cjs', key: 'k' }, base, env, 'part');
    expect(readFileSync(cacheFile).subarray(0, 7).toString()).toBe('k part\n');
    // Another part: taken, and left as it is.
    const part = statSync(cacheFile).mtimeMs;
    expect(runCompiled({ path: './bundle.cjs', key: 'k' }, base, env, 'part').fromCache).toBe(true);
    expect(statSync(cacheFile).mtimeMs).toBe(part);
    // The whole: taken, then kept in its place.
    expect(runCompiled({ path: './bundle.cjs', key: 'k' }, base, env).fromCache).toBe(true);
    expect(readFileSync(cacheFile).subarray(0, 2).toString()).toBe('k\n');
    const whole = statSync(cacheFile).mtimeMs;
    for (const keep of [true, 'part'] as const) {
      expect(runCompiled({ path: './bundle.cjs', key: 'k' }, base, env, keep).fromCache).toBe(true);
      expect(statSync(cacheFile).mtimeMs).toBe(whole);
    }
  });

  it('keeps nothing before the work is done', () => {
    const { base, env, cacheFile } = bundleFolder(SOURCE);
    runCompiled({ path: './bundle.cjs', key: 'k' }, base, env, false);
    expect(() => statSync(cacheFile)).toThrow();
  });

  it('runs as well when the cache is garbage or cannot be written', () => {
    const { base, env, cacheFile } = bundleFolder(SOURCE);
    runCompiled({ path: './bundle.cjs', key: 'k' }, base, env);
    writeFileSync(cacheFile, Buffer.concat([Buffer.from('k\n'), Buffer.alloc(4096, 7)]));
    const refused = runCompiled({ path: './bundle.cjs', key: 'k' }, base, env);
    expect(refused.twice).toBe(42);
    expect(refused.fromCache).toBe(false);
    // Written again from what was compiled.
    expect(runCompiled({ path: './bundle.cjs', key: 'k' }, base, env).fromCache).toBe(true);

    // The cache folder is a file: nothing is kept, and nothing fails.
    const blocked = bundleFolder(SOURCE);
    writeFileSync(blocked.env.XDG_CACHE_HOME, 'not a folder');
    const run = runCompiled({ path: './bundle.cjs', key: 'k' }, blocked.base, blocked.env);
    expect(run.twice).toBe(42);
    expect(run.fromCache).toBe(false);
  });
});

describe('margin search as built', () => {
  it('keeps its code cache after the first search, and answers the same from it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'margin-compiled-'));
    folders.push(folder);
    const env = { XDG_CACHE_HOME: join(folder, 'cache') };
    const seeds = join(import.meta.dirname, '../../seeds');
    const first = await runMargin(folder, ['search', '--corpus', seeds, 'Witkov'], { env });
    const cacheFile = join(folder, 'cache', 'margin', 'code', 'search-cli.cjs.v8');
    expect(statSync(cacheFile).size).toBeGreaterThan(1000);
    const second = await runMargin(folder, ['search', '--corpus', seeds, 'Witkov'], { env });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Witkoff');
    expect(second).toEqual(first);
  });

  it('keeps the code of a search that found something over that of one that found nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'margin-compiled-'));
    folders.push(folder);
    const env = { XDG_CACHE_HOME: join(folder, 'cache') };
    const seeds = join(import.meta.dirname, '../../seeds');
    const cacheFile = join(folder, 'cache', 'margin', 'code', 'search-cli.cjs.v8');
    const header = () => readFileSync(cacheFile).subarray(0, 32).toString('latin1').split('\n')[0];
    const none = await runMargin(folder, ['search', '--corpus', seeds, 'Qwertyuiop'], { env });
    expect(none.status).toBe(1);
    expect(header()).toMatch(/ part$/);
    const found = await runMargin(folder, ['search', '--corpus', seeds, 'Witkov'], { env });
    expect(found.status).toBe(0);
    expect(header()).not.toMatch(/ part$/);
  });
});

describe('what margin search loads', () => {
  it('leaves node:crypto, node:fs/promises and the pipes’ sockets unloaded, and meow until --help needs it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'margin-compiled-'));
    folders.push(folder);
    // Node's built-ins the process loaded, written as it exits.
    const hook = join(folder, 'loaded.cjs');
    const loaded = join(folder, 'loaded.txt');
    writeFileSync(
      hook,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loaded)}, process.moduleLoadList.join('\\n')));`,
    );
    const env = { XDG_CACHE_HOME: join(folder, 'cache'), NODE_OPTIONS: `--require ${hook}` };
    const seeds = join(import.meta.dirname, '../../seeds');
    // The first builds the corpus index, which names its article table at random.
    await runMargin(folder, ['search', '--corpus', seeds, 'Witkov'], { env });
    const found = await runMargin(folder, ['search', '--corpus', seeds, 'Witkov'], { env });
    expect(found.status).toBe(0);
    expect(found.stdout).toContain('Witkoff');
    const modules = readFileSync(loaded, 'utf8').split('\n');
    expect(modules).not.toContain('NativeModule crypto');
    // Nor the promises of `node:fs`: the few files it looks at, it stats synchronously.
    expect(modules).not.toContain('NativeModule fs/promises');
    // Its answer written to the pipe's descriptor: Node's stdout and stderr never made.
    expect(modules).not.toContain('NativeModule net');
    const help = await runMargin(folder, ['search', '--help'], { env });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('$ margin search Witkov');
  });
});

describe('margin as package.json names it', () => {
  const root = join(import.meta.dirname, '../..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
    bin: { margin: string };
  };

  it('is a CommonJS script, which Node starts sooner than an ES module', () => {
    expect(pkg.bin.margin).toMatch(/\.cjs$/);
    // The search bundle it runs is named in it; the commands' code is not.
    const bin = readFileSync(join(root, pkg.bin.margin), 'utf8');
    expect(bin).toContain('search-cli.cjs');
    expect(bin.length).toBeLessThan(16_384);
  });

  it('runs every other command through cli.js, and search as cli.js does', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'margin-bin-'));
    folders.push(folder);
    const env = { XDG_CACHE_HOME: join(folder, 'cache') };
    const seeds = join(import.meta.dirname, '../../seeds');
    const version = await runMargin(folder, ['--version'], { env });
    expect(version.stdout.trim()).toBe(pkg.version);
    const listed = await runMargin(folder, ['list', '--corpus', seeds], { env });
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('000_4b207f45d15cbf96');
    const search = ['search', '--corpus', seeds, '--json', 'Witkov Moscow'];
    const bin = await runMargin(folder, search, { env });
    const modules = execFileSync(process.execPath, [join(root, 'dist/cli.js'), ...search], {
      cwd: folder,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(bin.status).toBe(0);
    expect(bin.stdout).toBe(modules);
  });
});
