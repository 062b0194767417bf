import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../source/export/formats.js';
import type { ImportFormat } from '../../source/export/import-formats.js';
import { annotatorNameProblem } from '../../source/store/index.js';
import type { LabelDefinition, LabelSet } from '../../source/store/labels.js';
import type { Label, PlacedAnnotation } from '../../source/store/types.js';
import { articleOfSentences } from '../helpers/articles.js';
import { place } from './fixture.js';
import { exportOf, roundTrip, type StoreContents } from './helpers.js';

// Names from files are untrusted: ids, annotators, labels and attribute names that are the
// names of Object.prototype's members, and values with escape sequences, line breaks and bidi
// overrides. Each must come out of every format without a control character, and come back.
const label = (name: string, attributes: LabelDefinition['attributes']): LabelDefinition => ({
  name,
  key: '',
  colour: 'red',
  letter: name.charAt(0),
  description: '',
  attributes,
});
const LABELS: LabelSet = [
  label('constructor', [
    { name: '__proto__' },
    { name: 'toString', values: ['a\u001b[31mb', 'x y', '__proto__'] },
  ]),
  label('__proto__', [{ name: 'constructor' }]),
  label('toString', []),
];

const VALUE = 'say \u001b[2J"it"\nnow\u202e\\n done';

function hostileStore(): StoreContents {
  const articles = [
    articleOfSentences('x\u001b[31mred', [['The mayor said taxes fell.', 'It rained.']], {
      title: 't\u001b]0;pwned\u0007itle',
    }),
    articleOfSentences('line\nbreak', [['Talks resumed on Monday.', 'Both sides met.']]),
    articleOfSentences('feeds/__proto__', [['Prices rose again.', 'Nobody said no.']]),
    articleOfSentences('bidi\u202eid', [['The minister spoke.']]),
  ];
  const [red, line, proto, bidi] = articles as [
    (typeof articles)[0],
    (typeof articles)[0],
    (typeof articles)[0],
    (typeof articles)[0],
  ];
  const as = (name: string) => name as Label;
  const annotations: PlacedAnnotation[] = [
    place(red, 0, as('constructor'), '__proto__', {
      id: 'id\u001b[1m',
      note: VALUE,
      attributes: Object.fromEntries([
        ['__proto__', VALUE],
        ['toString', 'a\u001b[31mb'],
      ]),
    }),
    place(red, 0, as('__proto__'), '__proto__', {
      id: 'constructor',
      attributes: { constructor: '=1+2' },
    }),
    place(red, 1, as('toString'), 'constructor', { id: '__proto__' }),
    place(line, 0, as('constructor'), 'toString', {
      id: 'toString',
      attributes: Object.fromEntries([['toString', '__proto__']]),
    }),
    place(proto, 1, as('__proto__'), 'ali\u202ece', { id: 'p1', note: 'tab\there' }),
    place(bidi, 0, as('toString'), 'ali\u202ece', {
      id: 'b1',
      attributes: { valueOf: 'not declared \u001b' },
    }),
  ];
  return { articles, annotations, statuses: () => 'done' };
}

/** A control character that is not part of a format's own layout (tab, line end). */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const IN_NAME = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('hostile names and values', () => {
  it.each(FORMATS)('%s writes no control character in any byte or file name', async (format) => {
    const { text, files } = await exportOf(format, hostileStore(), { labels: LABELS });
    expect(text).not.toMatch(CONTROL);
    for (const [path, content] of files) {
      expect(path).not.toMatch(IN_NAME);
      expect(content).not.toMatch(CONTROL);
    }
    expect(text.length + files.size).toBeGreaterThan(0);
  });

  it('csv keeps every attribute, named constructor or not, and shows escapes as text', async () => {
    const { text } = await exportOf('csv', hostileStore(), { labels: LABELS });
    expect(text).toContain(
      'attribute:__proto__,attribute:toString,attribute:constructor,attributes',
    );
    expect(text).toContain("'=1+2");
    expect(text).toContain('x\\u001b[31mred');
    expect(text).toContain('{""valueOf"":""not declared \\u001b""}');
  });

  const store = hostileStore();
  const seen = (annotation: PlacedAnnotation | ImportedAnnotation) =>
    JSON.stringify([
      annotation.article,
      annotation.annotator,
      annotation.label,
      annotation.note ?? null,
      Object.entries(annotation.attributes ?? {}).sort(),
    ]);
  type ImportedAnnotation = Pick<
    PlacedAnnotation,
    'article' | 'annotator' | 'label' | 'note' | 'attributes'
  >;

  // Annotators `__proto__` and `ali\u202ece` are names `--annotator` refuses: an import refuses
  // them too (named, skipped), so a file never makes a folder the review cannot open as.
  const usable = store.annotations.filter((a) => annotatorNameProblem(a.annotator) === null);
  it.each<ImportFormat>(['jsonl', 'w3c', 'prodigy', 'doccano', 'label-studio', 'brat'])(
    '%s brings them back unchanged, but for annotator names --annotator refuses',
    async (format) => {
      const parsed = await roundTrip(format, store, LABELS);
      expect(parsed.errors.length).toBeGreaterThan(0);
      for (const error of parsed.errors) {
        expect(error.message).toMatch(/not a usable name/);
      }
      expect(usable.length).toBeGreaterThan(0);
      expect(parsed.annotations.map((c) => seen(c.annotation)).sort()).toEqual(
        usable.map(seen).sort(),
      );
    },
  );
});
