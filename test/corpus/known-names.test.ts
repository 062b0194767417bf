import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnownNames, knownNamesIn } from '../../source/corpus/db/known-names.js';
import { openDatabase } from '../../source/corpus/db/schema.js';

describe('the names a folder is known to hold', () => {
  it('tells a name seen from one the folder lost, over thousands of names in any script', () => {
    const names = new KnownNames();
    const all: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const script = ['', 'é', 'Дума-', '東京', '😀'][i % 5];
      all.push(`${String(i).padStart(5, '0')}_${script}report.txt`);
    }
    for (const name of all) names.add(name);
    names.add(all[7]!);
    expect(names.size).toBe(5000);
    const lost = new Set(all.filter((_, i) => i % 997 === 0));
    for (const name of all) if (!lost.has(name)) expect(names.see(name)).toBe(true);
    expect(names.see('00001_report.txt.part')).toBe(false);
    expect(names.see('00001_Report.txt')).toBe(false);
    expect(names.see('')).toBe(false);
    expect([...names.unseen()]).toEqual([...lost]);
  });

  it('keeps a name that is a prefix of another apart from it', () => {
    const names = new KnownNames();
    names.add('a.txt');
    names.add('a.txt~');
    expect(names.see('a.txt~')).toBe(true);
    expect([...names.unseen()]).toEqual(['a.txt']);
  });

  it('reads every name of a folder from the index, page after page, and no other folder’s', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'margin-names-'));
    try {
      const { db } = openDatabase(join(dir, 'index.sqlite'), 'test');
      const insert = db.prepare(
        'INSERT INTO files (path, folder, size, mtime) VALUES (?, ?, ?, ?)',
      );
      const inB = ['b/x.txt', 'b/y.txt', 'b/z z.txt', 'b/é.txt', 'b/ü.txt'];
      for (const path of ['a.txt', 'b.txt', 'ba/q.txt', 'b/c/d.txt', ...inB])
        insert.run(
          path,
          path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '',
          path.length,
          path.length * 1000 + 0.5,
        );
      for (const pageSize of [1, 2, 5, 100]) {
        const names = knownNamesIn(db, 'b', pageSize);
        expect([...names.unseen()].sort()).toEqual(inB.map((path) => path.slice(2)).sort());
        // Each with the size and time it was read at: what a changed folder's files are held to.
        for (const path of inB) {
          const n = names.mark(path.slice(2));
          expect([names.sizeOf(n), names.mtimeOf(n)]).toEqual([
            path.length,
            path.length * 1000 + 0.5,
          ]);
        }
        expect(names.mark('q.txt')).toBe(-1);
        expect([...knownNamesIn(db, '', pageSize).unseen()]).toEqual(['a.txt', 'b.txt']);
      }
      db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
