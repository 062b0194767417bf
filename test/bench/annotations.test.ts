import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAnnotations, generateSentenceList } from '../../bench/generate.js';
import { articleOfSentences } from '../helpers/articles.js';

const articles = Array.from({ length: 20 }, (_, a) =>
  articleOfSentences(`art${a}`, [
    Array.from({ length: 12 }, (_, s) => `Sentence ${s} of article ${a} says “something”.`),
  ]),
);
const annotators = ['alice', 'bob', 'carol'];

describe('generateAnnotations', () => {
  const annotations = generateAnnotations(articles, { perArticle: 30, annotators });

  it('makes perArticle annotations on every article', () => {
    expect(annotations).toHaveLength(600);
    for (const a of articles)
      expect(annotations.filter((n) => n.article === a.id)).toHaveLength(30);
  });

  it('is deterministic', () => {
    expect(generateAnnotations(articles, { perArticle: 30, annotators })).toEqual(annotations);
    expect(generateAnnotations(articles, { perArticle: 30, annotators, seed: 2 })).not.toEqual(
      annotations,
    );
  });

  it('anchors on the real sentence text, offsets and hash', () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const n of annotations) {
      const a = byId.get(n.article)!;
      const sentence = a.sentences.find((s) => s.id === n.anchor.sentence)!;
      expect(a.text.slice(n.anchor.start, n.anchor.end)).toBe(n.anchor.quote);
      expect(n.anchor.quote).toBe(sentence.text);
      expect(a.text.slice(0, n.anchor.start).endsWith(n.anchor.prefix)).toBe(true);
      expect(a.text.slice(n.anchor.end).startsWith(n.anchor.suffix)).toBe(true);
      expect(n.anchor.prefix.length).toBeLessThanOrEqual(32);
      expect(n.anchor.textHash).toBe(a.hash);
    }
  });

  it('uses every annotator and label, never one label twice on a sentence by one annotator', () => {
    expect(new Set(annotations.map((n) => n.annotator))).toEqual(new Set(annotators));
    expect(new Set(annotations.map((n) => n.label))).toEqual(new Set(['claim', 'quote', 'event']));
    const keys = annotations.map(
      (n) => `${n.article}/${n.anchor.sentence}/${n.annotator}/${n.label}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(annotations.map((n) => n.id)).size).toBe(annotations.length);
    for (const n of annotations) {
      expect(n.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Number.isNaN(Date.parse(n.created))).toBe(false);
    }
  });

  it('stops at what a short article can hold and skips empty ones', () => {
    const short = articleOfSentences('short', [['Only one.', 'And two.']]);
    const empty = articleOfSentences('empty', []);
    const made = generateAnnotations([short, empty], { perArticle: 30, annotators: ['alice'] });
    expect(made).toHaveLength(6);
  });
});

describe('generateSentenceList', () => {
  it('writes one sentence per line, in article order', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'margin-bench-'));
    try {
      const withBreak = articleOfSentences('x', [['Line one\nstill one.', 'Two.']]);
      const result = await generateSentenceList(
        [articles[0]!, withBreak],
        path.join(dir, 'sub', 'sentences.txt'),
      );
      expect(result.sentences).toBe(14);
      const lines = (await readFile(result.path, 'utf8')).split('\n');
      expect(lines).toHaveLength(15);
      expect(lines[0]).toBe('Sentence 0 of article 0 says “something”.');
      expect(lines[12]).toBe('Line one still one.');
      expect(lines[14]).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
