import { describe, expect, it } from 'vitest';
import { defaultProjectText, parseProject } from '../../source/project/schema.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';

const label = (name: string, key: string, letter: string, extra: object = {}) => ({
  name,
  key,
  colour: 'green',
  letter,
  description: `the ${name} label`,
  ...extra,
});

const parse = (value: unknown) =>
  parseProject(JSON.stringify(value), 'margin.json', DEFAULT_LABELS);
const error = (value: unknown) => {
  try {
    parse(value);
  } catch (thrown) {
    return (thrown as Error).message;
  }
  return 'no error';
};

describe('the project file', () => {
  it('reads a codebook: labels with keys, letters, colours and attribute lists', () => {
    const project = parse({
      corpus: 'articles',
      store: 'store',
      annotator: 'desk',
      guidelines: 'GUIDELINES.md',
      labels: [
        label('claim', '1', 'C'),
        label('opinion', 'o', 'O', {
          attributes: [{ name: 'stance', values: ['supports', 'denies'] }, { name: 'holder' }],
        }),
      ],
      keys: { undo: 'z', redo: ['Ctrl+Y'] },
    });
    expect(project.corpus).toBe('articles');
    expect(project.annotator).toBe('desk');
    expect(project.labels.map((l) => `${l.key}${l.letter} ${l.name}`)).toEqual([
      '1C claim',
      'oO opinion',
    ]);
    expect(project.labels[1]?.attributes).toEqual([
      { name: 'stance', values: ['supports', 'denies'] },
      { name: 'holder' },
    ]);
    expect(project.keys).toEqual({ undo: ['z'], redo: ['Ctrl+Y'] });
  });

  it("keeps margin's own labels and folders when the file names none", () => {
    const project = parse({});
    expect(project.labels).toBe(DEFAULT_LABELS);
    expect([project.corpus, project.store, project.annotator]).toEqual([
      'seeds',
      'annotations',
      null,
    ]);
  });

  it('names the file and the key of each mistake, in one line', () => {
    const three = [label('claim', '1', 'C'), label('quote', '2', 'Q'), label('event', '3', 'E')];
    expect(error({ labels: [...three, label('statistic', '1', 'S')] })).toBe(
      'margin.json: labels[3].key: "1" is already the key of claim',
    );
    expect(error({ labels: [...three, label('stat', '4', 'C')] })).toBe(
      'margin.json: labels[3].letter: "C" is already the letter of claim',
    );
    expect(error({ labels: [...three, label('claim', '4', 'S')] })).toBe(
      'margin.json: labels[3].name: "claim" is already the name of claim',
    );
    expect(error({ labels: [label('claim', '1', 'C', { colour: 'pink' })] })).toMatch(
      /^margin\.json: labels\[0\]\.colour: expected one of black, red, green, yellow/,
    );
    expect(error({ labels: [label('two words', '1', 'C')] })).toMatch(
      /^margin\.json: labels\[0\]\.name: a label name is letters, digits/,
    );
    expect(error({ labels: [label('claim', 'ab', 'C')] })).toBe(
      'margin.json: labels[0].key: expected one key: a character, Ctrl+X or Space',
    );
    expect(
      error({ labels: [label('claim', '1', 'C', { attributes: [{ name: 'x', values: [] }] })] }),
    ).toBe('margin.json: labels[0].attributes[0].values: a list of values holds at least one');
    expect(error({ labels: [label('claim', '1', '漢')] })).toBe(
      'margin.json: labels[0].letter: a letter takes one column on screen: this one takes two',
    );
    expect(error({ labels: [label('claim', '1', 'Ｃ')] })).toBe(
      'margin.json: labels[0].letter: a letter takes one column on screen: this one takes two',
    );
    expect(error({ labels: [{ name: 'claim', key: '1', colour: 'red' }] })).toBe(
      'margin.json: labels[0].letter: missing',
    );
    expect(error({ lables: [] })).toBe('margin.json: unknown key "lables"');
    // Names every object answers to read as functions where no value was set (qa51: `a` crashed).
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(error({ labels: [label('claim', '1', 'C', { attributes: [{ name }] })] })).toBe(
        'margin.json: labels[0].attributes[0].name: is a name margin cannot give an attribute (every object has one); choose another',
      );
    }
    // JSON.parse keeps the last of a key given twice: one of them was dropped without a word.
    expect(parseProjectError('{"corpus": "a", "corpus": "b"}')).toBe(
      'margin.json: "corpus" is given twice (JSON keeps only the last): keep one',
    );
    expect(
      parseProjectError(
        '{"labels": [{"name": "x"}, {"name": "claim", "key": "1", "key": "2"}], "keys": {}}',
      ),
    ).toBe('margin.json: labels[1]: "key" is given twice (JSON keeps only the last): keep one');
    expect(parseProjectError('{"keys": {"undo": "z", "x\\"": [], "undo": "y"}}')).toBe(
      'margin.json: keys: "undo" is given twice (JSON keeps only the last): keep one',
    );
    // Too many said zod's "Too big: expected array to have <=36 items".
    const many = Array.from({ length: 10_000 }, (_, at) =>
      label(`l${at}`, String.fromCodePoint(0x4e00 + at), 'A'),
    );
    expect(error({ labels: many })).toBe('margin.json: labels: a project holds at most 36 labels');
    const attributes = Array.from({ length: 33 }, (_, at) => ({ name: `a${at}` }));
    expect(error({ labels: [label('claim', '1', 'C', { attributes })] })).toBe(
      'margin.json: labels[0].attributes: a label holds at most 32 attributes',
    );
    // Of the wrong kind is not missing: a file of `[]` was said to be "missing".
    expect(parseProjectError('[]')).toBe('margin.json: expected object, received array');
    expect(error({ corpus: 5 })).toBe('margin.json: corpus: expected string, received number');
    expect(error({ labels: {} })).toBe('margin.json: labels: expected array, received object');
    expect(error({ labels: [label('claim', '1', 'C', { colur: 'red' })] })).toBe(
      'margin.json: labels[0]: unknown key "colur"',
    );
    expect(parseProjectError('{"labels": [')).toBe(
      'margin.json: not valid JSON (it ends too early)',
    );
    // V8's own words quoted the text: a --project naming another file showed what it held.
    expect(parseProjectError('\u001b[2J{"token": "s3cret"')).toBe('margin.json: not valid JSON');
    // A merge's markers are named, as the store names them: "not valid JSON (at line 3,
    // column 1)" did not say why.
    const merged = [
      '{',
      '  "labels": [',
      '<<<<<<< HEAD',
      '    { "name": "claim", "key": "1", "colour": "yellow", "letter": "C" }',
      '=======',
      '    { "name": "fact", "key": "1", "colour": "yellow", "letter": "F" }',
      '>>>>>>> theirs',
      '  ]',
      '}',
    ].join('\n');
    expect(parseProjectError(merged)).toBe(
      'margin.json: holds unresolved git conflict markers (<<<<<<<): keep the labels and keys of both sides, then run margin again',
    );
  });

  it('refuses a label a query would read as label:none, the sentences nobody labelled', () => {
    // qa50: after `margin relabel event none`, `label:none` found the untagged sentences, never
    // the team's label.
    for (const name of ['none', 'None', 'NONE']) {
      expect(error({ labels: [label(name, '1', 'N')] })).toBe(
        'margin.json: labels[0].name: a label cannot be named "none": label:none in a query means the sentences nobody has labelled',
      );
    }
  });

  it('refuses a Ctrl key a terminal sends as Enter, Tab or Backspace', () => {
    // qa50: a label on Ctrl+M could never be tagged: the terminal sends it as Enter.
    for (const key of ['Ctrl+M', 'Ctrl+i', 'Ctrl+J', 'Ctrl+H']) {
      expect(error({ labels: [label('claim', key, 'C')] })).toBe(
        'margin.json: labels[0].key: a terminal sends Ctrl+M as Enter, Ctrl+I as Tab, Ctrl+J as Enter, Ctrl+H as Backspace: choose another key',
      );
    }
    expect(error({ labels: [label('claim', 'Ctrl+K', 'C')] })).toBe('no error');
  });

  it('refuses two labels a query would read as one', () => {
    // `label:x_y` found `x-y`, and Label Studio's config and brat's conf named both `Frame`.
    expect(error({ labels: [label('frame', '1', 'F'), label('Frame', '2', 'G')] })).toBe(
      'margin.json: labels[1].name: "Frame" reads as "frame" in a query (case, -, _ and spaces do not count): name it apart',
    );
    expect(error({ labels: [label('x-y', '1', 'X'), label('x_y', '2', 'Y')] })).toBe(
      'margin.json: labels[1].name: "x_y" reads as "x-y" in a query (case, -, _ and spaces do not count): name it apart',
    );
  });

  it('escapes what a hostile file puts into a message', () => {
    expect(error({ '\u001b[31m': 1 })).toBe('margin.json: unknown key "\\u001b[31m"');
  });

  it("writes defaults that read back as margin's own labels", () => {
    const project = parseProject(defaultProjectText(DEFAULT_LABELS), 'margin.json', DEFAULT_LABELS);
    expect(project.labels).toEqual(DEFAULT_LABELS);
    expect([project.corpus, project.store]).toEqual(['seeds', 'annotations']);
  });
});

function parseProjectError(text: string): string {
  try {
    parseProject(text, 'margin.json', DEFAULT_LABELS);
  } catch (thrown) {
    return (thrown as Error).message;
  }
  return 'no error';
}
