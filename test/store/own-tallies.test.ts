import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../source/review/sync.js';
import { openRepository } from '../../source/store/index.js';
import { articleFromText } from './articles.js';
import { fixedOptions, useTempFolder } from './temp-store.js';

const articles = [
  articleFromText('a', 'One fine sentence. Another fine one. A third.'),
  articleFromText('b', 'The minister said taxes would fall. Prices rose. The vote is on Friday.'),
];
const [a, b] = articles as [(typeof articles)[0], (typeof articles)[0]];

describe("an annotator's tallies from the store index", () => {
  const tempFolder = useTempFolder();

  it('count labels and status per article without reading documents, refused files read-only', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    const alice = await openRepository({
      root,
      annotator: 'alice',
      cacheDir,
      articles,
      ...fixedOptions(),
    });
    await alice.tag(a, a.sentences[0]!.id, 'claim');
    await alice.tag(a, a.sentences[1]!.id, 'claim');
    await alice.tag(a, a.sentences[1]!.id, 'opinion');
    await alice.setStatus(a.id, 'done');
    const bob = await openRepository({ root, annotator: 'bob', cacheDir: null, articles });
    await bob.tag(b, b.sentences[0]!.id, 'quote');
    await bob.close();
    await mkdir(join(root, 'alice'), { recursive: true });
    await writeFile(join(root, 'alice', 'c.json'), '');
    await alice.close();

    const reopened = await openRepository({ root, annotator: 'alice', cacheDir, articles });
    const whole = reopened.ownTallies('alice');
    expect(whole.map((tally) => tally.article).sort()).toEqual(['a', 'c']);
    expect(whole.find((tally) => tally.article === 'a')).toEqual({
      article: 'a',
      status: 'done',
      labels: { claim: 2, opinion: 1 },
      orphans: 0,
      refused: false,
    });
    // One article at a time answers the same as the whole annotator.
    for (const tally of whole)
      expect(reopened.ownTallies('alice', [tally.article])).toEqual([tally]);
    expect(reopened.ownTallies('bob', ['b'])[0]?.labels).toEqual({ quote: 1 });

    const summaries = summarize(reopened);
    expect(summaries.a?.tally).toEqual({ claim: 2, opinion: 1 });
    expect(summaries.a?.status).toBe('done');
    expect(summaries.c?.readOnly).toMatch(/c\.json: the file is empty$/);
    // Asked about articles by name, one without a file is answered as untouched.
    expect(summarize(reopened, ['b']).b).toMatchObject({ status: 'unreviewed', readOnly: null });
    await reopened.close();
  });
});
