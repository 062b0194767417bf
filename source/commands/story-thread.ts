import { Worker } from 'node:worker_threads';
import { workerScript } from '../corpus/worker-script.js';
import type { StorySource } from '../review/controller.js';
import type { ArticleGroups } from '../review/story.js';
import {
  type OverruledDecision,
  overruledDecisions,
  saveStoryLink,
  watchStoryLinks,
} from '../store/index.js';
import type { StoryGroup } from '../story/index.js';

export interface StoryWorkerSetup {
  corpusRoot: string;
  /** The corpus index's folder, as the review opened it; null when the review read the folder. */
  cacheDir: string | null;
  storeRoot: string;
  /** The store folder as the user named it, for messages about refused link files. */
  display?: string;
  /** The most articles whose groups the review forms itself (`STORY_IN_REVIEW`). */
  inReview: number;
  /** The codebook's labels, which a group's kind is one of; margin's own when absent. */
  kinds?: readonly string[];
  /** Who reviews: the links of theirs a teammate's later decision overrules come with groups. */
  annotator: string;
}

export type StoryJob =
  /**
   * The articles the review shows, in its order (the first of `total` while its list loads):
   * form their groups, or find the kept ones.
   */
  | { seq: number; kind: 'groups'; ids: string[]; total: number }
  /** The kept groups with a member in this article, described. */
  | { seq: number; kind: 'article'; id: string };

export type StoryReply =
  | { seq: number; groups: StoryGroup[]; problems: string[]; overruled: OverruledDecision[] }
  | {
      seq: number;
      kept: true;
      problems: string[];
      note: string | null;
      edition: string;
      overruled: OverruledDecision[];
    }
  | ({ seq: number; article: string } & ArticleGroups)
  | { seq: number; error: string };

interface Waiting {
  resolve: (reply: StoryReply) => void;
  reject: (error: Error) => void;
}

/**
 * The most articles the review groups itself, on its worker thread: forming the groups holds
 * about 40 MB per 1,000 articles of template-like news (peak 259 MB at 10,000 in the bench), and
 * takes seconds. Beyond it the review reads the groups `margin index --story` kept, article by
 * article (and below it too, when they were kept for the corpus and links as they are).
 * `MARGIN_STORY_IN_REVIEW` sets another limit.
 */
export const STORY_IN_REVIEW = 3_000;
/** The worker's heap limit, well above what STORY_IN_REVIEW articles need. */
const STORY_MEMORY_MB = 1_024;

/** Every group, formed on the thread (not one article's kept groups). */
function formedHere(
  reply: StoryReply,
): reply is Extract<StoryReply, { groups: StoryGroup[]; problems: string[] }> {
  return 'groups' in reply && !('article' in reply);
}

export function reviewStorySource(
  setup: Omit<StoryWorkerSetup, 'inReview'> & { inReview?: number },
): StorySource & { close: () => Promise<void> } {
  const limit = setup.inReview ?? STORY_IN_REVIEW;
  let worker: Worker | null = null;
  const waiting = new Map<number, Waiting>();
  let seq = 0;
  /** A forming under way (it holds the thread for seconds), which a newer request supersedes. */
  let forming = false;
  const stop = () => {
    forming = false;
    void worker?.terminate();
    worker = null;
    // Superseded: their answers would be about a corpus or links no longer shown.
    waiting.clear();
  };
  const start = (): Worker => {
    const data: StoryWorkerSetup = { ...setup, inReview: limit };
    const thread = new Worker(workerScript('./story-worker.js', import.meta.url), {
      workerData: data,
      // Beyond this the grouping stops with a message rather than take the machine's memory.
      resourceLimits: { maxOldGenerationSizeMb: STORY_MEMORY_MB },
    });
    thread.on('message', (reply: StoryReply) => {
      const pending = waiting.get(reply.seq);
      if (!pending) return;
      waiting.delete(reply.seq);
      // Groups formed here: their memory goes with the thread (hundreds of megabytes at a few
      // thousand articles), which a review that forms them again only after a link need not
      // keep. Kept groups stay open on it, to be read article by article.
      if (formedHere(reply)) stop();
      if ('error' in reply) pending.reject(new Error(reply.error));
      else pending.resolve(reply);
    });
    thread.on('error', (error: Error & { code?: string }) => {
      const pending = [...waiting.values()];
      stop();
      const failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error(`grouping needs more than ${STORY_MEMORY_MB} MB; margin story lists them`)
          : error;
      for (const each of pending) each.reject(failure);
    });
    // Grouping is never a reason to keep margin running once the review has ended. (After the
    // listeners: adding a 'message' listener refs the thread again.)
    thread.unref();
    return thread;
  };
  const ask = (job: StoryJob): Promise<StoryReply> => {
    worker ??= start();
    return new Promise((resolve, reject) => {
      waiting.set(job.seq, { resolve, reject });
      worker!.postMessage(job);
    });
  };
  return {
    // The review has ended: a grouping under way is stopped before the process leaves, not torn
    // down with it.
    close: async () => {
      const running = worker;
      worker = null;
      waiting.clear();
      await running?.terminate();
    },
    // The thread started ahead of the first request, to load what describing needs meanwhile.
    warm: () => {
      worker ??= start();
    },
    readsKept: (total) => total > limit,
    groups: async (articles, total = articles.length) => {
      // A newer corpus or a new link supersedes a forming under way: start it afresh. (Finding
      // kept groups takes a moment: the thread answers both in turn, warm.)
      if (forming) stop();
      forming = total <= limit;
      seq += 1;
      const ids = articles.map((article) => article.id);
      const reply = await ask({ seq, kind: 'groups', ids, total });
      if ('kept' in reply) {
        // Read, not formed: the thread holds them for the articles asked next.
        forming = false;
        const { problems, note, edition, overruled } = reply;
        return { kept: true, problems, note, edition, overruled };
      }
      if (formedHere(reply)) {
        return { groups: reply.groups, problems: reply.problems, overruled: reply.overruled };
      }
      throw new Error('the story worker answered out of turn');
    },
    article: async (id) => {
      // Only kept groups are read by article; without a thread holding them there are none.
      if (!worker) return { groups: [], sizes: {} };
      seq += 1;
      const reply = await ask({ seq, kind: 'article', id });
      if ('article' in reply) return { groups: reply.groups, sizes: reply.sizes };
      throw new Error('the story worker answered out of turn');
    },
    watch: (onChange) => watchStoryLinks(setup.storeRoot, onChange),
    overruled: () => overruledDecisions(setup.storeRoot, setup.annotator),
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
