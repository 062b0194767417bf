import { describe, expect, it } from 'vitest';
import { parseBratImport } from '../../source/export/import-brat.js';
import { parseDoccanoImport } from '../../source/export/import-doccano.js';
import type { ParsedImport } from '../../source/export/import-jsonl.js';
import { parseJsonlImport } from '../../source/export/import-jsonl.js';
import { parseLabelStudioImport } from '../../source/export/import-label-studio.js';
import { planImport } from '../../source/export/import-plan.js';
import { parseProdigyImport } from '../../source/export/import-prodigy.js';
import { parseW3cImport } from '../../source/export/import-w3c.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import { articleOfSentences } from '../helpers/articles.js';
import { place, unicodeArticle } from './fixture.js';

// qa53 #1: a span dragged over two sentences in doccano, brat or Label Studio tagged only the
// sentence it overlapped most, and the import said "1 imported, 0 errors".

const context = () => {
  let id = 0;
  return {
    articles: new Map([[unicodeArticle.id, unicodeArticle]]),
    labels: DEFAULT_LABELS,
    newId: () => `new-${++id}`,
    now: '2026-02-03T04:05:06.000Z',
    fallbackAnnotator: 'me',
  };
};

const text = unicodeArticle.text;
const points = [...text];
/** Code point offset of a piece of the article's text. */
const startOf = (piece: string) => [...text.slice(0, text.indexOf(piece))].length;
const endOf = (piece: string) => startOf(piece) + [...piece].length;
const sentences = unicodeArticle.sentences.map((sentence) => sentence.text);

/** The whole first sentence and the first words of the second ("Talks begin on Friday"). */
const start = 0;
const end = endOf('Talks begin on Friday');

const tagged = (parsed: ParsedImport) =>
  parsed.annotations.map(({ annotation, placement }) => ({
    sentence: placement && text.slice(placement.start, placement.end),
    label: annotation.label,
    note: annotation.note,
    attributes: annotation.attributes,
  }));

const both = (extra: { note?: string; attributes?: Record<string, string> } = {}) =>
  [sentences[0], sentences[1]].map((sentence) => ({
    sentence,
    label: 'claim',
    note: extra.note,
    attributes: extra.attributes,
  }));

