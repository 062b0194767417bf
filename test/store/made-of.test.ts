import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StoreDoc } from '../../source/store/schema.js';
import { type IndexedFile, StoreIndex } from '../../source/store/store-index.js';

function fileOf(annotator: string, article: string, labels: string[], refused = false) {
  const path = `${annotator}/${article}.json`;
  const doc = {
    schema: 'margin.annotations',
    version: 1,
    article,
    annotator,
    status: 'in progress',
    annotations: labels.map((label, at) => ({
      id: `a${at}`,
      label,
      anchor: { sentence: 's0', start: 0, end: 4, quote: 'text' },
      created: '2026-01-01T00:00:00.000Z',
      updated: '2026-01-01T00:00:00.000Z',
    })),
  } as unknown as StoreDoc;
  return {
    path,
    folder: annotator,
    annotator,
    article,
    signature: `1:1:${labels.length}:1`,
    mtimeMs: 1,
    readAt: 2,
    fingerprint: `fp-${path}`,
    doc: refused ? null : doc,
    reason: refused ? 'not valid JSON' : null,
  } satisfies IndexedFile;
}

describe("the store index's madeOf and its digest", () => {
  it('digest exactly the files madeOf lists, in its order, with what each was made from', () => {
    const index = StoreIndex.open(null, '/store');
    index.put(fileOf('bob', 'b', ['claim']));
    index.put(fileOf('alice', 'b', ['quote', 'event']));
    index.put(fileOf('alice', 'a', ['claim']));
    // Neither a file with no annotation nor a refused one is made into anything.
    index.put(fileOf('carol', 'a', []));
    index.put(fileOf('dave', 'a', ['claim'], true));
    index.savePlacements('alice/a.json', 'fp-alice/a.json', 'text-a', 'g1', [['s0', 0, 4]]);
    index.savePlacements('bob/b.json', 'fp-bob/b.json', 'text-b', 'g0', [['s0', 0, 4]]);

    const listed = [...index.madeOf('jsonl', 'g1')].map((row) => `${row.annotator}/${row.article}`);
    expect(listed).toEqual(['alice/a', 'alice/b', 'bob/b']);
    // The lines the digest is documented to hash: each field behind its length, `-` for none,
    // then whether the placements were confirmed in the generation asked about.
    const field = (value: string | null) => (value === null ? '-' : `${value.length}:${value}`);
    const lines = [
      ['a', 'alice', 'fp-alice/a.json', 'text-a', 1],
      ['b', 'alice', 'fp-alice/b.json', null, 0],
      ['b', 'bob', 'fp-bob/b.json', 'text-b', 0],
    ].map(
      ([article, annotator, fingerprint, placedOn, confirmed]) =>
        [article, annotator, fingerprint, placedOn].map((v) => field(v as string | null)).join('') +
        String(confirmed),
    );
    const expected = createHash('sha256')
      .update('5:jsonl2:g1\n')
      .update(lines.map((line) => `${line}\n`).join(''))
      .digest('hex');
    expect(index.madeOfDigest('jsonl', 'g1')).toBe(expected);
    index.close();
  });
});
