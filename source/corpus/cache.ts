import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CLEANER_VERSION } from './article.js';
import type { Article } from './types.js';

/** `$XDG_CACHE_HOME/margin`, or `~/.cache/margin`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME?.trim() ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'margin');
}

declare global {
  /** Set by the bundler (scripts/bundle.mjs), where this module no longer sits in its own folder. */
  var MARGIN_CORPUS_FINGERPRINT: string | undefined;
}

let fingerprint: string | undefined;

/**
 * CLEANER_VERSION plus a hash of the pipeline's own code: a sentence-splitter fix changes the
 * articles too, and a forgotten version bump must not serve stale text.
 */
function cacheKey(): string {
  fingerprint ??= globalThis.MARGIN_CORPUS_FINGERPRINT;
  if (fingerprint === undefined) {
    const hash = createHash('sha256');
    const folder = dirname(fileURLToPath(import.meta.url));
    for (const name of readdirSync(folder).sort()) {
      if (/\.(?:js|ts)$/.test(name) && !name.endsWith('.d.ts'))
        hash.update(readFileSync(join(folder, name)));
    }
    fingerprint = hash.digest('hex').slice(0, 16);
  }
  return `${CLEANER_VERSION}:${fingerprint}`;
}

const cachedArticle = z.object({
  title: z.string().nullable(),
  date: z.string().nullable(),
  byline: z.string().nullable(),
  source: z.string().nullable(),
  text: z.string(),
  warnings: z.array(z.string()),
  hash: z.string(),
  /** Sentence ids, and paragraph, start, end for each, flattened: a tenth of the JSON objects. */
  ids: z.array(z.string()),
  spans: z.array(z.number().int().nonnegative()),
});
type CachedArticle = z.infer<typeof cachedArticle>;

const cacheEntry = z.union([
  z.object({ content: z.string(), article: cachedArticle }),
  z.object({ content: z.string(), problem: z.string() }),
]);
type CacheEntry = z.infer<typeof cacheEntry>;

const cacheFile = z.object({
  format: z.literal('margin-corpus-cache'),
  key: z.string(),
  entries: z.record(z.string(), z.unknown()),
});

/** What the cache gives back for one file: an article (without id and path) or a refusal reason. */
export type CacheHit =
  | { article: Omit<Article, 'id' | 'path'>; problem?: undefined }
  | { problem: string; article?: undefined };

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function pack(article: Article): CachedArticle {
  const spans: number[] = [];
  for (const sentence of article.sentences)
    spans.push(sentence.paragraph, sentence.start, sentence.end);
  return {
    title: article.title,
    date: article.date,
    byline: article.byline,
    source: article.source,
    text: article.text,
    warnings: article.warnings,
    hash: article.hash,
    ids: article.sentences.map((sentence) => sentence.id),
    spans,
  };
}

function unpack(cached: CachedArticle): Omit<Article, 'id' | 'path'> | null {
  const { ids, spans, text } = cached;
  if (spans.length !== ids.length * 3) return null;
  const sentences = [];
  for (let i = 0; i < ids.length; i++) {
    const paragraph = spans[i * 3]!;
    const start = spans[i * 3 + 1]!;
    const end = spans[i * 3 + 2]!;
    if (start > end || end > text.length) return null;
    sentences.push({ id: ids[i]!, paragraph, text: text.slice(start, end), start, end });
  }
  const { ids: _ids, spans: _spans, ...rest } = cached;
  return { ...rest, sentences };
}

/**
 * Cleaned articles of one corpus folder in one JSON file, keyed by relative path and the
 * file's content hash: a warm load of 10,000 articles reads one file instead of 10,000.
 */
export class CorpusCache {
  private readonly fresh: Record<string, CacheEntry> = {};
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly old: Record<string, unknown>,
  ) {}

  static async open(cacheDir: string, root: string): Promise<CorpusCache> {
    const id = createHash('sha256').update(resolve(root)).digest('hex').slice(0, 16);
    const file = join(cacheDir, `corpus-${id}.json`);
    let entries: Record<string, unknown> = {};
    try {
      const parsed = cacheFile.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (parsed.success && parsed.data.key === cacheKey()) entries = parsed.data.entries;
    } catch {
      // Missing or unreadable: start empty and write a fresh one.
    }
    const cache = new CorpusCache(file, entries);
    cache.changed = Object.keys(entries).length === 0;
    return cache;
  }

  /** The cached result for a file whose bytes hash to `content`, or null (miss, stale, corrupt). */
  get(relative: string, content: string): CacheHit | null {
    const raw = this.old[relative];
    if (raw === undefined) return null;
    const parsed = cacheEntry.safeParse(raw);
    if (!parsed.success || parsed.data.content !== content) return null;
    const entry = parsed.data;
    if ('problem' in entry) {
      this.fresh[relative] = entry;
      return { problem: entry.problem };
    }
    const article = unpack(entry.article);
    if (!article) return null;
    this.fresh[relative] = entry;
    return { article };
  }

  setArticle(relative: string, content: string, article: Article): void {
    this.fresh[relative] = { content, article: pack(article) };
    this.changed = true;
  }

  setProblem(relative: string, content: string, problem: string): void {
    this.fresh[relative] = { content, problem };
    this.changed = true;
  }

  /** Writes the entries used by this load, atomically, when anything differs from the file. */
  async save(): Promise<void> {
    const kept = Object.keys(this.fresh).length;
    if (!this.changed && kept === Object.keys(this.old).length) return;
    const body = JSON.stringify({
      format: 'margin-corpus-cache',
      key: cacheKey(),
      entries: this.fresh,
    });
    const temporary = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temporary, body);
      await rename(temporary, this.file);
    } catch {
      // The cache only saves time: a read-only or full disk must not stop the corpus loading.
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}
