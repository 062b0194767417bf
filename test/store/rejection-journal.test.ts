import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  diskRejectionStore,
  leftRejections,
  RejectionJournal,
  readRejections,
  saveRejection,
  saveRejections,
} from '../../source/store/index.js';
import { hasJournals, pruneJournals } from '../../source/store/journal.js';
import { unwrittenRejections } from '../../source/store/rejection-journal.js';
import { useTempFolder } from './temp-store.js';

/** A pid no process has (above Linux's largest): the journal of a review that is gone. */
const GONE = 99_999_999;

const reject = (article: string, sentence: string, labels: string[], rejected = true) => ({
  article,
  sentence,
  labels,
  rejected,
});

/** What a review killed after its rejections were noted and before they were written leaves. */
function killedReview(folder: string, changes: ReturnType<typeof reject>[], written = 0) {
  const journal = new RejectionJournal(folder, 'alice');
  const seqs = changes.map((change) => journal.append(change));
  if (written > 0) journal.done(seqs[written - 1] ?? null, written);
  // As if its process were gone: the name carries a pid no process has.
  const left = join(folder, `alice.${GONE}.rejections.jsonl`);
  renameSync(journal.path, left);
  return left;
}

describe("a review's journal of rejections", () => {
  const scratch = useTempFolder();

  it('holds the changes not yet written, and is emptied once the file holds them all', async () => {
    const folder = join(await scratch(), 'journal');
    const journal = new RejectionJournal(folder, 'alice');
    const first = journal.append(reject('a', 's1', ['quote']));
    const second = journal.append(reject('a', 's2', ['claim']));
    journal.done(first, 1);
    expect(journal.pending).toBe(1);
    expect(unwrittenRejections(readFileSync(journal.path, 'utf8'))).toEqual([
      reject('a', 's2', ['claim']),
    ]);
    journal.done(second, 1);
    expect(readFileSync(journal.path, 'utf8')).toBe('');
    journal.close();
    expect(existsSync(journal.path)).toBe(false);
  });

  it('stays at quitting while a change is not written, for the next start', async () => {
    const folder = join(await scratch(), 'journal');
    const journal = new RejectionJournal(folder, 'alice');
    journal.append(reject('a', 's1', ['quote']));
    journal.close();
    expect(unwrittenRejections(readFileSync(journal.path, 'utf8'))).toEqual([
      reject('a', 's1', ['quote']),
    ]);
  });

  it("reads past a line the kill cut, and is not taken for a journal of the review's tags", async () => {
    const folder = join(await scratch(), 'journal');
    const left = killedReview(folder, [reject('a', 's1', ['quote'])]);
    writeFileSync(left, `${readFileSync(left, 'utf8')}{"seq":2,"at":"2026-12-08T00:0`);
    expect(leftRejections(folder, 'alice').changes).toEqual([reject('a', 's1', ['quote'])]);
    expect(leftRejections(folder, 'bob').changes).toEqual([]);
    expect(hasJournals(folder, 'alice')).toBe(false);
  });

  it('a killed review left: written into the file before it is read, and the journal goes', async () => {
    const store = await scratch();
    const folder = join(store, 'cache', 'journal');
    await saveRejection(store, 'alice', reject('a', 's1', ['quote']));
    const left = killedReview(
      folder,
      [
        reject('a', 's2', ['claim']),
        reject('b', 's7', ['event']),
        reject('a', 's1', ['quote'], false),
        reject('c', 's3', ['quote']),
      ],
      1,
    );
    const read = await diskRejectionStore(store, 'alice', store, folder).read();
    // s2 was written before the kill; s1's undo, b and c were not.
    expect(read).toEqual({
      kind: 'loaded',
      rejections: [
        { article: 'b', sentence: 's7', labels: ['event'] },
        { article: 'c', sentence: 's3', labels: ['quote'] },
      ],
    });
    expect(await readRejections(store, 'alice')).toEqual(read);
    expect(existsSync(left)).toBe(false);
  });

  it('keeps what another margin or a pull wrote meanwhile: changes are labels added or taken', async () => {
    const store = await scratch();
    const folder = join(store, 'journal');
    await saveRejection(store, 'alice', reject('a', 's1', ['quote']));
    killedReview(folder, [reject('a', 's1', ['claim'])]);
    // A pull brings the other machine's rejection of the same sentence, and another.
    const path = join(store, 'alice', '.suggest-rejections.json');
    await writeFile(
      path,
      (await readFile(path, 'utf8')).replace(
        '"labels":["quote"]}',
        '"labels":["event","quote"]},\n    {"article":"b","sentence":"s7","labels":["event"]}',
      ),
    );
    expect(await diskRejectionStore(store, 'alice', store, folder).read()).toEqual({
      kind: 'loaded',
      rejections: [
        { article: 'a', sentence: 's1', labels: ['claim', 'event', 'quote'] },
        { article: 'b', sentence: 's7', labels: ['event'] },
      ],
    });
  });

  it('leaves the journal for the next start when the file is in conflict, and names the file', async () => {
    const store = await scratch();
    const folder = join(store, 'journal');
    await mkdir(join(store, 'alice'));
    const path = join(store, 'alice', '.suggest-rejections.json');
    const conflicted = '{\n<<<<<<< HEAD\n=======\n>>>>>>> origin/main\n}\n';
    await writeFile(path, conflicted);
    const left = killedReview(folder, [reject('a', 's1', ['quote'])]);
    const read = await diskRejectionStore(store, 'alice', 'ann', folder).read();
    expect(read.kind).toBe('refused');
    expect(await readFile(path, 'utf8')).toBe(conflicted);
    expect(leftRejections(folder, 'alice')).toEqual({
      paths: [left],
      changes: [reject('a', 's1', ['quote'])],
    });
  });

  it('an empty one of a review that is gone is pruned with the empty journals', async () => {
    const cache = await scratch();
    const folder = join(cache, 'journal', 'store');
    const left = killedReview(folder, [reject('a', 's1', ['quote'])], 1);
    expect(readFileSync(left, 'utf8')).toBe('');
    pruneJournals(cache);
    expect(existsSync(folder)).toBe(false);
  });
});

