import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../source/commands/command.js';
import { markedLine, Output } from '../../source/commands/output.js';
import {
  Describers,
  describeInParallel,
  type MembersOf,
  type Rendering,
} from '../../source/commands/story-describe.js';
import {
  isShown,
  renderedGroup,
  storyJson,
  storyReport,
} from '../../source/commands/story-render.js';
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

const asWritten = (groups: MembersOf[], rendering: Rendering) =>
  groups
    .map(({ id, members }) =>
      renderedGroup(describeMembers(id, members, { diffs: !rendering.json }), rendering),
    )
    .join('');

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
    expect((await all(describeInParallel(input, 2, { filter, json: true }))).join('')).toEqual(
      expected.join(''),
    );
    const labelled = { minimum: 1, labels: ['claim'] };
    const report = input
      .flat()
      .map(({ id, members }) => describeMembers(id, members))
      .filter((made) => isShown(made, labelled))
      .flatMap(storyReport)
      .map((line) => markedLine(line, false));
    expect(report.length).toBeGreaterThan(input.flat().filter((_, at) => at % 3 === 0).length);
    for (const color of [false, true]) {
      const rendering = { filter: labelled, json: false, color };
      const written = await all(describeInParallel(input, 3, rendering));
      // A batch's text at a time, none for a batch with nothing printed.
      expect(written.length).toBe(input.filter((batch) => asWritten(batch, rendering)).length);
      expect(written.join('')).toEqual(asWritten(input.flat(), rendering));
    }
    expect(asWritten(input.flat(), { filter: labelled, json: false })).toEqual(report.join(''));
  });

  it('renders the report as Output.outMarked writes it, marked words coloured', async () => {
    const { id, members } = group(1, 3);
    const made = describeMembers(id, members);
    const rendering = { filter: { minimum: 1, labels: [] }, json: false };
    for (const color of [false, true]) {
      const written: string[] = [];
      const io = {
        stdout: Object.assign(new PassThrough(), { isTTY: color, columns: 80 }),
        stderr: new PassThrough(),
        env: {},
      };
      io.stdout.on('data', (chunk: Buffer) => written.push(chunk.toString()));
      await new Output(io as unknown as CommandIO, 'story').outMarked(storyReport(made));
      expect(renderedGroup(made, { ...rendering, color })).toBe(written.join(''));
    }
    expect(renderedGroup(made, { ...rendering, color: true })).toContain('\x1b[1;33m');
  });

  it('hands on the first batch before the last is described', async () => {
    const input = batches(40, 3);
    let sent = 0;
    const counted = function* () {
      for (const batch of input) {
        sent++;
        yield batch;
      }
    };
    const describers = new Describers(2);
    try {
      const written = describers.describe(counted(), {
        filter: { minimum: 1, labels: [] },
        json: true,
      });
      const first = await written.next();
      expect(first.value).toBe(
        asWritten(input[0]!, { filter: { minimum: 1, labels: [] }, json: true }),
      );
      // Not every batch had been read (sent) when the first was written: the report streams.
      expect(sent).toBeLessThan(input.length);
      // A reader that stops: the rest is neither read nor described.
      await written.return(undefined);
      expect(sent).toBeLessThan(input.length);
    } finally {
      await describers.close();
    }
  });
});
