import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  asRecorded,
  FileNotWritten,
  folderWrites,
  pickThread,
} from '../../source/commands/folder-writes.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'margin-folder-writes-'));
  made.push(dir);
  return dir;
}

describe('folderWrites', () => {
  it('writes every file queued, text or bytes, in folders it makes, on several threads', async () => {
    const dir = await folder();
    const writes = folderWrites({ threads: 2 });
    const expected = new Map<string, string>();
    // Enough files and bytes for several batches per thread.
    for (let i = 0; i < 1500; i++) {
      const name = join(dir, ['alice', 'bob', 'carol/deep'][i % 3]!, `${i}.txt`);
      const text = `${i} 😀 ${'x'.repeat(i * 7)}\n`;
      expected.set(name, text);
      await writes.write(name, i % 2 === 0 ? text : Buffer.from(text));
    }
    // Written twice: the last content stays.
    const twice = join(dir, 'alice', '0.txt');
    await writes.write(twice, 'again\n');
    expected.set(twice, 'again\n');
    await writes.finish();
    for (const [name, text] of expected) expect(await readFile(name, 'utf8')).toBe(text);
    // No temp file left behind.
    const names = [
      ...(await readdir(join(dir, 'alice'))),
      ...(await readdir(join(dir, 'bob'))),
      ...(await readdir(join(dir, 'carol', 'deep'))),
    ];
    expect(names.filter((name) => name.startsWith('.'))).toEqual([]);
    expect(names).toHaveLength(1500);
  });

  it('throws the failure of the first file queued that failed, and writes the others', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'plain'), 'a file');
    const writes = folderWrites({ threads: 2 });
    await writes.write(join(dir, 'ok', 'a.txt'), 'a');
    for (let i = 0; i < 50; i++) await writes.write(join(dir, 'plain', `${i}.txt`), 'x');
    for (let i = 0; i < 50; i++) await writes.write(join(dir, `plain${i}`, 'sub', 'b.txt'), 'x');
    const failure = await writes.finish().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(FileNotWritten);
    expect((failure as FileNotWritten).file).toBe(join(dir, 'plain', '0.txt'));
    // mkdir's word for a file in the way (the command says "a part of its path is a file").
    expect(['EEXIST', 'ENOTDIR']).toContain((failure as FileNotWritten).code);
    expect(await readFile(join(dir, 'ok', 'a.txt'), 'utf8')).toBe('a');
  });

  it('leaves a file whose stat matches its record and whose new content hashes the same', async () => {
    const dir = await folder();
    const file = join(dir, 'a.txt');
    await writeFile(file, 'old text');
    const { size, mtimeNs, ctimeNs, ino } = await stat(file, { bigint: true });
    // A record of the new content for the file as it stands: trusted, the file is not read.
    const hash = createHash('sha256').update('new text').digest('hex').slice(0, 32);
    const record = `${size} ${mtimeNs} ${ctimeNs} ${ino} ${hash} - - a.txt`;
    const records: string[] = [];
    const trusting = folderWrites({
      threads: 1,
      stamp: ctimeNs + 3_000_000_000n,
      recordsIn: dir,
      onRecords: (text) => records.push(text),
    });
    await trusting.write(file, 'new text', record);
    await trusting.finish();
    expect(await readFile(file, 'utf8')).toBe('old text');
    expect(records).toEqual([`${record}\n`]);
    // Changed within a tick of the folder's clock before the manifest's time (50 ms: finer
    // than any, see below): a later change may show the recorded time. Not trusted: its bytes
    // are compared.
    const wary = folderWrites({ threads: 1, stamp: ctimeNs + 50_000_000n });
    await wary.write(file, 'new text', record);
    await wary.finish();
    expect(await readFile(file, 'utf8')).toBe('new text');
  });

  it("does not trust a record whose change time or inode is not the file's", async () => {
    const dir = await folder();
    const file = join(dir, 'a.txt');
    const hash = createHash('sha256').update('new text').digest('hex').slice(0, 32);
    // As trusting as the test above, but for one field: the file is read and written anew. Each
    // record is made from the file as it stands (a replace gives it a new inode, and a file
    // system may hand out inodes in order: the first record's inode + 1 was once the file's).
    for (const wrong of ['ctime', 'inode'] as const) {
      await writeFile(file, 'old text');
      const now = await stat(file, { bigint: true });
      const ctime = wrong === 'ctime' ? now.ctimeNs + 1n : now.ctimeNs;
      const ino = wrong === 'inode' ? now.ino + 1n : now.ino;
      const record = `${now.size} ${now.mtimeNs} ${ctime} ${ino} ${hash} - - a.txt`;
      const writes = folderWrites({ threads: 1, stamp: now.ctimeNs + 3_000_000_000n });
      await writes.write(file, 'new text', record);
      await writes.finish();
      expect(await readFile(file, 'utf8'), wrong).toBe('new text');
    }
  });

  it('writes a file whose stat no longer matches its record, leaves one whose bytes do', async () => {
    const dir = await folder();
    const file = join(dir, 'a.txt');
    await writeFile(file, 'same');
    const before = await stat(file, { bigint: true });
    const hash = createHash('sha256').update('same').digest('hex').slice(0, 32);
    const stale = `${before.size} ${before.mtimeNs + 1n} ${before.ctimeNs} ${before.ino} ${hash} - - a.txt`;
    const writes = folderWrites({ threads: 1, stamp: before.ctimeNs + 1_000_000_000n });
    await writes.write(file, 'same', stale);
    await writes.write(join(dir, 'b.txt'), 'made', stale);
    await writes.finish();
    expect((await stat(file, { bigint: true })).ino).toBe(before.ino);
    expect(await readFile(join(dir, 'b.txt'), 'utf8')).toBe('made');
    const other = folderWrites({ threads: 1, stamp: before.ctimeNs + 1_000_000_000n });
    await other.write(file, 'diff', stale);
    await other.finish();
    expect(await readFile(file, 'utf8')).toBe('diff');
    expect((await stat(file, { bigint: true })).ino).not.toBe(before.ino);
  });

  it('checks every record of a manifest on disk, and names those the disk no longer bears out', async () => {
    const dir = await folder();
    const records: string[] = [];
    const names = ['kept.txt', 'edited.txt', 'gone.txt', 'touched.txt', 'sp ace/x.ann'];
    for (const name of [...names, ...Array.from({ length: 40 }, (_, i) => `more/${i}.txt`)]) {
      const file = join(dir, name);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `text of ${name}`);
      const { size, mtimeNs, ctimeNs, ino } = await stat(file, { bigint: true });
      records.push(`${size} ${mtimeNs} ${ctimeNs} ${ino} 0123 tag1 - ${name}`);
    }
    const stamp = (await stat(join(dir, 'more', '39.txt'), { bigint: true })).ctimeNs;
    await writeFile(join(dir, 'edited.txt'), 'text of EDITED.txt');
    await rm(join(dir, 'gone.txt'));
    // Changed after the manifest's time: not trusted, whatever its stat.
    const late = (await stat(join(dir, 'touched.txt'), { bigint: true })).ctimeNs;
    const bytes = Buffer.from(`header\n${records.join('\n')}\n`);
    for (const threads of [1, 2, 3]) {
      const writes = folderWrites({ threads, stamp: stamp + 3_000_000_000n });
      const changed = await writes.verify(bytes, 'header\n'.length, dir);
      expect([...changed!].sort()).toEqual(['edited.txt', 'gone.txt']);
      const early = folderWrites({ threads, stamp: late + 50_000_000n });
      expect((await early.verify(bytes, 'header\n'.length, dir))!.has('touched.txt')).toBe(true);
      await writes.finish();
      await early.finish();
    }
  });

  it('trusts a stat a tick of its file system before the manifest: 100 ms, or 2 s for whole seconds', () => {
    const second = 1_000_000_000n;
    const at = (mtimeNs: bigint, ctimeNs: bigint) =>
      ({ isFile: () => true, size: 8n, mtimeNs, ctimeNs, ino: 7n }) as unknown as BigIntStats;
    const recorded = (stat: BigIntStats) =>
      [stat.size, stat.mtimeNs, stat.ctimeNs, stat.ino, 'hash'].map(String);
    // Times with a fraction: a file system that keeps them finer than a second.
    const fine = at(1_700_000_000_123_456_789n, 1_700_000_000_123_456_789n);
    expect(asRecorded(fine, recorded(fine), fine.ctimeNs + second)).toBe(true);
    expect(asRecorded(fine, recorded(fine), fine.ctimeNs + 150_000_000n)).toBe(true);
    expect(asRecorded(fine, recorded(fine), fine.ctimeNs + 50_000_000n)).toBe(false);
    // Whole seconds (FAT keeps two): a change a second later may show the same time.
    const coarse = at(1_700_000_000n * second, 1_700_000_000n * second);
    expect(asRecorded(coarse, recorded(coarse), coarse.ctimeNs + second)).toBe(false);
    expect(asRecorded(coarse, recorded(coarse), coarse.ctimeNs + 3n * second)).toBe(true);
    // Either time with a fraction will do; neither trusted when recorded otherwise.
    const mixed = at(1_700_000_000n * second, 1_700_000_000_500_000_000n);
    expect(asRecorded(mixed, recorded(mixed), mixed.ctimeNs + second)).toBe(true);
    const other = [...recorded(fine)];
    other[3] = '8';
    expect(asRecorded(fine, other, fine.ctimeNs + 3n * second)).toBe(false);
  });

  it('records the tag and note given with each file', async () => {
    const dir = await folder();
    const written: string[] = [];
    const writes = folderWrites({
      threads: 2,
      recordsIn: dir,
      onRecords: (text) => written.push(text),
    });
    await writes.write(join(dir, 'a.txt'), 'a', undefined, 'tag1', '1,0,x');
    await writes.write(join(dir, 'b', 'c d.txt'), 'b');
    await writes.finish();
    const lines = written.join('').split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines.find((line) => line.endsWith('a.txt'))).toMatch(
      /^1 \d+ \d+ \d+ [0-9a-f]{32} tag1 1,0,x a\.txt$/,
    );
    expect(lines.find((line) => line.endsWith('d.txt'))).toMatch(/ - - b\/c d\.txt$/);
  });

  it('gives each folder a thread of its own, up to four, then the one with the fewest files', () => {
    // Two threads started, as on two cores; a team's three annotator folders and more.
    const threads = [
      { folders: 0, files: 0 },
      { folders: 0, files: 0 },
    ];
    const give = (files: number) => {
      const at = pickThread(threads, 4);
      threads[at] ??= { folders: 0, files: 0 };
      threads[at]!.folders++;
      threads[at]!.files += files;
      return at;
    };
    expect([give(100), give(100), give(100)]).toEqual([0, 1, 2]);
    expect([give(40), give(40), give(40)]).toEqual([3, 3, 3]);
    expect(give(40)).toBe(0);
    expect(threads).toHaveLength(4);
  });
});
