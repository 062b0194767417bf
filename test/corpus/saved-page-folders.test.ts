import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCorpusIndex } from '../../source/corpus/db/open.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { GOOD_ARTICLE, tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();
let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'margin-saved-'));
});

afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

const PAGE = `<!DOCTYPE html><html><head><title>Talks resume in Geneva</title>
<link rel="stylesheet" href="./Talks resume in Geneva_files/style.css">
<script src="./Talks resume in Geneva_files/main.js"></script></head>
<body><article><h1>Talks resume in Geneva</h1>
<p>Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month over the terms of a ceasefire.</p>
<p>“We are closer than we were a week ago,” one of the diplomats said after the meeting.</p>
<iframe src="./Talks resume in Geneva_files/saved_resource.html"></iframe>
</article></body></html>
`;

/** What a browser writes beside the page: scripts, styles, images, the frames' documents. */
async function savePageComplete(name: string, folder: string) {
  await corpus.write(name, PAGE);
  await corpus.write(
    `${folder}/main.js`,
    'window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}\n',
  );
  await corpus.write(`${folder}/style`, 'body{margin:0;font-family:Georgia}\n');
  await corpus.write(
    `${folder}/saved_resource.html`,
    '<html><body><p>Advertisement</p><p>Browns player asked for a trade on Monday, his agent said in a statement to reporters.</p></body></html>',
  );
  await corpus.write(`${folder}/analytics.html`, '<html><body></body></html>');
  await corpus.write(`${folder}/photo.jpg`, new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
  await corpus.write(
    `${folder}/logo.png`,
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]),
  );
  await corpus.write(`${folder}/icon.svg`, '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
}

async function indexed(): Promise<string[]> {
  const { index } = await openCorpusIndex(corpus.root(), { cacheDir, refresh: 'full' });
  try {
    return [...index.articles()]
      .map((a) => a.path)
      .concat(index.problems().map((p) => p.path))
      .map((path) => path.slice(corpus.root().length + 1))
      .sort();
  } finally {
    index.close();
  }
}

describe('pages saved with "Save page as…, complete"', () => {
  it('skips the resource folder beside each page, silently, in English and localised', async () => {
    await savePageComplete('Talks resume in Geneva.html', 'Talks resume in Geneva_files');
    await savePageComplete('sub/Bericht.htm', 'sub/Bericht-Dateien');
    await savePageComplete('sub/article.html', 'sub/article_fichiers');
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([]);
    expect(load.articles.map((article) => article.id)).toEqual(
      ['sub/Bericht', 'sub/article', 'Talks resume in Geneva'].sort(),
    );
    expect(await indexed()).toEqual(
      ['Talks resume in Geneva.html', 'sub/Bericht.htm', 'sub/article.html'].sort(),
    );
  });

  it('reads a folder of that name when no page of its name stands beside it', async () => {
    await corpus.write('notes_files/a.txt', GOOD_ARTICLE);
    await corpus.write('notes.txt', GOOD_ARTICLE);
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.articles.map((article) => article.id)).toEqual(['notes', 'notes_files/a']);
    expect(await indexed()).toEqual(['notes.txt', 'notes_files/a.txt']);
  });

  it('skips the figures folder a converter writes beside a Markdown page, and one beside PAGE.HTM', async () => {
    // pandoc, nbconvert and Quarto write `report.md` and `report_files/` of its figures, as a
    // browser does for a page: the same list of page extensions says what a page is.
    await corpus.write('report.md', `# Talks resume\n\n${GOOD_ARTICLE}`);
    await corpus.write('report_files/figure-1.html', '<html><body><p>Figure 1</p></body></html>');
    await corpus.write('report_files/notes.txt', GOOD_ARTICLE);
    await savePageComplete('OLD.HTM', 'OLD_files');
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([]);
    expect(load.articles.map((article) => article.id)).toEqual(['OLD', 'report']);
    expect(await indexed()).toEqual(['OLD.HTM', 'report.md']);
  });
});
