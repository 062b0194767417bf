import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { storeEntries } from '../../source/export/article-entries.js';
import type { Format } from '../../source/export/formats.js';
import { exportToMemory } from '../../source/export/stream.js';
import { openRepository } from '../../source/store/index.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import type { Repository } from '../../source/store/repository.js';
import type { RenderedArticle } from '../../source/store/types.js';
import { seededCorpus } from './seeded-corpus.js';
import { useTempFolder } from './temp-store.js';

/**
 * Every format: jsonl and csv write what the index kept of each placement, the others read the
 * article's text (a task's whole text, w3c's context) from the stand-in an export is given.
 */
const EXPORTED: Format[] = ['jsonl', 'csv', 'w3c', 'prodigy', 'doccano', 'label-studio', 'brat'];

/**
 * What the review, stats and an export read of the store: each annotator's annotations, counts
 * per article and annotator, placements, the exports' bytes.
 */
async function seen(repository: Repository) {
  // First, as the review asks for them when it opens: each annotator's own, placed.
  const own = ['alice', 'bob'].map((annotator) =>
    repository
      .list({ annotator })
      .map((a) => [a.article, a.label, a.placement?.sentence ?? null, a.placement?.start ?? null]),
  );
  const exported: Record<string, string> = {};
  for (const format of EXPORTED) {
    const options = { labels: DEFAULT_LABELS, annotators: repository.annotators() };
    const source = storeEntries(repository.annotated());
    const { text, files } = await exportToMemory(format, source, options);
    exported[format] = [text, ...[...files].sort().flat()].join('\n');
  }
  const totals = repository.totals();
  const counted = {
    labels: Object.fromEntries([...totals.labels].sort(([a], [b]) => (a < b ? -1 : 1))),
    orphans: totals.orphans,
    perArticle: [...totals.perArticle].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
  const placed = [...repository.annotated()].flatMap((each) =>
    each.annotations.map((a) => [
      each.id,
      a.annotator,
      a.label,
      a.placement?.sentence ?? null,
      a.placement?.start ?? null,
      each.status(a.annotator),
    ]),
  );
  return { own, counted, placed, exported };
}

/** Hands the corpus's files' time back an hour, as files that came with `git pull`. */
async function age(path: string) {
  const hourAgo = new Date(Date.now() - 3600_000);
  await utimes(path, hourAgo, hourAgo);
}

describe('placements kept in the store index', () => {
  const tempFolder = useTempFolder();

  async function setUp() {
    const { cacheDir, root, corpus } = await seededCorpus(tempFolder);
    const index = await corpus();
    const articles = [...index.articles()];
    // Each article's claim: a sentence the file holds as it is, so that a test can take it out.
    const claims: string[] = [];
    for (const article of articles) {
      const raw = await readFile(article.path, 'utf8');
      const sentence = article.sentences.slice(1, -1).find((each) => raw.includes(each.text));
      if (!sentence) throw new Error(`no sentence of ${article.id} stands as it is in its file`);
      claims.push(sentence.id);
    }
    for (const annotator of ['alice', 'bob']) {
      const repository = await openRepository({ root, annotator, corpus: index, cacheDir });
      for (const [at, article] of articles.entries()) {
        await repository.tag(article, claims[at]!, 'claim');
        await repository.tag(article, article.sentences.at(-1)!.id, 'quote');
      }
      await repository.setStatus(articles[0]!.id, 'done');
      await repository.close();
    }
    index.close();
    /** What a warm open sees (the index kept in `cacheDir`), and what a fresh read of every file sees. */
    const views = async () => {
      const index = await corpus();
      try {
        const warm = await openRepository({ root, annotator: 'carol', corpus: index, cacheDir });
        const fromIndex = await seen(warm);
        await warm.close();
        const fresh = await openRepository({ root, annotator: 'carol', corpus: index });
        const fromFiles = await seen(fresh);
        await fresh.close();
        return { fromIndex, fromFiles };
      } finally {
        index.close();
      }
    };
    return { root, articles, claims, views, cacheDir, corpus };
  }

  it('give the counts and placements a fresh read gives, open after open', async () => {
    const { views } = await setUp();
    for (let open = 0; open < 3; open++) {
      const { fromIndex, fromFiles } = await views();
      expect(fromIndex).toEqual(fromFiles);
      expect(fromIndex.counted.perArticle).toHaveLength(3);
      expect(fromIndex.counted.orphans).toBe(0);
    }
  });

  it("give each article's text as JSON with what was rendered of it, when asked", async () => {
    const { root, articles, cacheDir, corpus } = await setUp();
    const index = await corpus();
    try {
      const repository = await openRepository({
        root,
        annotator: 'carol',
        corpus: index,
        cacheDir,
      });
      const rendered = [...repository.rendered('a format 1', undefined, true)];
      expect(rendered.map((each) => each.id).sort()).toEqual(articles.map((a) => a.id).sort());
      for (const each of rendered) {
        expect(Buffer.from(each.quoted!).toString('utf8')).toBe(JSON.stringify(each.article!.text));
      }
      expect([...repository.rendered('a format 1')].every((each) => !each.quoted)).toBe(true);
      await repository.close();
    } finally {
      index.close();
    }
  });

  it('read no headline for a format that writes none, in the same order, the title on demand', async () => {
    const { root, cacheDir, corpus } = await setUp();
    const index = await corpus();
    const headlines = vi.spyOn(index, 'headlinesOf');
    try {
      const repository = await openRepository({
        root,
        annotator: 'carol',
        corpus: index,
        cacheDir,
      });
      const fields = (each: RenderedArticle) => {
        const { id, title, source, date, byline, text } = each.article!;
        return [each.id, id, title, source, date, byline, text];
      };
      const idOnly = [...repository.rendered('a format 1', undefined, true, false)];
      expect(headlines).not.toHaveBeenCalled();
      const headed = [...repository.rendered('a format 1', undefined, true)];
      expect(headlines).toHaveBeenCalled();
      expect(idOnly.map(fields)).toEqual(headed.map(fields));
      // The seeds give a title to some: read with the text, as the headline would have given it.
      expect(idOnly.some((each) => each.article!.title)).toBe(true);
      await repository.close();
    } finally {
      headlines.mockRestore();
      index.close();
    }
  });

  it('follow a store file changed behind them', async () => {
    const { root, articles, views } = await setUp();
    await views();
    // bob's file of the first article replaced by a copy of alice's, as a git pull would.
    const file = (annotator: string) => join(root, annotator, `${articles[0]!.id}.json`);
    const alice = JSON.parse(await readFile(file('alice'), 'utf8'));
    alice.annotator = 'bob';
    alice.annotations = alice.annotations.map((a: { label: string }) => ({ ...a, label: 'event' }));
    await writeFile(file('bob'), `${JSON.stringify(alice, null, 2)}\n`);
    await age(file('bob'));
    const { fromIndex, fromFiles } = await views();
    expect(fromIndex).toEqual(fromFiles);
    expect(fromIndex.counted.labels.bob).toEqual({ claim: 2, quote: 2, event: 2 });
  });

  it('follow a store file edited in place once the index holds every folder as it is', async () => {
    const { root, articles, views } = await setUp();
    const files = ['alice', 'bob'].flatMap((annotator) =>
      articles.map((article) => join(root, annotator, `${article.id}.json`)),
    );
    // Files that came with a pull long ago: read once more, then the index holds them as they are.
    for (const path of files) await age(path);
    for (let open = 0; open < 3; open++) await views();
    // bob's file of the second article rewritten where it is (same file, same folder time).
    const path = join(root, 'bob', `${articles[1]!.id}.json`);
    const bob = JSON.parse(await readFile(path, 'utf8'));
    bob.annotations = bob.annotations.map((a: { label: string }) => ({ ...a, label: 'event' }));
    await writeFile(path, `${JSON.stringify(bob, null, 2)}\n`);
    await age(path);
    const { fromIndex, fromFiles } = await views();
    expect(fromIndex).toEqual(fromFiles);
    expect(fromIndex.counted.labels.bob).toEqual({ claim: 2, quote: 2, event: 2 });
  });

  it('are placed again when the article text changes, and name the orphans', async () => {
    const { articles, claims, views } = await setUp();
    await views();
    // The second article loses the sentence alice and bob tagged as a claim.
    const { path, sentences } = articles[1]!;
    const gone = sentences.find((sentence) => sentence.id === claims[1])!.text;
    await writeFile(path, (await readFile(path, 'utf8')).replace(gone, ''));
    await age(path);
    const { fromIndex, fromFiles } = await views();
    expect(fromIndex).toEqual(fromFiles);
    // alice's claim and bob's on the second article, and no other.
    expect(fromIndex.counted.orphans).toBe(2);
  });

  it('export what a fresh read exports after a tagged sentence changed behind an emoji', async () => {
    const { articles, claims, views } = await setUp();
    await views();
    // An emoji in the tagged sentence: the claim is placed again by approximate match, on text
    // that is no longer its quote, and offsets in code points differ from UTF-16 ones after it.
    const { path, sentences } = articles[1]!;
    const claim = sentences.find((sentence) => sentence.id === claims[1])!.text;
    const changed = claim.replace(' ', ' \u{1F642} ');
    await writeFile(path, (await readFile(path, 'utf8')).replace(claim, changed));
    await age(path);
    for (let open = 0; open < 2; open++) {
      const { fromIndex, fromFiles } = await views();
      expect(fromIndex).toEqual(fromFiles);
      expect(fromIndex.exported.jsonl).toContain('\u{1F642}');
      expect(fromIndex.counted.orphans).toBe(0);
    }
  });

  it('count an article gone from the corpus as gone, its annotations as orphans', async () => {
    const { articles, views } = await setUp();
    await views();
    await rm(articles[2]!.path);
    // The second open finds the placements for no text confirmed, and counts without placing.
    for (let open = 0; open < 2; open++) {
      const { fromIndex, fromFiles } = await views();
      expect(fromIndex).toEqual(fromFiles);
      // Both annotators' two annotations of the third article, counted still.
      expect(fromIndex.counted.orphans).toBe(4);
      expect(fromIndex.counted.perArticle).toContainEqual([articles[2]!.id, 4]);
    }
  });
});
