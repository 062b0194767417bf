import { headlinesOf, ordsOf } from '../corpus/db/disk-index.js';
import type { Article } from '../corpus/types.js';
import { type ArticleHead, headOf, LazyArticle } from './lazy-article.js';
import { type AnnotationPlacer, compareCodeUnits } from './placer.js';

/** What an export's order is read from: the store's annotated articles, placed by `placer`. */
export interface OrderSource {
  placer: AnnotationPlacer;
  /** The ids of every annotated article, in the index's order. */
  annotated(): string[];
  /** A value kept in the store's index until a file's row or the corpus changes. */
  derived<T>(name: string, inputs: string, compute: () => T): T;
}

/**
 * An export's order as the store's index keeps it between exports (`derived`, until a file's row
 * or the corpus changes): its ids, then the summary of each of the first ones, those in the
 * corpus, as flat fields (its place, or its place, title, date, byline and source), or null for a
 * corpus in memory. Reading the summaries and places of 100,000 articles and sorting them took
 * 0.5-1.8 s of the main thread's CPU at every export, beside the store's check of its files.
 */
interface KeptOrder {
  ids: string[];
  heads: Array<string | number | null> | null;
}

function keptOrder({
  ids,
  heads,
}: {
  ids: string[];
  heads: Map<string, ArticleHead | { ord: number }> | null;
}): KeptOrder {
  if (!heads) return { ids, heads: null };
  const fields: Array<string | number | null> = [];
  for (const id of ids) {
    const head = heads.get(id);
    if (!head) break;
    if ('title' in head) fields.push(head.ord, head.title, head.date, head.byline, head.source);
    else fields.push(head.ord);
  }
  return { ids, heads: fields };
}

/**
 * The annotated articles in export order (corpus order, then those gone from it by id), and a
 * stand-in for each that reads its text only when asked (undefined: without the corpus's
 * summaries, when the article is read whole). `withHeads` false: the stand-ins hold no title,
 * date, byline or source (read with the text if asked for), for a format that writes none.
 */
export function exportOrder(
  from: OrderSource,
  only?: ReadonlySet<string>,
  withHeads = true,
): {
  ids: string[];
  lazy: (id: string) => (() => Article | undefined) | undefined;
} {
  const { ids, heads } =
    only === undefined
      ? from.derived(`export order 1${withHeads ? ' heads' : ''}`, '', () =>
          keptOrder(orderOf(from, undefined, withHeads)),
        )
      : keptOrder(orderOf(from, only, withHeads));
  const headOfId = heads && new Map<string, ArticleHead | { ord: number }>();
  for (let at = 0, field = 0; heads && field < heads.length; at++) {
    const ord = heads[field] as number;
    if (withHeads) {
      const [title, date, byline, source] = heads.slice(field + 1, field + 5) as Array<
        string | null
      >;
      headOfId!.set(ids[at]!, { ord, title, date, byline, source } as ArticleHead);
      field += 5;
    } else {
      headOfId!.set(ids[at]!, { ord });
      field += 1;
    }
  }
  // With kept placements, an article's text is read only by a format that asks for it.
  const lazy = (id: string): (() => Article | undefined) | undefined => {
    if (!headOfId) return undefined;
    const head = headOfId.get(id);
    // Read with `headsOf` when `withHeads`, else a place alone.
    const own = withHeads ? ((head as ArticleHead | undefined) ?? null) : null;
    return () => (head ? new LazyArticle(id, own, () => from.placer.articleOf(id)) : undefined);
  };
  return { ids, lazy };
}

/**
 * The annotated articles in export order (corpus order, then those gone from the corpus by
 * id), with the summaries of those in the corpus (null for a corpus in memory).
 */
function orderOf(
  from: OrderSource,
  only: ReadonlySet<string> | undefined,
  withHeads: boolean,
): { ids: string[]; heads: Map<string, ArticleHead | { ord: number }> | null } {
  const all = from.annotated();
  const annotated = only ? all.filter((id) => only.has(id)) : all;
  const heads: Map<string, ArticleHead | { ord: number }> | null = withHeads
    ? headsOf(from.placer, annotated)
    : placesOf(from.placer, annotated);
  const inCorpus: Array<{ ord: number; id: string }> = [];
  const gone: string[] = [];
  for (const id of annotated) {
    const ord = heads ? heads.get(id)?.ord : from.placer.corpus?.ordOf(id);
    if (ord === undefined) gone.push(id);
    else inCorpus.push({ ord, id });
  }
  inCorpus.sort((a, b) => a.ord - b.ord);
  // The index orders by UTF-8 bytes; exports order ids by UTF-16 code units, as JavaScript does.
  gone.sort(compareCodeUnits);
  return { ids: [...inCorpus.map((each) => each.id), ...gone], heads };
}

/**
 * The corpus index's summary of each of `ids` it holds (order and title, no text), a
 * statement per few thousand ids: a lookup per article cost seconds at 100,000, and a scan of
 * every headline 2.7 s at 1,000,000. Null for a corpus in memory (its articles are at hand).
 */
function headsOf(
  placer: AnnotationPlacer,
  ids: readonly string[],
): Map<string, ArticleHead> | null {
  if (!placer.corpus || placer.anyOwnText()) return null;
  const listed = headlinesOf(placer.corpus, ids);
  return listed && new Map(listed.map((head) => [head.id, headOf(head)]));
}

/** `headsOf` with each article's place in corpus order alone. */
function placesOf(
  placer: AnnotationPlacer,
  ids: readonly string[],
): Map<string, { ord: number }> | null {
  if (!placer.corpus || placer.anyOwnText()) return null;
  const listed = ordsOf(placer.corpus, ids);
  return listed && new Map(listed.map(({ id, ord }) => [id, { ord }]));
}
