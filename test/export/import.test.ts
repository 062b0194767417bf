import { describe, expect, it } from 'vitest';
import { formatError } from '../../source/export/import-errors.js';
import { parseJsonlImport } from '../../source/export/import-jsonl.js';
import { planImport } from '../../source/export/import-plan.js';
import { parseProdigyImport } from '../../source/export/import-prodigy.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import { asciiArticle, place, sampleInput, unicodeArticle } from './fixture.js';
import { exportText, type StoreContents } from './helpers.js';

const toJsonl = (input: StoreContents) => exportText('jsonl', input);
const toProdigy = (input: StoreContents) => exportText('prodigy', input);

const context = () => {
  let id = 0;
  return {
    articles: new Map([unicodeArticle, asciiArticle].map((a) => [a.id, a])),
    labels: DEFAULT_LABELS,
    newId: () => `new-${++id}`,
    now: '2026-02-03T04:05:06.000Z',
    fallbackAnnotator: 'me',
  };
};

const good = JSON.stringify({
  article: 'plain',
  annotator: 'dana',
  label: 'claim',
  text: 'It rained.',
  start: 27,
  end: 37,
});

describe('jsonl import', () => {
  it('reports each bad line as FILE:LINE: reason and keeps the good ones', async () => {
    const content = [
      good,
      '{"article": "plain", "annotator": "dana", "label": "claim", "start": 0',
      JSON.stringify({ ...JSON.parse(good), article: 'nowhere' }),
      JSON.stringify({ ...JSON.parse(good), label: 'opinion' }),
      '',
      JSON.stringify({ ...JSON.parse(good), start: undefined }),
      JSON.stringify({ ...JSON.parse(good), end: 3 }),
      JSON.stringify({ ...JSON.parse(good), text: undefined }),
      JSON.stringify({ ...JSON.parse(good), created: 'yesterday' }),
      JSON.stringify({ ...JSON.parse(good), annotator: ' dana\u0007' }),
      '[1, 2]',
    ].join('\n');
    const parsed = parseJsonlImport(content, context());
    expect(parsed.errors.map((error) => formatError('in.jsonl', error))).toEqual([
      "in.jsonl:2: not valid JSON: column 71: the text ends; expected ',' or '}'",
      'in.jsonl:3: unknown article "nowhere"',
      'in.jsonl:4: label: expected one of claim, quote, event',
      'in.jsonl:6: start: missing',
      'in.jsonl:7: end: is before start',
      'in.jsonl:8: quote: missing (and no text)',
      'in.jsonl:9: created: expected an ISO 8601 date and time',
      'in.jsonl:10: annotator: not a usable name (control characters, or space at either end)',
      'in.jsonl:11: a JSON array, where each line is one JSON object',
    ]);
    expect(parsed.annotations.map((a) => a.line)).toEqual([1]);
  });

  it('takes the annotator names --annotator takes, tidied, and refuses the others', () => {
    const line = (annotator: string) => JSON.stringify({ ...JSON.parse(good), annotator });
    const names = [
      'a\u0007na',
      ' ana',
      '__proto__',
      'a/b',
      '../../etc',
      '..',
      'b\u202eob',
      'Jose\u0301',
      'ana  b',
    ];
    const parsed = parseJsonlImport(names.map(line).join('\n'), context());
    // Before, `__proto__` and `../../etc` became folders that stats and export listed, names
    // `margin review --annotator` refuses.
    expect(parsed.errors.map((error) => formatError('in.jsonl', error))).toEqual([
      'in.jsonl:1: annotator: not a usable name (control characters, or space at either end)',
      'in.jsonl:2: annotator: not a usable name (control characters, or space at either end)',
      'in.jsonl:3: annotator: not a usable name (a name cannot be __proto__)',
      'in.jsonl:4: annotator: not a usable name (a name cannot hold / or \\)',
      'in.jsonl:5: annotator: not a usable name (a name cannot hold / or \\)',
      'in.jsonl:6: annotator: not a usable name (a name cannot be . or ..)',
      'in.jsonl:7: annotator: not a usable name (control or invisible characters, or space at either end)',
    ]);
    expect(parsed.annotations.map((a) => a.annotation.annotator)).toEqual(['Jos\u00e9', 'ana b']);
  });

  it('refuses a name with a lone surrogate, which no folder can be named for', () => {
    // JSON's "\ud800": the folder was named for U+FFFD and the store then listed two annotators.
    // JSON.stringify writes a lone surrogate as the escape, as another tool's file has it.
    const content = JSON.stringify({ ...JSON.parse(good), annotator: 'ok\ud800' });
    expect(content).toContain('"ok\\ud800"');
    const parsed = parseJsonlImport(content, context());
    expect(parsed.errors.map((error) => formatError('in.jsonl', error))).toEqual([
      'in.jsonl:1: annotator: not a usable name (a lone surrogate, not Unicode text)',
    ]);
    const paired = parseJsonlImport(
      JSON.stringify({ ...JSON.parse(good), annotator: 'ok\u{1F600}' }),
      context(),
    );
    expect(paired.annotations.map((a) => a.annotation.annotator)).toEqual(['ok\u{1F600}']);
  });

  it('quotes the first 100 characters of a long value, and says how long it is', () => {
    // A hostile id of a million characters was printed whole: one line of 1 MB.
    const id = `${'z'.repeat(99)}\u{1F600}${'z'.repeat(999_900)}`;
    const parsed = parseJsonlImport(
      JSON.stringify({ ...JSON.parse(good), article: id }),
      context(),
    );
    expect(parsed.errors.map((error) => formatError('in.jsonl', error))).toEqual([
      `in.jsonl:1: unknown article "${'z'.repeat(99)}\u{1F600}"… (1000000 characters)`,
    ]);
  });

  it('quotes values from the file so no escape sequence reaches the terminal', async () => {
    const sneaky = JSON.stringify({ ...JSON.parse(good), article: 'x\u001b[2Jy' });
    const [error] = parseJsonlImport(sneaky, context()).errors;
    expect(error!.message).toBe('unknown article "x\\u001b[2Jy"');
  });

  it('re-anchors by quote when the offsets no longer select it', async () => {
    const moved = JSON.stringify({ ...JSON.parse(good), start: 0, end: 10 });
    const [candidate] = parseJsonlImport(moved, context()).annotations;
    expect(candidate!.placement).not.toBeNull();
    const { anchor } = candidate!.annotation;
    expect(asciiArticle.text.slice(anchor.start, anchor.end)).toBe('It rained.');
    expect(anchor.sentence).toBe(asciiArticle.sentences[1]!.id);
    expect(anchor.textHash).toBe(asciiArticle.hash);
    expect(candidate!.annotation).toMatchObject({
      id: 'new-1',
      created: '2026-02-03T04:05:06.000Z',
      updated: '2026-02-03T04:05:06.000Z',
    });
  });

  it('reads back its own export of the Unicode article exactly', async () => {
    const input = sampleInput();
    const parsed = parseJsonlImport(await toJsonl(input), context());
    expect(parsed.errors).toEqual([]);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const back = parsed.annotations.map(({ annotation }) => annotation).sort(byId);
    expect(back).toEqual(
      input.annotations.map(({ placement: _placement, ...annotation }) => annotation).sort(byId),
    );
  });
});

