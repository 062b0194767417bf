import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { command as indexCommand } from '../../source/commands/index-command.js';
import { runCommand } from '../../source/commands/run.js';
import { formOnThread } from '../../source/commands/story-forming.js';
import {
  formAndKeepHere,
  type StoryStage,
  savedGroupsOf,
  storyArticlesOf,
} from '../../source/commands/story-groups.js';
import { readIndexFile } from '../../source/corpus/db/open.js';
import {
  type IndexedArticles,
  SavedGroups,
  type StoryConstraint,
} from '../../source/story/index.js';
import { captureIO } from '../corpus/capture-io.js';

// `margin index --story` forms the groups of a corpus index on a thread of its own (a small
// young generation, story50). The tests start the built thread script (`npm test` builds first).
const root = join(import.meta.dirname, '../..');
const scratch = await mkdtemp(join(tmpdir(), 'margin-story-forming-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The seeds' corpus index on disk, opened as `margin index --story` reads it. */
async function seedsIndex() {
  const env = { XDG_CACHE_HOME: join(scratch, 'cache') };
  const flags = { corpus: 'seeds', store: join(scratch, 'store'), story: false, json: false };
  expect(await runCommand(indexCommand, [], flags, captureIO(root, env).io)).toBe(0);
  const cache = join(scratch, 'cache', 'margin');
  const name = (await readdir(cache)).find((each) => each.endsWith('.sqlite'))!;
  const index = readIndexFile(join(cache, name), join(root, 'seeds'));
  return { index, cache };
}

/** Every group of a kept file, as it reads them back, and what it was kept for. */
function keptGroups(file: string) {
  const kept = SavedGroups.read(file)!;
  try {
    return { key: kept.key(), groups: [...kept.clusters()] };
  } finally {
    kept.close();
  }
}

describe('the story groups formed on a thread of their own', () => {
  it('are the groups formed on the main thread, with the links, and say where they are', async () => {
    const { index, cache } = await seedsIndex();
    try {
      const place = savedGroupsOf(index)!;
      const articles = storyArticlesOf(index) as IndexedArticles;
      expect('numbers' in articles).toBe(true);
      // Two sentences the engine does not join, linked by a reviewer: the thread must have
      // them, or its groups differ.
      const first = index.article(idAt(index, 0))!;
      const other = index.article(idAt(index, 4))!;
      const links: StoryConstraint[] = [
        {
          kind: 'link',
          a: { article: first.id, sentence: first.sentences[0]!.id },
          b: { article: other.id, sentence: other.sentences[0]!.id },
        },
      ];
      const here = { ...place, file: join(cache, 'here.story') };
      const there = { ...place, file: join(cache, 'there.story') };
      expect(await formAndKeepHere(articles, links, here, 1)).toMatchObject({
        count: expect.any(Number),
      });
      const stages: StoryStage['stage'][] = [];
      const formed = await formOnThread(articles, there, links, 2, (stage) => {
        if (stages.at(-1) !== stage.stage) stages.push(stage.stage);
      });
      const expected = keptGroups(here.file);
      const got = keptGroups(there.file);
      expect(formed).toEqual({ count: expected.groups.length });
      expect(got).toEqual(expected);
      const linked = got.groups.find((group) =>
        group.members.some((member) => member.article === first.id && member.sentence === 0),
      );
      expect(linked?.members.map((member) => member.article)).toContain(other.id);
      expect(stages).toEqual(['reading', 'comparing', 'keeping']);
    } finally {
      index.close();
    }
  });

  it('fails in one line naming the file when the corpus index cannot be opened', async () => {
    const { index, cache } = await seedsIndex();
    try {
      const place = { ...savedGroupsOf(index)!, file: join(cache, 'gone.story') };
      const articles = storyArticlesOf(index) as IndexedArticles;
      const missing = join(scratch, 'no such folder', 'corpus.sqlite');
      const failure = await formOnThread({ ...articles, file: missing }, place, [], 1).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(failure).toBe(
        `the corpus index ${missing} could not be opened to form the story groups: no such file`,
      );
    } finally {
      index.close();
    }
  });
});

/** The id of the article at `ord` in corpus order. */
function idAt(index: ReturnType<typeof readIndexFile>, ord: number): string {
  const numbers = index.readElsewhere()!.numbers;
  return index.articlesByNumber([numbers[ord]!])[0]!.id;
}
