import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../source/store/index.js';
import type { StoreEvent } from '../../source/store/repository.js';
import { eventually } from '../helpers/patience.js';
import { articleFromText } from './articles.js';
import { useTempFolder } from './temp-store.js';

const article = articleFromText('pulled', 'The vote was held on Monday. Turnout was high.');

const waitFor = <T>(probe: () => T | undefined, what: string) => eventually(probe, what);

describe('watching for changes by other processes', () => {
  const tempFolder = useTempFolder();

  it('reports files written by another writer, and not its own writes', async () => {
    const root = await tempFolder();
    const alice = await openRepository({ root, annotator: 'alice', articles: [article] });
    const events: StoreEvent[] = [];
    const stop = alice.watch((event) => events.push(event));
    // Let the watchers attach before anything changes.
    await new Promise((resolve) => setTimeout(resolve, 100));

    await alice.tag(article, article.sentences[0]!.id, 'claim');
    await alice.setStatus('pulled', 'in progress');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toEqual([]);
    const bob = await openRepository({ root, annotator: 'bob', articles: [article] });
    await bob.tag(article, article.sentences[1]!.id, 'event');

    const event = await waitFor(() => events[0], 'the change event');
    expect(event).toEqual({ articles: ['pulled'] });
    expect(alice.list({ article: 'pulled' }).map((a) => [a.annotator, a.label])).toEqual([
      ['alice', 'claim'],
      ['bob', 'event'],
    ]);

    // A `git pull` bringing a broken file: reported, and the article turns read-only.
    await writeFile(join(root, 'alice', 'pulled.json'), '{ "schema": ');
    await waitFor(() => (alice.isReadOnly('pulled') ? true : undefined), 'the refusal');
    expect(alice.problems().map((problem) => problem.path)).toEqual([
      join(root, 'alice', 'pulled.json'),
    ]);

    // A new annotator's folder appearing after the watch began.
    await mkdir(join(root, 'carol'));
    const carol = await openRepository({ root, annotator: 'carol', articles: [article] });
    await carol.setStatus('pulled', 'done');
    await waitFor(() => (alice.status('pulled', 'carol') === 'done' ? true : undefined), 'carol');

    stop();
    const seen = events.length;
    await bob.untag(article, article.sentences[1]!.id, 'event');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toHaveLength(seen);
    expect(events.every((each) => each.articles.join() === 'pulled')).toBe(true);
    await Promise.all([alice.close(), bob.close(), carol.close()]);
  });
});

describe('watching a store whose index other processes share', () => {
  const tempFolder = useTempFolder();

  it('reports a write by another process on the same index, even by the same annotator', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    const first = await openRepository({ root, annotator: 'alice', articles: [article], cacheDir });
    const events: StoreEvent[] = [];
    const stop = first.watch((event) => events.push(event));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // What the first has shown before is not what it shows after.
    expect(first.list({ article: 'pulled' })).toEqual([]);
    const second = await openRepository({
      root,
      annotator: 'alice',
      articles: [article],
      cacheDir,
    });
    await second.tag(article, article.sentences[0]!.id, 'quote');

    const event = await waitFor(() => events[0], 'the change event');
    expect(event).toEqual({ articles: ['pulled'] });
    expect(first.list({ article: 'pulled' }).map((a) => a.label)).toEqual(['quote']);
    stop();
    await Promise.all([first.close(), second.close()]);
  });
});
