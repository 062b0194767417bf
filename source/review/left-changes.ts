import type { Article } from '../corpus/types.js';
import {
  fingerprintOfFile,
  Journal,
  keepAside,
  leftJournals,
  removeJournal,
  storeFilePath,
} from '../store/journal.js';
import type { Repository } from '../store/repository.js';
import { EffectQueue } from './effects.js';
import type { Effect } from './state.js';

/** Where the journals of one annotator on one store are, and how a message names a store file. */
export interface LeftJournalsAt {
  folder: string;
  root: string;
  annotator: string;
  shown: (path: string) => string;
}

/**
 * Takes over the changes that reviews of this annotator showed and never wrote (killed, or quit
 * without waiting: their journals), handing each article's to `write` (which journals them
 * again, synchronously, before the old journal goes) when its store file is still as they found
 * it. Those of a file changed since (a `git pull`), of an article gone from the corpus
 * (`find`), or naming a sentence the article no longer has, are not written: they are kept
 * beside the journal, and a line names the file.
 */
export function takeOverLeft(
  at: LeftJournalsAt,
  find: (article: string) => Pick<Article, 'sentences'> | undefined,
  write: (change: Effect) => void,
): { written: number; warnings: string[] } {
  const warnings: string[] = [];
  let written = 0;
  let left: ReturnType<typeof leftJournals<Effect>>;
  try {
    left = leftJournals<Effect>(at.folder, at.annotator);
  } catch {
    return { written, warnings };
  }
  for (const journal of left) {
    let keep = false;
    for (const each of journal.unwritten) {
      const file = storeFilePath(at.root, at.annotator, each.article);
      const count = each.changes.length;
      const what = `${count} change${count === 1 ? '' : 's'} of ${when(each.changes[0]?.at)}`;
      let now: string | null | undefined;
      try {
        now = fingerprintOfFile(file);
      } catch {
        now = undefined;
      }
      const article = find(each.article);
      const gone = article === undefined;
      // A change to a sentence the article no longer has (its text changed: a pulled corpus, a
      // new cleaner) can never be written, and the queue would retry it ahead of every later one.
      const lost =
        article !== undefined &&
        each.changes.some(
          ({ change }) =>
            'sentence' in change && !article.sentences.some((s) => s.id === change.sentence),
        );
      const asFound =
        now === each.expected || (typeof now === 'string' && each.landing.includes(now));
      if (asFound && !gone && !lost) {
        for (const { change } of each.changes) write(change);
        written += count;
        continue;
      }
      const why = gone
        ? 'its article is no longer in the corpus'
        : lost
          ? 'the article’s text changed since a margin that was stopped showed them'
          : 'the file changed since a margin that was stopped showed them';
      let kept: string;
      try {
        kept = keepAside(journal, each, file);
      } catch {
        // Not kept aside (the cache folder cannot be written): the journal stays as it is.
        keep = true;
        kept = journal.path;
      }
      warnings.push(`${at.shown(file)}: ${what} not written, as ${why}; kept in ${kept}`);
    }
    if (!keep) removeJournal(journal.path);
  }
  return { written, warnings };
}

/** A journal's time as the reviewer reads it: `12:41`, with the date when not today. */
function when(at: string | undefined): string {
  const time = at ? new Date(at) : null;
  if (!time || Number.isNaN(time.getTime())) return 'a stopped review';
  const hm = `${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
  return time.toDateString() === new Date().toDateString()
    ? hm
    : `${time.toISOString().slice(0, 10)} ${hm}`;
}

/**
 * For a command that reads the store (`stats`, `export`, …): writes the changes killed reviews
 * of the repository's annotator left (`takeOverLeft`), before the command reads anything, one
 * after another through the review's own writes. A write that fails stops it: what is left stays
 * in this process's journal for the next command or review.
 */
export async function writeLeft(
  repository: Repository,
  at: LeftJournalsAt,
  article: (id: string) => Article | undefined,
): Promise<{ written: number; warnings: string[]; failed: string | null }> {
  const journal = new Journal<Effect>(at.folder, at.root, at.annotator);
  let failed: string | null = null;
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const queue: EffectQueue = new EffectQueue({
    store: Promise.resolve(repository),
    article,
    journal,
    onProgress: (pending, error) => {
      if (error !== null) {
        failed = error;
        queue.stop();
        finish();
      } else if (pending === 0) finish();
    },
    onDone: () => undefined,
  });
  const { written, warnings } = takeOverLeft(at, article, (change) => queue.push(change, change));
  if (written > 0) await finished;
  journal.close();
  return { written, warnings, failed };
}
