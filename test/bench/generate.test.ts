import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  generateArticle,
  generateCorpus,
  generateLongArticle,
  prepareWorkspace,
} from '../../bench/generate.js';

const SEED = 7;
const sample = Array.from({ length: 400 }, (_, index) => generateArticle(SEED, index));
const all = sample.map((article) => article.content).join('\n');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'margin-bench-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function digest(folder: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(folder)).sort()) {
    hash.update(name);
    hash.update(await readFile(path.join(folder, name)));
  }
  return hash.digest('hex');
}

describe('generateArticle', () => {
  it('gives the same bytes for the same seed and index', () => {
    expect(generateArticle(SEED, 42)).toEqual(generateArticle(SEED, 42));
    expect(generateLongArticle(SEED, 500)).toBe(generateLongArticle(SEED, 500));
  });

  it('gives different articles for another seed or index', () => {
    expect(generateArticle(SEED + 1, 42).content).not.toBe(generateArticle(SEED, 42).content);
    expect(generateArticle(SEED, 43).content).not.toBe(generateArticle(SEED, 42).content);
  });

  it('names files like the seeds, numbered in order', () => {
    expect(sample[0]!.name).toMatch(/^00000_[0-9a-f]{16}\.(txt|md|html)$/);
    expect(sample[399]!.name).toMatch(/^00399_[0-9a-f]{16}\./);
  });

  it('writes mostly plain text, some Markdown and some HTML', () => {
    const count = (extension: string) => sample.filter((a) => a.name.endsWith(extension)).length;
    expect(count('.txt')).toBeGreaterThan(250);
    expect(count('.md')).toBeGreaterThan(15);
    expect(count('.html')).toBeGreaterThan(15);
  });

  it('makes news-sized articles: about 30 sentences, 1–17 KB, a few KB typical', () => {
    const sizes = sample.map((a) => Buffer.byteLength(a.content));
    const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    expect(Math.min(...sizes)).toBeGreaterThan(400);
    expect(Math.max(...sizes)).toBeLessThan(17_500);
    expect(mean).toBeGreaterThan(3_500);
    expect(mean).toBeLessThan(6_500);
    const sentences = sample.reduce((sum, a) => sum + a.sentences, 0) / sample.length;
    expect(sentences).toBeGreaterThan(26);
    expect(sentences).toBeLessThan(34);
  });

  it.each([
    ['a date prefix', /^ date \d{4}-\d\d-\d\d /m],
    ['inline links', /<a href="https:\/\/www\.[^"]+" target="_blank">/],
    ['an ad publisher id', /^pub-\d{15}$/m],
    ['a donation appeal', /A Message from [^:]+:\n\nDear readers,/],
    ['a hashtag line', /^#\S+ #\S+/m],
    ['the image optimizer credit', /^Optimized by Optimole$/m],
    ['share counters', /\n\n {4}\d+\n {4}0\n\n/],
    ['a language menu', /Укр Рус Eng Support Us/],
    ['"Support Us"', /^Support Us$/m],
    [
      'a byline glued to its dateline',
      /[a-z](Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d/,
    ],
    ['"Advertisement:"', /^Advertisement:$/m],
    ['a glued tag list', /[a-z](Russia|Diplomacy|Markets|Politics|Iran|EU)[A-Z]/],
    ['a RECENT NEWS list', /^RECENT NEWS\n\d\d:\d\d\n.+\n\d\d:\d\d\n/m],
    ['an agency trailer', /\n(MNA\/|\(Reuters\)|— AFP|IRNA\/|\/TASS\/|\(AP\)|ANSA\/)$/],
    ['HTML page furniture', /<nav>[\s\S]*<\/header>[\s\S]*<footer>/],
    ['scripts', /<script>[^<]+<\/script>/],
    ['Open Graph meta', /<meta property="og:title" content="[^"]+">/],
    ['character references', /&#8220;|&rsquo;|&amp;/],
    ['Markdown links and headings', /^# .+\n\n\*By [^*]+\*[\s\S]*\]\(https:\/\//m],
    ['curly quotes', /“[^”]+,” /],
    ['abbreviations', /\bMr\. [A-Z][\s\S]*\bU\.S\.[\s\S]*\ba\.m\./],
    ['Dr. with a name', /\bDr\.? [A-Z]/],
    ['numbers with separators', /\b\d{1,3},\d{3}\b/],
    [
      'long dates',
      /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/,
    ],
    ['CRLF line ends', /\r\n/],
  ])('contains %s', (_, pattern) => {
    expect(all).toMatch(pattern);
  });

  it('spells names both ways, as different outlets do', () => {
    for (const [one, other] of [
      ['Witkoff', 'Witkov'],
      [/Zelenskyy\b/, /Zelensky\b/],
      ['Kyiv', 'Kiev'],
    ] as const) {
      expect(all).toMatch(one);
      expect(all).toMatch(other);
    }
  });
});

describe('generateCorpus', () => {
  it('writes the same files, byte for byte, for the same seed', async () => {
    const first = path.join(dir, 'first');
    const second = path.join(dir, 'second');
    const manifest = await generateCorpus(first, { count: 60, seed: SEED });
    await generateCorpus(second, { count: 60, seed: SEED });
    expect(await readdir(first)).toHaveLength(60);
    expect(await digest(second)).toBe(await digest(first));
    expect(manifest).toMatchObject({ seed: SEED, articles: 60 });
    expect(Object.values(manifest.styles).reduce((sum, n) => sum + n, 0)).toBe(60);
  });

  it('makes the smaller corpus the start of the larger one', async () => {
    await generateCorpus(dir, { count: 30, seed: SEED });
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(sample.slice(0, 30).map((a) => a.name));
    expect(await readFile(path.join(dir, names[29]!), 'utf8')).toBe(sample[29]!.content);
  });
});

describe('prepareWorkspace', () => {
  it('generates once, then reuses the corpus while version, size and seed match', async () => {
    const messages: string[] = [];
    const log = (message: string) => messages.push(message);
    const first = await prepareWorkspace({ quick: true, dir, articles: 25, seed: SEED, log });
    expect(first.generated).toBe(true);
    expect(first.articleCount).toBe(25);
    expect(await readdir(first.corpusDir)).toHaveLength(25);
    expect(first.corpusDir.startsWith(first.workDir)).toBe(true);

    await writeFile(path.join(first.workDir, 'store.json'), '{}');
    const second = await prepareWorkspace({ quick: true, dir, articles: 25, seed: SEED, log });
    expect(second.generated).toBe(false);
    expect(messages.at(-1)).toMatch(/^reusing 25 articles in /);
    expect(await readdir(second.workDir)).toContain('store.json');
  });

  it('regenerates when a file is missing or the manifest was not written', async () => {
    const log = () => {};
    const first = await prepareWorkspace({ quick: true, dir, articles: 12, seed: SEED, log });
    const [name] = await readdir(first.corpusDir);
    await rm(path.join(first.corpusDir, name!));
    const second = await prepareWorkspace({ quick: true, dir, articles: 12, seed: SEED, log });
    expect(second.generated).toBe(true);
    expect(await readdir(second.corpusDir)).toHaveLength(12);

    await rm(path.join(second.workDir, 'manifest.json'));
    expect(
      (await prepareWorkspace({ quick: true, dir, articles: 12, seed: SEED, log })).generated,
    ).toBe(true);
  });

  it('keeps corpora of different sizes and seeds apart', async () => {
    const log = () => {};
    const small = await prepareWorkspace({ quick: true, dir, articles: 5, seed: SEED, log });
    const other = await prepareWorkspace({ quick: true, dir, articles: 5, seed: SEED + 1, log });
    expect(other.workDir).not.toBe(small.workDir);
    expect(
      (await prepareWorkspace({ quick: true, dir, articles: 5, seed: SEED, log })).generated,
    ).toBe(false);
  });
});
