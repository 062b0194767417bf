import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as exportCommand } from '../../source/commands/export.js';
import { folderSink } from '../../source/commands/export-sinks.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { run, UNICODE_ARTICLE, useWorkspace } from './workspace.js';

/** alice and bob on the Unicode article and one seed each. */
async function annotated(dir: string) {
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const uni = articles.find((a) => a.id === 'uni')!;
  const other = articles.find((a) => a.id !== 'uni')!;
  for (const annotator of ['alice', 'bob']) {
    const store = await openRepository({ root: join(dir, 'store'), annotator, articles });
    await store.tag(uni, uni.sentences[0]!.id, 'quote');
    await store.tag(other, other.sentences[1]!.id, 'claim');
    await store.close();
  }
  return { articles, uni };
}

/** Every file below `folder`, by path: its inode, modification time and content. */
async function filesIn(folder: string) {
  const found = new Map<string, { ino: bigint; mtimeNs: bigint; text: string }>();
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        const { ino, mtimeNs } = await stat(path, { bigint: true });
        found.set(relative(folder, path), { ino, mtimeNs, text: await readFile(path, 'utf8') });
      }
    }
  };
  await walk(folder);
  return found;
}

const brat = (dir: string) => run(exportCommand, dir, [], { format: 'brat', out: 'brat' });

/** The paths whose file is another inode than before (written again). */
function rewritten(before: Awaited<ReturnType<typeof filesIn>>, after: typeof before) {
  return [...after].filter(([path, file]) => before.get(path)?.ino !== file.ino).map(([p]) => p);
}

/**
 * The folder exported twice (the second export records what each file was made from: the
 * first rendered its files, the second found them kept), its manifest then dated a minute
 * ahead, as if the next export came later: its records are trusted on their stat. The store's
 * files are dated an hour back first: files changed just now are read again, not taken as kept.
 */
async function exportedTwice(dir: string) {
  const past = new Date(Date.now() - 3_600_000);
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      await utimes(path, past, past);
    }
  };
  await walk(join(dir, 'store'));
  expect((await brat(dir)).status).toBe(0);
  expect((await brat(dir)).status).toBe(0);
  await aged(dir);
}

async function aged(dir: string) {
  const exports = join(dir, 'cache', 'margin', 'exports');
  const later = new Date(Date.now() + 60_000);
  for (const name of await readdir(exports)) await utimes(join(exports, name), later, later);
}

/** The manifest's lines after its header: its records, and what its export said (`#`). */
async function manifestLines(dir: string) {
  const exports = join(dir, 'cache', 'margin', 'exports');
  const [name] = await readdir(exports);
  const file = join(exports, name!);
  return { file, lines: (await readFile(file, 'utf8')).split('\n').slice(1, -1) };
}

/** The manifest's records, by path. */
async function records(dir: string) {
  const lines = (await manifestLines(dir)).lines.filter((line) => !line.startsWith('#'));
  return new Map(lines.map((line) => [line.split(' ').slice(7).join(' '), line.split(' ')]));
}

/** A pid no process has (above Linux's largest). */
const GONE = 4_194_305;

