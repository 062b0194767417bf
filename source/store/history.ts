import type { Operation } from './operations.js';
import type { ChangeSummary } from './repository.js';

/** One undoable step: the operation that was done, the one that undoes it, on which file. */
export interface Step {
  annotator: string;
  article: string;
  forward: Operation;
  inverse: Operation;
  summary: ChangeSummary;
}

export const HISTORY_LIMIT = 500;

/** The session's undo and redo stacks; the oldest steps fall off past the limit. */
export class History {
  private readonly done: Step[] = [];
  private readonly undone: Step[] = [];
  /** Every step recorded so far, fallen off or not (`joinSince`). */
  private recorded = 0;

  constructor(private readonly limit = HISTORY_LIMIT) {}

  /** How many steps were recorded so far: where `joinSince` starts. */
  get count(): number {
    return this.recorded;
  }

  record(step: Step): void {
    this.recorded += 1;
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  /**
   * Makes the steps recorded since `count` (on one file) one step, described as `description`:
   * the untags, tags and note of one accept in the compare table are undone by one `u`.
   */
  joinSince(count: number, description: string): void {
    const joined = Math.min(this.recorded - count, this.done.length);
    if (joined < 1) return;
    const steps = this.done.slice(this.done.length - joined);
    const first = steps[0]!;
    if (steps.some((step) => step.annotator !== first.annotator || step.article !== first.article))
      return;
    const last = steps.at(-1)!;
    this.done.splice(this.done.length - joined, joined, {
      annotator: first.annotator,
      article: first.article,
      forward: { type: 'batch', operations: steps.map((step) => step.forward) },
      inverse: { type: 'batch', operations: steps.map((step) => step.inverse).reverse() },
      summary: { ...last.summary, description },
    });
  }

  /** The step to undo; `settle` moves it to the redo stack once its write succeeded. */
  peekUndo(): Step | undefined {
    return this.done.at(-1);
  }

  settleUndo(): void {
    const step = this.done.pop();
    if (step) this.undone.push(step);
  }

  /** The step to undo changed nothing (changed outside the session): gone, not redoable. */
  dropUndo(): void {
    this.done.pop();
  }

  /** The step to redo changed nothing: gone. */
  dropRedo(): void {
    this.undone.pop();
  }

  peekRedo(): Step | undefined {
    return this.undone.at(-1);
  }

  /** Both stacks as they are, for `restore` (steps recorded for a write that then failed). */
  snapshot(): { done: Step[]; undone: Step[] } {
    return { done: [...this.done], undone: [...this.undone] };
  }

  restore(snapshot: { done: Step[]; undone: Step[] }): void {
    this.done.splice(0, this.done.length, ...snapshot.done);
    this.undone.splice(0, this.undone.length, ...snapshot.undone);
  }

  settleRedo(): void {
    const step = this.undone.pop();
    if (step) this.done.push(step);
  }
}
