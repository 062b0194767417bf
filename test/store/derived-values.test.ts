import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type IndexedFile, StoreIndex } from '../../source/store/store-index.js';
import { indexedFile, labelledDoc } from '../helpers/indexed-files.js';

/**
 * A value derived from the index's rows (stats' report) is kept under the count of changes to
 * the rows it was made at: any change to a row, by this process or another on the same index
 * file, moves the count, so a kept value is never given for rows it was not made from.
 */

function fileOf(path: string, labels: string[]): IndexedFile {
  const [annotator = '', name = ''] = path.split('/');
  return indexedFile(
    path,
    labelledDoc(annotator, name.replace(/\.json$/, ''), labels),
    `f${labels.join()}`,
  );
}

describe('values derived from the store index', () => {
  const folders: string[] = [];
  afterEach(async () => {
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });

  it('count every change to a row, and none to what is not a row', () => {
    const index = StoreIndex.open(null, '/store');
    const moved = (change: () => void) => {
      const before = index.rowChanges();
      change();
      return index.rowChanges()! - before!;
    };
    expect(index.rowChanges()).toBe(0);
    expect(moved(() => index.put(fileOf('alice/a.json', ['claim'])))).toBeGreaterThan(0);
    expect(moved(() => index.put(fileOf('alice/a.json', ['claim', 'quote'])))).toBeGreaterThan(0);
    expect(moved(() => index.touch('alice/a.json', '1:2:10:21', 21))).toBeGreaterThan(0);
    expect(moved(() => index.put(fileOf('bob/a.json', ['event'])))).toBeGreaterThan(0);
    expect(moved(() => index.remove('alice/a.json'))).toBeGreaterThan(0);
    expect(moved(() => index.removeFolder('bob'))).toBeGreaterThan(0);
    expect(moved(() => index.setDigest('alice', 'digest'))).toBe(0);
    expect(moved(() => index.keepListing('alice', 'seen', 'a.json'))).toBe(0);
    expect(moved(() => index.keepDerived('stats', 'at', '{}'))).toBe(0);
    index.close();
  });

  it('give a kept value only at the count it was made at, whichever process changed a row', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'margin-derived-'));
    folders.push(folder);
    const file = join(folder, 'store.sqlite');
    const one = StoreIndex.open(file, '/store');
    const other = StoreIndex.open(file, '/store');
    one.put(fileOf('alice/a.json', ['claim']));
    const at = `${one.rowChanges()}`;
    expect(one.keepDerived('stats', at, '{"annotations":1}')).toBe(true);
    expect(other.derivedValue('stats', `${other.rowChanges()}`)).toBe('{"annotations":1}');
    // Another process reads a file again: the value kept is not of the rows there are now.
    other.put(fileOf('alice/a.json', ['claim', 'quote']));
    expect(one.rowChanges()).not.toBe(Number(at));
    expect(one.derivedValue('stats', `${one.rowChanges()}`)).toBeNull();
    expect(one.derivedValue('other', at)).toBeNull();
    one.close();
    other.close();
    // Opened again, the count goes on from where it was: a value kept before is not given.
    const again = StoreIndex.open(file, '/store');
    expect(again.rowChanges()).toBeGreaterThan(Number(at));
    again.close();
  });

  it('are rows of their own, so that reading one never reads another (an older index too)', async () => {
    // In a WITHOUT ROWID table a value lies whole in the names' b-tree, and finding one name
    // read every value it was compared with: the export's order (15 MB at 100,000 articles)
    // was read by every stats and agree. An index an older margin made has such a table.
    const folder = await mkdtemp(join(tmpdir(), 'margin-derived-'));
    folders.push(folder);
    const file = join(folder, 'store.sqlite');
    StoreIndex.open(file, '/store').close();
    const older = new Database(file);
    older.exec(`DROP TABLE derived;
      CREATE TABLE derived (name TEXT PRIMARY KEY, made_at TEXT NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
      UPDATE meta SET value = 'older' WHERE key = 'schema';`);
    older.prepare("INSERT INTO derived VALUES ('stats', 'then', '{}')").run();
    older.close();
    const index = StoreIndex.open(file, '/store');
    expect(index.keepDerived('stats', 'now', '{"annotations":1}')).toBe(true);
    expect(index.derivedValue('stats', 'now')).toBe('{"annotations":1}');
    index.close();
    const db = new Database(file, { readonly: true });
    const sql = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'derived'")
      .pluck()
      .get() as string;
    db.close();
    expect(sql).not.toMatch(/WITHOUT\s+ROWID/i);
  });
});
