import { beforeAll, describe, expect, it } from 'vitest';
import { byCodePoints, sampleInput, unicodeArticle } from './fixture.js';
import { exportText, jsonLines } from './helpers.js';

interface Task {
  text: string;
  spans: Array<{ start: number; end: number; label: string }>;
  meta: Record<string, unknown>;
  answer: string;
}

describe('prodigy export', () => {
  let tasks: Task[];
  beforeAll(async () => {
    tasks = jsonLines(await exportText('prodigy', sampleInput())) as unknown as Task[];
  });

  it('writes one task per article and annotator', () => {
    expect(tasks.map((task) => `${task.meta.article}/${task.meta.annotator}`)).toEqual([
      'uni/alice',
      'uni/bob',
      'plain/bob',
    ]);
    expect(tasks.every((task) => task.answer === 'accept')).toBe(true);
  });

  it('writes upper-case labels whose code point offsets select the sentences', () => {
    const alice = tasks[0]!;
    expect(alice.text).toBe(unicodeArticle.text);
    expect(alice.spans.map((span) => span.label)).toEqual(['QUOTE', 'EVENT', 'CLAIM']);
    expect(alice.spans.map((span) => byCodePoints(alice.text, span.start, span.end))).toEqual(
      unicodeArticle.sentences.slice(0, 3).map((sentence) => sentence.text),
    );
  });

  it('counts orphans in meta instead of inventing a span', () => {
    expect(tasks[0]!.meta).toEqual({
      article: 'uni',
      title: 'Переговоры “soon”',
      source: 'The National',
      date: '2025-03-14',
      annotator: 'alice',
      status: 'done',
      orphans: 1,
    });
  });
});
