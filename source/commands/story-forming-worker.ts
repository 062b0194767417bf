/**
 * The thread `formOnThread` forms a corpus index's story groups on (see `story-forming.ts`):
 * it opens the index on a connection of its own, forms the groups as `margin index --story`
 * did on its main thread, keeps them, and answers how many, or why it failed, in one line.
 */
import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { DiskCorpusIndex } from '../corpus/db/disk-index.js';
import { readIndexFile } from '../corpus/db/open.js';
import { ioReason } from '../corpus/io-reason.js';
import type { IndexedArticles } from '../story/index.js';
import { oneName } from '../text/untrusted.js';
import type { FormingReply, FormingSetup } from './story-forming.js';
import { formAndKeepHere, type StoryStage } from './story-groups.js';

const setup = workerData as FormingSetup;
const answer = (reply: FormingReply) => parentPort!.postMessage(reply);

/**
 * The reading's count at most every `STAGE_MS` (a message for each of 100,000 articles would
 * be some 100,000 copies for a line redrawn four times a second); every other stage as it comes.
 */
const STAGE_MS = 100;
let told = 0;
const onStage = setup.stages
  ? (stage: StoryStage) => {
      if (stage.stage === 'reading' && stage.done > 0 && stage.done !== stage.total) {
        const now = performance.now();
        if (now - told < STAGE_MS) return;
        told = now;
      }
      answer({ stage });
    }
  : undefined;

try {
  answer(await formed());
} catch (error) {
  // One line: what failed, the file where it is one (the corpus index, the kept groups).
  answer({ error: error instanceof Error ? error.message : String(error) });
}

async function formed(): Promise<FormingReply> {
  let corpus: DiskCorpusIndex;
  try {
    corpus = readIndexFile(setup.file, setup.root);
  } catch (error) {
    return {
      error: `the corpus index ${oneName(setup.file)} could not be opened to form the story groups: ${existsSync(setup.file) ? ioReason(error, 'file') : 'no such file'}`,
    };
  }
  try {
    const articles: IndexedArticles = {
      file: setup.file,
      root: setup.root,
      numbers: setup.numbers,
      read: (numbers) => corpus.articlesByNumber(numbers),
    };
    return await formAndKeepHere(articles, setup.links, setup.place, setup.workers, onStage);
  } finally {
    corpus.close();
  }
}
