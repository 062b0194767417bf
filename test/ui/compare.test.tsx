import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { GOLD } from '../../source/export/adjudication.js';
import { makeAnchor, openRepository } from '../../source/store/index.js';
import type { Annotation, Label } from '../../source/store/types.js';
import { KEYS, type Rendered, renderApp, seedArticles, testRepository } from './harness.js';

let seeds: Article[];
let app: Rendered | null = null;

beforeAll(async () => {
  seeds = await seedArticles();
});

afterEach(() => {
  app?.unmount();
  app = null;
});

function made(
  annotator: string,
  article: Article,
  index: number,
  label: Label,
  note?: string,
): Annotation {
  const sentence = article.sentences[index]!;
  return {
    id: `${annotator}-${index}-${label}`,
    article: article.id,
    annotator,
    label,
    anchor: makeAnchor(article, sentence),
    ...(note ? { note } : {}),
    created: '2025-05-01T12:00:00.000Z',
    updated: '2025-05-01T12:00:00.000Z',
  };
}

/** The app in compare mode over `repository`, with the first article's table open, and its frame. */
async function openTable(
  repository: Parameters<typeof renderApp>[0]['repository'],
  { columns, rows } = { columns: 100, rows: 30 },
): Promise<{ table: Rendered; frame: string }> {
  const table = await renderApp({
    articles: seeds,
    columns,
    rows,
    repository,
    state: { compare: true },
  });
  app = table;
  await table.press(KEYS.enter, 'c');
  return {
    table,
    frame: await table.waitFor((f) => f.includes('sentences disagree'), 'the table'),
  };
}

it('compares annotators with disagreements first and accepts a version into gold', async () => {
  const article = seeds[0]!;
  const repository = testRepository(GOLD);
  await repository.open(seeds);
  await repository.addMany([
    made('ana', article, 1, 'claim', 'ana checked this'),
    made('ben', article, 1, 'claim'),
    made('ana', article, 3, 'quote'),
    made('ben', article, 3, 'claim'),
  ]);
  const { table, frame } = await openTable(repository);
  const lines = frame.split('\n');
  expect(lines.slice(1, 6)).toEqual([
    '1 of 23 sentences disagree (listed first)',
    '    1 ana 2 ben gold  sentence',
    '▶ ≠ ·Q·   C··   ···   “There are reasons to be cautiously optimistic.”',
    '    ···   ···   ···   Russia said on Friday it is preparing for direct talks between presidents Vla…',
    '    C··   C··   ···   US envoy Steve Witkoff met Mr Putin in Moscow late on Thursday and will relay…',
  ]);
  await table.press('1');
  await table.waitFor(
    (f) =>
      f.split('\n')[3] === '▶ ≠ ·Q·   C··   ·Q·   “There are reasons to be cautiously optimistic.”',
    'gold takes ana',
  );
  await table.press('j', 'j', '1');
  await table.waitFor(
    (f) => f.endsWith('saved') && f.includes('▶   C··   C··   C··   US envoy'),
    'gold takes the agreed claim',
  );
  const gold = repository
    .list({ annotator: GOLD })
    .map((a) => [a.anchor.sentence, a.label, a.note ?? null]);
  expect(gold.sort()).toEqual(
    [
      [article.sentences[1]!.id, 'claim', 'ana checked this'],
      [article.sentences[3]!.id, 'quote', null],
    ].sort(),
  );
  await table.press(KEYS.enter);
  const reader = await table.waitFor(
    (f) => f.includes('sentence 2 of 23'),
    'the reader at that sentence',
  );
  expect(reader.split('\n').find((l) => l.startsWith('▶'))).toBe(
    '▶C  ✎  US envoy Steve Witkoff met Mr Putin in Moscow late on Thursday and will relay the Russian',
  );
});

it('says how to compare when margin was not started with --compare', async () => {
  app = await renderApp({ articles: seeds, columns: 100, rows: 30 });
  await app.press(KEYS.enter, 'c');
  expect(app.frame().split('\n').at(-1)).toMatch(
    /^start margin with --compare to compare annotators/,
  );
});

it('never lets an escape sequence in an annotator name reach the screen', async () => {
  const article = seeds[0]!;
  const repository = testRepository(GOLD);
  await repository.open(seeds);
  await repository.addMany([made('e\x1b]0;pwned\x07vil', article, 1, 'claim')]);
  const { frame } = await openTable(repository);
  expect(frame).not.toMatch(/\x1b|\x07/);
  // Shown escaped, as every command shows it, so the reviewer sees what the name holds.
  expect(frame.split('\n')[2]).toMatch(/^ {4}1 e\\u001b\]0;pwned\\u0007vil +gold +sentence$/);
});

