import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LoadProgress, loadCorpus, readArticle } from '../../source/corpus/index.js';
import { GOOD_ARTICLE, tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();

describe('loading a corpus folder', () => {
  it('reads folders recursively in code-point order, ids are paths without extensions', async () => {
    for (const name of ['b.txt', 'a/z.md', 'a/b.html', 'A.txt', 'notes', 'é.txt', 'a-b.txt']) {
      await corpus.write(name, GOOD_ARTICLE);
    }
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([]);
    expect(load.articles.map((article) => article.id)).toEqual([
      'A',
      'a-b',
      'a/b',
      'a/z',
      'b',
      'notes',
      'é',
    ]);
    expect(load.articles[2]!.path).toBe(join(corpus.root(), 'a/b.html'));
    expect(load.root).toBe(corpus.root());
  });

  it('skips hidden files and folders', async () => {
    await corpus.write('a.txt', GOOD_ARTICLE);
    await corpus.write('.DS_Store', Uint8Array.from([0, 0, 0, 1]));
    await corpus.write('.git/HEAD', 'ref: refs/heads/main\n');
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.articles.map((article) => article.id)).toEqual(['a']);
    expect(load.problems).toEqual([]);
  });

  it('reports a second file with the same id instead of dropping it silently', async () => {
    const first = await corpus.write('story.md', GOOD_ARTICLE);
    const second = await corpus.write('story.txt', GOOD_ARTICLE);
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.articles.map((article) => article.path)).toEqual([first]);
    expect(load.problems).toEqual([
      { path: second, message: `${second}: skipped, its id "story" is already used by ${first}` },
    ]);
  });

  it('lets a readable file keep its id when a refused file had the same name', async () => {
    await corpus.write(
      'story.png',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    await corpus.write('story.txt', GOOD_ARTICLE);
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.articles.map((article) => article.id)).toEqual(['story']);
    expect(load.problems.map((problem) => problem.message)).toEqual([
      `${join(corpus.root(), 'story.png')}: not a text file (PNG image)`,
    ]);
  });

  it('reports progress for every file, in order, with the article or the problem', async () => {
    for (let i = 0; i < 70; i++)
      await corpus.write(`${String(i).padStart(3, '0')}.txt`, GOOD_ARTICLE);
    await corpus.write('999.bin', Uint8Array.from([1, 0, 2, 0]));
    const events: LoadProgress[] = [];
    const load = await loadCorpus(corpus.root(), {
      cacheDir: null,
      onProgress: (event) => events.push(event),
    });
    expect(events.map((event) => event.done)).toEqual(Array.from({ length: 71 }, (_, i) => i + 1));
    expect(new Set(events.map((event) => event.total))).toEqual(new Set([71]));
    expect(events.slice(0, 70).map((event) => event.article?.id)).toEqual(
      load.articles.map((a) => a.id),
    );
    expect(events[70]?.problem?.message).toMatch(/999\.bin: not a text file \(binary data\)$/);
  });

  it('stops with an AbortError when the signal aborts', async () => {
    for (let i = 0; i < 100; i++) await corpus.write(`${i}.txt`, GOOD_ARTICLE);
    const controller = new AbortController();
    const loading = loadCorpus(corpus.root(), {
      cacheDir: null,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.done === 10) controller.abort();
      },
    });
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('returns an empty load for an empty folder', async () => {
    await corpus.write('sub/.keep', '');
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load).toEqual({ root: corpus.root(), articles: [], problems: [] });
  });

  it('refuses a corpus path that is a file', async () => {
    const path = await corpus.write('a.txt', GOOD_ARTICLE);
    await expect(loadCorpus(path, { cacheDir: null })).rejects.toThrow(
      `corpus is not a folder: ${path}`,
    );
  });
});

describe('reading one file', () => {
  it('names the article after the file, or after its path under a root', async () => {
    const path = await corpus.write('world/story.txt', GOOD_ARTICLE);
    expect((await readArticle(path)).id).toBe('story');
    expect((await readArticle(path, { root: corpus.root() })).id).toBe('world/story');
  });

  it('reads Markdown: heading as title, links, emphasis and bullets as plain text', async () => {
    const path = await corpus.write(
      'story.md',
      [
        '# Talks resume in *Geneva*',
        '',
        'Negotiators from **both countries** met in [Geneva](https://example.com/geneva) on Tuesday',
        'to resume talks that stalled last month. ![map](map.png)',
        '',
        '## What next',
        '',
        '- A second round is planned for April.',
        '- Observers from the `UN` will attend.',
        '',
        '> “We are closer than we were a week ago,” one of the diplomats said.',
      ].join('\n'),
    );
    const article = await readArticle(path);
    expect(article.title).toBe('Talks resume in Geneva');
    expect(article.text.split('\n\n')).toEqual([
      'Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month.',
      'What next',
      'A second round is planned for April.',
      'Observers from the UN will attend.',
      '“We are closer than we were a week ago,” one of the diplomats said.',
    ]);
  });

  it('takes Markdown front matter as metadata', async () => {
    const path = await corpus.write(
      'front.md',
      '---\ntitle: "Talks resume in Geneva"\ndate: 2025-03-14\nauthor: Jane Doe\nsource: Example News\n---\n\n# Talks resume in Geneva\n\nNegotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month.\n',
    );
    const article = await readArticle(path);
    expect(article).toMatchObject({
      title: 'Talks resume in Geneva',
      date: '2025-03-14',
      byline: 'Jane Doe',
      source: 'Example News',
      text: 'Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month.',
    });
  });

  it('takes a reader service header (Title:, URL Source:, Published Time:) as metadata', async () => {
    const path = await corpus.write(
      'reader.md',
      'Title: Kremlin says talks brought positions closer\n\nURL Source: https://www.pravda.com.ua/eng/news/2025/04/25/7509000/\n\nPublished Time: 2025-04-25T18:14:00+03:00\n\nMarkdown Content:\nThe Kremlin has stated that Putin and Witkoff "brought positions closer" during their meeting in Moscow.\n',
    );
    const article = await readArticle(path);
    expect(article).toMatchObject({
      title: 'Kremlin says talks brought positions closer',
      date: '2025-04-25',
      byline: null,
      source: 'Ukrainska Pravda',
      text: 'The Kremlin has stated that Putin and Witkoff "brought positions closer" during their meeting in Moscow.',
    });
  });

  it('joins hard-wrapped lines of a text file into one paragraph', async () => {
    const path = await corpus.write(
      'wrapped.txt',
      'Negotiators from both countries met in Geneva on Tuesday to\nresume talks that stalled last month over the terms of a\nceasefire, officials said.\n',
    );
    const article = await readArticle(path);
    expect(article.text).toBe(
      'Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month over the terms of a ceasefire, officials said.',
    );
  });

  it('gives repeated identical sentences distinct ids that survive a re-read', async () => {
    const path = await corpus.write(
      'repeat.txt',
      'Officials met in Geneva on Tuesday to resume talks that had stalled last month.\n\nNo deal was reached.\n\nThe talks will continue in April, a spokesman for the delegation said.\n\nNo deal was reached.\n',
    );
    const first = await readArticle(path);
    const repeated = first.sentences.filter((sentence) => sentence.text === 'No deal was reached.');
    expect(repeated).toHaveLength(2);
    expect(repeated[1]!.id).toBe(`${repeated[0]!.id}-2`);
    expect((await readArticle(path)).sentences).toEqual(first.sentences);
  });
});
