import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import { articleOfSentences } from '../helpers/articles.js';
import { asciiArticle, byCodePoints, place, sampleInput } from './fixture.js';
import { exportOf, exportText } from './helpers.js';

describe('brat export', () => {
  let files: Array<{ path: string; content: string }>;
  let skippedOrphans: number;
  beforeAll(async () => {
    const out = await exportOf('brat', sampleInput());
    files = [...out.files].map(([path, content]) => ({ path, content }));
    skippedOrphans = out.summary.skippedOrphans;
  });
  const file = (path: string) => files.find((f) => f.path === path)?.content;

  it('writes one folder per annotator when there are several', () => {
    expect(files.map((f) => f.path)).toEqual([
      'alice/uni.txt',
      'alice/uni.ann',
      'bob/uni.txt',
      'bob/uni.ann',
      'bob/plain.txt',
      'bob/plain.ann',
      'annotation.conf',
      'visual.conf',
    ]);
    expect(skippedOrphans).toBe(1);
  });

  it('writes T lines whose offsets select their text in the .txt, in code points', () => {
    for (const ann of files.filter((f) => f.path.endsWith('.ann'))) {
      const txt = file(ann.path.replace(/\.ann$/, '.txt'))!;
      for (const line of ann.content.trimEnd().split('\n')) {
        if (!line.startsWith('T')) continue;
        const [, type, text] = line.split('\t') as [string, string, string];
        const [, start, end] = type.split(' ');
        expect(byCodePoints(txt, Number(start), Number(end))).toBe(text);
      }
    }
  });

  it('writes notes on one line, and every attribute as an A line with an identifier value', () => {
    expect(file('alice/uni.ann')).toBe(
      [
        'T1\tQuote 0 47\t“Мы готовы к переговорам 😀”, said the minister.',
        'A1\tspeaker T1 minister',
        'A2\tverdict T1 needs-20context',
        '#1\tAnnotatorNotes T1\tcheck the “translation”\\nwith the desk',
        'T2\tEvent 48 83\tTalks begin on Friday 🇺🇦 in Riyadh.',
        'T3\tClaim 85 114\tPrices rose 5% — a record 😀😀.',
        '',
      ].join('\n'),
    );
  });

  it('declares labels and attribute values in annotation.conf', () => {
    expect(file('annotation.conf')).toBe(
      [
        '[entities]',
        'Claim',
        'Quote',
        'Event',
        '',
        '[relations]',
        '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:equal',
        '',
        '[events]',
        '',
        '[attributes]',
        'speaker\tArg:<ENTITY>, Value:minister',
        'verdict\tArg:<ENTITY>, Value:needs-20context',
        '',
      ].join('\n'),
    );
  });

  // qa53 #10: brat showed the encoded names (`Frame-2Deconomic`) and no codebook colour.
  it('gives brat the display names and the codebook colours in visual.conf', () => {
    expect(file('visual.conf')).toBe(
      [
        '[labels]',
        'Claim | Claim | C',
        'Quote | Quote | Q',
        'Event | Event | E',
        'claimant | claimant',
        'speaker | speaker',
        'when | when',
        'where | where',
        'verdict | verdict',
        '',
        '[drawing]',
        'Claim\tbgColor:#fff59d, borderColor:darken',
        'Quote\tbgColor:#80deea, borderColor:darken',
        'Event\tbgColor:#ce93d8, borderColor:darken',
        '',
      ].join('\n'),
    );
  });

  it('writes a folder even for one annotator, and splits a span across lines', async () => {
    const article = articleOfSentences('two', [['Line one\nline two.']]);
    const out = await exportOf('brat', {
      articles: [article, asciiArticle],
      annotations: [place(article, 0, 'claim', 'carol')],
      statuses: () => 'done',
    });
    expect([...out.files.keys()]).toEqual([
      'carol/two.txt',
      'carol/two.ann',
      'annotation.conf',
      'visual.conf',
    ]);
    expect(out.files.get('carol/two.ann')).toBe('T1\tClaim 0 8;9 18\tLine one line two.\n');
  });
});

describe('a label the project no longer has', () => {
  const withoutEvent = DEFAULT_LABELS.filter((label) => label.name !== 'event');

  it('is still exported, and brat declares it after the project’s own', async () => {
    const { files } = await exportOf('brat', sampleInput(), { labels: withoutEvent });
    expect(files.get('annotation.conf')).toMatch(/^\[entities\]\nClaim\nQuote\nEvent\n\n/);
    expect(files.get('alice/uni.ann')).toContain('\tEvent 48 83\t');
    // Named in visual.conf as it is written, with no codebook letter or colour to give it.
    expect(files.get('visual.conf')).toMatch(/^Event \| Event$/m);
    expect(files.get('visual.conf')).not.toContain('Event\t');
    const jsonl = await exportText('jsonl', sampleInput(), { labels: withoutEvent });
    expect(jsonl).toContain('"label":"event"');
  });
});

// fiximport53 left it: a store that holds both `Claim` and the codebook's `claim` (written
// before `margin relabel` refused the second spelling) declared the brat type Claim twice.
describe('a label spelt as a codebook label but for case', () => {
  it('is declared once in annotation.conf, and named once in visual.conf', async () => {
    const input = sampleInput();
    input.annotations.push(place(asciiArticle, 0, 'Claim', 'alice'));
    const { files } = await exportOf('brat', input);
    expect(files.get('annotation.conf')).toMatch(/^\[entities\]\nClaim\nQuote\nEvent\n\n/);
    expect(files.get('visual.conf')!.match(/^Claim \|/gm)).toHaveLength(1);
    expect(files.get('alice/plain.ann')).toContain('\tClaim 0 ');
  });
});

describe('brat names of a codebook', () => {
  it('shows a label or attribute name brat must encode as the codebook writes it', async () => {
    const labels = [
      {
        name: 'frame-economic',
        key: '4',
        colour: 'greenBright',
        letter: 'F',
        description: '',
        attributes: [{ name: 'check worthy' }],
      },
    ];
    const input = sampleInput();
    const { files } = await exportOf('brat', input, { labels });
    const visual = files.get('visual.conf')!;
    expect(visual).toContain('\nFrame-2Deconomic | Frame-economic | F\n');
    expect(visual).toContain('\ncheck-20worthy | check worthy\n');
    expect(visual).toContain('\nFrame-2Deconomic\tbgColor:#c8e6c9, borderColor:darken\n');
  });
});
