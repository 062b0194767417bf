/**
 * The data most sections start from, built the same way for all of them: the generated corpus
 * loaded through margin's own reader (with its cache kept in the work folder, so only the first
 * section of a run pays for cleaning), the 300,000-annotation store contents and the sentence
 * list for fzf.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus } from '../source/corpus/index.js';
import type { Article } from '../source/corpus/types.js';
import { serialise } from '../source/store/format.js';
import { encodeName } from '../source/store/index.js';
import { emptyDoc, type StoreDoc } from '../source/store/schema.js';
import type { Annotation } from '../source/store/types.js';
import { generateAnnotations, generateSentenceList } from './generate.js';
import type { BenchContext } from './types.js';

export const ANNOTATORS = ['alice', 'bob', 'carol'] as const;
/** 30 per article: 300,000 on the full corpus, 15,000 with --quick. */
export const ANNOTATIONS_PER_ARTICLE = 30;

type Where = Pick<BenchContext, 'corpusDir' | 'workDir'>;

/** The folder margin's corpus cache uses during the bench (not the user's own cache). */
export const benchCacheDir = (context: Where): string => path.join(context.workDir, 'corpus-cache');

/** Every article of the generated corpus; throws if any file could not be read. */
export async function loadArticles(context: Where): Promise<Article[]> {
  const load = await loadCorpus(context.corpusDir, { cacheDir: benchCacheDir(context) });
  if (load.problems.length > 0) {
    const first = load.problems[0]!;
    throw new Error(
      `${load.problems.length} generated files could not be read, first ${first.path}: ${first.message}`,
    );
  }
  return load.articles;
}

/** Annotations by alice, bob and carol on `articles`, the same on every run. */
export function benchAnnotations(articles: readonly Article[]): Annotation[] {
  return generateAnnotations(articles, {
    perArticle: ANNOTATIONS_PER_ARTICLE,
    annotators: ANNOTATORS,
  });
}

/** Writes `sentences.txt` (one sentence per line) into the work folder; returns its path. */
export async function writeSentenceList(context: Where, articles: readonly Article[]) {
  return generateSentenceList(articles, path.join(context.workDir, 'sentences.txt'));
}

/**
 * Writes the store's files directly (setup, not what is measured): one per annotator and article,
 * in a folder for each annotator the annotations name. Returns how many files it wrote.
 */
export async function writeStore(root: string, annotations: Annotation[]): Promise<number> {
  const docs = new Map<string, StoreDoc>();
  for (const { article, annotator, ...stored } of annotations) {
    const key = `${annotator}\u0000${article}`;
    let doc = docs.get(key);
    if (!doc) {
      doc = emptyDoc(article, annotator);
      docs.set(key, doc);
    }
    doc.annotations.push(stored);
  }
  const annotators = new Set([...docs.values()].map((doc) => doc.annotator));
  for (const annotator of annotators) {
    await mkdir(path.join(root, encodeName(annotator)), { recursive: true });
  }
  const all = [...docs.values()];
  for (let from = 0; from < all.length; from += 256) {
    await Promise.all(
      all
        .slice(from, from + 256)
        .map((doc) =>
          writeFile(
            path.join(root, encodeName(doc.annotator), `${encodeName(doc.article)}.json`),
            serialise(doc),
          ),
        ),
    );
  }
  return docs.size;
}
