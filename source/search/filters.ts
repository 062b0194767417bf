import type { IndexedArticles, WordIndex } from '../corpus/word-index.js';
import type { ReviewStatus } from '../store/types.js';
import { compact, fold } from '../text/fold.js';
import type { ContextFacts } from './context-facts.js';
import type { LabelValue, QueryFilter } from './query.js';

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
    if (positive.length > 0 && positive.every((filter) => annotationOnly(filter)))
      needsAnnotation = true;
    tests.push(
      (key, a) =>
        (wanted.length === 0 || wanted.some((test) => test(key, a))) &&
        !unwanted.some((test) => test(key, a)),
    );
  }
  return { test: (key, a) => tests.every((test) => test(key, a)), needsAnnotation };
}

function annotationOnly(filter: QueryFilter): boolean {
  return filter.field === 'annotator' || (filter.field === 'label' && filter.value !== 'none');
}

function valueTest(filter: QueryFilter, context: FilterContext): Test {
  const { index, facts } = context;
  const articles = index.articleTable();
  switch (filter.field) {
    case 'label':
      return labelTest(filter.value, facts);
    case 'annotator': {
      const name = fold(filter.value);
      return (key) => {
        const names = facts.tags().annotators.get(key);
        if (!names) return false;
        for (const annotator of names) if (fold(annotator).includes(name)) return true;
        return false;
      };
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

function labelTest(value: LabelValue, facts: ContextFacts): Test {
  if (value === 'none') return (key) => !facts.tags().labels.has(key);
  return (key) => facts.tags().labels.get(key)?.includes(value) ?? false;
}

function perArticle(articles: IndexedArticles, decide: (a: number) => boolean): Test {
  // 0 = not asked yet, 1 = passes, 2 = fails.
  const known = new Uint8Array(articles.length);
  return (_key, a) => {
    if (known[a] === 0) known[a] = decide(a) ? 1 : 2;
    return known[a] === 1;
  };
}
