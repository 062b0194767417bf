import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as agreeCommand } from '../../source/commands/agree.js';
import type { Command } from '../../source/commands/command.js';
import { command as exportCommand } from '../../source/commands/export.js';
import { command as importCommand } from '../../source/commands/import.js';
import { command as orphansCommand } from '../../source/commands/orphans.js';
import { command as statsCommand } from '../../source/commands/stats.js';
import { command as storyCommand } from '../../source/commands/story.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { FORMATS } from '../../source/export/formats.js';
import type { ExportRecord } from '../../source/export/record.js';
import { openRepository } from '../../source/store/index.js';
import { run, useWorkspace } from './workspace.js';

const BROKEN = '{"schema":"margin.annotations","version":1,"article":"uni",';
const FUTURE =
  '{"schema":"margin.annotations","version":99,"article":"uni","annotator":"carol","status":"done","annotations":[]}\n';

/** alice, bob and carol each tag the Unicode article; then bob's file is torn and carol's from a newer margin. */
async function brokenStore(dir: string): Promise<void> {
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const uni = articles.find((a) => a.id === 'uni')!;
  for (const annotator of ['alice', 'bob', 'carol', 'dave']) {
    const repository = await openRepository({ root: join(dir, 'store'), annotator, articles });
    await repository.tag(uni, uni.sentences[0]!.id, 'claim');
    await repository.setStatus(uni.id, 'done');
    await repository.close();
  }
  await writeFile(join(dir, 'store', 'bob', 'uni.json'), BROKEN);
  await writeFile(join(dir, 'store', 'carol', 'uni.json'), FUTURE);
}

/** The two refusals, in path order. */
function expectRefusals(stderr: string, command: string): void {
  const [bob, carol] = stderr.split('\n');
  expect(bob).toMatch(
    new RegExp(
      `^margin ${command}: store/bob/uni\\.json: not valid JSON \\(at line \\d+, column \\d+\\)$`,
    ),
  );
  expect(carol).toBe(
    `margin ${command}: store/carol/uni.json: schema version 99 is newer than this margin understands (1); upgrade margin to edit it`,
  );
}

async function untouched(dir: string): Promise<void> {
  expect(await readFile(join(dir, 'store', 'bob', 'uni.json'), 'utf8')).toBe(BROKEN);
  expect(await readFile(join(dir, 'store', 'carol', 'uni.json'), 'utf8')).toBe(FUTURE);
}

describe('a corrupt or future-version store file', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it.each(FORMATS)('export %s names both files, exports the others, exits 1', async (format) => {
    const dir = await workspace();
    await brokenStore(dir);
    const flags = format === 'brat' ? { format, out: 'brat' } : { format };
    const result = await run(exportCommand, dir, [], flags);
    expectRefusals(result.stderr, 'export');
    expect(result.status).toBe(1);
    if (format === 'jsonl') {
      const records = result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as ExportRecord);
      expect(records.map((r) => r.annotator)).toEqual(['alice', 'dave']);
    }
    await untouched(dir);
  });

  it.each<{ name: string; command: Command; flags: Record<string, unknown> }>([
    { name: 'stats', command: statsCommand, flags: {} },
    { name: 'stats', command: statsCommand, flags: { json: true } },
    { name: 'agree', command: agreeCommand, flags: {} },
    { name: 'agree', command: agreeCommand, flags: { json: true } },
    { name: 'orphans', command: orphansCommand, flags: {} },
  ])(
    '$name $flags names both files, reports on the others, exits 1',
    async ({ name, command, flags }) => {
      const dir = await workspace();
      await brokenStore(dir);
      const result = await run(command, dir, [], flags);
      expectRefusals(result.stderr, name);
      expect(result.stderr.split('\n')).toHaveLength(3);
      expect(result.stdout).not.toBe('');
      expect(result.status).toBe(1);
      await untouched(dir);
    },
  );

  it('import adds nothing to them, says which line wanted to, and imports the rest', async () => {
    const dir = await workspace();
    await brokenStore(dir);
    const line = (annotator: string) =>
      JSON.stringify({
        article: 'uni',
        annotator,
        label: 'event',
        start: 0,
        end: 47,
        text: '“Мы готовы к переговорам 😀”, said the minister on Friday.',
      });
    await writeFile(join(dir, 'in.jsonl'), `${line('bob')}\n${line('carol')}\n${line('erin')}\n`);
    const result = await run(importCommand, dir, ['in.jsonl'], { format: 'jsonl' });
    expectRefusals(result.stderr, 'import');
    expect(result.stderr.split('\n').slice(2)).toEqual([
      'margin import: in.jsonl:1: the store file store/bob/uni.json is refused, so nothing is added to it',
      'margin import: in.jsonl:2: the store file store/carol/uni.json is refused, so nothing is added to it',
      '',
    ]);
    expect(result.stdout).toBe('1 imported, 0 duplicates skipped, 2 errors\n');
    expect(result.status).toBe(1);
    await untouched(dir);
  });
});

