import { describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { keptBrat } from '../../source/export/brat-kept.js';
import { type ExportSink, runKeptFiles } from '../../source/export/stream.js';
import { emptySummary } from '../../source/export/writer.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import type { ArticleMadeOf, RenderedArticle } from '../../source/store/types.js';

const KEPT = '1\t0\t[["claim"],[]]\tT1\tClaim 0 4\ttext\n';

/** An article whose files (alice's and bob's) are kept, made from `tag-ID-ANNOTATOR`. */
function rendered(id: string): RenderedArticle {
  return {
    id,
    article: { id, text: `text of ${id}` } as unknown as Article,
    kept: ['alice', 'bob'].map((annotator) => ({
      annotator,
      text: Buffer.from(KEPT),
      madeFrom: `tag-${id}-${annotator}`,
    })),
    annotated: null,
    keep: () => undefined,
  };
}

const madeOf = (ids: string[]): ArticleMadeOf[] =>
  ids.map((id) => ({
    id,
    files: ['alice', 'bob'].map((annotator) => ({ annotator, madeFrom: `tag-${id}-${annotator}` })),
  }));

/**
 * A folder whose last export wrote every file of `ids` from what it is made of now, with the
 * notes brat keeps beside each .ann; `failing`: the files whose check on disk then fails.
 */
function folder(ids: string[], failing: string[]) {
  const records = new Map<string, { tag: string; note: string }>();
  for (const id of ids) {
    for (const annotator of ['alice', 'bob']) {
      const tag = `tag-${id}-${annotator}`;
      records.set(`${annotator}/${id}.txt`, { tag, note: '' });
      records.set(`${annotator}/${id}.ann`, { tag, note: '1,0,[["claim"],[]]' });
    }
  }
  const written: string[] = [];
  const left = new Set<string>();
  const sink: ExportSink = {
    async write() {},
    async writeFile(path, content) {
      written.push(`${path}: ${Buffer.from(content).toString()}`);
    },
    ready: async () => true,
    held: (path, tag) => {
      const record = records.get(path);
      return record?.tag === tag ? record.note : null;
    },
    leave: (path) => left.add(path),
    settle: async () => {
      for (const path of failing) left.delete(path);
      return failing;
    },
  };
  return { sink, written, left };
}

describe('brat files left as the last export made them', () => {
  it('reads no article whose files are all held, and counts them from their notes', async () => {
    const { sink, written, left } = folder(['a1', 'a2'], []);
    const read: Array<string[] | null> = [];
    const summary = emptySummary();
    await runKeptFiles(
      keptBrat(DEFAULT_LABELS, summary),
      (only) => {
        read.push(only ? [...only] : null);
        return [];
      },
      sink,
      {},
      summary,
      () => madeOf(['a1', 'a2']),
    );
    expect(read).toEqual([]);
    expect(written.map((line) => line.split(':')[0])).toEqual(['annotation.conf', 'visual.conf']);
    expect(left.size).toBe(8);
    expect(summary).toMatchObject({ articles: 2, annotations: 4, articleFiles: 4 });
  });

  it('writes again, alone and counted once, a file left whose check on disk failed', async () => {
    const { sink, written, left } = folder(['a1', 'a2'], ['bob/a2.txt']);
    const read: Array<string[] | null> = [];
    const summary = emptySummary();
    await runKeptFiles(
      keptBrat(DEFAULT_LABELS, summary),
      (only) => {
        read.push(only ? [...only] : null);
        return only ? [...only].map(rendered) : [];
      },
      sink,
      {},
      summary,
      () => madeOf(['a1', 'a2']),
    );
    expect(read).toEqual([['a2']]);
    expect(written).toEqual([
      'bob/a2.txt: text of a2',
      expect.stringMatching(/^annotation\.conf: \[entities\]/),
      expect.stringMatching(/^visual\.conf: \[labels\]/),
    ]);
    expect(left.size).toBe(7);
    expect(summary).toMatchObject({ articles: 2, annotations: 4, articleFiles: 4 });
  });

  it('reads and writes the files of an article not all held, leaving those that are', async () => {
    // a3 was not in the last export; what bob's a2 is made from is not known unread (its
    // placements are not confirmed on the article's text): both are read.
    const { sink, written, left } = folder(['a1', 'a2'], []);
    const made = madeOf(['a1', 'a2', 'a3']);
    made[1]!.files[1]!.madeFrom = null;
    const read: Array<string[] | null> = [];
    const summary = emptySummary();
    await runKeptFiles(
      keptBrat(DEFAULT_LABELS, summary),
      (only) => {
        read.push(only ? [...only].sort() : null);
        return only ? [...only].sort().map(rendered) : [];
      },
      sink,
      {},
      summary,
      () => made,
    );
    expect(read).toEqual([['a2', 'a3']]);
    // a2's files, read, are made from what the last export made them from: left.
    expect(written.map((line) => line.split(':')[0])).toEqual([
      'alice/a3.txt',
      'alice/a3.ann',
      'bob/a3.txt',
      'bob/a3.ann',
      'annotation.conf',
      'visual.conf',
    ]);
    expect(left.size).toBe(8);
    expect(summary).toMatchObject({ articles: 3, annotations: 6, articleFiles: 6 });
  });

  describe('an export that says what its files were made from', () => {
    /** The folder sink above, which also keeps what an export says of itself. */
    function saying(ids: string[], failing: string[], lastSaid: string | null) {
      const made = folder(ids, failing);
      let asked = 0;
      let said: string | null = null;
      const sink: ExportSink = {
        ...made.sink,
        held: (path, tag) => {
          asked++;
          return made.sink.held!(path, tag);
        },
        lastSaid: () => lastSaid,
        holdAll: () => {
          for (const id of ids) {
            for (const annotator of ['alice', 'bob']) {
              made.left.add(`${annotator}/${id}.txt`);
              made.left.add(`${annotator}/${id}.ann`);
            }
          }
        },
        say: (text) => {
          said = text;
        },
      };
      return { ...made, sink, asked: () => asked, said: () => said };
    }

    const exported = async (
      at: ReturnType<typeof saying>,
      digest: string | null,
      only: (ids: ReadonlySet<string>) => RenderedArticle[] = (ids) => [...ids].map(rendered),
    ) => {
      const read: Array<string[] | null> = [];
      const summary = emptySummary();
      await runKeptFiles(
        keptBrat(DEFAULT_LABELS, summary),
        (ids) => {
          read.push(ids ? [...ids] : null);
          return ids ? only(ids) : [];
        },
        at.sink,
        {},
        summary,
        () => madeOf(['a1', 'a2']),
        () => digest,
      );
      return { read, summary };
    };

    it('looks at no file one by one when the last export said the same digest', async () => {
      // The export before says what it made its files from: every file held, as tagged.
      const before = saying(['a1', 'a2'], [], null);
      const first = await exported(before, 'd1');
      expect(before.asked()).toBe(8);
      const said = before.said();
      expect(JSON.parse(said!)).toMatchObject({ digest: 'd1', articles: 2, annotations: 4 });

      const now = saying(['a1', 'a2'], [], said);
      const { read, summary } = await exported(now, 'd1');
      expect(now.asked()).toBe(0);
      expect(read).toEqual([]);
      expect(now.written).toEqual(before.written);
      expect(now.left.size).toBe(8);
      expect(summary).toEqual(first.summary);
      expect(now.said()).toBe(said);
    });

    it('looks at each file when the digest differs, and says nothing without one', async () => {
      const before = saying(['a1', 'a2'], [], null);
      await exported(before, 'd1');
      const now = saying(['a1', 'a2'], [], before.said());
      await exported(now, 'd2');
      expect(now.asked()).toBe(8);
      expect(JSON.parse(now.said()!)).toMatchObject({ digest: 'd2' });
      const none = saying(['a1', 'a2'], [], before.said());
      await exported(none, null);
      expect(none.asked()).toBe(8);
      expect(none.said()).toBeNull();
    });

    it('still writes again a file whose check on disk failed', async () => {
      const before = saying(['a1', 'a2'], [], null);
      await exported(before, 'd1');
      const now = saying(['a1', 'a2'], ['bob/a2.txt'], before.said());
      const { read, summary } = await exported(now, 'd1');
      expect(now.asked()).toBe(0);
      expect(read).toEqual([['a2']]);
      expect(now.written).toEqual([
        'bob/a2.txt: text of a2',
        expect.stringMatching(/^annotation\.conf: \[entities\]/),
        expect.stringMatching(/^visual\.conf: \[labels\]/),
      ]);
      expect(now.left.size).toBe(7);
      expect(summary).toMatchObject({ articles: 2, annotations: 4, articleFiles: 4 });
    });

    it('says nothing when a file was made anew rather than from what it was made of', async () => {
      // An article kept without what it was made from: its files written untagged.
      const before = saying(['a1'], [], null);
      const placed: RenderedArticle = {
        ...rendered('a2'),
        kept: [
          { annotator: 'alice', text: Buffer.from(KEPT), madeFrom: '' },
          { annotator: 'bob', text: Buffer.from(KEPT), madeFrom: '' },
        ],
      };
      await exported(before, 'd1', (ids) =>
        [...ids].map((id) => (id === 'a2' ? placed : rendered(id))),
      );
      expect(before.said()).toBeNull();
    });
  });
});
