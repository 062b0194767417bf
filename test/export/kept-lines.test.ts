import { readdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command as exportCommand } from '../../source/commands/export.js';
import { openSqlite } from '../../source/corpus/db/sqlite.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { KEPT_JSONL } from '../../source/export/jsonl.js';
import { openRepository } from '../../source/store/index.js';
import { readAheadSettings } from '../../source/store/read-ahead.js';
import { run, useWorkspace } from './workspace.js';

/**
 * alice and bob on the Unicode article (the same sentence and label twice, two labels on one
 * sentence, a note with a bidi override and half an emoji, a lone surrogate that JSON escapes
 * and CSV cannot), carol on an article gone from the corpus.
 */
async function team(dir: string) {
  const root = join(dir, 'store');
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const uni = articles.find((a) => a.id === 'uni')!;
  const seed = articles.find((a) => a.id !== 'uni')!;
  const [s0, s1, s2] = uni.sentences;
  const alice = await openRepository({ root, annotator: 'alice', articles });
  await alice.tag(uni, s0!.id, 'quote');
  await alice.tag(uni, s1!.id, 'event');
  await alice.tag(uni, s1!.id, 'claim');
  await alice.annotate(uni, s1!.id, { note: 'check \u202e this \ud83d' });
  await alice.tag(seed, seed.sentences[2]!.id, 'claim');
  await alice.setStatus(uni.id, 'done');
  await alice.close();
  const bob = await openRepository({ root, annotator: 'bob', articles });
  await bob.tag(uni, s0!.id, 'quote');
  await bob.tag(uni, s2!.id, 'event');
  // A spreadsheet formula: csv guards it unless --raw, and a raw export's text is kept apart.
  await bob.annotate(uni, s2!.id, { note: '=SUM(1,2)' });
  await bob.setStatus(uni.id, 'in progress');
  await bob.close();
  const gone = { ...seed, id: 'gone-since' };
  const carol = await openRepository({ root, annotator: 'carol', articles: [gone] });
  await carol.tag(gone, gone.sentences[0]!.id, 'event');
  await carol.close();
  for (const file of ['alice/uni.json', `alice/${seed.id}.json`, 'bob/uni.json']) {
    await age(join(root, file));
  }
  await age(join(root, 'carol', 'gone-since.json'));
}

/**
 * Sets a file's time an hour back, as a file that came with a pull: one written within two
 * seconds of being read is read again at the next open, and its kept lines with it.
 */
async function age(path: string) {
  const hourAgo = new Date(Date.now() - 3600_000);
  await utimes(path, hourAgo, hourAgo);
}

type Flags = Record<string, unknown>;

/** A csv record of one annotation (cells span lines). */
const CSV_RECORD = /,(?:alice|bob|carol),(?:claim|quote|event),/g;

/** The export as it reads and places every document (a filter that keeps everyone). */
const placed = (dir: string, flags: Flags) =>
  run(exportCommand, dir, [], { ...flags, annotator: ['alice', 'bob', 'carol'] });
const whole = (dir: string, flags: Flags) => run(exportCommand, dir, [], flags);

/** How many files' lines the store's index keeps. */
async function keptFiles(dir: string): Promise<number> {
  let kept = 0;
  await eachIndex(dir, (db) => {
    kept += (db.prepare('SELECT count(*) AS n FROM renderings').get() as { n: number }).n;
  });
  return kept;
}

/** Runs `use` on each store index of the workspace's cache that holds kept renderings. */
async function eachIndex(dir: string, use: (db: ReturnType<typeof openSqlite>) => void) {
  const folder = join(dir, 'cache', 'margin', 'stores');
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.sqlite'))) {
    const db = openSqlite(join(folder, name));
    try {
      const table = db.prepare("SELECT name FROM sqlite_master WHERE name = 'renderings'").get();
      if (table) use(db);
    } finally {
      db.close();
    }
  }
}

/**
 * Each format's flags, what marks one annotation in its output and the edited note. Seven
 * annotations, but the formats that point into the text leave carol's out: its article is gone
 * from the corpus (they say so).
 */
