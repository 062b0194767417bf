import { Worker } from 'node:worker_threads';
import { Replies } from '../corpus/replies.js';
import { workerScript } from '../corpus/worker-script.js';
import { type GroupMember, sharedLexicons } from '../story/index.js';
import type { StoryFilter } from './story-render.js';

/** A group to describe: its id and its members as shown (texts, sources, dates, labels). */
export interface MembersOf {
  id: string;
  members: GroupMember[];
}

/** How the groups are printed: which, and as JSON lines or as the report (in colour or not). */
export interface Rendering {
  filter: StoryFilter;
  /** JSON lines (no word diffs), or the report's lines. */
  json: boolean;
  /** The report's marked words in colour (`Output.color`); JSON lines are never coloured. */
  color?: boolean;
  /** The most versions (and outlets) the report names a group (`storyReport`); none: all. */
  most?: number | undefined;
  /** The codebook's labels, which a group's kind is one of; margin's own when absent. */
  kinds?: readonly string[] | undefined;
}

export interface DescribeJob extends Rendering {
  seq: number;
  groups: MembersOf[];
}

export interface DescribeReply {
  seq: number;
  /** The job's groups the filter keeps, in order, as written to stdout (escaped, coloured). */
  text: string;
}

/**
 * A thread's young generation: 16 MB, as the reading threads' (see story/parallel-read.ts).
 */
const YOUNG = { maxYoungGenerationSizeMb: 16 };
/** Batches in flight per thread: the next waits in the thread while one is described. */
const DEPTH = 2;
/**
 * Members in flight at most, beyond one batch: a batch of small groups holds some 2,000, but one
 * group may hold 23,186 (100,000 articles), and the largest groups come first. Four of them in
 * flight were 85,730 members read before the first group was written: `margin story | head`
 * read and described them all (5.7 s of CPU, 458 MB) for the lines of one.
 */
const MEMBERS_IN_FLIGHT = 8_000;

/**
 * The threads that describe and render `margin story`'s groups, started when the first batch
 * is asked for (a thread loads the engine's modules for about a second, while this thread reads
 * that batch's members): not while the groups are formed, when each thread's heap would stand
 * beside the index for nothing. The lexicons must be read first (`readLexicons`): they are
 * shared with each thread as it starts. `close` ends them; they hold the process open until
 * then.
 */
export class Describers {
  readonly #workers: number;
  #threads: Worker[] | null = null;
  readonly #replies = new Replies<DescribeReply>();
  #seq = 0;

  readonly #membersInFlight: number;

  constructor(workers: number, membersInFlight = MEMBERS_IN_FLIGHT) {
    this.#workers = Math.max(1, workers);
    this.#membersInFlight = membersInFlight;
  }

  #started(): Worker[] {
    if (this.#threads) return this.#threads;
    const lexicons = sharedLexicons();
    this.#threads = Array.from(
      { length: this.#workers },
      () =>
        new Worker(workerScript('./story-describe-worker.js', import.meta.url), {
          workerData: { lexicons },
          resourceLimits: YOUNG,
        }),
    );
    for (const thread of this.#threads) this.#replies.watch(thread, 'a story describing thread');
    return this.#threads;
  }

  /**
   * Every group of `batches` described and rendered on the threads, the text of each batch
   * handed on as soon as it and those before it are done (none for a batch with nothing
   * printed). Describing (the kind, the differences, the word diffs) is most of `margin
   * story`'s time once the groups are formed, and each group's depends on its members alone;
   * this thread reads the members of the next batches and writes the output meanwhile. A batch
   * is held here only until it is sent, its text only until it is written, and at most `DEPTH`
   * batches per thread are in flight, so memory stays that of a few batches whatever the number
   * of groups.
   */
  async *describe(batches: Iterable<MembersOf[]>, rendering: Rendering): AsyncGenerator<string> {
    const threads = this.#started();
    const queue: Array<{ reply: Promise<DescribeReply>; done: boolean; members: number }> = [];
    let inFlight = 0;
    const next = async function* () {
      const entry = queue.shift()!;
      const { text } = await entry.reply;
      inFlight -= entry.members;
      if (text !== '') yield text;
    };
    for (const groups of batches) {
      const job: DescribeJob = { seq: this.#seq++, groups, ...rendering };
      let members = 0;
      for (const group of groups) members += group.members.length;
      inFlight += members;
      const entry = { reply: this.#replies.expect(job.seq), done: false, members };
      // Settled either way; a failure is thrown where the reply is awaited, in order.
      entry.reply.then(
        () => (entry.done = true),
        () => (entry.done = true),
      );
      queue.push(entry);
      threads[job.seq % threads.length]!.postMessage(job);
      // The replies that came while this batch was read, handed on now: the first group is
      // printed once it is described, not once the threads' queues are full.
      await new Promise((resolve) => setImmediate(resolve));
      while (queue[0]?.done) yield* next();
      while (queue.length >= DEPTH * threads.length) yield* next();
      // The next batch is read once those in flight are few enough: a reader that has seen
      // enough (`| head`) stops before the largest groups are all read.
      while (queue.length > 0 && inFlight >= this.#membersInFlight) yield* next();
    }
    while (queue.length > 0) yield* next();
  }

  async close(): Promise<void> {
    await Promise.all((this.#threads ?? []).map((thread) => thread.terminate()));
  }
}

/**
 * `Describers.describe` on `workers` threads of its own, ended once the last batch is written or
 * the reader stops.
 */
export async function* describeInParallel(
  batches: Iterable<MembersOf[]>,
  workers: number,
  rendering: Rendering,
): AsyncGenerator<string> {
  const describers = new Describers(workers);
  try {
    yield* describers.describe(batches, rendering);
  } finally {
    await describers.close();
  }
}
