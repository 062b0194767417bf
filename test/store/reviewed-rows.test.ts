import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreDoc } from '../../source/store/schema.js';
import { StoreIndex } from '../../source/store/store-index.js';
import { REVIEWED } from '../../source/store/store-index-sql.js';
import { indexedFile, labelledDoc } from '../helpers/indexed-files.js';

/**
 * `agree` and `stats` ask for the reviewed files' statuses at every run; in a team's store most
 * files may be unreviewed, and those are never read for it.
 */

function withStatus(doc: StoreDoc, status: string): StoreDoc {
  return { ...doc, status } as StoreDoc;
}

describe('the reviewed files of a store index', () => {
  const folders: string[] = [];
  afterEach(async () => {
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });

  it('are the accepted files with a status, read through their own index', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'margin-reviewed-'));
    folders.push(folder);
    const file = join(folder, 'index.sqlite');
    const index = StoreIndex.open(file, '/store');
    index.put(
      indexedFile('alice/a.json', withStatus(labelledDoc('alice', 'a', ['claim']), 'done')),
    );
    index.put(indexedFile('alice/b.json', withStatus(labelledDoc('alice', 'b', []), 'unreviewed')));
    index.put(indexedFile('bob/a.json', labelledDoc('bob', 'a', ['quote'])));
    index.put(indexedFile('bob/b.json', null));
    expect(index.reviewed()).toEqual([
      { article: 'a', annotator: 'alice', status: 'done' },
      { article: 'a', annotator: 'bob', status: 'in progress' },
    ]);
    index.close();

    const db = new Database(file, { readonly: true });
    try {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${REVIEWED}`).all() as Array<{ detail: string }>;
      // Not a walk of every file's entry in another index (or of the rows themselves).
      expect(plan.map((step) => step.detail)).toEqual([
        expect.stringMatching(/USING (COVERING )?INDEX files_reviewed\b/),
      ]);
    } finally {
      db.close();
    }
  });
});
