import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { describeInParallel, type MembersOf } from '../../source/commands/story-describe.js';
import { isShown, type Run, storyJson, storyReport } from '../../source/commands/story-render.js';
import { describeMembers, type GroupMember } from '../../source/story/index.js';

/** Group `g` told by `outlets` outlets, its figure changed in the last one. */
function group(g: number, outlets: number): MembersOf {
  const members: GroupMember[] = Array.from({ length: outlets }, (_, at) => ({
    article: `a${g}-${at}`,
    sentence: `s${at}`,
    index: at,
    source: `Outlet ${at}`,
    date: `2025-03-0${1 + (at % 9)}`,
    text: `Officials said ${at === outlets - 1 ? 40 + g : 30 + g} drones were shot down over the region ${g}.`,
    labels: at === 0 && g % 3 === 0 ? ['claim'] : [],
  }));
  return { id: `story-${g}`, members };
}

const batches = (count: number, size: number): MembersOf[][] =>
  Array.from({ length: count }, (_, b) =>
    Array.from({ length: size }, (_, at) => group(b * size + at, 1 + ((b + at) % 4))),
  );

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('describeInParallel', () => {
  const filter = { minimum: 2, labels: [] as string[] };

  it('prints what describing each group in turn prints, in order, the filter applied', async () => {
    const input = batches(7, 5);
    const expected = input
      .flat()
      .map(({ id, members }) => describeMembers(id, members, { diffs: false }))
      .filter((made) => isShown(made, filter))
      .map((made) => `${storyJson(made)}\n`);
    expect(expected.length).toBeGreaterThan(10);
    expect(await all(describeInParallel(input, 2, { filter, json: true }))).toEqual(expected);
    const labelled = { minimum: 1, labels: ['claim'] };
    const report = input
      .flat()
      .map(({ id, members }) => describeMembers(id, members))
      .filter((made) => isShown(made, labelled))
      .map(storyReport);
    expect(report.length).toBe(input.flat().filter((_, at) => at % 3 === 0).length);
    expect(await all(describeInParallel(input, 3, { filter: labelled, json: false }))).toEqual(
      report,
    );
  });

  it('keeps nothing it has handed on: each printed group can be collected', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const handed: WeakRef<Run[][]>[] = [];
    // In a function of its own, so that no frame of the test holds the last group.
    await (async () => {
      for await (const lines of describeInParallel(batches(12, 4), 2, { filter, json: false })) {
        handed.push(new WeakRef(lines as Run[][]));
      }
    })();
    expect(handed.length).toBeGreaterThan(10);
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    expect(handed.filter((ref) => ref.deref() !== undefined)).toEqual([]);
  });
});
