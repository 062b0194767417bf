/**
 * A worker thread that writes a corpus's groups to the file kept beside its corpus index
 * (`SavingThread`): SQLite's writing of the 2 million members of 100,000 articles' groups, while
 * the index's thread packs the next ones.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ArticleHashes } from './article-hashes.js';
import { groupId, type PackedGroups } from './group-list.js';
import { type Basis, GroupWriter } from './saved-groups.js';
import type { SavingMessage, SavingReply } from './saving-thread.js';

const setup = workerData as { file: string; basis: Basis; articleIds: string[] };
const { articleIds } = setup;
let writer: GroupWriter | null = null;
let failed = false;

function fail(error: unknown): void {
  failed = true;
  writer?.abandon();
  writer = null;
  const { message, code } = error as { message?: string; code?: string };
  const reply: SavingReply = { failed: { message: message ?? String(error), code } };
  parentPort!.postMessage(reply);
}

function write({ starts, articles, sentences, fingerprints }: PackedGroups): void {
  const into = writer!;
  for (let group = 0; group + 1 < starts.length; group++) {
    const from = starts[group]!;
    for (let at = from; at < starts[group + 1]!; at++) {
      into.member(articleIds[articles[at]!]!, sentences[at]!);
    }
    into.group(
      groupId(articleIds[articles[from]!]!, fingerprints[2 * group]!, fingerprints[2 * group + 1]!),
    );
  }
}

/** The groups come from one index (`StoryIndex.groupLists`): each sentence is named once. */
const opened = () => new GroupWriter(setup.file, setup.basis, true);

parentPort!.on('message', (message: SavingMessage) => {
  if ('end' in message) {
    // After a failure, what came was not written: `finish` is told why.
    if (failed) {
      parentPort!.postMessage({ failed: true } satisfies SavingReply);
      return;
    }
    try {
      writer ??= opened();
      writer.finish();
      writer = null;
      parentPort!.postMessage({ kept: true } satisfies SavingReply);
    } catch (error) {
      fail(error);
    }
    return;
  }
  if ('hashes' in message) {
    if (failed) return;
    try {
      writer ??= opened();
      writer.articles(ArticleHashes.from(message.hashes));
    } catch (error) {
      fail(error);
    }
    return;
  }
  if (!failed) {
    try {
      writer ??= opened();
      write(message);
    } catch (error) {
      fail(error);
    }
  }
  parentPort!.postMessage({ written: true } satisfies SavingReply);
});
