/**
 * `margin index --story`'s forming on a thread of its own (`story-forming-worker.ts`), whose
 * V8 heap has a small young generation. On the process's main thread V8 grows the young
 * generation to 16 MB semi-spaces during the reading and never gives them back: at 100,000
 * articles each phase after stood 30–45 MiB higher than with 2 MB ones (story49's phase logs,
 * `--max-semi-space-size=2`: the peak 444 → 403 MiB), a setting V8 takes only as an isolate
 * starts. A thread's is set when it is made (`resourceLimits`), in the process itself: a second
 * process started with the flag would have counted a whole Node beside it.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../corpus/worker-script.js';
import type { IndexedArticles, StoryConstraint } from '../story/index.js';
import { FORMING_YOUNG_MB, type SavedPlace, type StoryStage } from './story-groups.js';

/** What the forming thread is given. */
export interface FormingSetup {
  /** The corpus index's file and its folder as given, which the thread opens itself. */
  file: string;
  root: string;
  numbers: Uint32Array;
  place: Pick<SavedPlace, 'file' | 'generation' | 'size'>;
  links: readonly StoryConstraint[];
  workers: number;
  /** Whether to tell where the forming has got to (`StoryStage`). */
  stages: boolean;
}

/** What it answers: where it has got to, then how many groups were kept (or why not), or why it failed. */
export type FormingReply =
  | { stage: StoryStage }
  | { count: number; notKept?: string }
  | { error: string };

/**
 * Forms the groups of a corpus index's `articles` with `links` and keeps them at `place`, on
 * the forming thread; `onStage` is told where it has got to as `formAndKeepHere` tells it. An
 * error there comes back as one line; the thread's memory goes with it when it ends.
 */
export function formOnThread(
  articles: IndexedArticles,
  place: Pick<SavedPlace, 'file' | 'generation' | 'size'>,
  links: readonly StoryConstraint[],
  workers: number,
  onStage?: (stage: StoryStage) => void,
): Promise<{ count: number; notKept?: string }> {
  const setup: FormingSetup = {
    file: articles.file,
    root: articles.root,
    numbers: articles.numbers,
    place: { file: place.file, generation: place.generation, size: place.size },
    links,
    workers,
    stages: onStage !== undefined,
  };
  return new Promise((resolve, reject) => {
    const thread = new Worker(workerScript('./story-forming-worker.js', import.meta.url), {
      workerData: setup,
      resourceLimits: { maxYoungGenerationSizeMb: FORMING_YOUNG_MB },
    });
    let answered = false;
    thread.on('message', (reply: FormingReply) => {
      if ('stage' in reply) {
        onStage?.(reply.stage);
        return;
      }
      answered = true;
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply);
    });
    thread.on('error', (error: Error & { code?: string }) => {
      answered = true;
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error('forming the story groups ran out of memory')
          : error,
      );
    });
    thread.on('exit', (code) => {
      if (!answered) reject(new Error(`forming the story groups stopped (exit ${code})`));
    });
  });
}
