import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Describers } from '../../source/commands/story-describe.js';
import { corpusStoryGroups, orderedStoryClusters } from '../../source/commands/story-groups.js';
import { renderedGroup } from '../../source/commands/story-render.js';
import { type ArticleSentences, memoryCorpusIndex } from '../../source/corpus/corpus-index.js';
import { describeMembers, SavedGroups, type StoryCluster } from '../../source/story/index.js';
import { article } from '../search/articles.js';

const dir = mkdtempSync(join(tmpdir(), 'margin-story-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOWNS = ['Eskdale', 'Pomorin', 'Karsava', 'Ostby', 'Halvard', 'Brenmoor', 'Tallin'];
// 40 articles of 5 sentences, each of its own outlet.
const articles = Array.from({ length: 40 }, (_, n) =>
  article(
    `a${n}`,
    [0, 1, 2, 3, 4].map(
      (s) =>
        `Officials in ${TOWNS[(n + s) % TOWNS.length]} said ${n * 5 + s} trucks were stranded.`,
    ),
    { source: `Outlet ${n}`, date: `2025-03-${String(1 + (n % 28)).padStart(2, '0')}` },
  ),
);
const member = (n: number, sentence: number) => ({ article: `a${n}`, sentence });
const cluster = (id: string, members: Array<{ article: string; sentence: number }>) => ({
  id,
  anchor: members[0]!,
  members,
});
// A sentence belongs to one group: the middle groups take a0–a29's sentences 1–4 in turn.
let next = 0;
const taken = () => {
  const at = next++;
  return member(at % 30, 1 + Math.floor(at / 30));
};
// The largest group over a0–a11; 19 of 3 or 4 over a0–a29 (66 members: the second batch);
// the 10 smallest over a30–a39 only.
const kept: StoryCluster[] = [
  ...Array.from({ length: 19 }, (_, k) =>
    cluster(`mid-${k}`, Array.from({ length: 3 + (k % 2) }, taken)),
  ),
  cluster(
    'largest',
    Array.from({ length: 12 }, (_, n) => member(n, 0)),
  ),
  ...Array.from({ length: 10 }, (_, k) =>
    cluster(`last-${k}`, [member(30 + k, k % 2), member(30 + ((k + 1) % 10), 2 + (k % 2))]),
  ),
];

const corpus = memoryCorpusIndex('', articles);
const file = join(dir, 'corpus.sqlite.story');
const saved = { file, generation: 'g1', size: articles.length, hashOf: () => undefined };

/** `margin story`'s groups read back from a kept file, with every article lookup counted. */
async function groups() {
  SavedGroups.save(file, { generation: 'g1', links: [] }, kept, []);
  const read: string[] = [];
  const lookup = (id: string) => {
    read.push(id);
    return corpus.article(id);
  };
  const opened = await orderedStoryClusters(articles, lookup, join(dir, 'store'), {
    workers: 1,
    saved,
  });
  expect(opened.formed).toBe(false);
  return { ...opened, read };
}

const rendering = { filter: { minimum: 2, labels: [] }, json: false };
const lastRead = (read: string[]) => read.filter((id) => Number(id.slice(1)) >= 30);

describe("margin story's report, streamed", () => {
  it('writes the largest group alone and first, before the last groups are read', async () => {
    const { renderedInParallel, read, close, members } = await groups();
    const written = renderedInParallel(rendering);
    const first = await written.next();
    expect(lastRead(read)).toEqual([]);
    const largest = describeMembers('largest', [...members()][0]!.members);
    expect(first.value).toBe(renderedGroup(largest, rendering));
    let rest = '';
    for await (const text of written) rest += text;
    expect(lastRead(read).length).toBeGreaterThan(0);
    // The whole is what describing every group in turn, largest first, writes.
    const whole = [...members()]
      .map(({ id, members }) => renderedGroup(describeMembers(id, members), rendering))
      .join('');
    expect(first.value + rest).toBe(whole);
    expect(whole.indexOf('last-')).toBeGreaterThan(whole.indexOf('mid-'));
    close();
  });

  it('is, byte for byte, every group described at once and sorted, as printed before', async () => {
    const { renderedInParallel, close, members } = await groups();
    // Largest first, among equals in the order kept: 4 members before 3, mid-1 before mid-3.
    const order = [...members()].map(({ id, members }) => `${id}:${members.length}`);
    expect(order.slice(0, 4)).toEqual(['largest:12', 'mid-1:4', 'mid-3:4', 'mid-5:4']);
    expect(order.slice(-11)).toEqual([
      'mid-18:3',
      ...Array.from({ length: 10 }, (_, k) => `last-${k}:2`),
    ]);
    for (const json of [false, true]) {
      const rendering = { filter: { minimum: 2, labels: [] }, json };
      let streamed = '';
      for await (const text of renderedInParallel(rendering)) streamed += text;
      // Before: every group described, then sorted by size, then printed one by one.
      const before = await corpusStoryGroups(
        articles,
        (id) => corpus.article(id),
        join(dir, 'store'),
        { saved },
      );
      const printed = before.groups.map((group) => renderedGroup(group, rendering)).join('');
      expect(before.groups).toHaveLength(kept.length);
      expect(streamed).toBe(printed);
    }
    close();
  });

  it('reads no more groups while a large one is described than the members in flight allow', async () => {
    const { renderedInParallel, read, close } = await groups();
    // At most 10 members in flight: the largest group's 12 are described before any other
    // group is read (at 100,000 articles, four groups of 17,000 to 23,000 members were read
    // before the first was written, for `| head` too).
    const describers = new Describers(1, 10);
    try {
      const written = renderedInParallel(rendering, describers);
      await written.next();
      expect([...new Set(read)]).toEqual(Array.from({ length: 12 }, (_, n) => `a${n}`));
      let rest = '';
      for await (const text of written) rest += text;
      expect(rest).toContain('mid-18');
    } finally {
      await describers.close();
      close();
    }
  });

  it("reads only the members' sentences where the index can, and prints the same", async () => {
    const { renderedInParallel, close } = await groups();
    let whole = '';
    for await (const text of renderedInParallel(rendering)) whole += text;
    close();
    // As an index on disk gives them (`sentencesOf`): no article made whole.
    const asked: number[] = [];
    const sentencesOf = (wanted: ReadonlyMap<string, readonly number[]>) => {
      const out = new Map<string, ArticleSentences>();
      for (const [id, positions] of wanted) {
        const found = corpus.article(id)!;
        const sentences: ArticleSentences['sentences'] = [];
        for (const at of positions) {
          asked.push(at);
          sentences[at] = { id: found.sentences[at]!.id, text: found.sentences[at]!.text };
        }
        out.set(id, { id, date: found.date, source: found.source, sentences });
      }
      return out;
    };
    SavedGroups.save(file, { generation: 'g1', links: [] }, kept, []);
    const opened = await orderedStoryClusters(
      articles,
      () => {
        throw new Error('an article read whole');
      },
      join(dir, 'store'),
      { workers: 1, saved, sentencesOf },
    );
    let streamed = '';
    for await (const text of opened.renderedInParallel(rendering)) streamed += text;
    opened.close();
    expect(streamed).toBe(whole);
    expect(asked).toHaveLength(kept.reduce((sum, group) => sum + group.members.length, 0));
  });

  it('reads nothing more once the reader stops, as `| head` does', async () => {
    const { renderedInParallel, read, close } = await groups();
    const written = renderedInParallel(rendering);
    await written.next();
    await written.return(undefined);
    expect(lastRead(read)).toEqual([]);
    close();
  });
});
