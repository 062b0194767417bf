/**
 * The benchmark's data: a deterministic corpus of news-like articles written to disk (cached
 * between runs), annotations on loaded articles, and a sentence list for external tools (fzf).
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../source/corpus/types.js';
import { DEFAULT_SEED, GENERATOR_VERSION, generateArticle } from './generate/article.js';

export { type AnnotationOptions, generateAnnotations } from './generate/annotations.js';
export {
  DEFAULT_SEED,
  GENERATOR_VERSION,
  type GeneratedArticle,
  generateArticle,
  generateLongArticle,
} from './generate/article.js';

export const FULL_ARTICLES = 10_000;
export const QUICK_ARTICLES = 500;

export interface CorpusManifest {
  generator: number;
  seed: number;
  articles: number;
  bytes: number;
  styles: Record<string, number>;
}

export interface Workspace {
  /** The generated articles, one file each. */
  corpusDir: string;
  articleCount: number;
  /** Scratch space for sections, kept as long as the corpus is (stores, caches, lists). */
  workDir: string;
  manifest: CorpusManifest;
  /** False when an existing corpus was reused. */
  generated: boolean;
}

/** Writes articles `0..count-1` for `seed` into `dir`; returns what was written. */
export async function generateCorpus(
  dir: string,
  options: { count: number; seed?: number; log?: (message: string) => void },
): Promise<CorpusManifest> {
  const seed = options.seed ?? DEFAULT_SEED;
  await mkdir(dir, { recursive: true });
  const manifest: CorpusManifest = {
    generator: GENERATOR_VERSION,
    seed,
    articles: options.count,
    bytes: 0,
    styles: {},
  };
  // Writing in batches keeps a few hundred writes in flight without opening 10,000 files at once.
  const batch = 256;
  for (let from = 0; from < options.count; from += batch) {
    const writes: Promise<void>[] = [];
    for (let index = from; index < Math.min(options.count, from + batch); index++) {
      const article = generateArticle(seed, index);
      manifest.bytes += Buffer.byteLength(article.content);
      manifest.styles[article.style] = (manifest.styles[article.style] ?? 0) + 1;
      writes.push(writeFile(path.join(dir, article.name), article.content));
    }
    await Promise.all(writes);
    const done = Math.min(options.count, from + batch);
    if (done % 2048 === 0 || done === options.count) {
      options.log?.(
        `generated ${done.toLocaleString('en-US')} of ${options.count.toLocaleString('en-US')} articles`,
      );
    }
  }
  return manifest;
}

async function readManifest(file: string): Promise<CorpusManifest | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as CorpusManifest;
  } catch {
    return null;
  }
}

async function countFiles(dir: string): Promise<number> {
  try {
    return (await readdir(dir)).length;
  } catch {
    return -1;
  }
}

/**
 * The corpus for this run, generated once and reused while generator version, size and seed
 * match its manifest. The manifest is written last, so an interrupted generation is redone.
 */
export async function prepareWorkspace(options: {
  quick: boolean;
  dir?: string;
  articles?: number;
  seed?: number;
  log: (message: string) => void;
}): Promise<Workspace> {
  const articleCount = options.articles ?? (options.quick ? QUICK_ARTICLES : FULL_ARTICLES);
  const seed = options.seed ?? DEFAULT_SEED;
  const root = path.resolve(options.dir ?? '.bench');
  const workDir = path.join(root, `corpus-${articleCount}-${seed}`);
  const corpusDir = path.join(workDir, 'corpus');
  const manifestFile = path.join(workDir, 'manifest.json');

  const existing = await readManifest(manifestFile);
  if (
    existing?.generator === GENERATOR_VERSION &&
    existing.seed === seed &&
    existing.articles === articleCount &&
    (await countFiles(corpusDir)) === articleCount
  ) {
    options.log(`reusing ${articleCount.toLocaleString('en-US')} articles in ${corpusDir}`);
    return { corpusDir, articleCount, workDir, manifest: existing, generated: false };
  }

  // Everything in workDir derives from the corpus: a new corpus makes all of it stale.
  await rm(workDir, { recursive: true, force: true });
  options.log(`generating ${articleCount.toLocaleString('en-US')} articles into ${corpusDir}`);
  const manifest = await generateCorpus(corpusDir, { count: articleCount, seed, log: options.log });
  const temporary = `${manifestFile}.tmp`;
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, manifestFile);
  return { corpusDir, articleCount, workDir, manifest, generated: true };
}

/**
 * Writes every sentence of `articles` to `file`, one per line, in article order — the input
 * `fzf --filter` reads when it is measured beside margin's search on the same sentences.
 */
export async function generateSentenceList(
  articles: readonly Article[],
  file: string,
): Promise<{ path: string; sentences: number }> {
  const lines: string[] = [];
  for (const article of articles) {
    for (const sentence of article.sentences) lines.push(sentence.text.replace(/[\r\n\t]+/g, ' '));
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return { path: file, sentences: lines.length };
}
