/**
 * The groups of a corpus written to the file kept beside its corpus index on a thread of its own
 * (`saving-worker.ts`, a `GroupWriter` there), fed with packed groups (`StoryIndex.groupLists`)
 * as the index's thread makes them: at 100,000 articles, some 2.5 s of packing and 2.2 s of
 * SQLite's inserting went one after the other on the index's thread while the other core idled.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../corpus/worker-script.js';
import type { ArticleHashes, PackedHashes } from './article-hashes.js';
import type { GroupList, PackedGroups } from './group-list.js';
import type { Basis } from './saved-groups.js';

/** What the saving thread is sent: groups to write, the articles' hashes, or the end. */
export type SavingMessage = PackedGroups | { hashes: PackedHashes } | { end: true };
/**
 * Its answers: each piece written (`written`), and to the hashes, kept or why not (`failed: true`:
 * told before).
 */
export type SavingReply =
  | { written: true }
  | { kept: true }
  | { failed: { message: string; code?: string } | true };

/**
 * Pieces handed and not yet written past which the index's thread waits: what stands beside the
 * index while it packs is the thread and these few, not every group (16 MB at 100,000 articles
 * in the messages' queue, when SQLite writes slower than the index packs).
 */
const IN_FLIGHT = 4;
/**
 * The thread's young generation: its garbage is each row's few values, and what it holds stands
 * beside the whole index while the index's thread packs.
 */
const YOUNG = { maxYoungGenerationSizeMb: 8 };

export class SavingThread {
  private readonly thread: Worker;
  private failure: Error | null = null;
  /** Whether the thread ended (it answers nothing more). */
  private ended = false;
  private answer: ((reply: SavingReply) => void) | null = null;
  /** Pieces handed and not yet written, and what waits for room. */
  private handed = 0;
  private room: (() => void) | null = null;

  constructor(file: string, basis: Basis, articleIds: readonly string[]) {
    this.thread = new Worker(workerScript('./saving-worker.js', import.meta.url), {
      workerData: { file, basis, articleIds },
      resourceLimits: YOUNG,
    });
    this.thread.on('message', (reply: SavingReply) => {
      if ('written' in reply) {
        this.handed--;
        this.makeRoom();
        return;
      }
      if ('failed' in reply && reply.failed !== true) this.failure ??= errorOf(reply.failed);
      this.answer?.(reply);
    });
    this.thread.on('error', (error) => {
      this.failure ??= error;
      this.answer?.({ failed: true });
    });
    this.thread.on('exit', () => {
      this.failure ??= new Error('the story groups’ saving thread stopped');
      this.ended = true;
      this.makeRoom();
      this.answer?.({ failed: true });
    });
  }

  /**
   * Hands the thread groups to write after those before (their arrays go with them); resolves
   * when there is room for the next (`IN_FLIGHT`).
   */
  async write(groups: GroupList): Promise<void> {
    const packed = groups.packed;
    this.thread.postMessage(packed, [
      packed.starts.buffer as ArrayBuffer,
      packed.articles.buffer as ArrayBuffer,
      packed.sentences.buffer as ArrayBuffer,
      packed.fingerprints.buffer as ArrayBuffer,
    ]);
    this.handed++;
    if (this.handed < IN_FLIGHT || this.ended) return;
    await new Promise<void>((resolve) => {
      this.room = resolve;
    });
  }

  private makeRoom(): void {
    this.room?.();
    this.room = null;
  }

  /**
   * Hands the thread the articles' hashes, written while the first groups are made: at the end,
   * 100,000 of them were written while the index's thread stood idle.
   */
  hashes(hashes: ArticleHashes): void {
    const { ids, bytes, others } = hashes.packed;
    const copy = bytes.slice();
    this.thread.postMessage({ hashes: { ids, bytes: copy, others } } satisfies SavingMessage, [
      copy.buffer as ArrayBuffer,
    ]);
  }

  /**
   * Ends the writing (the hashes handed before, `hashes`): resolves once the file is in place,
   * rejects with why it could not be (a full disk: the error's `code`, as SQLite gave it). The
   * thread ends.
   */
  async finish(): Promise<void> {
    const message: SavingMessage = { end: true };
    try {
      const reply = this.ended
        ? ({ failed: true } as const)
        : await new Promise<SavingReply>((resolve) => {
            this.answer = resolve;
            this.thread.postMessage(message);
          });
      if (!('kept' in reply)) throw this.failure ?? new Error('the story groups were not kept');
    } finally {
      this.answer = null;
      await this.thread.terminate();
    }
  }

  /** Lets go of the thread without keeping anything (its temporary file is left to the next save). */
  async abandon(): Promise<void> {
    await this.thread.terminate();
  }
}

function errorOf(failed: { message: string; code?: string }): Error {
  return Object.assign(new Error(failed.message), failed.code ? { code: failed.code } : {});
}
