import { leftRejections, RejectionJournal, takeOverRejections } from './rejection-journal.js';
import { type RejectionChange, RejectionLines } from './rejection-lines.js';
import { type RejectionsRead, readRejections, saveRejections } from './rejections.js';

/** Where a review reads and keeps its annotator's rejections: the store on disk, or memory. */
export interface RejectionStore {
  /** The annotator's rejections, those a killed review journaled and never wrote among them. */
  read(): Promise<RejectionsRead>;
  /**
   * Notes a change before the frame shows it (the journal), so that a kill from then on loses
   * nothing; its number for `written`, or null when it is not noted.
   */
  note?(change: RejectionChange): number | null;
  /** Writes changes, in order, in one write of the file. */
  save(changes: readonly RejectionChange[]): Promise<void>;
  /** The changes noted up to `seq` (`count` of them) are in the file. */
  written?(seq: number | null, count: number): void;
  /** Changes noted and not yet in the file: what the next start writes after a kill. */
  readonly pending?: number;
  /** Quitting: the journal goes when nothing is left in it. */
  close?(): void;
}

/**
 * The annotator's rejections file, with a journal in `journal` (the review's journal folder)
 * when given: each change noted there before it is shown, and what killed reviews noted and never
 * wrote written into the file before it is read.
 */
export function diskRejectionStore(
  root: string,
  annotator: string,
  display: string = root,
  journal?: string,
): RejectionStore {
  const journaled = journal === undefined ? null : new RejectionJournal(journal, annotator);
  return {
    read: () =>
      journal === undefined ? readRejections(root, annotator, display) : readAfterLeft(),
    note: (change) => journaled?.append(change) ?? null,
    save: (changes) => saveRejections(root, annotator, changes, display),
    written: (seq, count) => journaled?.done(seq, count),
    get pending() {
      return journaled?.pending ?? 0;
    },
    close: () => journaled?.close(),
  };

  /**
   * Writes what killed reviews left first; when the file refuses it (a full disk), their
   * rejections still apply this session, and their journals stay for the next start.
   */
  async function readAfterLeft(): Promise<RejectionsRead> {
    const left = leftRejections(journal!, annotator);
    let unwritten: RejectionChange[] = [];
    if (left.changes.length > 0) {
      try {
        await takeOverRejections(left, root, annotator, display);
      } catch {
        unwritten = left.changes;
      }
    }
    const read = await readRejections(root, annotator, display);
    if (unwritten.length === 0 || read.kind === 'refused') return read;
    const lines = new RejectionLines(read.kind === 'loaded' ? read.rejections : []);
    for (const change of unwritten) lines.apply(change);
    return { kind: 'loaded', rejections: lines.list() };
  }
}
