import type { Article } from '../corpus/types.js';
import type { Journal } from '../store/journal.js';
import type { ChangeSummary, Repository } from '../store/repository.js';
import { acceptInto } from './compare.js';
import type { Effect, Landing } from './state.js';
import { UNLABELLED } from './updates.js';

export interface EffectQueueOptions {
  /** The store: writes wait until it has opened (placed its annotations on the corpus). */
  store: Promise<Repository>;
  article: (id: string) => Article | undefined;
  /** Called whenever the number of unfinished writes or the last failure changes. */
  onProgress: (pending: number, error: string | null) => void;
  /**
   * Called after each write, with what to tell the reviewer, the articles it touched and, for
   * undo and redo, where the step was.
   */
  onDone: (result: {
    message: string | null;
    articles: string[];
    pending: number;
    landing?: Landing;
  }) => void;
  /** Called when undo or redo gave back a step the review tagged with a lesson of the model. */
  onLesson?: (lesson: number, direction: 'undo' | 'redo') => void;
  /** Waits between retries of a failing write, the last one repeating. */
  retryDelays?: readonly number[] | undefined;
  /**
   * Where each change is appended before it is shown, and marked written once it is in the store
   * (`store/journal.ts`): a kill between the two loses nothing, the next start writes it.
   */
  journal?: Journal<Effect> | null | undefined;
}

/**
 * What the journal keeps of a write the screen shows before it is on disk, or null for one it
 * does not show before (undo and redo say what they did once written) or that writes no store file.
 * `shows`: whether the sentence shows the label after the key, so that a toggle written again
 * after a kill sets what was seen instead of flipping it once more.
 */
export function journalForm(effect: Effect, shows: (label: string) => boolean): Effect | null {
  switch (effect.kind) {
    case 'undo':
    case 'redo':
    case 'mark':
    case 'story-link':
      return null;
    default: {
      // A lesson's number is the killed session's: replayed, an undo would take back the lesson
      // of that number in the next session, another decision.
      const { lesson: _, ...plain } = effect;
      return plain.kind === 'toggle' && plain.on === undefined
        ? { ...plain, on: shows(plain.label) }
        : plain;
    }
  }
}

const DEFAULT_DELAYS = [250, 1000, 2000, 5000];

/** Writes that may share one write of their file with those beside them (`#together`). */
function joins(
  effect: Effect,
): effect is Extract<Effect, { kind: 'toggle' | 'clear' | 'tag-many' | 'adopt' | 'status' }> {
  switch (effect.kind) {
    case 'toggle':
    case 'clear':
    case 'tag-many':
    case 'adopt':
      return true;
    case 'status':
      return !effect.ifUnreviewed;
    default:
      return false;
  }
}

function describe(summary: ChangeSummary | null, verb: 'undid' | 'redid'): string {
  if (!summary) return verb === 'undid' ? 'nothing to undo' : 'nothing to redo';
  if (summary.missed) {
    return `could not ${verb === 'undid' ? 'undo' : 'redo'} ${summary.description}: changed elsewhere since`;
  }
  return `${verb}: ${summary.description}`;
}

/**
 * Runs repository writes one at a time, in the order the keys asked for them, so a slow write
 * never drops or reorders a key. A failed write is retried until it succeeds: the work it carries
 * is on screen already and must reach the disk.
 */
export class EffectQueue {
  readonly #options: EffectQueueOptions;
  readonly #queue: Effect[] = [];
  /** The journal's number of each queued write (null: not journaled), in step with `#queue`. */
  readonly #seqs: Array<number | null> = [];
  #running = false;
  #error: string | null = null;
  #idle: Array<() => void> = [];
  #stopped = false;

  constructor(options: EffectQueueOptions) {
    this.#options = options;
  }

  /** Writes not yet finished, the running one included. */
  get pending(): number {
    return this.#queue.length;
  }

  get error(): string | null {
    return this.#error;
  }

