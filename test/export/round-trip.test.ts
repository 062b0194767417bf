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
import { run, useWorkspace } from './workspace.js';

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
  const workspace = useWorkspace();

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
      '6 imported, 0 duplicates skipped, 0 errors, 2 review statuses set\n',
    );
    expect(imported.status).toBe(0);
    const second = await run(exportCommand, dir, [], { format: 'jsonl', store: 'copy' });
    expect(second.stdout).toBe(first.stdout);

    const again = await run(importCommand, dir, ['out.jsonl'], { format: 'jsonl', store: 'copy' });
    expect(again.stdout).toBe('0 imported, 6 duplicates skipped, 0 errors\n');
  });
});
