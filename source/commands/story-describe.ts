import { Worker } from 'node:worker_threads';
import { Replies } from '../corpus/replies.js';
import { workerScript } from '../corpus/worker-script.js';
import { type GroupMember, sharedLexicons } from '../story/index.js';
import type { Run, StoryFilter } from './story-render.js';

/** A group to describe: its id and its members as shown (texts, sources, dates, labels). */
export interface MembersOf {
  id: string;
  members: GroupMember[];
}

export interface DescribeJob {
  seq: number;
  groups: MembersOf[];
  filter: StoryFilter;
  /** JSON lines (no word diffs), or the report's lines of runs. */
  json: boolean;
}

/** Each group of a job as printed, in order; null for one the filter leaves out. */
export type Shown = string | Run[][] | null;

export interface DescribeReply {
  seq: number;
  shown: Shown[];
}

/**
 * A thread's young generation: 16 MB, as the reading threads' (see story/parallel-read.ts).
 */
const YOUNG = { maxYoungGenerationSizeMb: 16 };
/** Batches in flight per thread: the next waits in the thread while one is described. */
const DEPTH = 2;

/**
 * Every group of `batches` described and rendered on `workers` threads, in the order given.
 * Describing (the kind, the differences, the word diffs) is most of `margin story`'s time once
 * the groups are formed, and each group's depends on its members alone; this thread reads the
 * members of the next batches and writes the output meanwhile. A batch is held here only until it
 * is sent, a group only until it is written, and at most `DEPTH` batches per thread are in
 * flight, so memory stays that of a few batches whatever the number of groups.
 */
export async function* describeInParallel(
  batches: Iterable<MembersOf[]>,
  workers: number,
  render: Pick<DescribeJob, 'filter' | 'json'>,
): AsyncGenerator<Exclude<Shown, null>> {
  const lexicons = sharedLexicons();
  const threads = Array.from(
    { length: Math.max(1, workers) },
    () =>
      new Worker(workerScript('./story-describe-worker.js', import.meta.url), {
        workerData: { lexicons },
        resourceLimits: YOUNG,
      }),
  );
  const replies = new Replies<DescribeReply>();
  for (const thread of threads) replies.watch(thread, 'a story describing thread');
  const queue: Promise<DescribeReply>[] = [];
  let seq = 0;
  try {
    for (const groups of batches) {
      const job: DescribeJob = { seq: seq++, groups, ...render };
      queue.push(replies.expect(job.seq));
      threads[job.seq % threads.length]!.postMessage(job);
      while (queue.length >= DEPTH * threads.length) yield* taken(queue.shift()!);
    }
    while (queue.length > 0) yield* taken(queue.shift()!);
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

async function* taken(reply: Promise<DescribeReply>): AsyncGenerator<Exclude<Shown, null>> {
  const { shown } = await reply;
  for (const each of shown) if (each !== null) yield each;
}