  /**
   * Queues a write; `journaled`, what the journal keeps of it (`journalForm`), is appended there
   * at once, synchronously, before the caller draws the change.
   */
  push(effect: Effect, journaled?: Effect | null): void {
    const journal = this.#options.journal;
    const seq =
      journal && journaled && 'article' in journaled
        ? journal.append(journaled.article, journaled)
        : null;
    this.#queue.push(effect);
    this.#seqs.push(seq);
    if (!this.#running) void this.#drain();
  }

  /** Resolves once every queued write has finished. */
  drained(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Gives up retrying (the process is being forced to exit). */
  stop(): void {
    this.#stopped = true;
  }

  async #drain(): Promise<void> {
    this.#running = true;
    const repository = await this.#options.store.catch(() => null);
    while (this.#queue.length > 0 && !this.#stopped) {
      let attempt = 0;
      for (;;) {
        // After a failure, one at a time: a write refused for itself (a note over the limits)
        // must not hold back those before it, as it never did.
        const count = attempt === 0 ? this.#together() : 1;
        try {
          if (!repository) throw new Error('the store could not be opened');
          const messages = await this.#runTogether(repository, count);
          // One line in the journal for the burst (the writes together are of one article).
          const head = this.#queue[0];
          const seqs = this.#seqs.slice(0, messages.length);
          if (head && 'article' in head) this.#options.journal?.done(seqs, head.article);
          for (const message of messages) {
            const effect = this.#queue.shift()!;
            this.#seqs.shift();
            this.#error = null;
            const articles = 'article' in effect ? [effect.article] : [];
            const touched = message.article ? [...articles, message.article] : articles;
            this.#options.onDone({
              message: message.text,
              articles: touched,
              pending: this.pending,
              ...(message.landing ? { landing: message.landing } : {}),
            });
          }
          break;
        } catch (error) {
          if (this.#stopped) return;
          this.#error = `save failed, retrying: ${error instanceof Error ? error.message : String(error)}`;
          this.#options.onProgress(this.pending, this.#error);
          const delays = this.#options.retryDelays ?? DEFAULT_DELAYS;
          const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
          attempt += 1;
          await new Promise((resolve) => setTimeout(resolve, delay));
          if (this.#stopped) return;
        }
      }
    }
    this.#running = false;
    this.#options.onProgress(0, this.#error);
    for (const resolve of this.#idle.splice(0)) resolve();
  }

  /**
   * How many writes from the head of the queue go to the store file together (`#runTogether`):
   * the keys of a burst on one article, as far as each changes only what the file itself holds.
   * A note or attributes (which ask the store whether the sentence is labelled), an article
   * opened (whether it is still unreviewed), an accept (another annotator's file), undo and redo
   * (the history) each go alone, as they see the store as the write before them left it.
   */
  #together(): number {
    const first = this.#queue[0];
    if (!first || !joins(first)) return 1;
    let count = 1;
    while (count < this.#queue.length) {
      const next = this.#queue[count]!;
      if (!joins(next) || next.article !== first.article) break;
      count += 1;
    }
    return count;
  }

  /** Runs the first `count` writes, those of more than one in one write of their file. */
  async #runTogether(
    repository: Repository,
    count: number,
  ): Promise<Array<{ text: string | null; article?: string; landing?: Landing }>> {
    const effects = this.#queue.slice(0, count);
    const first = effects[0]!;
    const runAll = async () => {
      const messages: Array<{ text: string | null; article?: string; landing?: Landing }> = [];
      for (const effect of effects) messages.push(await this.#run(repository, effect));
      return messages;
    };
    if (count === 1 || !repository.together || !('article' in first)) return runAll();
    return repository.together(first.article, runAll);
  }

  async #run(
    repository: Repository,
    effect: Effect,
  ): Promise<{ text: string | null; article?: string; landing?: Landing }> {
    if (effect.kind === 'undo' || effect.kind === 'redo') {
      const summary = effect.kind === 'undo' ? await repository.undo() : await repository.redo();
      const text = describe(summary, effect.kind === 'undo' ? 'undid' : 'redid');
      // A step that changed nothing takes back (or teaches again) nothing either.
      if (summary?.tag !== undefined && !summary.missed)
        this.#options.onLesson?.(summary.tag, effect.kind);
      if (!summary) return { text };
      const landing = {
        article: summary.article,
        sentence: summary.sentence ?? null,
        from: effect.from,
      };
      return { text, article: summary.article, landing };
    }
    if (effect.kind === 'mark') {
      repository.mark(effect.article, effect.description, effect.lesson, effect.sentence);
      return { text: null };
    }
    return repository.tagged(effect.lesson, () => this.#write(repository, effect));
  }

  async #write(
    repository: Repository,
    effect: Exclude<Effect, { kind: 'undo' | 'redo' | 'mark' }>,
  ): Promise<{ text: string | null; article?: string }> {
    if (effect.kind === 'status') {
      if (effect.ifUnreviewed && repository.status(effect.article) !== 'unreviewed') {
        return { text: null };
      }
      await repository.setStatus(effect.article, effect.status, { undoable: !effect.opened });
      return { text: null };
    }
    // Links live beside the store, not in it: the controller writes them.
    if (effect.kind === 'story-link') return { text: null };
    const article = this.#options.article(effect.article);
    if (!article) throw new Error(`article ${effect.article} is not loaded`);
    switch (effect.kind) {
      case 'toggle':
        if (effect.on === undefined) {
          await repository.toggle(article, effect.sentence, effect.label);
        } else if (effect.on) {
          await repository.tag(article, effect.sentence, effect.label);
        } else {
          await repository.untag(article, effect.sentence, effect.label);
        }
        break;
      case 'clear':
        await repository.clear(article, effect.sentence);
        break;
      case 'annotate': {
        // Undone after the editor opened: a refusal retrying cannot cure, which would hold back
        // every write after it for good.
        const labelled = repository
          .list({ article: article.id, annotator: repository.annotator })
          .some((annotation) => annotation.placement?.sentence === effect.sentence);
        if (!labelled) return { text: `not saved: ${UNLABELLED}` };
        await repository.annotate(article, effect.sentence, effect.patch, effect.declared);
        break;
      }
      case 'accept':
        // One step: `u` in the table takes the whole accept back, as it was one key.
        await repository.asOneStep(`accept ${effect.annotator}'s version`, () =>
          acceptInto(repository, article, effect.sentence, effect.annotator),
        );
        break;
      case 'tag-many':
        await repository.adopt(article, effect.sentence, effect.labels, effect.attributes, {
          precedence: 'own',
          ...(effect.declared ? { declared: effect.declared } : {}),
          ...(effect.note !== undefined ? { note: effect.note } : {}),
        });
        break;
      case 'adopt':
        await repository.adopt(
          article,
          effect.sentence,
          effect.labels,
          effect.attributes,
          effect.declared ? { declared: effect.declared } : {},
        );
        break;
    }
    return { text: null };
  }
}
