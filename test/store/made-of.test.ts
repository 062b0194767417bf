import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StoreIndex } from '../../source/store/store-index.js';
import { indexedFile, labelledDoc } from '../helpers/indexed-files.js';

function fileOf(annotator: string, article: string, labels: string[], refused = false) {
  const path = `${annotator}/${article}.json`;
  return indexedFile(path, refused ? null : labelledDoc(annotator, article, labels));
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
