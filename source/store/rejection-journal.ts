import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ioReason } from '../corpus/io-reason.js';
import { AppendFile } from './append-file.js';
import { encodeName } from './names.js';
import { isProcessAlive } from './process.js';
import type { RejectionChange } from './rejection-lines.js';
import { saveRejections } from './rejections.js';

const SUFFIX = '.rejections.jsonl';

/** Whether a name under a journal folder is a rejections journal (not the review's own). */
export const isRejectionJournal = (name: string): boolean => name.endsWith(SUFFIX);

/**
 * The write-ahead journal of one review's rejections (`r`, a suggested label removed by hand,
 * their undo and redo), as the review's journal (`journal.ts`) is of its tags: each change is
 * appended, synchronously and before the frame that shows it, and the file is emptied once the
 * rejections file holds every change (written in the background, several at once). A `kill -9`
 * between the two loses nothing: the next review, `margin suggest` or export of the annotator
 * writes what the journal holds (`takeOverRejections`). Not fsynced, as the review's is not.
 *
 * Beside the review's journal, `<annotator>.<pid>.rejections.jsonl`; lines:
 * - `{"seq":1,"at":"…","change":{"article":…,"sentence":…,"labels":[…],"rejected":true}}`;
 * - `{"done":3}`: the changes up to 3 are in the rejections file.
 * A change is a set of labels added or taken away: written twice (a kill after the file was
 * written and before `done`), it changes nothing more.
 */
export class RejectionJournal {
  readonly path: string;
  readonly #file: AppendFile;
  #seq = 0;
  #open = 0;
  #failed: string | null = null;

  constructor(folder: string, annotator: string) {
    this.path = join(folder, `${encodeName(annotator)}.${process.pid}${SUFFIX}`);
    this.#file = new AppendFile(this.path);
  }

  /** Why the journal is off (it could not be written), or null while it works. */
  get failed(): string | null {
    return this.#failed;
  }

  /** Changes appended and not yet in the rejections file. */
  get pending(): number {
    return this.#open;
  }

  /**
   * Appends a change before it is shown; its number, for `done`. Null when the journal cannot be
   * written (a full disk): the change is still written to the file, only not covered against a
   * kill.
   */
  append(change: RejectionChange): number | null {
    if (this.#failed !== null) return null;
    try {
      const seq = this.#seq + 1;
      const { article, sentence, labels, rejected } = change;
      const at = new Date().toISOString();
      this.#write(
        `${JSON.stringify({ seq, at, change: { article, sentence, labels, rejected } })}\n`,
      );
      this.#seq = seq;
      this.#open += 1;
      return seq;
    } catch (error) {
      this.#failed = `the journal ${this.path} cannot be written (${ioReason(error)})`;
      return null;
    }
  }

  /** The changes up to `seq` (`count` of them) are in the rejections file. */
  done(seq: number | null, count: number): void {
    this.#open = Math.max(0, this.#open - count);
    if (seq === null || !this.#file.opened) return;
    try {
      // Emptied, not removed, as the review's journal is: the next `r` appends again.
      if (this.#open === 0) this.#file.empty();
      else this.#write(`${JSON.stringify({ done: seq })}\n`);
    } catch (error) {
      this.#failed ??= `the journal ${this.path} cannot be written (${ioReason(error)})`;
    }
  }

  /** At the end of the process: the file goes when everything in it is in the rejections file. */
  close(): void {
    this.#file.close(this.#open === 0);
  }

  #write(line: string): void {
    this.#file.append(line);
  }
}

/** The changes a journal holds that its process never wrote (after its last `done`). */
export function unwrittenRejections(text: string): RejectionChange[] {
  const changes: Array<{ seq: number; change: RejectionChange }> = [];
  for (const raw of text.split('\n')) {
    // The last line may be cut by the kill: it was never shown then, as the frame came after it.
    if (raw.trim() === '') continue;
    let line: { seq?: unknown; done?: unknown; change?: unknown };
    try {
      line = JSON.parse(raw) as typeof line;
    } catch {
      continue;
    }
    if (typeof line.done === 'number') {
      const done = line.done;
      const left = changes.filter(({ seq }) => seq > done);
      changes.length = 0;
      changes.push(...left);
    } else if (typeof line.seq === 'number' && isChange(line.change)) {
      changes.push({ seq: line.seq, change: line.change });
    }
  }
  return changes.map(({ change }) => change);
}

function isChange(value: unknown): value is RejectionChange {
  const change = value as Partial<RejectionChange> | null;
  return (
    typeof change?.article === 'string' &&
    typeof change.sentence === 'string' &&
    Array.isArray(change.labels) &&
    change.labels.every((label) => typeof label === 'string') &&
    typeof change.rejected === 'boolean'
  );
}

/** What the rejection journals of an annotator's reviews that are gone hold and never wrote. */
export interface LeftRejections {
  /** The journals: they go once their changes are in the rejections file. */
  paths: string[];
  /** Their changes, journal after journal (by name), each in the order it was made. */
  changes: RejectionChange[];
}

/**
 * The rejection journals in `folder` that reviews of `annotator` left (killed, or quit while the
 * disk refused the rejections file), with what they never wrote. A live review's is its own.
 */
export function leftRejections(folder: string, annotator: string): LeftRejections {
  const prefix = `${encodeName(annotator)}.`;
  const left: LeftRejections = { paths: [], changes: [] };
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return left;
  }
  for (const name of names.sort()) {
    if (!name.startsWith(prefix) || !isRejectionJournal(name)) continue;
    const pid = Number(name.slice(prefix.length, -SUFFIX.length));
    if (!Number.isInteger(pid) || pid === process.pid || isProcessAlive(pid)) continue;
    const path = join(folder, name);
    try {
      left.changes.push(...unwrittenRejections(readFileSync(path, 'utf8')));
    } catch {
      continue;
    }
    left.paths.push(path);
  }
  return left;
}

/**
 * Writes what `left` holds into the annotator's rejections file, in one write, and removes its
 * journals; throws (they stay for the next start) when the file refuses it: conflict markers,
 * a link, a full disk.
 */
export async function takeOverRejections(
  left: LeftRejections,
  root: string,
  annotator: string,
  display: string = root,
): Promise<void> {
  await saveRejections(root, annotator, left.changes, display);
  for (const path of left.paths) rmSync(path, { force: true });
}
