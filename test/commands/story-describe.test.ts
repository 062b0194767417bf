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
      .flatMap((made) => storyReport(made))
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

describe('the report written to a reader that goes', () => {
  it('asks for no more text once a write meets a closed pipe, as after `| head`', async () => {
    // A pipe whose reader is gone: every write fails as EPIPE.
    const stdout = new PassThrough();
    stdout.write = ((_chunk: unknown, done?: (error?: Error | null) => void) => {
      const gone = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      queueMicrotask(() => done?.(gone));
      return false;
    }) as typeof stdout.write;
    const io = { stdout, stderr: new PassThrough(), env: {} };
    let made = 0;
    const parts = (async function* () {
      // Each part is a batch of groups read and described: costly, never made for nobody.
      for (;;) {
        made++;
        yield `group ${made}\n`;
      }
    })();
    const output = new Output(io as unknown as CommandIO, 'story');
    expect(await output.outShown(parts)).toBe(false);
    expect(made).toBe(1);
  });
});

describe("the report's versions of a large group", () => {
  // 30 outlets' versions of one sentence: copies of the earliest but for a few that state
  // another figure (members 14 and 22) or use other words (member 17).
  const members: GroupMember[] = Array.from({ length: 30 }, (_, at) => ({
    article: `a${at}`,
    sentence: 's0',
    index: 0,
    source: `Outlet ${at}`,
    date: `2025-03-${String(1 + at).padStart(2, '0')}`,
    text:
      at === 17
        ? 'Officials said 30 drones were brought down over the region.'
        : `Officials said ${at === 14 ? 40 : at === 22 ? 50 : 30} drones were shot down over the region.`,
    labels: [],
  }));
  const rendering = { filter: { minimum: 2, labels: [] }, json: false, most: 10 };

  it('shows the earliest, each differing figure and each wording, then the earliest of the rest', () => {
    const text = renderedGroup(describeMembers('story-big', members), rendering);
    const shown = [...text.matchAll(/^ {2}\S+ {2}Outlet (\d+)/gm)].map((match) => Number(match[1]));
    expect(shown).toEqual([0, 1, 2, 3, 4, 5, 6, 14, 17, 22]);
    expect(text).toContain('  differ (number): 30 ≠ 40 ≠ 50\n');
    expect(text).toContain(
      '30 sentences in 30 outlets: Outlet 0, Outlet 1, Outlet 2, Outlet 3, Outlet 4, Outlet 5, Outlet 6, Outlet 7, Outlet 8, Outlet 9 and 20 more\n',
    );
    expect(text).toContain('    Officials said 50 drones were shot down over the region.\n');
    expect(text.endsWith('  … 20 more versions (--all shows every one)\n\n')).toBe(true);
    // Without a most (--all), every version and outlet, as before.
    const all = renderedGroup(describeMembers('story-big', members), {
      ...rendering,
      most: undefined,
    });
    expect(all.match(/^ {2}\S+ {2}Outlet/gm)).toHaveLength(30);
    expect(all).toContain('Outlet 28, Outlet 29\n');
    expect(all).not.toContain('more version');
  });

  it("shows other articles' versions before a second wording of one article (qa56)", () => {
    // The earliest article repeats the statement in three wordings; 1,200 outlets copy it.
    const repeated: GroupMember[] = Array.from({ length: 1203 }, (_, at) => ({
      article: at < 3 ? 'a-early' : `a${at}`,
      sentence: `s${at < 3 ? at : 0}`,
      index: at < 3 ? at : 0,
      source: at < 3 ? 'Outlet early' : `Outlet ${at}`,
      date: `2025-03-${String(1 + Math.min(at, 27)).padStart(2, '0')}`,
      text:
        at === 1
          ? '• Officials said 30 drones were shot down over the region.'
          : at === 2
            ? 'Officials said that 30 drones were shot down over the region.'
            : 'Officials said 30 drones were shot down over the region.',
      labels: [],
    }));
    const text = renderedGroup(describeMembers('story-repeated', repeated), rendering);
    expect(text.match(/Outlet early {2}a-early/g)).toHaveLength(1);
    expect(text.match(/^ {2}\S+ {2}Outlet/gm)).toHaveLength(10);
    expect(text).toContain(' · 1,203 sentences in 1,201 outlets: Outlet early, Outlet 3');
  });

  it('makes word diffs only for the versions shown, and prints the same', () => {
    const some = describeMembers('story-big', members, { shown: 10 });
    const whole = describeMembers('story-big', members);
    expect(some.diffs[14]!.length).toBeGreaterThan(0);
    expect(some.diffs[29]).toEqual([]);
    expect(whole.diffs[29]!.length).toBeGreaterThan(0);
    expect(renderedGroup(some, rendering)).toBe(renderedGroup(whole, rendering));
    for (const color of [false, true]) {
      expect(renderedGroup(some, { ...rendering, color })).toBe(
        renderedGroup(whole, { ...rendering, color }),
      );
    }
  });

  it('names every version of a group of at most that many', () => {
    const small = members.slice(0, 10);
    const text = renderedGroup(describeMembers('story-small', small), rendering);
    expect(text.match(/^ {2}\S+ {2}Outlet/gm)).toHaveLength(10);
    expect(text).not.toContain('more');
    expect(text).toBe(
      renderedGroup(describeMembers('story-small', small), { ...rendering, most: undefined }),
    );
  });
});

describe('an outlet with no source in the report', () => {
  const members: GroupMember[] = ['The National', null].map((source, at) => ({
    article: `00${at}_story`,
    sentence: 's0',
    index: 0,
    source,
    date: at === 0 ? '2025-03-14' : null,
    text: 'Officials said 30 drones were shot down over the region.',
    labels: [],
  }));

  it('is named by its article id in the heading and on its line alike, not counted an outlet', () => {
    const text = renderedGroup(describeMembers('story-anon', members), {
      filter: { minimum: 2, labels: [] },
      json: false,
    });
    expect(text).toContain(
      '2 sentences in 1 outlet and 1 article of unknown source: The National, 001_story\n',
    );
    expect(text).toContain('  2025-03-14  The National  000_story\n');
    expect(text).toContain('  undated  001_story\n');
    expect(text).not.toContain('  -  ');
  });
});
