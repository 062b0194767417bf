import { beforeAll, describe, expect, it } from 'vitest';
import { byCodePoints, sampleInput, unicodeArticle } from './fixture.js';
import { exportText, jsonLines } from './helpers.js';

interface Line {
  text: string;
  label: Array<[number, number, string]>;
  article: string;
  annotator: string;
}

describe('doccano export', () => {
  let lines: Line[];
  beforeAll(async () => {
    lines = jsonLines(await exportText('doccano', sampleInput())) as unknown as Line[];
  });

  it('writes [start, end, Label] triples that select the sentences in code points', () => {
    const bob = lines.find((line) => line.article === 'uni' && line.annotator === 'bob')!;
    expect(bob.label.map(([, , label]) => label)).toEqual(['Claim', 'Quote']);
    expect(bob.label.map(([start, end]) => byCodePoints(bob.text, start, end))).toEqual([
      unicodeArticle.sentences[2]!.text,
      'Nobody said “no”.',
    ]);
  });

  it('writes one line per article and annotator, leaving out orphans', () => {
    expect(lines.map((line) => `${line.article}/${line.annotator}/${line.label.length}`)).toEqual([
      'uni/alice/3',
      'uni/bob/2',
      'plain/bob/1',
    ]);
  });
});