describe('the rejections file at a year of rejections', () => {
  const scratch = useTempFolder();

  it('writes many changes in one write, in the file order, the same text as one by one', async () => {
    const one = await scratch();
    const many = await scratch();
    const changes = [
      reject('b', 's2', ['quote']),
      reject('a', 's9', ['claim', 'event']),
      reject('b', 's1', ['event']),
      reject('a', 's9', ['event'], false),
      reject('a', 's0', ['quote']),
      reject('b', 's2', ['quote'], false),
    ];
    for (const change of changes) await saveRejection(one, 'alice', change);
    await saveRejections(many, 'alice', changes);
    const text = await readFile(join(many, 'alice', '.suggest-rejections.json'), 'utf8');
    expect(text).toBe(await readFile(join(one, 'alice', '.suggest-rejections.json'), 'utf8'));
    expect(text).toBe(
      '{\n  "schema": "margin.suggest-rejections",\n  "version": 1,\n  "annotator": "alice",\n' +
        '  "rejections": [\n' +
        '    {"article":"a","sentence":"s0","labels":["quote"]},\n' +
        '    {"article":"a","sentence":"s9","labels":["claim"]},\n' +
        '    {"article":"b","sentence":"s1","labels":["event"]}\n' +
        '  ]\n}\n',
    );
  });

  it('keeps 100,000 rejections and a change among them, and reads them back', async () => {
    const store = await scratch();
    const changes = Array.from({ length: 100_000 }, (_, at) =>
      reject(`article-${String(at % 5000).padStart(4, '0')}`, `s${at}`, ['claim']),
    );
    await saveRejections(store, 'alice', changes);
    await saveRejection(store, 'alice', reject('article-0007', 's7', ['quote']));
    await saveRejection(store, 'alice', reject('article-0009', 's9', ['claim'], false));
    const read = await readRejections(store, 'alice');
    if (read.kind !== 'loaded') throw new Error(read.kind);
    expect(read.rejections).toHaveLength(99_999);
    expect(read.rejections.find(({ sentence }) => sentence === 's7')?.labels).toEqual([
      'claim',
      'quote',
    ]);
    expect(read.rejections.some(({ sentence }) => sentence === 's9')).toBe(false);
    const articles = read.rejections.map(({ article }) => article);
    expect(articles).toEqual([...articles].sort());
  });

  it('names the rejection that is not one, by its place in the file', async () => {
    const store = await scratch();
    await mkdir(join(store, 'alice'));
    const path = join(store, 'alice', '.suggest-rejections.json');
    const file = (entry: string) =>
      `{"schema":"margin.suggest-rejections","version":1,"annotator":"alice","rejections":[{"article":"a","sentence":"s1","labels":["quote"]},${entry}]}`;
    await writeFile(path, file('{"article":"a","sentence":"s2","labels":[]}'));
    expect(await readRejections(store, 'alice', 'ann')).toEqual({
      kind: 'refused',
      message:
        'ann/alice/.suggest-rejections.json: does not match the rejections schema: rejections.1.labels: not a list of labels',
    });
    await writeFile(path, file('{"article":"a","sentence":"s2","labels":["quote"],"by":"x"}'));
    expect((await readRejections(store, 'alice', 'ann')).kind).toBe('refused');
    expect(readdirSync(join(store, 'alice'))).toEqual(['.suggest-rejections.json']);
  });
});
