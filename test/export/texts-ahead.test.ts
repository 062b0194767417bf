import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { command as exportCommand } from '../../source/commands/export.js';
import { textsAheadSettings } from '../../source/commands/export-texts.js';
import { openCorpusIndex } from '../../source/corpus/db/open.js';
import { textsAhead } from '../../source/corpus/db/texts-ahead.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { eventually } from '../helpers/patience.js';
import { run, useWorkspace } from './workspace.js';

/** alice and bob on every article of the workspace's corpus, bob only on the even ones. */
async function annotated(dir: string) {
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  for (const annotator of ['alice', 'bob']) {
    const store = await openRepository({ root: join(dir, 'store'), annotator, articles });
    for (const [at, article] of articles.entries()) {
      if (annotator === 'bob' && at % 2 === 1) continue;
      await store.tag(article, article.sentences[0]!.id, 'quote');
      await store.tag(article, article.sentences.at(-1)!.id, 'claim');
    }
    await store.close();
  }
  return articles;
}

/** Every file below `folder` by path, with its text. */
async function filesIn(folder: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else found.set(relative(folder, path), await readFile(path, 'utf8'));
    }
  };
  await walk(folder);
  return found;
}

const settings = { ...textsAheadSettings };
afterEach(() => {
  Object.assign(textsAheadSettings, settings);
});

describe('texts read ahead on another thread', () => {
  const workspace = useWorkspace();

  it('gives each text as the corpus index does, once, and none it was not asked for', async () => {
    const dir = await workspace();
    const { index } = await openCorpusIndex(join(dir, 'corpus'), {
      cacheDir: join(dir, 'cache', 'margin'),
      refresh: 'quick',
    });
    try {
      const ids = [...index.articles()].map((article) => article.id);
      expect(ids.length).toBeGreaterThan(3);
      for (const form of ['quoted', 'plain'] as const) {
        const own = (id: string) =>
          form === 'quoted' ? index.quotedText!(id) : index.plainText!(id);
        const reader = textsAhead(index.file!, form)!;
        try {
          // Two windows, the second with an id the corpus does not have.
          reader.ask(ids.slice(0, 2));
          reader.ask([...ids.slice(2), 'no-such-article']);
          for (const id of [...ids].reverse()) {
            expect(Buffer.from(reader.take(id)!).equals(Buffer.from(own(id)!))).toBe(true);
          }
          // Taken out once given, and never given for what was not asked or is not there.
          expect(reader.take(ids[0]!)).toBeUndefined();
          expect(reader.take('no-such-article')).toBeUndefined();
          reader.ask([ids[0]!]);
          expect(reader.take(ids[1]!)).toBeUndefined();
          expect(reader.take(ids[0]!)).toBeDefined();
        } finally {
          await reader.close();
        }
        expect(reader.take(ids[0]!)).toBeUndefined();
      }
    } finally {
      index.close();
    }
  });

  it('gives nothing, without waiting, when its thread cannot open the index', async () => {
    const dir = await workspace();
    // Patient for an hour: were the thread's word not heard, nothing would end the wait below.
    const reader = textsAhead(join(dir, 'no-such-index.sqlite'), 'quoted', 3_600_000)!;
    await eventually(() => (reader.failed ? true : undefined), 'the thread to say it failed');
    reader.ask(['a']);
    expect(reader.take('a')).toBeUndefined();
    await reader.close();
  });

  it.each(['label-studio', 'prodigy', 'doccano'])(
    'writes the same %s export as the main thread reading each text',
    async (format) => {
      const dir = await workspace();
      const articles = await annotated(dir);
      textsAheadSettings.from = Number.POSITIVE_INFINITY;
      const expected = await run(exportCommand, dir, [], { format });
      expect(expected.status).toBe(0);
      // Twice: the first renders every file and keeps it, the second writes what was kept.
      for (let round = 0; round < 2; round++) {
        textsAheadSettings.from = 0;
        const { started, given, missed } = textsAheadSettings;
        const ahead = await run(exportCommand, dir, [], { format });
        expect(textsAheadSettings.started).toBe(started + 1);
        // Every article's text from the thread (each has a file with spans), none read here.
        expect(textsAheadSettings.given - given).toBeGreaterThanOrEqual(articles.length);
        expect(textsAheadSettings.missed).toBe(missed);
        expect(ahead).toEqual(expected);
      }
    },
  );

  it('writes the same brat folder as the main thread reading each text', async () => {
    const dir = await workspace();
    const articles = await annotated(dir);
    textsAheadSettings.from = Number.POSITIVE_INFINITY;
    expect((await run(exportCommand, dir, [], { format: 'brat', out: 'own' })).status).toBe(0);
    textsAheadSettings.from = 0;
    const { started, given, missed } = textsAheadSettings;
    expect((await run(exportCommand, dir, [], { format: 'brat', out: 'ahead' })).status).toBe(0);
    expect(textsAheadSettings.started).toBe(started + 1);
    expect(textsAheadSettings.given - given).toBeGreaterThanOrEqual(articles.length);
    expect(textsAheadSettings.missed).toBe(missed);
    const own = await filesIn(join(dir, 'own'));
    expect(own.size).toBeGreaterThan(4);
    expect(await filesIn(join(dir, 'ahead'))).toEqual(own);
  });
});