describe('brat export into a folder', () => {
  const workspace = useWorkspace({ indexedCorpus: true });
  // For a test that edits an article in place before the corpus is first indexed.
  const unindexed = useWorkspace();

  it('writes a new folder whole, as into a folder of files, and leaves no temp folder', async () => {
    const dir = await workspace();
    await annotated(dir);
    expect((await brat(dir)).status).toBe(0);
    const files = await filesIn(join(dir, 'brat'));
    // Two annotators' .ann and .txt of two articles, annotation.conf, visual.conf, and the mark
    // that keeps the folder out of a corpus that holds it.
    expect(files.size).toBe(11);
    expect(files.has('.margin-not-articles')).toBe(true);
    expect(files.get('alice/uni.ann')?.text).toMatch(/^T1\tQuote /);
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
    // The same files, byte for byte, as written into a folder that holds something already.
    await mkdir(join(dir, 'held'));
    await writeFile(join(dir, 'held', 'notes.md'), 'mine');
    const held = await run(exportCommand, dir, [], { format: 'brat', out: 'held' });
    expect(held.status).toBe(0);
    const beside = await filesIn(join(dir, 'held'));
    expect(beside.get('notes.md')?.text).toBe('mine');
    beside.delete('notes.md');
    expect(new Map([...beside].map(([path, file]) => [path, file.text]))).toEqual(
      new Map([...files].map(([path, file]) => [path, file.text])),
    );
  });

  it('writes into an empty folder that exists, keeping the folder itself', async () => {
    const dir = await workspace();
    await annotated(dir);
    await mkdir(join(dir, 'brat'));
    // What an export into it that died left: the folder counts as empty, and it goes.
    await mkdir(join(dir, 'brat', `.margin-export.${GONE}.0123456789ab.tmp`, 'alice'), {
      recursive: true,
    });
    const { ino } = await stat(join(dir, 'brat'));
    expect((await brat(dir)).status).toBe(0);
    expect((await stat(join(dir, 'brat'))).ino).toBe(ino);
    expect((await readdir(join(dir, 'brat'))).sort()).toEqual([
      '.margin-not-articles',
      'alice',
      'annotation.conf',
      'bob',
      'visual.conf',
    ]);
  });

  it('keeps its folder out of a corpus that holds it', async () => {
    const dir = await workspace();
    const { articles } = await annotated(dir);
    const inside = await run(exportCommand, dir, [], { format: 'brat', out: 'corpus/brat' });
    expect(inside.status).toBe(0);
    expect(await readdir(join(dir, 'corpus', 'brat', 'alice'))).toContain('uni.txt');
    const again = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    expect(again.articles.map((article) => article.id)).toEqual(articles.map((a) => a.id));
  });

  it('leaves every file alone when nothing changed, and rewrites one edited by hand', async () => {
    const dir = await workspace();
    await annotated(dir);
    await brat(dir);
    const first = await filesIn(join(dir, 'brat'));
    const again = await brat(dir);
    // It says so: every file (four articles' .txt and .ann, annotation.conf, visual.conf) was left.
    expect(again).toEqual({
      status: 0,
      stdout: '',
      stderr:
        'margin export: wrote 4 article(s), annotation.conf and visual.conf to brat\n' +
        'margin export: 10 file(s) already held the same and were left as they were\n',
    });
    expect(rewritten(first, await filesIn(join(dir, 'brat')))).toEqual([]);

    // Same size, same modification time: its bytes tell (so soon after the last export no
    // record is trusted; a record's change time and inode are tested in folder-writes.test.ts).
    const edited = join(dir, 'brat', 'bob', 'uni.txt');
    const { atime, mtime } = await stat(edited);
    const text = first.get('bob/uni.txt')!.text;
    await writeFile(edited, text.replace('minister', 'MINISTER'));
    await utimes(edited, atime, mtime);
    await brat(dir);
    const after = await filesIn(join(dir, 'brat'));
    expect(rewritten(first, after)).toEqual(['bob/uni.txt']);
    expect(after.get('bob/uni.txt')!.text).toBe(text);
  });

  it('removes a manifest left half written by an export that was killed', async () => {
    const dir = await workspace();
    await annotated(dir);
    await brat(dir);
    const exports = join(dir, 'cache', 'margin', 'exports');
    const [kept] = await readdir(exports);
    await writeFile(join(exports, `${kept}.${GONE}.0123456789ab.tmp`), 'half');
    await brat(dir);
    expect(await readdir(exports)).toEqual([kept]);
  });

  it('takes a folder named with a trailing slash for the same folder', async () => {
    const dir = await workspace();
    await annotated(dir);
    await brat(dir);
    const first = await filesIn(join(dir, 'brat'));
    // As a shell completes the name: every file left, none taken for an earlier export's.
    const again = await run(exportCommand, dir, [], { format: 'brat', out: 'brat/' });
    expect(again.stderr).toBe(
      'margin export: wrote 4 article(s), annotation.conf and visual.conf to brat/\n' +
        'margin export: 10 file(s) already held the same and were left as they were\n',
    );
    expect(rewritten(first, await filesIn(join(dir, 'brat')))).toEqual([]);
  });

  it('rewrites exactly the .ann of the article whose annotation changed', async () => {
    const dir = await workspace();
    const { articles, uni } = await annotated(dir);
    await brat(dir);
    const first = await filesIn(join(dir, 'brat'));
    const alice = await openRepository({ root: join(dir, 'store'), annotator: 'alice', articles });
    await alice.tag(uni, uni.sentences[1]!.id, 'event');
    await alice.close();
    expect((await brat(dir)).status).toBe(0);
    const after = await filesIn(join(dir, 'brat'));
    expect(rewritten(first, after)).toEqual(['alice/uni.ann']);
    expect(after.get('alice/uni.ann')!.text).toMatch(/\tEvent /);
  });

  it('finds files already as they would be written without a manifest, by their bytes', async () => {
    const dir = await workspace();
    await annotated(dir);
    await brat(dir);
    const first = await filesIn(join(dir, 'brat'));
    for (const name of await readdir(join(dir, 'cache', 'margin', 'exports'))) {
      await writeFile(join(dir, 'cache', 'margin', 'exports', name), 'lost');
    }
    expect((await brat(dir)).status).toBe(0);
    expect(rewritten(first, await filesIn(join(dir, 'brat')))).toEqual([]);
  });

  it('shows nothing under the name asked for until every file is written', async () => {
    const dir = await workspace();
    const out = join(dir, 'brat');
    const sink = await folderSink(out, join(dir, 'cache'));
    for (let i = 0; i < 300; i++) await sink.writeFile(`alice/${i}.txt`, `text ${i}`);
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
    // Interrupted: what it wrote goes, and the name stays free.
    await sink.abort();
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await readdir(dir)).sort()).toEqual(['cache', 'corpus']);
  });

  it('says so when the new folder was filled meanwhile, and keeps nothing there', async () => {
    const dir = await workspace();
    const out = join(dir, 'brat');
    const sink = await folderSink(out, join(dir, 'cache'));
    await sink.writeFile('alice/uni.txt', 'mine');
    // Another export into the same name ends first.
    await mkdir(join(out, 'bob'), { recursive: true });
    await writeFile(join(out, 'bob', 'uni.txt'), 'theirs');
    await expect(sink.finish()).rejects.toMatchObject({
      message: expect.stringMatching(/^it was filled while this export ran/),
    });
    await sink.abort();
    expect(await readdir(out)).toEqual(['bob']);
    expect((await readdir(dir)).sort()).toEqual(['brat', 'cache', 'corpus']);
  });

  it('removes the temp folder of an export whose process died, and exports', async () => {
    const dir = await workspace();
    await annotated(dir);
    const left = join(dir, `.brat.${GONE}.0123456789ab.tmp`);
    await mkdir(join(left, 'alice'), { recursive: true });
    await writeFile(join(left, 'alice', 'uni.txt'), 'half');
    // One with this process's id that it did not make: left by an earlier process with the
    // same id (a container's pid 1), so gone too.
    await mkdir(join(dir, `.brat.${process.pid}.0123456789ab.tmp`));
    // A live process's, and someone's own hidden folder, stay.
    const live = join(dir, `.brat.${process.ppid}.0123456789ab.tmp`);
    await mkdir(live);
    await mkdir(join(dir, '.brat.notes'));
    expect((await brat(dir)).status).toBe(0);
    expect((await readdir(dir)).filter((name) => name.startsWith('.')).sort()).toEqual([
      `.brat.${process.ppid}.0123456789ab.tmp`,
      '.brat.notes',
    ]);
    expect((await filesIn(join(dir, 'brat'))).size).toBe(11);
  });

  describe('files made from what they were made from last time', () => {
    it('records what each was made from, and checks them only on disk', async () => {
      const dir = await workspace();
      await annotated(dir);
      await exportedTwice(dir);
      const made = await records(dir);
      // The .txt and .ann of one annotator's article: made from the same.
      expect(made.get('alice/uni.txt')![5]).toMatch(/^[0-9a-f]{16}$/);
      expect(made.get('alice/uni.ann')![5]).toBe(made.get('alice/uni.txt')![5]);
      expect(made.get('bob/uni.ann')![5]).not.toBe(made.get('alice/uni.ann')![5]);
      expect(made.get('annotation.conf')![5]).toBe('-');
      const first = await filesIn(join(dir, 'brat'));
      const again = await brat(dir);
      expect(again.stderr).toBe(
        'margin export: wrote 4 article(s), annotation.conf and visual.conf to brat\n' +
          'margin export: 10 file(s) already held the same and were left as they were\n',
      );
      expect(rewritten(first, await filesIn(join(dir, 'brat')))).toEqual([]);
      // Left as they were, recorded as they were.
      expect(await records(dir)).toEqual(made);
    });

    it('says what it made every file from, and leaves them all on that alone', async () => {
      const dir = await workspace();
      await annotated(dir);
      await exportedTwice(dir);
      // The second export made every file from what it was made of: it says so after them.
      const { file, lines } = await manifestLines(dir);
      const said = lines.at(-1)!;
      expect(said).toMatch(/^#[^ ]+$/);
      expect(JSON.parse(decodeURIComponent(said.slice(1)))).toMatchObject({
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        articles: 2,
        annotations: 4,
        articleFiles: 4,
      });
      const made = await records(dir);
      const first = await filesIn(join(dir, 'brat'));
      const expected =
        'margin export: wrote 4 article(s), annotation.conf and visual.conf to brat\n' +
        'margin export: 10 file(s) already held the same and were left as they were\n';
      expect((await brat(dir)).stderr).toBe(expected);
      expect(rewritten(first, await filesIn(join(dir, 'brat')))).toEqual([]);
      expect(await records(dir)).toEqual(made);
      expect((await manifestLines(dir)).lines.at(-1)).toBe(said);

      // What it says, made up: the files are looked at one by one, as without it.
      const other = lines.map((line) => (line === said ? '#%7B%22digest%22%3A%22x%22%7D' : line));
      const header = (await readFile(file, 'utf8')).split('\n')[0];
      await writeFile(file, `${[header, ...other].join('\n')}\n`);
      await aged(dir);
      expect((await brat(dir)).stderr).toBe(expected);
      expect(rewritten(first, await filesIn(join(dir, 'brat')))).toEqual([]);
      expect((await manifestLines(dir)).lines.at(-1)).toBe(said);
    });

    it('writes again a file deleted or edited by hand in the folder', async () => {
      const dir = await workspace();
      await annotated(dir);
      await exportedTwice(dir);
      const first = await filesIn(join(dir, 'brat'));
      await rm(join(dir, 'brat', 'alice', 'uni.ann'));
      // Same size, same modification time: its change time tells.
      const edited = join(dir, 'brat', 'bob', 'uni.txt');
      const { atime, mtime } = await stat(edited);
      await writeFile(edited, first.get('bob/uni.txt')!.text.replace('minister', 'MINISTER'));
      await utimes(edited, atime, mtime);
      const again = await brat(dir);
      expect(again.stderr).toBe(
        'margin export: wrote 4 article(s), annotation.conf and visual.conf to brat\n' +
          'margin export: 8 file(s) already held the same and were left as they were\n',
      );
      const after = await filesIn(join(dir, 'brat'));
      // The file deleted may come back with the inode it had (freed, then taken again): its
      // content, below, tells that it is back.
      expect(rewritten(first, after).filter((path) => path !== 'alice/uni.ann')).toEqual([
        'bob/uni.txt',
      ]);
      for (const [path, file] of first) expect(after.get(path)!.text, path).toBe(file.text);
      // And recorded: the next export leaves them.
      await aged(dir);
      const next = await filesIn(join(dir, 'brat'));
      await brat(dir);
      expect(rewritten(next, await filesIn(join(dir, 'brat')))).toEqual([]);
    });

    it("writes again the .ann of a store file changed in place, and an article's changed text", async () => {
      const dir = await workspace();
      const { articles, uni } = await annotated(dir);
      await exportedTwice(dir);
      const first = await filesIn(join(dir, 'brat'));
      const alice = await openRepository({
        root: join(dir, 'store'),
        annotator: 'alice',
        articles,
      });
      await alice.tag(uni, uni.sentences[1]!.id, 'event');
      await alice.close();
      await aged(dir);
      expect((await brat(dir)).status).toBe(0);
      const after = await filesIn(join(dir, 'brat'));
      expect(rewritten(first, after)).toEqual(['alice/uni.ann']);
      expect(after.get('alice/uni.ann')!.text).toMatch(/\tEvent /);

      // The corpus's text of the article changes (its index made anew, which sees it at once):
      // both annotators' .txt follow it.
      await writeFile(
        join(dir, 'corpus', 'uni.txt'),
        UNICODE_ARTICLE.replace('minister', 'premier'),
      );
      const cache = join(dir, 'cache', 'margin');
      for (const name of await readdir(cache)) {
        if (name.startsWith('corpus-')) await rm(join(cache, name), { force: true });
      }
      await aged(dir);
      expect((await brat(dir)).status).toBe(0);
      const changed = await filesIn(join(dir, 'brat'));
      expect(changed.get('alice/uni.txt')!.text).toContain('said the premier');
      expect(changed.get('bob/uni.txt')!.text).toContain('said the premier');
      // bob's quote is the sentence that changed: its .ann follows too.
      expect(changed.get('bob/uni.ann')!.text).toContain('said the premier');
    });

    it('takes back a file found held before its check on disk failed', async () => {
      const dir = await workspace();
      await annotated(dir);
      await exportedTwice(dir);
      const made = await records(dir);
      const edited = join(dir, 'brat', 'bob', 'uni.txt');
      const { atime, mtime } = await stat(edited);
      const text = await readFile(edited, 'utf8');
      await writeFile(edited, text.replace('minister', 'MINISTER'));
      await utimes(edited, atime, mtime);
      const sink = await folderSink(join(dir, 'brat'), join(dir, 'cache', 'margin'));
      expect(await sink.ready!()).toBe(true);
      // Asked at once, before the threads' check is in: every file is found held on its record.
      let held = 0;
      for (const [path, fields] of made) {
        if (fields[5] === '-' || sink.held!(path, fields[5]!) === null) continue;
        sink.leave!(path);
        held++;
      }
      expect(held).toBe(8);
      expect(await sink.settle!()).toEqual(['bob/uni.txt']);
      expect(sink.left()).toBe(7);
      // Known now: not found held again.
      expect(sink.held!('bob/uni.txt', made.get('bob/uni.txt')![5]!)).toBeNull();
      expect(sink.held!('alice/uni.txt', made.get('alice/uni.txt')![5]!)).not.toBeNull();
      await sink.abort();
    });

    it('counts and declares from what it kept beside the files it leaves', async () => {
      // The article is edited in place below, which an index built before would not see until a
      // full refresh (the folder's time stays): this test's corpus is indexed after the edit.
      const dir = await unindexed();
      const { uni } = await annotated(dir);
      // A free-text value with a space and a percent sign (kept escaped beside the .ann), and an
      // orphan: a sentence of alice's gone from the article's text.
      const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
      const alice = await openRepository({
        root: join(dir, 'store'),
        annotator: 'alice',
        articles,
      });
      await alice.annotate(uni, uni.sentences[0]!.id, { attributes: { speaker: 'Dr %20 Smith' } });
      const gone = uni.sentences.at(-1)!;
      await alice.tag(uni, gone.id, 'event');
      await alice.close();
      await writeFile(join(dir, 'corpus', 'uni.txt'), UNICODE_ARTICLE.replace(gone.text, ''));
      await exportedTwice(dir);
      const first = await filesIn(join(dir, 'brat'));
      const conf = first.get('annotation.conf')!.text;
      expect(conf).toMatch(/^speaker\tArg:<ENTITY>, Value:Dr-20-2520-20Smith$/m);
      const again = await brat(dir);
      expect(again.stderr).toBe(
        'margin export: wrote 4 article(s), annotation.conf and visual.conf to brat\n' +
          'margin export: 10 file(s) already held the same and were left as they were\n' +
          'margin export: left out 1 orphaned annotation(s): brat has no place for text that is gone (jsonl, csv and w3c keep them)\n',
      );
      const after = await filesIn(join(dir, 'brat'));
      expect(rewritten(first, after)).toEqual([]);
      expect(after.get('annotation.conf')!.text).toBe(conf);
      // What was kept beside alice's .ann: her counts, and what annotation.conf declares of it.
      expect((await records(dir)).get('alice/uni.ann')![6]).toMatch(/^2,1,.*Dr%20%2520%20Smith/);
    });

    it('writes every file of a filtered export, then of the whole one, as they would be', async () => {
      const dir = await workspace();
      await annotated(dir);
      await exportedTwice(dir);
      const first = await filesIn(join(dir, 'brat'));
      await rm(join(dir, 'brat', 'bob'), { recursive: true });
      const alice = await run(exportCommand, dir, [], {
        format: 'brat',
        out: 'brat',
        annotator: ['alice'],
      });
      expect(alice.status).toBe(0);
      await aged(dir);
      expect((await brat(dir)).status).toBe(0);
      const after = await filesIn(join(dir, 'brat'));
      expect(new Map([...after].map(([path, file]) => [path, file.text]))).toEqual(
        new Map([...first].map(([path, file]) => [path, file.text])),
      );
    });
  });
});
