import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../source/commands/command.js';
import { runCommand } from '../../source/commands/run.js';
import { command as search } from '../../source/commands/search.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { parseQuery, type SearchHit, sureHits } from '../../source/search/index.js';
import { openRepository } from '../../source/store/index.js';
import { age, run, useWorkspace } from '../export/workspace.js';

/**
 * Beside a store, `margin search` prints first the hits no store file can change (every word
 * whole in the sentence's own text), before the store's files are compared with its index, and
 * leaves the store unread when they fill the limit. The answer is the same as ever.
 */

const hit = (sentence: string, score: number): SearchHit => ({
  article: 'a',
  sentence,
  score,
  text: '',
  labels: [],
  matches: [],
});

describe('sureHits', () => {
  it('keeps the leading hits that score 1', () => {
    const hits = [hit('s1', 1), hit('s2', 1), hit('s3', 0.9), hit('s4', 1)];
    expect(sureHits(parseQuery('Witkoff'), hits).map((each) => each.sentence)).toEqual([
      's1',
      's2',
    ]);
    expect(sureHits(parseQuery('Witkoff source:moscow -Putin'), hits)).toHaveLength(2);
  });

  it('keeps none when the store decides which sentences pass', () => {
    const hits = [hit('s1', 1)];
    for (const query of ['Witkoff label:quote', 'Witkoff annotator:bob', 'Witkoff status:done']) {
      expect(sureHits(parseQuery(query), hits)).toEqual([]);
    }
  });
});

/** bob wrote "Witkoff" in a note on a sentence of the Unicode article that does not hold it. */
async function noteOnWitkoff(dir: string) {
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const uni = articles.find((a) => a.id === 'uni')!;
  const repository = await openRepository({ root: join(dir, 'store'), annotator: 'bob', articles });
  await repository.tag(uni, uni.sentences[1]!.id, 'event');
  await repository.annotate(uni, uni.sentences[1]!.id, { note: 'Witkoff flew in' });
  await repository.close();
  for (const name of await readdir(join(dir, 'store', 'bob'))) {
    await age(join(dir, 'store', 'bob', name));
  }
}

/** The search as the CLI runs it, each write to stdout kept apart. */
async function writes(dir: string, query: string, limit: string) {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const io: CommandIO = {
    stdout,
    stderr: new PassThrough(),
    stdin: new PassThrough().end(''),
    env: { MARGIN_ANNOTATOR: 'tester', XDG_CACHE_HOME: join(dir, 'cache') },
    cwd: dir,
  };
  const status = await runCommand(search, [query], { corpus: 'corpus', store: 'store', limit }, io);
  return { status, chunks };
}

describe('margin search beside a store', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('prints the hits no note can change first, then the rest, the same answer', async () => {
    const dir = await workspace();
    await noteOnWitkoff(dir);
    const { status, chunks } = await writes(dir, 'Witkoff', '20');
    expect(status).toBe(0);
    const lines = chunks.join('').trim().split('\n');
    // Sentences with the word itself, then the note's sentence, then the other spelling.
    const scores = lines.map((line) => line.split('\t')[2]);
    expect(scores.filter((score) => score === '1.000').length).toBeGreaterThan(1);
    expect(lines.some((line) => line.includes('Talks begin in Riyadh'))).toBe(true);
    expect(lines.some((line) => line.includes('Witkov '))).toBe(true);
    // The first write holds exactly the sure ones.
    const first = chunks[0]!.trim().split('\n');
    expect(first.every((line) => line.split('\t')[2] === '1.000')).toBe(true);
    expect(first).toHaveLength(scores.filter((score) => score === '1.000').length);
    // As `--json`, which waits for the store, ranks them.
    const json = await run(search, dir, ['Witkoff'], { limit: '20', json: true });
    const ranked = JSON.parse(json.stdout) as Array<{ sentence: string }>;
    expect(lines.map((line) => line.split('\t')[1])).toEqual(ranked.map((each) => each.sentence));
  });

  it('leaves the store unread when those hits fill the limit', async () => {
    const dir = await workspace();
    await noteOnWitkoff(dir);
    const { status, chunks } = await writes(dir, 'Witkoff', '2');
    expect(status).toBe(0);
    expect(chunks.join('').trim().split('\n')).toHaveLength(2);
    // The store's index would be made by the first command that opens the store.
    expect(existsSync(join(dir, 'cache', 'margin', 'stores'))).toBe(false);
    const note = await writes(dir, 'Witkoff flew', '2');
    expect(note.chunks.join('')).toContain('Talks begin in Riyadh');
    expect(existsSync(join(dir, 'cache', 'margin', 'stores'))).toBe(true);
  });
});
