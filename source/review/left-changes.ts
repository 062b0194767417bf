import { readFileSync } from 'node:fs';
import type { Article } from '../corpus/types.js';
import {
  fingerprintOfFile,
  Journal,
  keepAside,
  type LeftJournal,
  leftJournals,
  markTakenOver,
  markTold,
  removeJournal,
  storeFilePath,
  type Unwritten,
  unwrittenIn,
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
  /**
   * The corpus folder this process lists: an article it does not list, of a journal made on
   * another corpus (the whole one, when this is a subset), is left in the journal for a review
   * or command that lists it, not taken for gone.
   */
  corpus?: string | undefined;
}

type Find = (article: string) => Pick<Article, 'sentences'> | undefined;
type Write = (change: Effect) => void;
interface Taken {
  written: number;
  warnings: string[];
}

/**
 * The changes that reviews of this annotator showed and never wrote (killed, or quit without
 * waiting: their journals), taken over article by article: each article's are handed to `write`
 * (which journals them again, synchronously, before the old journal notes them taken) when its
 * store file is still as they found it. Those of a file changed since (a `git pull`), of an
 * article gone from the corpus, or naming a sentence the article no longer has, are not written:
 * they are kept beside the journal, and a line names the file.
 *
 * `article` takes over one article's before this process first writes it (a key on it while the
 * list still loads: its write would make the file "changed since"); `rest` the others, once the
 * whole list is known. A journal goes once nothing in it waits.
 */
export class LeftChanges {
  readonly #at: LeftJournalsAt;
  #journals: Array<LeftJournal<Effect>> | null = null;
  /** The articles some left journal holds changes of, not yet taken over. */
  readonly #waiting = new Set<string>();
  /** Journals kept as they are (a change could not be kept aside). */
  readonly #keep = new Set<string>();

  constructor(at: LeftJournalsAt) {
    this.#at = at;
  }

  #read(): Array<LeftJournal<Effect>> {
    if (this.#journals === null) {
      try {
        this.#journals = leftJournals<Effect>(this.#at.folder, this.#at.annotator);
      } catch {
        this.#journals = [];
      }
      for (const journal of this.#journals) {
        for (const each of journal.unwritten) this.#waiting.add(each.article);
      }
    }
    return this.#journals;
  }

  /** Takes over what left journals hold of one article, which this process is about to write. */
  article(id: string, article: Pick<Article, 'sentences'> | undefined, write: Write): Taken {
    const taken: Taken = { written: 0, warnings: [] };
    const journals = this.#read();
    if (!this.#waiting.has(id)) return taken;
    this.#waiting.delete(id);
    for (const journal of journals) {
      const at = journal.unwritten.findIndex((each) => each.article === id);
      if (at < 0) continue;
      const [each] = journal.unwritten.splice(at, 1);
      this.#take(journal, each!, article, write, taken);
      if (journal.unwritten.length === 0) this.#finish(journal, []);
      else if (!this.#keep.has(journal.path)) {
        try {
          markTakenOver(journal.path, id);
        } catch {
          // Not noted: the next start finds the file changed by these writes and keeps them aside.
        }
      }
    }
    return taken;
  }

  /** Takes over everything left, the whole list being known (`find`). */
  rest(find: Find, write: Write): Taken {
    const taken: Taken = { written: 0, warnings: [] };
    const elsewhere = new Map<string, number>();
    const here = this.#at.corpus;
    for (const journal of this.#read()) {
      const left: Array<Unwritten<Effect>> = [];
      // Said once on each folder: a journal whose changes were left here before stays quiet.
      const told = here === undefined || journal.told.includes(here);
      for (const each of journal.unwritten) {
        this.#waiting.delete(each.article);
        const article = find(each.article);
        if (article === undefined && this.#otherCorpus(each)) {
          left.push(each);
          if (!told) {
            elsewhere.set(each.corpus!, (elsewhere.get(each.corpus!) ?? 0) + each.changes.length);
          }
          continue;
        }
        this.#take(journal, each, article, write, taken);
      }
      journal.unwritten = [];
      this.#finish(journal, left);
      if (left.length > 0 && !told && !this.#keep.has(journal.path)) {
        try {
          markTold(journal.path, here);
        } catch {
          // Not noted: said again at the next command here.
        }
      }
    }
    for (const [corpus, count] of elsewhere) {
      const changes = `${count} change${count === 1 ? '' : 's'}`;
      taken.warnings.push(
        `${changes} a stopped margin showed on ${corpus} are of articles this corpus does not list: left for a review or command on ${corpus}`,
      );
    }
    return taken;
  }

  /** Made on another corpus folder than this process's (a command on a subset). */
  #otherCorpus(each: Unwritten<Effect>): boolean {
    const here = this.#at.corpus;
    return each.corpus !== undefined && here !== undefined && each.corpus !== here;
  }

  /**
   * Once no article of a journal waits here: the file goes, or, with articles left for another
   * corpus, stays noting the others taken over.
   */
  #finish(journal: LeftJournal<Effect>, left: Array<Unwritten<Effect>>): void {
    if (this.#keep.has(journal.path)) return;
    if (left.length === 0) {
      removeJournal(journal.path);
      return;
    }
    try {
      const text = readFileSync(journal.path, 'utf8');
      const stays = new Set(left.map((each) => each.article));
      for (const each of unwrittenIn<Effect>(text)) {
        if (!stays.has(each.article)) markTakenOver(journal.path, each.article);
      }
    } catch {
      // Left as it is: its other articles are found changed next time, and kept aside then.
    }
  }

  #take(
    journal: LeftJournal<Effect>,
    each: Unwritten<Effect>,
    article: Pick<Article, 'sentences'> | undefined,
    write: Write,
    taken: Taken,
  ): void {
    const at = this.#at;
    const file = storeFilePath(at.root, at.annotator, each.article);
    const count = each.changes.length;
    const what = `${count} change${count === 1 ? '' : 's'} of ${when(each.changes[0]?.at)}`;
    let now: string | null | undefined;
    try {
      now = fingerprintOfFile(file);
    } catch {
      now = undefined;
    }
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
      taken.written += count;
      return;
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
      this.#keep.add(journal.path);
      kept = journal.path;
    }
    taken.warnings.push(`${at.shown(file)}: ${what} not written, as ${why}; kept in ${kept}`);
  }
}

/**
 * Takes over every change left (`LeftChanges.rest`): for a command, which lists the corpus before
 * it writes anything.
 */
export function takeOverLeft(at: LeftJournalsAt, find: Find, write: Write): Taken {
  return new LeftChanges(at).rest(find, write);
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
  const journal = new Journal<Effect>(at.folder, at.root, at.annotator, at.corpus);
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
  if (journal.failed !== null)
    warnings.push(`${journal.failed}: a kill meanwhile could have lost them`);
  return { written, warnings, failed };
}
