import { beforeAll, describe, expect, it } from 'vitest';
import { articleIri } from '../../source/export/w3c.js';
import { byCodePoints, sampleInput } from './fixture.js';
import { exportText } from './helpers.js';

interface Selector {
  type: string;
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}
interface Item {
  type: string;
  creator: { name: string };
  created: string;
  modified: string;
  body: Array<{ type: string; purpose: string; value: string }>;
  target: { source: string; selector: Selector[] };
  orphan?: boolean;
}

describe('w3c export', () => {
  const input = sampleInput();
  type Collection = {
    '@context': string;
    id: string;
    type: string;
    total: number;
    first: { id: string; type: string; partOf: string; startIndex: number; items: Item[] };
  };
  let collection: Collection;
  let items: Item[];
  beforeAll(async () => {
    collection = JSON.parse(await exportText('w3c', input)) as Collection;
    items = collection.first.items;
  });

  it('is an AnnotationCollection in the Web Annotation context', async () => {
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(7);
  });

  it('gives the collection, its page and every target source an IRI, as the model requires', async () => {
    expect(collection.id).toMatch(/^urn:margin:collection:[0-9a-f]{32}$/);
    expect(collection.first).toMatchObject({
      id: `${collection.id}:page:0`,
      type: 'AnnotationPage',
      partOf: collection.id,
      startIndex: 0,
    });
    expect([...new Set(items.map((item) => item.target.source))]).toEqual([
      'urn:margin:article:uni',
      'urn:margin:article:plain',
    ]);
    expect(articleIri('feeds/bbc/Путин 1#2')).toBe(
      'urn:margin:article:feeds/bbc/%D0%9F%D1%83%D1%82%D0%B8%D0%BD%201%232',
    );
    // The same annotations give the same collection id; a change gives another.
    expect(JSON.parse(await exportText('w3c', input)).id).toBe(collection.id);
    const changed = { ...input, annotations: input.annotations.slice(1) };
    expect(JSON.parse(await exportText('w3c', changed)).id).not.toBe(collection.id);
  });

  it('has position selectors in code points and quote selectors that agree with them', async () => {
    for (const item of items.filter((i) => !i.orphan)) {
      const text = input.articles.find((a) => articleIri(a.id) === item.target.source)!.text;
      const [quote, position] = item.target.selector as [Selector, Selector];
      expect(byCodePoints(text, position.start!, position.end!)).toBe(quote.exact);
      expect(text.includes(`${quote.prefix}${quote.exact}${quote.suffix}`)).toBe(true);
    }
  });

  it('writes the label as tagging, the note as commenting, creator and dates', async () => {
    const first = items[0]!;
    expect(first.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'quote' },
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: 'check the “translation”\nwith the desk',
      },
      { type: 'TextualBody', purpose: 'describing', value: 'speaker: minister' },
      { type: 'TextualBody', purpose: 'describing', value: 'verdict: needs context' },
    ]);
    expect(first.creator.name).toBe('alice');
    expect(first.created).toBe('2026-01-02T03:04:05.000Z');
    expect(first.modified).toBe('2026-01-02T03:04:06.000Z');
    const second = items[1]!;
    expect(second.target.selector[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Talks begin on Friday 🇺🇦 in Riyadh.',
      prefix: 'еговорам 😀”, said the minister. ',
      suffix: '\n\nPrices rose 5% — a record 😀😀. ',
    });
  });

  it('keeps an orphan with its stored quote, marked, and no position in a text it is not in', async () => {
    const orphan = items.find((i) => i.orphan)!;
    expect(orphan.target.selector).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'A sentence since cut.',
        prefix: 'before ',
        suffix: ' after',
      },
    ]);
  });
});