const FORMATS: Array<{ name: string; flags: Flags; each: RegExp; note: string; count?: number }> = [
  { name: 'jsonl', flags: { format: 'jsonl' }, each: /\n/g, note: '"note":"CHECK ' },
  { name: 'csv', flags: { format: 'csv' }, each: CSV_RECORD, note: ',CHECK ' },
  {
    name: 'csv --bom --raw',
    flags: { format: 'csv', bom: true, raw: true },
    each: CSV_RECORD,
    note: ',CHECK ',
  },
  { name: 'w3c', flags: { format: 'w3c' }, each: /"type":"Annotation",/g, note: '"value":"CHECK ' },
  {
    name: 'label-studio',
    flags: { format: 'label-studio' },
    each: /"type":"labels"/g,
    note: '"meta":{"text":["CHECK ',
    count: 6,
  },
  {
    name: 'prodigy',
    flags: { format: 'prodigy' },
    each: /"label":"(?:CLAIM|QUOTE|EVENT)"/g,
    note: '"meta":{"note":"CHECK ',
    count: 6,
  },
  {
    name: 'doccano',
    flags: { format: 'doccano' },
    each: /\[\d+,\d+,"(?:Claim|Quote|Event)"\]/g,
    note: '"note":"CHECK ',
    count: 6,
  },
];

describe.each(FORMATS)(
  'margin export --format $name from the text kept of each file',
  ({ flags, each, note, count = 7 }) => {
    const workspace = useWorkspace({ indexedCorpus: true });

    it('writes the same bytes as placing every annotation, the first time and the next', async () => {
      const dir = await workspace();
      await team(dir);
      const expected = await placed(dir, flags);
      expect(expected.status).toBe(0);
      expect(expected.stdout.match(each)).toHaveLength(count);
      const first = await whole(dir, flags);
      expect(first.stdout).toBe(expected.stdout);
      expect(first.stderr).toBe(expected.stderr);
      expect(await keptFiles(dir)).toBe(4);
      const again = await whole(dir, flags);
      expect(again).toEqual(first);
    });

    it('writes a file changed behind the index as it is now, not as it was kept', async () => {
      const dir = await workspace();
      await team(dir);
      await whole(dir, flags);
      const before = await whole(dir, flags);
      // The note edited and the file replaced as git or an editor does, with the same size.
      const file = join(dir, 'store', 'alice', 'uni.json');
      const text = await readFile(file, 'utf8');
      const edited = text.replace('"note": "check', '"note": "CHECK');
      expect(edited).not.toBe(text);
      await writeFile(`${file}.new`, edited);
      await rename(`${file}.new`, file);
      await age(file);
      // Placed again by an export that keeps no text: the kept text is of the old document.
      const expected = await placed(dir, flags);
      expect(expected.stdout).toContain(note);
      const after = await whole(dir, flags);
      expect(after.stdout).not.toBe(before.stdout);
      expect(after.stdout).toBe(expected.stdout);
    });
  },
);

describe('margin export --format csv kept apart for each way of writing its cells', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('writes guarded cells after a raw export, and raw ones after a guarded one', async () => {
    const dir = await workspace();
    await team(dir);
    const raw = { format: 'csv', raw: true };
    const guarded = { format: 'csv' };
    const expectedRaw = await placed(dir, raw);
    const expectedGuarded = await placed(dir, guarded);
    expect(expectedRaw.stdout).toContain(',"=SUM(1,2)"');
    expect(expectedGuarded.stdout).toContain(',"\'=SUM(1,2)"');
    for (const flags of [raw, guarded, raw, guarded]) {
      const expected = flags === raw ? expectedRaw : expectedGuarded;
      expect((await whole(dir, flags)).stdout).toBe(expected.stdout);
    }
    // Two ways kept for each of the four files.
    expect(await keptFiles(dir)).toBe(8);
  });
});

