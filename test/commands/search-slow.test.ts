import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Output } from '../../source/commands/output.js';
import { slowNotice } from '../../source/commands/search-slow.js';
import { memoryWordIndex } from '../../source/corpus/memory-word-index.js';
import { placedFacts, searchEngine } from '../../source/search/index.js';
import { article } from '../search/articles.js';

/** 100 sentences with "it" and "is", none saying "it is", and one that does at the end. */
const index = memoryWordIndex([
  ...Array.from({ length: 20 }, (_, n) =>
    article(
      `a${n}`,
      Array.from({ length: 5 }, (_, k) => `It was said that item ${k} is late in town ${n}.`),
    ),
  ),
  article('last', ['Officials said it is late.']),
]);

/** `margin search`'s output with stderr a terminal (or not), and what stderr was told. */
function output(terminal: boolean) {
  const written: string[] = [];
  const stderr = Object.assign(new PassThrough(), terminal ? { isTTY: true, columns: 100 } : {});
  stderr.on('data', (chunk: Buffer) => written.push(chunk.toString()));
  const io = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: {}, cwd: '/' };
  return { output: new Output(io, 'search'), said: () => written.join('') };
}

/** A clock that moves `step` ms each time it is read. */
function clock(step: number) {
  let now = 0;
  return () => {
    now += step;
    return now;
  };
}

const search = (giveUp?: () => boolean) =>
  searchEngine(index)
    .search('"it is"', placedFacts([]), { limit: 5, ...(giveUp ? { giveUp } : {}) })
    .map((hit) => hit.text);

describe('a long search on the command line', () => {
  it('says at the terminal that it goes on, once, and still answers in full', async () => {
    const { output: out, said } = output(true);
    const slow = slowNotice(out, ['it is'], clock(100));
    expect(search(slow(index))).toEqual(['Officials said it is late.']);
    expect(search(slow(index))).toEqual(['Officials said it is late.']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(said()).toBe(
      'margin search: still reading: "it is" is looked for in each sentence holding all its words, up to 101 of them (Ctrl+C stops)\n',
    );
  });

  it('says nothing of a search that reads for less, nor through a pipe', async () => {
    const quick = output(true);
    expect(search(slowNotice(quick.output, ['it is'], clock(0.001))(index))).toEqual([
      'Officials said it is late.',
    ]);
    const piped = output(false);
    expect(slowNotice(piped.output, ['it is'], clock(100))(index)).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(quick.said()).toBe('');
    expect(piped.said()).toBe('');
  });
});
