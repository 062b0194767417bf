import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { NO_STORY, storyView } from '../../source/review/story.js';
import { storyGroups } from '../../source/story/index.js';
import { KEYS, renderApp } from './harness.js';

const SEEDS = new URL('../../seeds/', import.meta.url).pathname;
const FIRST = 'Russia said on Friday it is preparing';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A corpus of the seeds' `names`, and 000 (The National) scraped a second time as 005. */
async function corpusOf(names: string[], copy: boolean) {
  const dir = await mkdtemp(join(tmpdir(), 'margin-outlets-'));
  made.push(dir);
  for (const name of names) await copyFile(join(SEEDS, name), join(dir, name));
  if (copy) await copyFile(join(SEEDS, '000_4b207f45d15cbf96.txt'), join(dir, '005_copy.txt'));
  const { articles } = await loadCorpus(dir, { cacheDir: null });
  return articles;
}

/** The review on the corpus's first article, its groups formed, the row of its first sentence. */
async function firstSentence(names: string[], copy: boolean, columns = 100, rows = 30) {
  const articles = await corpusOf(names, copy);
  const app = await renderApp({
    articles,
    columns,
    rows,
    state: { story: { ...NO_STORY, view: storyView(storyGroups(articles)) } },
  });
  await app.press(KEYS.enter);
  const row = (frame: string) => frame.split('\n').find((line) => line.includes(FIRST)) ?? '';
  return { app, row: row(await app.waitFor((f) => row(f).startsWith('▶'), 'the article')) };
}

describe('the story view counts outlets, not articles (qa51)', () => {
  it('does not count a second copy of the same outlet’s article as another outlet', async () => {
    const { app, row } = await firstSentence(
      ['000_4b207f45d15cbf96.txt', '001_d7fb493d5d978b6e.txt'],
      true,
    );
    // The Moscow Times, not the copy of The National.
    expect(row).toMatch(/^▶ {4}1 Russia/);
    await app.press('o');
    const panel = await app.waitFor((f) => f.includes('this:'), 'the panel');
    expect(panel).toContain('1 other outlet reports this; 1 other article of The National too');
    expect(panel).toMatch(/The National · 2025-03-14 · same outlet/);
    expect(panel).toMatch(/The Moscow Times · undated\n/);
    app.unmount();
  });

  it('a sentence only the same outlet’s copy has: no count, and the panel says so', async () => {
    const { app, row } = await firstSentence(['000_4b207f45d15cbf96.txt'], true);
    expect(row).toMatch(/^▶ {6}Russia/);
    await app.press('o');
    const panel = await app.waitFor((f) => f.includes('this:'), 'the panel');
    expect(panel).toContain('no other outlet reports this; 1 other article of The National too');
    app.unmount();
  });

  it('names an article of unknown source apart from the outlets, as margin story does', async () => {
    const { app, row } = await firstSentence(
      ['000_4b207f45d15cbf96.txt', '001_d7fb493d5d978b6e.txt', '002_95852239c1d84bad.txt'],
      false,
    );
    // 002 may be another outlet: counted, and named for what it is.
    expect(row).toMatch(/^▶ {4}2 Russia/);
    await app.press('o');
    const panel = await app.waitFor((f) => f.includes('this:'), 'the panel');
    expect(panel).toContain('1 other outlet and 1 article of unknown source report this');
    app.unmount();
  });

  it('names the kind first, so that it shows at 60 columns, and keeps x unlink in the bar', async () => {
    const names = ['000_4b207f45d15cbf96.txt', '001_d7fb493d5d978b6e.txt'];
    const { app } = await firstSentence([...names, '002_95852239c1d84bad.txt'], false, 60, 15);
    await app.press('o');
    const panel = await app.waitFor((f) => f.includes('this:'), 'the panel');
    const lines = panel.split('\n');
    // Under the header: the title, cut at the edge after the kind and the outlets.
    expect(lines[1]).toMatch(/^claim · 1 other outlet and 1 article of unknown source/);
    expect(lines.at(-1)).toContain('x unlink');
    app.unmount();
  });
});