describe('margin export after an upgrade', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it("keeps the new version's lines of each file in place of the old version's", async () => {
    const dir = await workspace();
    await team(dir);
    const first = await whole(dir, { format: 'jsonl' });
    // What an older margin kept, under its version of the format's name.
    await eachIndex(dir, (db) => {
      db.prepare("UPDATE renderings SET kind = 'jsonl 0' WHERE kind = ?").run(KEPT_JSONL);
    });
    expect(await keptFiles(dir)).toBe(4);
    const upgraded = await whole(dir, { format: 'jsonl' });
    expect(upgraded.stdout).toBe(first.stdout);
    // Rendered again and kept under the new name: the old version's rows are gone.
    expect(await keptFiles(dir)).toBe(4);
  });
});

describe('margin export --format label-studio kept apart from who is numbered how', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('numbers annotators by --annotator-ids at each export, not as they were kept', async () => {
    const dir = await workspace();
    await team(dir);
    await writeFile(join(dir, 'ids.json'), JSON.stringify({ bob: 7 }));
    const numbered = { format: 'label-studio', annotatorIds: 'ids.json' };
    const plain = { format: 'label-studio' };
    const expectedNumbered = await placed(dir, numbered);
    const expectedPlain = await placed(dir, plain);
    expect(expectedNumbered.stdout).toContain('"completed_by":7,"annotator":"bob"');
    expect(expectedPlain.stdout).toContain('"completed_by":2,"annotator":"bob"');
    for (const flags of [plain, numbered, plain]) {
      const expected = flags === plain ? expectedPlain : expectedNumbered;
      expect((await whole(dir, flags)).stdout).toBe(expected.stdout);
    }
    // One way kept for each of the four files, whatever the numbers.
    expect(await keptFiles(dir)).toBe(4);
  });
});

/** Every file of a brat folder, by its path within it. */
async function folderFiles(folder: string, under = ''): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const entry of await readdir(join(folder, under), { withFileTypes: true })) {
    const name = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(found, await folderFiles(folder, name));
    else found[name] = await readFile(join(folder, name), 'utf8');
  }
  return found;
}

describe('margin export --format brat from the .ann kept of each file', () => {
  const workspace = useWorkspace({ indexedCorpus: true });
  const brat = (out: string) => ({ format: 'brat', out });

  it('writes the same files as placing every annotation, the first time and the next', async () => {
    const dir = await workspace();
    await team(dir);
    const expected = await placed(dir, brat('placed'));
    expect(expected.status).toBe(0);
    const files = await folderFiles(join(dir, 'placed'));
    // alice's two articles, bob's one: a .txt and an .ann each, annotation.conf, visual.conf,
    // and the mark that keeps the folder out of a corpus.
    expect(Object.keys(files).sort()).toHaveLength(9);
    expect(files['annotation.conf']).toContain('[entities]');
    const first = await whole(dir, brat('first'));
    expect(first.stderr).toBe(expected.stderr.replaceAll('placed', 'first'));
    expect(await folderFiles(join(dir, 'first'))).toEqual(files);
    expect(await keptFiles(dir)).toBe(4);
    const again = await whole(dir, brat('again'));
    expect(again.stderr).toBe(first.stderr.replaceAll('first', 'again'));
    expect(await folderFiles(join(dir, 'again'))).toEqual(files);
  });

  it('writes a file changed behind the index as it is now, not as it was kept', async () => {
    const dir = await workspace();
    await team(dir);
    await whole(dir, brat('first'));
    await whole(dir, brat('kept'));
    const file = join(dir, 'store', 'alice', 'uni.json');
    const text = await readFile(file, 'utf8');
    await writeFile(`${file}.new`, text.replace('"note": "check', '"note": "CHECK'));
    await rename(`${file}.new`, file);
    await age(file);
    await placed(dir, brat('placed'));
    const expected = await folderFiles(join(dir, 'placed'));
    expect(expected['alice/uni.ann']).toContain('AnnotatorNotes T2\tCHECK ');
    await whole(dir, brat('after'));
    expect(await folderFiles(join(dir, 'after'))).toEqual(expected);
  });
});