describe('duplicates', () => {
  it('skips what the store has and repeats within the file', async () => {
    const existing = [place(asciiArticle, 1, 'claim', 'dana')];
    const parsed = parseJsonlImport(
      [good, good, JSON.stringify({ ...JSON.parse(good), label: 'event' })].join('\n'),
      context(),
    );
    const plan = planImport(parsed.annotations, existing, []);
    expect(plan.duplicates).toBe(2);
    expect(plan.add.map((a) => a.label)).toEqual(['event']);
  });

  it('refuses lines whose store file was refused', async () => {
    const parsed = parseJsonlImport(good, context());
    const plan = planImport(
      parsed.annotations,
      [],
      [{ path: 'annotations/dana/plain.json', article: 'plain', annotator: 'dana', message: 'x' }],
    );
    expect(plan.add).toEqual([]);
    expect(plan.errors).toEqual([
      {
        line: 1,
        message: 'the store file annotations/dana/plain.json is refused, so nothing is added to it',
      },
    ]);
  });
});

describe('prodigy import', () => {
  it('reads back its own export: same sentences, labels and annotators', async () => {
    const input = sampleInput();
    const parsed = parseProdigyImport(await toProdigy(input), {
      ...context(),
      fallbackAnnotator: 'me',
    });
    expect(parsed.errors).toEqual([]);
    const summary = (a: {
      article: string;
      annotator: string;
      label: string;
      anchor: { quote: string };
    }) => `${a.article}/${a.annotator}/${a.label}/${a.anchor.quote}`;
    expect(parsed.annotations.map(({ annotation }) => summary(annotation)).sort()).toEqual(
      input.annotations
        .filter((a) => a.placement)
        .map(summary)
        .sort(),
    );
    expect(parsed.statuses).toEqual([
      { article: 'uni', annotator: 'alice', status: 'done' },
      { article: 'uni', annotator: 'bob', status: 'in progress' },
      { article: 'plain', annotator: 'bob', status: 'unreviewed' },
    ]);
  });

  it('snaps a partial span to its sentence, finds the article by text, and reports bad spans', async () => {
    const text = unicodeArticle.text;
    const word = [...text].indexOf('R');
    const content = [
      JSON.stringify({ text, spans: [{ start: word, end: word + 6, label: 'event' }] }),
      JSON.stringify({ text, spans: [{ start: 0, end: 3, label: 'PERSON' }] }),
      JSON.stringify({ text: 'other', spans: [] }),
      JSON.stringify({ text, spans: [{ start: 0, end: 999, label: 'CLAIM' }] }),
      JSON.stringify({ text, spans: [{ start: 0, end: 3, label: 'CLAIM' }], answer: 'reject' }),
    ].join('\n');
    const parsed = parseProdigyImport(content, { ...context(), fallbackAnnotator: 'me' });
    expect(parsed.errors.map((e) => formatError('t.jsonl', e))).toEqual([
      't.jsonl:2: spans.0.label: "PERSON" is not one of claim, quote, event',
      't.jsonl:3: no meta.article and no article with this text',
      't.jsonl:4: spans.0: end is past the end of the text',
    ]);
    expect(parsed.ignored).toBe(1);
    const [only] = parsed.annotations;
    expect(only!.annotation).toMatchObject({ annotator: 'me', label: 'event', article: 'uni' });
    expect(only!.annotation.anchor.quote).toBe('Talks begin on Friday 🇺🇦 in Riyadh.');
  });
});
