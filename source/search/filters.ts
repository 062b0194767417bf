import type { IndexedArticles, WordIndex } from '../corpus/word-index.js';
import type { ReviewStatus } from '../store/types.js';
import { compact, fold } from '../text/fold.js';
import type { ContextFacts } from './context-facts.js';
import type { QueryFilter } from './query.js';
import type { SentenceSet } from './tagged-sentences.js';

export interface FilterContext {
  index: WordIndex;
  facts: ContextFacts;
  status: (article: string) => ReviewStatus;
}

/** A test on a sentence (its key and its article's position), plus whether only annotated sentences can pass it. */
export interface SentenceFilter {
  test(key: number, a: number): boolean;
  /** True when a sentence without annotations can never pass: the candidates are then only those. */
  needsAnnotation: boolean;
  /**
   * With `needsAnnotation`, the sentences that may pass, ascending: those of the first field
   * whose every wanted value needs an annotation (`label:quote` reads the quotes alone).
   */
  candidates(): Uint32Array;
}

type Test = (key: number, a: number) => boolean;

/**
 * One test per field; values of the same field are alternatives, negated values must all fail,
 * and every field must hold. Article-level answers (source, status) are remembered per article,
 * so a status lookup runs once per article, not once per sentence.
 */
export function compileFilters(
  filters: QueryFilter[],
  context: FilterContext,
): SentenceFilter | null {
  if (filters.length === 0) return null;
  const tests: Test[] = [];
  let needsAnnotation = false;
  let candidates = (): Uint32Array => context.facts.tagged({}).keys();
  for (const field of ['label', 'annotator', 'source', 'status'] as const) {
    const own = filters.filter((filter) => filter.field === field);
    if (own.length === 0) continue;
    const wanted = own
      .filter((filter) => !filter.negate)
      .map((filter) => valueTest(filter, context));
    const unwanted = own
      .filter((filter) => filter.negate)
      .map((filter) => valueTest(filter, context));
    const positive = own.filter((filter) => !filter.negate);
    if (
      !needsAnnotation &&
      positive.length > 0 &&
      positive.every((filter) => annotationOnly(filter))
    ) {
      needsAnnotation = true;
      candidates = () => union(positive.map((filter) => taggedSet(filter, context.facts).keys()));
    }
    tests.push(
      (key, a) =>
        (wanted.length === 0 || wanted.some((test) => test(key, a))) &&
        !unwanted.some((test) => test(key, a)),
    );
  }
  return {
    test: (key, a) => tests.every((test) => test(key, a)),
    needsAnnotation,
    candidates: () => candidates(),
  };
}

/** The sentences a label or annotator value asks for (label:none: those with any annotation). */
function taggedSet(filter: QueryFilter, facts: ContextFacts): SentenceSet {
  if (filter.field === 'annotator') return facts.tagged({ annotator: fold(filter.value) });
  if (filter.field === 'label' && filter.value !== 'none') {
    return facts.tagged({ label: filter.value });
  }
  return facts.tagged({});
}

function union(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 1) return lists[0]!;
  return Uint32Array.from(new Set(lists.flatMap((list) => [...list]))).sort();
}

function annotationOnly(filter: QueryFilter): boolean {
  return filter.field === 'annotator' || (filter.field === 'label' && filter.value !== 'none');
}

function valueTest(filter: QueryFilter, context: FilterContext): Test {
  const { index, facts } = context;
  const articles = index.articleTable();
  switch (filter.field) {
    case 'label':
    case 'annotator': {
      const set = taggedSet(filter, facts);
      if (filter.field === 'label' && filter.value === 'none') return (key, a) => !set.has(key, a);
      return (key, a) => set.has(key, a);
    }
    case 'source': {
      const name = compact(filter.value);
      const passes = articles.sources.map((source) => source.includes(name));
      return (_key, a) => passes[articles.sourceOf[a]!]!;
    }
    case 'status': {
      const wanted = filter.value;
      return perArticle(articles, (a) => context.status(index.articleId(a)) === wanted);
    }
  }
}

function perArticle(articles: IndexedArticles, decide: (a: number) => boolean): Test {
  // 0 = not asked yet, 1 = passes, 2 = fails.
  const known = new Uint8Array(articles.length);
  return (_key, a) => {
    if (known[a] === 0) known[a] = decide(a) ? 1 : 2;
    return known[a] === 1;
  };
}
