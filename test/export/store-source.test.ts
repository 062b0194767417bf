import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type CorpusIndex, memoryCorpusIndex } from '../../source/corpus/corpus-index.js';
import type { Article } from '../../source/corpus/types.js';
import { agreementReport } from '../../source/export/agreement-report.js';
import { articleEntries, storeEntries } from '../../source/export/article-entries.js';
import { FORMATS } from '../../source/export/formats.js';
import { computeStats, statsOver } from '../../source/export/stats.js';
import { exportToMemory } from '../../source/export/stream.js';
import { serialise } from '../../source/store/format.js';
import { encodeName, openRepository } from '../../source/store/index.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import type { Repository } from '../../source/store/repository.js';
import { emptyDoc, type StoreDoc } from '../../source/store/schema.js';
import type { PlacedAnnotation } from '../../source/store/types.js';
import { articleOfSentences } from '../helpers/articles.js';
import { place } from './fixture.js';
import { goldenStore } from './golden-fixture.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Writes annotations as margin's store files, each annotator's status per article included. */
async function writeStore(
  annotations: readonly PlacedAnnotation[],
  status: (article: string, annotator: string) => string = () => 'unreviewed',
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'margin-source-'));
  made.push(root);
  const docs = new Map<string, StoreDoc>();
  for (const { article, annotator, placement: _placement, ...stored } of annotations) {
    const key = `${annotator}\u0000${article}`;
    let doc = docs.get(key);
    if (!doc) {
      doc = emptyDoc(article, annotator);
      doc.status = status(article, annotator) as StoreDoc['status'];
      docs.set(key, doc);
    }
    doc.annotations.push(stored);
  }
  for (const doc of docs.values()) {
    await mkdir(join(root, encodeName(doc.annotator)), { recursive: true });
    const file = join(root, encodeName(doc.annotator), `${encodeName(doc.article)}.json`);
    await writeFile(file, serialise(doc));
  }
  return root;
}

async function goldenRepository(): Promise<{ repository: Repository; corpus: CorpusIndex }> {
  const golden = goldenStore();
  const root = await writeStore(golden.annotations, golden.statuses);
  const corpus = memoryCorpusIndex('', golden.articles);
  const repository = await openRepository({ root, annotator: 'reader', corpus });
  return { repository, corpus };
}

describe('the export read from the store, article by article', () => {
  it.each(FORMATS)('%s: the same bytes as from the annotations in memory', async (format) => {
    const golden = goldenStore();
    const { repository } = await goldenRepository();
    const options = { labels: DEFAULT_LABELS, annotators: repository.annotators() };
    const before = await exportToMemory(
      format,
      articleEntries(golden.articles, golden.annotations, golden.statuses),
      options,
    );
    const now = await exportToMemory(format, storeEntries(repository.annotated()), options);
    expect(now.text).toBe(before.text);
    expect([...now.files]).toEqual([...before.files]);
    expect(now.summary).toEqual(before.summary);
    expect(now.summary.annotations).toBe(golden.annotations.length);
    await repository.close();
  });

  it('reads an article of the corpus only when the export reaches it', async () => {
    const articles: Article[] = Array.from({ length: 50 }, (_, n) =>
      articleOfSentences(`art${String(n).padStart(2, '0')}`, [
        [`Sentence one of article ${n}.`, `Sentence two of article ${n}.`],
      ]),
    );
    const root = await writeStore(articles.map((article) => place(article, 1, 'claim', 'alice')));
    let reads = 0;
    const inMemory = memoryCorpusIndex('', articles);
    const corpus: CorpusIndex = {
      ...inMemory,
      article: (id) => {
        reads++;
        return inMemory.article(id);
      },
    };
    const repository = await openRepository({ root, annotator: 'alice', corpus });
    const readWhen: number[] = [];
    for (const entry of storeEntries(repository.annotated())) {
      readWhen.push(reads);
      expect(entry.annotations).toHaveLength(1);
    }
    // The first article is handed on after one article was read, the last after all of them.
    expect(readWhen[0]).toBeLessThanOrEqual(2);
    expect(readWhen).toHaveLength(50);
    expect(readWhen.at(-1)).toBeGreaterThanOrEqual(50);
    await repository.close();
  });
});

describe('stats and agreement from the store', () => {
  it('give the figures they give from the annotations in memory', async () => {
    const golden = goldenStore();
    const { repository, corpus } = await goldenRepository();
    const annotators = repository.annotators();
    const totals = repository.totals();
    expect(
      statsOver(corpus.summaries(0, corpus.size()), totals, golden.statuses, annotators),
    ).toEqual(computeStats(golden.articles, golden.annotations, golden.statuses, annotators));
    const stats = computeStats(golden.articles, golden.annotations, golden.statuses, annotators);
    expect(stats.missingArticles).toBe(2);
    expect(stats.orphans).toBe(3);
    const fromStore = agreementReport(
      golden.articles,
      repository.list(),
      (article, annotator) => repository.status(article, annotator),
      ['alice', 'bob'],
    );
    expect(fromStore).toEqual(
      agreementReport(golden.articles, golden.annotations, golden.statuses, ['alice', 'bob']),
    );
    await repository.close();
  });
});
