import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewPlace } from '../review/resume.js';
import { writeFileAtomic } from '../store/atomic.js';
import { makeFoldersSync } from '../text/folders.js';

/**
 * Where each reviewer stopped in each corpus, kept in the cache (`places/<hash>.json`, the hash
 * of the corpus folder and the annotator), never in the store: it is one person's screen, not
 * work a team shares through git. A file lost, unreadable or not of this shape is no place: the
 * review then opens at the first article, as it always did.
 */
export function placeFile(cacheDir: string, corpusDir: string, annotator: string): string {
  let corpus = corpusDir;
  try {
    corpus = realpathSync(corpusDir);
  } catch {
    // A corpus that cannot be resolved is named as given.
  }
  const id = createHash('sha256').update(`${corpus}\0${annotator}`).digest('hex').slice(0, 24);
  return join(cacheDir, 'places', `${id}.json`);
}

/** The place kept for this corpus and annotator, or undefined. */
export function readPlace(file: string): ReviewPlace | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > 4096) return undefined;
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { article, sentence, index, focus } = value as Record<string, unknown>;
    if (typeof article !== 'string' || typeof sentence !== 'string') return undefined;
    if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) return undefined;
    return { article, sentence, index, focus: focus === 'reader' ? 'reader' : 'list' };
  } catch {
    return undefined;
  }
}

/** Keeps the place for the next start; a cache margin may not write loses it without a word. */
export async function savePlace(file: string, place: ReviewPlace | null): Promise<void> {
  if (!place) return;
  try {
    makeFoldersSync(join(file, '..'));
    await writeFileAtomic(file, `${JSON.stringify(place)}\n`, { durable: false });
  } catch {
    // Only a convenience: the next start opens at the first article.
  }
}
