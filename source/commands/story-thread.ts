import { Worker } from 'node:worker_threads';
import { workerScript } from '../corpus/worker-script.js';
import type { StorySource } from '../review/controller.js';
import { saveStoryLink, watchStoryLinks } from '../store/index.js';
import type { StoryGroup } from '../story/index.js';

export interface StoryWorkerSetup {
  corpusRoot: string;
  /** The corpus index's folder, as the review opened it; null when the review read the folder. */
  cacheDir: string | null;
  storeRoot: string;
  /** The store folder as the user named it, for messages about refused link files. */
  display?: string;
}

export interface StoryJob {
  seq: number;
  /** The articles the review shows, in its order. */
  ids: string[];
}

export type StoryReply =
  | { seq: number; groups: StoryGroup[]; problems: string[] }
  | { seq: number; error: string };

interface Waiting {
  seq: number;
  resolve: (result: { groups: StoryGroup[]; problems: string[] }) => void;
  reject: (error: Error) => void;
}

/**
 * The most articles the review groups. The engine holds about 150 KB per article of template-like
 * news while it groups (2.3 GB at 10,000 generated articles), so this keeps a review within a
 * few hundred megabytes; `margin story` lists the groups of any corpus.
 */
export const STORY_IN_REVIEW = 3_000;
/** The worker's heap limit, well above what STORY_IN_REVIEW articles need. */
const STORY_MEMORY_MB = 1_024;

export function reviewStorySource(
  setup: StoryWorkerSetup & { annotator: string },
): StorySource & { close: () => Promise<void> } {
  let worker: Worker | null = null;
  let waiting: Waiting | null = null;
  let seq = 0;
  const stop = () => {
    void worker?.terminate();
    worker = null;
  };
  const start = (): Worker => {
    const { annotator: _, ...data } = setup;
    const thread = new Worker(workerScript('./story-worker.js', import.meta.url), {
      workerData: data,
      // Beyond this the grouping stops with a message rather than take the machine's memory.
      resourceLimits: { maxOldGenerationSizeMb: STORY_MEMORY_MB },
    });
    thread.on('message', (reply: StoryReply) => {
      if (!waiting || reply.seq !== waiting.seq) return;
      const { resolve, reject } = waiting;
      waiting = null;
      // The grouping's memory goes with the thread: hundreds of megabytes at a few thousand
      // articles, which a review that regroups only after a link has no reason to keep.
      stop();
      if ('error' in reply) reject(new Error(reply.error));
      else resolve({ groups: reply.groups, problems: reply.problems });
    });
    thread.on('error', (error: Error & { code?: string }) => {
      stop();
      const pending = waiting;
      waiting = null;
      pending?.reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error(`grouping needs more than ${STORY_MEMORY_MB} MB; margin story lists them`)
          : error,
      );
    });
    // Grouping is never a reason to keep margin running once the review has ended. (After the
    // listeners: adding a 'message' listener refs the thread again.)
    thread.unref();
    return thread;
  };
  return {
    // The review has ended: a grouping under way is stopped before the process leaves, not torn
    // down with it.
    close: async () => {
      const running = worker;
      worker = null;
      waiting = null;
      await running?.terminate();
    },
    groups: (articles) => {
      if (articles.length > STORY_IN_REVIEW) {
        return Promise.reject(
          new Error(
            `${articles.length.toLocaleString('en-US')} articles are more than the review groups while you work (${STORY_IN_REVIEW.toLocaleString('en-US')}); margin story lists them`,
          ),
        );
      }
      // A newer corpus or a new link supersedes a grouping under way: start it afresh.
      if (waiting) stop();
      worker ??= start();
      seq += 1;
      const job: StoryJob = { seq, ids: articles.map((article) => article.id) };
      return new Promise((resolve, reject) => {
        waiting = { seq: job.seq, resolve, reject };
        worker!.postMessage(job);
      });
    },
    watch: (onChange) => watchStoryLinks(setup.storeRoot, onChange),
    link: (link) =>
      saveStoryLink(
        setup.storeRoot,
        setup.annotator,
        link,
        new Date(),
        setup.display ?? setup.storeRoot,
      ),
  };
}
