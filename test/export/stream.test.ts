import { describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { FORMATS } from '../../source/export/formats.js';
import type { ArticleEntry } from '../../source/export/model.js';
import { runExport, runKept } from '../../source/export/stream.js';
import type { KeptFormat } from '../../source/export/writer.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import type { RenderedArticle } from '../../source/store/types.js';
import { articleOfSentences } from '../helpers/articles.js';
import { place } from './fixture.js';

const ARTICLES = 2000;

/** A store too large to hold as one piece of output, read article by article. */
async function* largeStore(read: { count: number }): AsyncGenerator<ArticleEntry> {
  const sentences = Array.from(
    { length: 8 },
    (_, i) => `Sentence ${i} of a long article about talks, with enough words to weigh something.`,
  );
  for (let n = 0; n < ARTICLES; n++) {
    const article: Article = articleOfSentences(`a${n}`, [sentences], { title: `Article ${n}` });
    read.count++;
    yield {
      article,
      annotations: sentences.map((_, i) =>
        place(article, i, (['claim', 'quote', 'event'] as const)[i % 3]!, i % 2 ? 'bob' : 'alice', {
          note: 'a note long enough to make the output grow with every annotation written',
        }),
      ),
      status: () => 'done',
    };
  }
}

describe('a streamed export', () => {
  it.each(FORMATS)(
    '%s: writes its first piece before the last article is read, in bounded pieces',
    async (format) => {
      const read = { count: 0 };
      const pieces: Array<{ size: number; readBefore: number }> = [];
      await runExport(
        format,
        largeStore(read),
        {
          write: async (text) => {
            pieces.push({ size: text.length, readBefore: read.count });
          },
          writeFile: async (_path, content) => {
            pieces.push({ size: content.length, readBefore: read.count });
          },
        },
        { labels: DEFAULT_LABELS },
      );
      expect(read.count).toBe(ARTICLES);
      expect(pieces[0]!.readBefore).toBeLessThan(ARTICLES / 2);
      // A piece is at most about a megabyte and one article more, whatever the store's size.
      const total = pieces.reduce((sum, piece) => sum + piece.size, 0);
      expect(total).toBeGreaterThan(4 * 1024 * 1024);
      expect(Math.max(...pieces.map((piece) => piece.size))).toBeLessThan(1024 * 1024 + 64 * 1024);
    },
  );

  it('stops reading when the reader went away', async () => {
    const read = { count: 0 };
    let writes = 0;
    await runExport(
      'jsonl',
      largeStore(read),
      {
        closed: true,
        write: async () => {
          writes++;
        },
        writeFile: async () => {},
      },
      { labels: DEFAULT_LABELS },
    );
    expect(writes).toBe(1);
    expect(read.count).toBeLessThan(ARTICLES);
  });

  it('makes the next piece of a kept export while the one before is being written', async () => {
    const PIECE = 256 * 1024;
    const pulled = { count: 0 };
    const kept = () => keptArticles(32, pulled);
    const format = piecesOf(PIECE);
    const writes: Array<{ bytes: Uint8Array; pulled: number; done: () => void }> = [];
    let writing = 0;
    let most = 0;
    const done = runKept(
      format,
      kept(),
      {
        write: (bytes) =>
          new Promise<void>((resolve) => {
            most = Math.max(most, ++writing);
            // A copy: the bytes are the writer's again once the write resolved, not before.
            const at = { bytes: Buffer.from(bytes as Uint8Array), pulled: pulled.count };
            const finish = () => {
              expect(Buffer.compare(bytes as Uint8Array, at.bytes)).toBe(0);
              writing--;
              resolve();
            };
            writes.push({ ...at, done: finish });
          }),
        writeFile: async () => {},
      },
      {},
    );
    const ticks = async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    await ticks();
    // The first megabyte is out; the next is made meanwhile, but not written before it.
    expect(writes).toHaveLength(1);
    expect(pulled.count).toBeGreaterThanOrEqual(writes[0]!.pulled + 4);
    for (let next = 0; next < writes.length; next++) {
      writes[next]!.done();
      await ticks();
    }
    const summary = await done;
    expect(summary.annotations).toBe(32);
    expect(most).toBe(1);
    const out = Buffer.concat(writes.map((write) => write.bytes));
    expect(out.length).toBe(32 * PIECE);
    expect(out.subarray(31 * PIECE, 31 * PIECE + 3).toString()).toBe('a31');
  });

  it('lets a write in flight go on while it makes the next piece', async () => {
    // A pipe: a write takes 64 KB a turn of the event loop, as a reader empties it.
    const TAKEN = 64 * 1024;
    const pulled = { count: 0 };
    const kept = () => keptArticles(256, pulled);
    const format = piecesOf(16 * 1024);
    // Per write, the articles pulled when each of its turns came.
    const turns: number[][] = [];
    const summary = await runKept(
      format,
      kept(),
      {
        write: (bytes) =>
          new Promise<void>((resolve) => {
            const seen: number[] = [];
            turns.push(seen);
            let left = bytes.length;
            const take = () => {
              seen.push(pulled.count);
              left -= TAKEN;
              if (left > 0) setImmediate(take);
              else resolve();
            };
            setImmediate(take);
          }),
        writeFile: async () => {},
      },
      {},
    );
    expect(summary.annotations).toBe(256);
    expect(turns.length).toBeGreaterThanOrEqual(4);
    // The first megabyte went out a turn at a time while the next was made, not once it was.
    const first = turns[0]!;
    expect(first.length).toBe(16);
    expect(new Set(first).size).toBeGreaterThan(8);
  });
});

/** `count` kept articles of alice's, counting in `pulled` how many the export has taken. */
function* keptArticles(count: number, pulled: { count: number }): Generator<RenderedArticle> {
  for (let n = 0; n < count; n++) {
    pulled.count++;
    const files = [{ annotator: 'alice', text: Buffer.alloc(0), madeFrom: '' }];
    yield { id: `a${n}`, article: null, kept: files, annotated: null, keep: () => undefined };
  }
}

/** A format writing `size` bytes of each kept article's id. */
function piecesOf(size: number): KeptFormat {
  return {
    kind: 'test',
    start: () => '',
    end: () => '',
    article: () => '',
    keep: () => '',
    fromKept: (article) => ({ bytes: Buffer.alloc(size, article.id), lines: 1 }),
  };
}