describe('margin export of a few annotated articles in a larger corpus', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('finds each one by its id and writes what placing every annotation writes', async () => {
    const dir = await workspace();
    // 400 more articles: the four annotated ones (one gone) are then looked up one by one,
    // not found by scanning every headline.
    for (let n = 0; n < 400; n++) {
      const name = `filler-${String(n).padStart(3, '0')}.txt`;
      await writeFile(join(dir, 'corpus', name), `Filler ${n}\n\nA sentence numbered ${n}.\n`);
    }
    await team(dir);
    for (const flags of [{ format: 'jsonl' }, { format: 'label-studio' }, { format: 'csv' }]) {
      const expected = await placed(dir, flags);
      expect(expected.status).toBe(0);
      const first = await whole(dir, flags);
      expect(first.stdout).toBe(expected.stdout);
    }
    const lines = (await whole(dir, { format: 'jsonl' })).stdout.trim().split('\n');
    // What the corpus's summary gives each article: its source and date, in corpus order.
    const records = lines.map(
      (line) => JSON.parse(line) as { article: string; source: string | null; date: string },
    );
    expect(records[0]).toMatchObject({ source: 'The National', date: '2025-03-14' });
    expect(records.map((record) => record.article).at(-1)).toBe('gone-since');
  });
});

describe.each(FORMATS)(
  'margin export --format $name with the kept text and the texts read on a thread ahead',
  ({ flags, each, count = 7 }) => {
    const workspace = useWorkspace({ indexedCorpus: true });
    const from = readAheadSettings.from;
    beforeEach(() => {
      readAheadSettings.from = 1;
    });
    afterEach(() => {
      readAheadSettings.from = from;
    });

    it('writes the same bytes as placing every annotation, the first time and the next', async () => {
      const dir = await workspace();
      await team(dir);
      const expected = await placed(dir, flags);
      expect(expected.stdout.match(each)).toHaveLength(count);
      const first = await whole(dir, flags);
      expect(first.stdout).toBe(expected.stdout);
      expect(first.stderr).toBe(expected.stderr);
      const again = await whole(dir, flags);
      expect(again).toEqual(first);
    });
  },
);

describe('margin export keeps its order between exports', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('reads the order kept while no file changed, and makes it again once one did', async () => {
    const dir = await workspace();
    await team(dir);
    const flags = { format: 'jsonl' };
    // The first export confirms every placement (a change to the rows): the second keeps the
    // order made from the rows as they then stay.
    await whole(dir, flags);
    const first = await whole(dir, flags);
    const articlesOf = (out: string) => [
      ...new Set(out.split('\n').flatMap((line) => (line ? [JSON.parse(line).article] : []))),
    ];
    const order = articlesOf(first.stdout);
    expect(order.length).toBe(3);
    // The kept order turned round: an export that reads it writes the articles the other way.
    let kept = 0;
    await eachIndex(dir, (db) => {
      const row = db
        .prepare("SELECT value FROM derived WHERE name = 'export order 1 heads'")
        .get() as { value: string } | undefined;
      if (!row) return;
      const value = JSON.parse(row.value) as { ids: string[]; heads: unknown[] };
      // The two in the corpus (five fields each) swapped; the one gone from it stays last.
      const heads = [...value.heads.slice(5, 10), ...value.heads.slice(0, 5)];
      const ids = [value.ids[1], value.ids[0], value.ids[2]];
      db.prepare("UPDATE derived SET value = ? WHERE name = 'export order 1 heads'").run(
        JSON.stringify({ ids, heads }),
      );
      kept++;
    });
    expect(kept).toBe(1);
    expect(articlesOf((await whole(dir, flags)).stdout)).toEqual([order[1], order[0], order[2]]);
    // A file changed: the order is made again, from the files' rows and the corpus.
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const alice = await openRepository({ root: join(dir, 'store'), annotator: 'alice', articles });
    const uni = articles.find((a) => a.id === 'uni')!;
    await alice.tag(uni, uni.sentences[2]!.id, 'claim');
    await alice.close();
    await age(join(dir, 'store', 'alice', 'uni.json'));
    expect(articlesOf((await whole(dir, flags)).stdout)).toEqual(order);
  });
});
