import type { ReviewStatus } from '../store/types.js';
import type { ContextFacts } from './context-facts.js';
import { fold } from './fold.js';
import type { LabelValue, QueryFilter } from './query.js';
import { compact, type SentenceIndex } from './sentence-index.js';

export interface FilterContext {
  index: SentenceIndex;
  facts: ContextFacts;
  status: (article: string) => ReviewStatus;
}

/** A test on sentence numbers, plus whether only annotated sentences can pass it. */
export interface SentenceFilter {
  test(sentence: number): boolean;
  /** True when a sentence without annotations can never pass: the candidates are then only those. */
  needsAnnotation: boolean;
}

type Test = (sentence: number) => boolean;

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
      (sentence) =>
        (wanted.length === 0 || wanted.some((test) => test(sentence))) &&
        !unwanted.some((test) => test(sentence)),
    );
  }
  return { test: (sentence) => tests.every((test) => test(sentence)), needsAnnotation };
}

function annotationOnly(filter: QueryFilter): boolean {
  return filter.field === 'annotator' || (filter.field === 'label' && filter.value !== 'none');
}

function valueTest(filter: QueryFilter, context: FilterContext): Test {
  const { index, facts } = context;
  switch (filter.field) {
    case 'label':
      return labelTest(filter.value, facts);
    case 'annotator': {
      const name = fold(filter.value);
      return (sentence) => {
        const names = facts.annotators.get(sentence);
        if (!names) return false;
        for (const annotator of names) if (fold(annotator).includes(name)) return true;
        return false;
      };
    }
    case 'source': {
      const name = compact(filter.value);
      return perArticle(index, (article) => index.sources[article]!.includes(name));
    }
    case 'status': {
      const wanted = filter.value;
      return perArticle(index, (article) => context.status(index.articles[article]!.id) === wanted);
    }
  }
}

function labelTest(value: LabelValue, facts: ContextFacts): Test {
  if (value === 'none') return (sentence) => !facts.labels.has(sentence);
  return (sentence) => facts.labels.get(sentence)?.includes(value) ?? false;
}

function perArticle(index: SentenceIndex, decide: (article: number) => boolean): Test {
  // 0 = not asked yet, 1 = passes, 2 = fails.
  const known = new Uint8Array(index.articles.length);
  return (sentence) => {
    const article = index.articleOf[sentence]!;
    if (known[article] === 0) known[article] = decide(article) ? 1 : 2;
    return known[article] === 1;
  };
}