describe('a span over several sentences', () => {
  it('tags every sentence it covers, in doccano, with the span note and attributes', () => {
    const line = JSON.stringify({
      text,
      label: [[start, end, 'Claim']],
      article: 'uni',
      annotator: 'zoe',
      details: [{ start, end, label: 'Claim', note: 'both', attributes: { claimant: 'Kremlin' } }],
    });
    const parsed = parseDoccanoImport(line, context());
    expect(parsed.errors).toEqual([]);
    expect(tagged(parsed)).toEqual(both({ note: 'both', attributes: { claimant: 'Kremlin' } }));
  });

  it('tags every sentence it covers in brat, Label Studio, Prodigy, W3C and a hand-made jsonl line', () => {
    const brat = parseBratImport(
      [
        {
          path: 'zoe/uni',
          text,
          ann: `T1\tClaim ${start} ${end}\t${points.slice(start, end).join('')}\n`,
        },
      ],
      context(),
    );
    const studio = parseLabelStudioImport(
      JSON.stringify([
        {
          data: { text, article: 'uni' },
          annotations: [
            {
              result: [
                {
                  id: 'r1',
                  from_name: 'label',
                  to_name: 'text',
                  type: 'labels',
                  value: { start, end, labels: ['Claim'] },
                },
              ],
            },
          ],
        },
      ]),
      context(),
    );
    const prodigy = parseProdigyImport(
      JSON.stringify({
        text,
        spans: [{ start, end, label: 'CLAIM' }],
        meta: { article: 'uni' },
        answer: 'accept',
      }),
      context(),
    );
    const w3c = parseW3cImport(
      JSON.stringify({
        type: 'Annotation',
        body: [{ purpose: 'tagging', value: 'claim' }],
        target: {
          source: 'urn:margin:article:uni',
          selector: [
            { type: 'TextQuoteSelector', exact: points.slice(start, end).join('') },
            { type: 'TextPositionSelector', start, end },
          ],
        },
      }),
      context(),
    );
    const jsonl = parseJsonlImport(
      JSON.stringify({
        article: 'uni',
        annotator: 'zoe',
        label: 'claim',
        start,
        end,
        text: points.slice(start, end).join(''),
      }),
      context(),
    );
    for (const parsed of [brat, studio, prodigy, w3c, jsonl]) {
      expect(parsed.errors).toEqual([]);
      expect(tagged(parsed)).toEqual(both());
    }
    // The region's id stays with the first sentence; the second gets one of its own.
    expect(studio.annotations.map((c) => c.annotation.id)).toEqual(['r1', 'new-1']);
  });

  it('tags a sentence whose words it holds whole, not one it runs a letter or a space into', () => {
    const parse = (from: number, to: number) =>
      tagged(
        parseDoccanoImport(
          JSON.stringify({ text, label: [[from, to, 'Claim']], article: 'uni' }),
          context(),
        ),
      ).map((entry) => entry.sentence);
    // Into the next sentence by a space and one letter: the first sentence only.
    expect(parse(start, startOf('Talks') + 1)).toEqual([sentences[0]]);
    // From the last word of the first sentence over the whole second: both.
    expect(parse(startOf('minister.'), endOf('in Riyadh.'))).toEqual([sentences[0], sentences[1]]);
    // From the closing stop of the first: the second only.
    expect(parse(startOf('. Talks'), endOf('in Riyadh.'))).toEqual([sentences[1]]);
    // Inside one sentence: that sentence, as before.
    expect(parse(startOf('begin'), endOf('Friday'))).toEqual([sentences[1]]);
    // Across a paragraph break, into the first words of the next paragraph: both.
    expect(parse(startOf('Talks'), endOf('Prices rose'))).toEqual([sentences[1], sentences[2]]);
  });

  it('reads the words of a text without spaces as Unicode segments them', () => {
    const article = articleOfSentences('cjk', [
      ['北京说会谈将于周一恢复。', '价格上涨了百分之五。'],
    ]);
    const parse = (from: string, to: string) => {
      const t = article.text;
      const start = [...t.slice(0, t.indexOf(from))].length;
      const end = [...t.slice(0, t.indexOf(to) + to.length)].length;
      return parseDoccanoImport(
        JSON.stringify({ text: t, label: [[start, end, 'Claim']], article: 'cjk' }),
        { ...context(), articles: new Map([['cjk', article]]) },
      ).annotations.map(({ placement }) => placement && t.slice(placement.start, placement.end));
    };
    // Into the second sentence by its first word (价格): both.
    expect(parse('会谈', '价格')).toEqual(['北京说会谈将于周一恢复。', '价格上涨了百分之五。']);
    // By half of that word: the first only.
    expect(parse('会谈', '价')).toEqual(['北京说会谈将于周一恢复。']);
  });

  it('counts each sentence as imported, or as a duplicate where the store has it', () => {
    const line = JSON.stringify({
      text,
      label: [[start, end, 'Claim']],
      article: 'uni',
      annotator: 'zoe',
    });
    const parsed = parseDoccanoImport(line, context());
    const stored = place(unicodeArticle, 0, 'claim', 'zoe');
    const plan = planImport(parsed.annotations, [stored], []);
    // Before: "0 imported, 1 duplicate skipped", the second sentence left untagged.
    expect(plan.duplicates).toBe(1);
    expect(plan.add.map((annotation) => annotation.anchor.quote)).toEqual([sentences[1]]);
    // Imported twice, nothing is added.
    expect(planImport(parsed.annotations, [stored, ...plan.add.map(placed)], []).duplicates).toBe(
      2,
    );
  });
});

function placed(annotation: ParsedImport['annotations'][number]['annotation']) {
  const sentence = unicodeArticle.sentences.find((s) => s.start === annotation.anchor.start)!;
  return {
    ...annotation,
    placement: { sentence: sentence.id, start: sentence.start, end: sentence.end },
  };
}