it('shows an annotator whose file for the article was refused as refused, never as no tags', async () => {
  const article = seeds[0]!;
  const root = await mkdtemp(join(tmpdir(), 'margin-compare-'));
  try {
    const ana = await openRepository({ root, annotator: 'ana', articles: seeds });
    await ana.tag(article, article.sentences[3]!.id, 'claim');
    await ana.close();
    // ben's file for the article is not valid JSON: what ben tagged there is unknown.
    await mkdir(join(root, 'ben'));
    await writeFile(join(root, 'ben', `${article.id}.json`), '{ not json');
    const repository = await openRepository({ root, annotator: GOLD, articles: seeds });
    const { table, frame } = await openTable(repository);
    // ana's claim is no disagreement with a file nobody could read.
    expect(frame.split('\n').slice(1, 6)).toEqual([
      '0 of 23 sentences disagree (listed first)',
      '    1 ana   2 ben   gold    sentence',
      '▶   ···     refused ···     Russia said on Friday it is preparing for direct talks between presiden…',
      '    ···     refused ···     US envoy Steve Witkoff met Mr Putin in Moscow late on Thursday and will…',
      '    ···     refused ···     “When Mr Witkoff brings all the information to President Trump, we will…',
    ]);
    expect(frame).toContain('    C··     refused ···     ');
    await table.press('2');
    const refused = await table.waitFor((f) => f.includes('nothing to accept'), 'the refusal');
    expect(refused.split('\n').at(-1)).toMatch(/^nothing to accept: ben's file here was refused/);
    // The app first, then its store: a table it asked for on the last frame must find it open.
    app?.unmount();
    app = null;
    await repository.close();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

it('shows an annotator who only opened the article (or never did) as such, never as no tags', async () => {
  const article = seeds[0]!;
  const root = await mkdtemp(join(tmpdir(), 'margin-compare-'));
  try {
    const ana = await openRepository({ root, annotator: 'ana', articles: seeds });
    await ana.tag(article, article.sentences[3]!.id, 'claim');
    await ana.close();
    // ben opened the article (Enter: in progress) and tagged nothing in it.
    const ben = await openRepository({ root, annotator: 'ben', articles: seeds });
    await ben.setStatus(article.id, 'in progress');
    await ben.close();
    // cara reviewed another article only.
    const cara = await openRepository({ root, annotator: 'cara', articles: seeds });
    await cara.tag(seeds[1]!, seeds[1]!.sentences[0]!.id, 'quote');
    await cara.close();
    const repository = await openRepository({ root, annotator: GOLD, articles: seeds });
    const { table, frame } = await openTable(repository);
    // ana's claim disagrees with nobody who read the article.
    expect(frame.split('\n').slice(1, 4)).toEqual([
      '0 of 23 sentences disagree (listed first)',
      '    1 ana  2 ben  3 cara gold   sentence',
      '▶   ···    opened unread ···    Russia said on Friday it is preparing for direct talks between pres…',
    ]);
    expect(frame).toContain('    C··    opened unread ···    ');
    await table.press('2');
    const opened = await table.waitFor((f) => f.includes('nothing to accept'), 'the refusal');
    expect(opened.split('\n').at(-1)).toMatch(/^nothing to accept: ben only opened this article/);
    await table.press('3');
    const unread = await table.waitFor((f) => f.includes('has not opened'), 'the refusal');
    expect(unread.split('\n').at(-1)).toMatch(
      /^nothing to accept: cara has not opened this article/,
    );
    app?.unmount();
    app = null;
    await repository.close();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

it('shows nine annotators at a time, each numbered by its key, and → the others', async () => {
  const article = seeds[0]!;
  const repository = testRepository(GOLD);
  await repository.open(seeds);
  // Eleven annotators: a01 … a10 tag sentence 1 a claim, a11 a quote.
  const names = Array.from({ length: 11 }, (_, i) => `a${String(i + 1).padStart(2, '0')}`);
  await repository.addMany(
    names.map((name, i) => made(name, article, 1, i === 10 ? 'quote' : 'claim')),
  );
  const { table, frame } = await openTable(repository);
  expect(frame.split('\n').slice(1, 3)).toEqual([
    '1 of 23 sentences disagree (listed first) · annotators 1–9 of 11 (←/→)',
    `    ${names
      .slice(0, 9)
      .map((name, i) => `${i + 1} ${name} `)
      .join('')}gold  sentence`.slice(0, 100),
  ]);
  await table.press(KEYS.right);
  const next = await table.waitFor((f) => f.includes('annotators 10–11 of 11'), 'the other two');
  expect(next.split('\n').slice(2, 4)).toEqual([
    '    1 a10 2 a11 gold  sentence',
    '▶ ≠ C··   ·Q·   ···   US envoy Steve Witkoff met Mr Putin in Moscow late on Thursday and will relay…',
  ]);
  // 2 is a11 now: the quote becomes gold's.
  await table.press('2');
  await table.waitFor((f) => f.includes("accepted a11's version"), 'a11 accepted');
  await table.waitFor((f) => f.endsWith('saved'), 'the write');
  expect(repository.list({ annotator: GOLD }).map((a) => [a.anchor.sentence, a.label])).toEqual([
    [article.sentences[1]!.id, 'quote'],
  ]);
  await table.press(KEYS.right);
  await table.waitFor((f) => f.includes('no more annotators'), 'the end said');
  await table.press(KEYS.left);
  await table.waitFor((f) => f.includes('annotators 1–9 of 11'), 'the first nine again');
});

it('at 80 columns shows as many annotators as fit, and a key past them takes nobody unseen', async () => {
  const article = seeds[0]!;
  const repository = testRepository(GOLD);
  await repository.open(seeds);
  const names = Array.from({ length: 11 }, (_, i) => `reviewer${String(i + 1).padStart(2, '0')}`);
  await repository.addMany(
    names.map((name, i) => made(name, article, 1, i === 10 ? 'quote' : 'claim')),
  );
  const { table, frame } = await openTable(repository, { columns: 80, rows: 24 });
  expect(frame.split('\n').slice(1, 4)).toEqual([
    '1 of 23 sentences disagree (listed first) · annotators 1–3 of 11 (←/→)',
    '    1 reviewer01 2 reviewer02 3 reviewer03 gold         sentence',
    '▶ ≠ C··          C··          C··          ···          US envoy Steve Witkoff …',
  ]);
  await table.press('7');
  await table.waitFor((f) => f.includes('no annotator 7 to accept'), 'the refusal');
  expect(repository.list({ annotator: GOLD })).toEqual([]);
  await table.press(KEYS.right, KEYS.right, KEYS.right);
  await table.waitFor((f) => f.includes('annotators 10–11 of 11'), 'the last page');
});

it('names the annotator the gold column is written as, when it is not gold itself', async () => {
  const article = seeds[0]!;
  const repository = testRepository('dana');
  await repository.open(seeds);
  await repository.addMany([made('ana', article, 1, 'claim'), made('ben', article, 1, 'quote')]);
  const { frame } = await openTable(repository);
  expect(frame.split('\n')[1]).toBe('1 of 23 sentences disagree (listed first) · gold: dana');
});

it('takes an accept back with one u in the table, and Ctrl+R gives it again (qa56 #7)', async () => {
  const article = seeds[0]!;
  const repository = testRepository(GOLD);
  await repository.open(seeds);
  await repository.addMany([
    made('ana', article, 1, 'quote', 'ana checked this'),
    made('ben', article, 1, 'claim'),
    made(GOLD, article, 1, 'claim'),
  ]);
  const { table, frame } = await openTable(repository);
  const row = (f: string) => f.split('\n')[3];
  expect(row(frame)).toBe(
    '▶ ≠ ·Q·   C··   C··   US envoy Steve Witkoff met Mr Putin in Moscow late on Thursday and will relay…',
  );
  // ana's version: the claim untagged, the quote tagged, the note written (three writes).
  await table.press('1');
  await table.waitFor(
    (f) => f.endsWith('saved') && row(f)?.startsWith('▶ ≠ ·Q·   C··   ·Q·') === true,
    'gold takes ana',
  );
  await table.press('u');
  const undone = await table.waitFor(
    (f) => f.includes("undid: accept ana's version"),
    'the undo said in the table',
  );
  await table.waitFor((f) => row(f)?.startsWith('▶ ≠ ·Q·   C··   C··') === true, 'gold as before');
  expect(undone.split('\n')[1]).toMatch(/^1 of 23 sentences disagree/);
  expect(repository.list({ annotator: GOLD }).map((a) => [a.label, a.note ?? null])).toEqual([
    ['claim', null],
  ]);
  await table.press(KEYS.ctrlR);
  await table.waitFor((f) => f.includes("redid: accept ana's version"), 'the redo said');
  await table.waitFor((f) => row(f)?.startsWith('▶ ≠ ·Q·   C··   ·Q·') === true, 'ana again');
  expect(repository.list({ annotator: GOLD }).map((a) => [a.label, a.note ?? null])).toEqual([
    ['quote', 'ana checked this'],
  ]);
});
