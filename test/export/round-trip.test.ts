import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as exportCommand } from '../../source/commands/export.js';
import { command as importCommand } from '../../source/commands/import.js';
import { loadCorpus } from '../../source/corpus/index.js';
import type { Article } from '../../source/corpus/types.js';
import type { ExportRecord } from '../../source/export/record.js';
import { openRepository } from '../../source/store/index.js';
import { byCodePoints, orphan } from './fixture.js';
import { run, UNICODE_ARTICLE, useWorkspace } from './workspace.js';

async function populate(dir: string): Promise<Article[]> {
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const uni = articles.find((a) => a.id === 'uni')!;
  const seed = articles[0]!;
  const alice = await openRepository({ root: join(dir, 'store'), annotator: 'alice', articles });
  await alice.tag(uni, uni.sentences[0]!.id, 'quote');
  await alice.tag(uni, uni.sentences[0]!.id, 'claim');
  await alice.annotate(uni, uni.sentences[0]!.id, {
    note: 'check the “translation”, with the desk',
    attributes: { speaker: 'minister', verdict: 'needs context' },
  });
  await alice.tag(uni, uni.sentences[3]!.id, 'claim');
  await alice.tag(seed, seed.sentences[1]!.id, 'event');
  await alice.setStatus(uni.id, 'done');
  // A tag on text the cleaner no longer produces: the store keeps it as an orphan.
  await alice.addMany([orphan(uni, 'alice')]);
  await alice.close();
  const bob = await openRepository({ root: join(dir, 'store'), annotator: 'bob', articles });
  await bob.tag(uni, uni.sentences[2]!.id, 'claim');
  await bob.setStatus(uni.id, 'in progress');
  await bob.close();
  return articles;
}

function parse(jsonl: string): ExportRecord[] {
  return jsonl
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as ExportRecord);
}

describe('export jsonl → import → export jsonl', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('exports the real store with code point offsets on the Unicode article', async () => {
    const dir = await workspace();
    const articles = await populate(dir);
    const first = await run(exportCommand, dir, [], { format: 'jsonl' });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const records = parse(first.stdout);
    expect(records).toHaveLength(6);
    const uni = articles.find((a) => a.id === 'uni')!;
    for (const record of records.filter((r) => r.article === 'uni' && !r.orphan)) {
      expect(byCodePoints(uni.text, record.start, record.end)).toBe(record.text);
      expect(uni.sentences.find((s) => s.id === record.sentence)!.text).toBe(record.text);
    }
    expect(records.filter((r) => r.orphan).map((r) => r.text)).toEqual(['A sentence since cut.']);
    expect(records.find((r) => r.sentence === uni.sentences[3]!.id)!.text).toBe(
      'Nobody said “no” to the plan.',
    );
  });

  it('gives identical output after importing into an empty store', async () => {
    const dir = await workspace();
    await populate(dir);
    const first = await run(exportCommand, dir, [], { format: 'jsonl' });
    await writeFile(join(dir, 'out.jsonl'), first.stdout);
    const imported = await run(importCommand, dir, ['out.jsonl'], {
      format: 'jsonl',
      store: 'copy',
    });
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe(
      '6 imported (1 as orphan: text not found in the article, see margin orphans), 0 duplicates skipped, 0 errors, 2 review statuses set\n',
    );
    expect(imported.status).toBe(0);
    const second = await run(exportCommand, dir, [], { format: 'jsonl', store: 'copy' });
    expect(second.stdout).toBe(first.stdout);

    const again = await run(importCommand, dir, ['out.jsonl'], { format: 'jsonl', store: 'copy' });
    expect(again.stdout).toBe('0 imported, 6 duplicates skipped, 0 errors\n');
  });
});

describe('export jsonl → import → export jsonl after the text changed', () => {
  // Not indexed: the article is edited in place before the first command, which an index built
  // before would see only at a full refresh (the folder's time stays).
  const workspace = useWorkspace();

  it('keeps what was tagged (old quote, hash) and gives identical output', async () => {
    const dir = await workspace();
    await populate(dir);
    // A word changed inside the tagged first sentence, and a new paragraph in front of it all.
    const changed = UNICODE_ARTICLE.replace('said the minister', 'said the ministers').replace(
      'Переговоры “soon”\n\n',
      'Переговоры “soon”\n\nUpdated at noon.\n\n',
    );
    await writeFile(join(dir, 'corpus', 'uni.txt'), changed);
    const first = await run(exportCommand, dir, [], { format: 'jsonl' });
    const records = parse(first.stdout);
    const moved = records.filter((r) => r.article === 'uni' && r.label !== 'event' && !r.orphan);
    expect(moved.map((r) => [r.annotator, r.label, r.text, r.quote ?? null])).toEqual([
      [
        'alice',
        'claim',
        '“Мы готовы к переговорам 😀”, said the ministers on Friday.',
        '“Мы готовы к переговорам 😀”, said the minister on Friday.',
      ],
      [
        'alice',
        'quote',
        '“Мы готовы к переговорам 😀”, said the ministers on Friday.',
        '“Мы готовы к переговорам 😀”, said the minister on Friday.',
      ],
      ['bob', 'claim', 'Prices rose 5% — a record 😀😀.', null],
      ['alice', 'claim', 'Nobody said “no” to the plan.', null],
    ]);
    await writeFile(join(dir, 'out.jsonl'), first.stdout);
    const imported = await run(importCommand, dir, ['out.jsonl'], {
      format: 'jsonl',
      store: 'copy',
    });
    expect(imported.stdout).toBe(
      '6 imported (1 as orphan: text not found in the article, see margin orphans), 0 duplicates skipped, 0 errors, 2 review statuses set\n',
    );
    const second = await run(exportCommand, dir, [], { format: 'jsonl', store: 'copy' });
    expect(second.stdout).toBe(first.stdout);
    const again = await run(importCommand, dir, ['out.jsonl'], { format: 'jsonl', store: 'copy' });
    expect(again.stdout).toBe('0 imported, 6 duplicates skipped, 0 errors\n');
  });
});