describe('an article gone from the corpus', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('is still exported, as orphans with their stored quote, last', async () => {
    const dir = await workspace();
    await brokenStore(dir);
    await rm(join(dir, 'store', 'bob'), { recursive: true });
    await rm(join(dir, 'store', 'carol'), { recursive: true });
    await rm(join(dir, 'corpus', 'uni.txt'));
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const seed = articles[0]!;
    const alice = await openRepository({ root: join(dir, 'store'), annotator: 'alice', articles });
    await alice.tag(seed, seed.sentences[0]!.id, 'quote');
    await alice.close();

    const result = await run(exportCommand, dir, [], { format: 'jsonl' });
    expect(result.stderr).toBe('');
    const records = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as ExportRecord);
    expect(records.map((r) => [r.article, r.annotator, r.orphan, r.text])).toEqual([
      [seed.id, 'alice', false, seed.sentences[0]!.text],
      ['uni', 'alice', true, '“Мы готовы к переговорам 😀”, said the minister on Friday.'],
      ['uni', 'dave', true, '“Мы готовы к переговорам 😀”, said the minister on Friday.'],
    ]);
    const only = await run(exportCommand, dir, [], { format: 'csv', article: ['uni'] });
    expect(only.status).toBe(0);
    expect(only.stdout.trimEnd().split('\r\n')).toHaveLength(3);

    // stats counts what export writes: the two on the missing article are orphans.
    const report = JSON.parse((await run(statsCommand, dir, [], { json: true })).stdout);
    expect(report).toMatchObject({ articles: 5, missingArticles: 1, annotations: 3, orphans: 2 });
    expect(report.sources.find((s: { source: string | null }) => s.source === null)).toEqual({
      source: null,
      articles: 1,
      annotations: 0,
    });
    const picture = (await run(statsCommand, dir, [], {})).stdout.split('\n');
    expect(picture[0]).toBe(
      '3 annotations, 2 orphaned on 5 articles (and 1 gone from the corpus: see margin orphans) by 2 annotators',
    );
    expect(picture.some((line) => line.startsWith('  (no source)  '))).toBe(true);
  });
});

describe('a store folder that is not there', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('is not created by export, stats or agree: they say so and see no annotations', async () => {
    const dir = await workspace();
    const exported = await run(exportCommand, dir, [], { format: 'jsonl' });
    expect(exported).toEqual({
      status: 0,
      stdout: '',
      stderr: 'margin export: store does not exist: no annotations yet\n',
    });
    const stats = await run(statsCommand, dir, [], { json: true });
    expect(stats.stderr).toBe('margin stats: store does not exist: no annotations yet\n');
    expect(JSON.parse(stats.stdout)).toMatchObject({ articles: 6, annotations: 0 });
    const agree = await run(agreeCommand, dir, [], {});
    expect(agree.stderr).toBe(
      'margin agree: store does not exist: no annotations yet\nmargin agree: agreement needs two annotators; the store has none\n',
    );
    expect(await readdir(dir)).not.toContain('store');
  });

  it('refuses an unknown label in one line, with no note about the store before it', async () => {
    const dir = await workspace();
    const exported = await run(exportCommand, dir, [], { format: 'jsonl', label: ['nolabel'] });
    expect(exported.status).toBe(2);
    expect(exported.stdout).toBe('');
    const lines = exported.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^margin export: unknown label "nolabel"/);
    // A label that passes still hears that there is no store.
    const known = await run(exportCommand, dir, [], { format: 'jsonl', label: ['claim'] });
    expect(known.stderr).toBe('margin export: store does not exist: no annotations yet\n');
    const story = await run(storyCommand, dir, [], { label: ['nolabel'], minSources: '2' });
    expect(story.stderr).toMatch(/^margin story: unknown label "nolabel"[^\n]*\n$/);
    expect(await readdir(dir)).not.toContain('store');
  });

  it('is refused with a message when it is a file', async () => {
    const dir = await workspace();
    await writeFile(join(dir, 'store'), 'not a folder');
    for (const [name, command] of [
      ['export', exportCommand],
      ['stats', statsCommand],
      ['import', importCommand],
    ] as const) {
      await writeFile(join(dir, 'in.jsonl'), '');
      const result = await run(command, dir, name === 'import' ? ['in.jsonl'] : [], {
        format: 'jsonl',
      });
      expect(result.stderr).toBe(
        `margin ${name}: store is not a folder, so not an annotation store\n`,
      );
      expect(result.status).toBe(2);
    }
    expect(await readFile(join(dir, 'store'), 'utf8')).toBe('not a folder');
  });
});
