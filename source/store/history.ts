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

  constructor(private readonly limit = HISTORY_LIMIT) {}

  record(step: Step): void {
    this.done.push(step);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
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
