import { describe, expect, it } from 'vitest';
import { renderAgreement } from '../../source/export/agreement-render.js';
import { agreementReport } from '../../source/export/agreement-report.js';
import type { LabelSet } from '../../source/store/labels.js';
import { asciiArticle, place, statusTable, unicodeArticle } from './fixture.js';

describe('agreementReport', () => {
  const annotations = [
    place(unicodeArticle, 0, 'quote', 'alice'),
    place(unicodeArticle, 0, 'quote', 'bob'),
    place(unicodeArticle, 2, 'claim', 'alice'),
    place(unicodeArticle, 3, 'quote', 'bob'),
    // In an article bob never reviewed: not a unit.
    place(asciiArticle, 0, 'claim', 'alice'),
  ];
  const statuses = statusTable({
    'uni/alice': 'done',
    'uni/bob': 'in progress',
    'plain/alice': 'done',
  });
  const report = agreementReport([unicodeArticle, asciiArticle], annotations, statuses, [
    'alice',
    'bob',
  ]);

  it('uses the sentences of articles both reviewed as units', () => {
    expect(report.method).toBe('cohen-kappa');
    expect(report.articles).toBe(1);
    expect(report.overall.units).toBe(4);
  });

  it('computes kappa on label sets and per label', () => {
    // Overall: quote/quote, none/none, claim/none, none/quote → po = 2/4; alice gave quote 1,
    // none 2, claim 1; bob quote 2, none 2 → pe = 1/4·2/4 + 2/4·2/4 = 6/16; kappa = 0.2.
    expect(report.overall.observed).toBe(0.5);
    expect(report.overall.expected).toBe(6 / 16);
    expect(report.overall.value).toBeCloseTo(0.2, 12);
    // Event: nobody used it → no variation, kappa undefined.
    expect(report.labels.event?.value).toBeNull();
    // Claim: yes/no on s2 only → po 0.75, pe = (1/4·0 + 3/4·1) = 0.75 → 0.
    expect(report.labels.claim?.value).toBe(0);
  });

  it('lists the sentences they disagree on with each one’s labels', () => {
    expect(report.disagreements).toEqual([
      {
        article: 'uni',
        sentence: 'uni-s2',
        text: 'Prices rose 5% — a record 😀😀.',
        labels: { alice: ['claim'], bob: [] },
      },
      {
        article: 'uni',
        sentence: 'uni-s3',
        text: 'Nobody said “no”.',
        labels: { alice: [], bob: ['quote'] },
      },
    ]);
  });

  it('uses alpha with gaps for three annotators', () => {
    const three = agreementReport(
      [unicodeArticle],
      [...annotations, place(unicodeArticle, 0, 'quote', 'carol')],
      statusTable({ 'uni/alice': 'done', 'uni/bob': 'done', 'uni/carol': 'unreviewed' }),
      ['alice', 'bob', 'carol'],
    );
    expect(three.method).toBe('krippendorff-alpha');
    // carol did not review: her tag is not a value, the units are alice's and bob's.
    expect(three.overall.units).toBe(4);
    expect(three.disagreements.map((d) => Object.keys(d.labels))).toEqual([
      ['alice', 'bob'],
      ['alice', 'bob'],
    ]);
  });
});

describe('renderAgreement', () => {
  it('shows n/a with the reason when a statistic is undefined', () => {
    const report = agreementReport(
      [unicodeArticle],
      [place(unicodeArticle, 0, 'quote', 'alice'), place(unicodeArticle, 0, 'quote', 'bob')],
      statusTable({ 'uni/alice': 'done', 'uni/bob': 'done' }),
      ['alice', 'bob'],
    );
    const lines = renderAgreement(report, 80).split('\n');
    expect(lines.slice(0, 10)).toEqual([
      "Cohen's kappa between alice, bob, on sentences of 1 article they reviewed",
      '',
      `  overall  ${'█'.repeat(40)}  1.000  4 units`,
      `  claim    ${' '.repeat(40)}    n/a  4 units`,
      '           undefined: every unit got the same category from everyone, so chance agreement is already 1',
      `  quote    ${'█'.repeat(40)}  1.000  4 units`,
      `  event    ${' '.repeat(40)}    n/a  4 units`,
      '           undefined: every unit got the same category from everyone, so chance agreement is already 1',
      '',
      '  overall: each sentence\'s label set is one category ("claim+quote", "none");',
    ]);
    expect(lines.at(-2)).toBe('No disagreements.');
  });
});

// qa57 #13: the explanation cited "claim+quote" in a codebook of denial, statistic,
// attribution and quote.
describe("renderAgreement's explanation", () => {
  it('names categories of the project’s labels', () => {
    const codebook: LabelSet = [
      { name: 'denial', key: '7', colour: 'red', letter: 'D', description: '', attributes: [] },
      {
        name: 'statistic',
        key: '4',
        colour: 'green',
        letter: 'S',
        description: '',
        attributes: [],
      },
    ];
    const report = agreementReport(
      [unicodeArticle],
      [
        place(unicodeArticle, 0, 'statistic', 'alice'),
        place(unicodeArticle, 0, 'statistic', 'bob'),
      ],
      statusTable({ 'uni/alice': 'done', 'uni/bob': 'done' }),
      ['alice', 'bob'],
      codebook,
    );
    const text = renderAgreement(report, 80).replace(/\n +/g, ' ');
    expect(text).toContain('one category ("denial+statistic", "none")');
    expect(text).not.toContain('claim');
  });
});
