/**
 * Search over the generated corpus: index build time and memory, query time by kind of query,
 * relevance (is the article a query was taken from among the first three hits), and fzf over the
 * same sentences as a reference.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadCorpus } from '../../source/corpus/index.js';
import type { Article } from '../../source/corpus/types.js';
import { buildSearchEngine, placedFacts } from '../../source/search/index.js';
import type { PlacedAnnotation } from '../../source/store/types.js';
import { Random } from '../generate/random.js';
import { generateAnnotations, generateSentenceList } from '../generate.js';
import { measurements, reference, sample, time } from '../measure.js';
import type { BenchSection } from '../types.js';

const TARGET_QUERY = '< 30 ms p95';

export const QUERY_KINDS = [
  'one word',
  'multi-word',
  'misspelled name',
  '40-character phrase',
  'words with typos',
  'while typing',
] as const;

/**
 * Figures and dates (qa54): a number as written (`$22.5`, `20.8%`, `1,772`) or a month and day
 * written the other way (`November 11` for `Nov. 11`), with the sentence's rarest words. Made
 * for the relevance set of this section only (`figureQueries`), so the scale bench's kinds and
 * their figures stay as they were.
 */
export const FIGURES = 'figures and dates';

export interface BenchQuery {
  kind: (typeof QUERY_KINDS)[number] | typeof FIGURES;
  text: string;
  /** The article the query was taken from, when only it should come first; null for broad queries. */
  article: string | null;
  /** For a misspelled name, the name as written: a top-3 hit must contain it. */
  name?: string;
}

/**
 * The words of a text as margin's search makes them: a number is one word with its decimal
 * point and thousands commas (`22.5`, `1,772`; `text/fold.ts`), so a query never holds the `5`
 * of `22.5`, which search no longer finds there.
 */
export const wordsIn = (text: string): string[] =>
  text.match(
    /(?<![\p{L}\p{N}])[0-9]+(?:\.[0-9]+|,[0-9]{3}(?![0-9]))*[\p{L}\p{N}]*|[\p{L}\p{N}]+/gu,
  ) ?? [];

/** A word as the index keeps it: a number's thousands commas dropped (`1,772` is `1772`). */
const indexWord = (word: string) => (/^[0-9]/.test(word) ? word.replaceAll(',', '') : word);

/** One typing mistake after the first letter: a wrong, missing, swapped or doubled letter. */
function typo(word: string, random: Random): string {
  const at = random.int(1, word.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, at) + random.pick([...'aeioustrnl']) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + word[at + 1]! + word[at]! + word.slice(at + 2);
    default:
      return word.slice(0, at) + word[at]! + word.slice(at);
  }
}

/**
 * About 40 characters of the sentence, from the start of a word to the end of one. Letters
 * between single dots are one word (`U.N.`, `text/fold.ts`): a phrase neither starts inside one
 * (`N. Security Council`, which no reader would quote) nor ends inside one.
 */
function phrase(text: string, random: Random): string | null {
  const starts = [...text.matchAll(/(?<![\p{L}\p{N}]|(?<![\p{L}\p{N}])\p{L}\.)[\p{L}\p{N}]/gu)].map(
    (match) => match.index,
  );
  const from = starts[random.int(0, Math.max(0, starts.length - 1))] ?? 0;
  const tail = /^.{40}[\p{L}\p{N}]*(?:\.\p{L}(?![\p{L}\p{N}]))*/su.exec(text.slice(from))?.[0];
  return tail && !/["“”]/.test(tail) ? tail : null;
}

/**
 * A corpus as queries are made from it: its articles by position (corpus order), and the
 * articles each lower-cased word occurs in. In memory for this section; the scale section
 * answers from the on-disk index.
 */
export interface QuerySource {
  count: number;
  article(a: number): Article | undefined;
  /** Positions of the articles the word occurs in, ascending. */
  listOf(word: string): number[];
}

/** The articles (by position, ascending) each lower-cased word occurs in. */
function articleLists(articles: Article[]): Map<string, number[]> {
  const lists = new Map<string, number[]>();
  articles.forEach((article, a) => {
    for (const word of wordsIn(article.text.toLowerCase())) {
      const list = lists.get(indexWord(word));
      if (!list) lists.set(indexWord(word), [a]);
      else if (list[list.length - 1] !== a) list.push(a);
    }
  });
  return lists;
}

/**
 * Queries taken from random sentences of the corpus. The generator repeats its phrasings across
 * articles, so a query is judged (expected article in the top 3) only when its words, correctly
 * spelled, occur together in no other article: otherwise no search could know which one was meant.
 */
export function makeQueries(
  corpus: Article[] | QuerySource,
  random: Random,
  perKind: number,
): BenchQuery[] {
  const out: BenchQuery[] = [];
  const source = Array.isArray(corpus) ? memorySource(corpus) : corpus;
  const listOf = (word: string) => source.listOf(indexWord(word.toLowerCase()));
  const byRarity = (words: string[]) =>
    [...new Set(words)].sort((x, y) => listOf(x).length - listOf(y).length);
  /** The articles holding every word, intersected from the rarest word's list. */
  const holding = (words: string[]): number[] => {
    const [rarest, ...others] = byRarity(words);
    return listOf(rarest!).filter((article) =>
      others.every((word) => binaryIncludes(listOf(word), article)),
    );
  };
  const onlyIn = (words: string[], a: number) => {
    const found = holding(words);
    return found.length === 1 && found[0] === a;
  };
  /** The fewest of the sentence's rarest words that point to this article alone, or null. */
  const specific = (words: string[], a: number, most: number): string[] | null => {
    const rare = byRarity(words);
    for (let size = 2; size <= Math.min(most, rare.length); size++) {
      if (onlyIn(rare.slice(0, size), a))
        return rare.slice(0, size).sort(() => random.next() - 0.5);
    }
    return null;
  };
  const wanted = (kind: BenchQuery['kind']) => (kind === 'while typing' ? perKind * 3 : perKind);
  const made = new Map<BenchQuery['kind'], number>();
  const push = (query: BenchQuery) => {
    out.push(query);
    made.set(query.kind, (made.get(query.kind) ?? 0) + 1);
  };
  const count = (kind: BenchQuery['kind']) => made.get(kind) ?? 0;
  const full = () => QUERY_KINDS.every((kind) => count(kind) >= wanted(kind));
  for (let tries = 0; tries < perKind * 400 && !full(); tries++) {
    const a = random.int(0, source.count - 1);
    const article = source.article(a);
    if (!article || article.sentences.length === 0) continue;
    const text = random.pick(article.sentences).text;
    const words = wordsIn(text);
    const long = words.filter((word) => word.length >= 5);
    // What people remember of a sentence: names, numbers, unusual words.
    const memorable = words.filter((word) => word.length >= 4 || /\d/.test(word));
    const names = words.slice(1).filter((word) => word.length >= 6 && /^\p{Lu}\p{Ll}/u.test(word));
    const kind = QUERY_KINDS[tries % QUERY_KINDS.length]!;
    if (count(kind) >= wanted(kind)) continue;
    if (kind === 'one word' && long.length > 0) {
      push({ kind, text: random.pick(long), article: null });
    } else if (kind === 'multi-word') {
      const chosen = specific(memorable, a, 4);
      if (chosen) push({ kind, text: chosen.join(' '), article: article.id });
    } else if (kind === 'misspelled name' && names.length > 0) {
      const name = random.pick(names);
      push({ kind, text: typo(name, random), article: null, name });
    } else if (kind === '40-character phrase') {
      const quoted = phrase(text, random);
      // Its words, anywhere in the article, point to this article alone: so does the phrase.
      if (quoted && onlyIn(wordsIn(quoted), a)) {
        push({ kind, text: `"${quoted}"`, article: article.id });
      }
    } else if (kind === 'words with typos') {
      const chosen = specific(memorable, a, 5);
      // A typo in each of the two longest words that can carry one and still be recognised.
      // Not in a figure: `126,377` misspelled is another figure, which search rightly does not find.
      const longest = chosen
        ?.filter((word) => word.length >= 6 && !/^[0-9]/.test(word))
        .sort((x, y) => y.length - x.length);
      if (chosen && longest && longest.length > 0) {
        const spoil = new Set(longest.slice(0, 2));
        const text = chosen.map((word) => (spoil.has(word) ? typo(word, random) : word)).join(' ');
        push({ kind, text, article: article.id });
      }
    } else if (kind === 'while typing' && names.length > 0 && long.length >= 2) {
      const target = `${random.pick(names)} ${random.pick(long)}`;
      // Every keystroke from the second letter on, as the search box sends them.
      for (let end = 2; end <= target.length; end++) {
        push({ kind, text: target.slice(0, end), article: null });
      }
    }
  }
  return out;
}

const MONTHS = [
  ['January', 'Jan.'],
  ['February', 'Feb.'],
  ['March', 'Mar.'],
  ['April', 'Apr.'],
  ['June', 'Jun.'],
  ['July', 'Jul.'],
  ['August', 'Aug.'],
  ['September', 'Sept.'],
  ['October', 'Oct.'],
  ['November', 'Nov.'],
  ['December', 'Dec.'],
] as const;

/** A figure as a fact-checker copies it: a number with a decimal point, thousands or a sign. */
const FIGURE =
  /(?<![\p{L}\p{N}.,])[$€£]?[0-9]+(?:\.[0-9]+|,[0-9]{3}(?![0-9]))*%?(?![\p{L}\p{N}]|[.,][0-9])/gu;

/**
 * Queries of figures and dates (`FIGURES`), judged as multi-word queries are: the figure, or
 * the month and day written the other way, with the fewest of the sentence's rarest words that
 * point to its article alone. Half of each when the corpus has them.
 */
export function figureQueries(articles: Article[], random: Random, count: number): BenchQuery[] {
  const source = memorySource(articles);
  const listOf = (word: string) => source.listOf(indexWord(word.toLowerCase()));
  const holding = (words: string[]): number[] => {
    const [rarest, ...others] = [...new Set(words)].sort(
      (x, y) => listOf(x).length - listOf(y).length,
    );
    return listOf(rarest!).filter((article) =>
      others.every((word) => binaryIncludes(listOf(word), article)),
    );
  };
  /** The written words `kept` and the fewest rare others that point to this article alone. */
  const pointing = (kept: string[], others: string[], a: number): string[] | null => {
    const rare = [...new Set(others)]
      .filter((word) => !kept.includes(word) && word.length >= 4)
      .sort((x, y) => listOf(x).length - listOf(y).length);
    for (let size = 1; size <= Math.min(3, rare.length); size++) {
      const found = holding([...kept, ...rare.slice(0, size)]);
      if (found.length === 1 && found[0] === a) return rare.slice(0, size);
    }
    return null;
  };
  const out: BenchQuery[] = [];
  let dates = 0;
  for (let tries = 0; tries < count * 400 && out.length < count; tries++) {
    const a = random.int(0, source.count - 1);
    const article = source.article(a);
    if (!article || article.sentences.length === 0) continue;
    const text = random.pick(article.sentences).text;
    const words = wordsIn(text);
    const wantDate = dates < count / 2;
    if (wantDate) {
      const found = MONTHS.flatMap(([name, short]) => {
        const match = new RegExp(`\\b(${name}|${short.replace('.', '\\.')}) ([0-9]{1,2})\\b`).exec(
          text,
        );
        return match
          ? [{ written: match[1]!, day: match[2]!, other: match[1] === name ? short : name }]
          : [];
      });
      const date = found[0];
      if (!date) continue;
      const month = wordsIn(date.written.toLowerCase());
      const rare = pointing([...month, date.day], words, a);
      if (!rare) continue;
      out.push({
        kind: FIGURES,
        text: [date.other, date.day, ...rare].join(' '),
        article: article.id,
      });
      dates++;
      continue;
    }
    const figures = [...text.matchAll(FIGURE)]
      .map((match) => match[0])
      .filter((figure) => /[$€£%.,]/.test(figure));
    if (figures.length === 0) continue;
    const figure = random.pick(figures);
    const rare = pointing(wordsIn(figure), words, a);
    if (!rare) continue;
    out.push({ kind: FIGURES, text: [figure, ...rare].join(' '), article: article.id });
  }
  return out;
}

function memorySource(articles: Article[]): QuerySource {
  const lists = articleLists(articles);
  return {
    count: articles.length,
    article: (a) => articles[a],
    listOf: (word) => lists.get(word) ?? [],
  };
}

/**
 * Queries of words found in many articles (each in at least one in a hundred): no query of
 * them points to one article, so a hit is judged by its own sentence: it should hold every
 * word. This measures the ranking of broad queries, where rare-word queries measure finding.
 */
export function commonQueries(source: QuerySource, random: Random, count: number): string[] {
  const out: string[] = [];
  const common = Math.max(2, Math.ceil(source.count / 100));
  for (let tries = 0; tries < count * 200 && out.length < count; tries++) {
    const article = source.article(random.int(0, source.count - 1));
    if (!article || article.sentences.length === 0) continue;
    const words = [...new Set(wordsIn(random.pick(article.sentences).text))].filter(
      (word) => word.length >= 4 && /^\p{L}+$/u.test(word),
    );
    const broad = words.filter((word) => source.listOf(word.toLowerCase()).length >= common);
    if (broad.length < 2) continue;
    const first = random.pick(broad);
    const second = random.pick(broad.filter((word) => word !== first));
    out.push(`${first} ${second}`);
  }
  return out;
}

/** Whether a hit's sentence holds every word of the query, as whole words in any case. */
export function holdsEvery(query: string, text: string): boolean {
  const own = new Set(wordsIn(text.toLowerCase()));
  return wordsIn(query.toLowerCase()).every((word) => own.has(word));
}

function binaryIncludes(list: number[], value: number): boolean {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return list[low] === value;
}

/** A collector callable from here: the harness does not start Node with --expose-gc. */
function collector(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

function heapMB(gc: (() => void) | null): number {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  // The index is mostly typed arrays, which live outside the JS heap.
  return (usage.heapUsed + usage.arrayBuffers) / (1024 * 1024);
}

function placed(articles: Article[]): PlacedAnnotation[] {
  return generateAnnotations(articles, { perArticle: 3, annotators: ['ana', 'ben'] }).map(
    (annotation) => ({
      ...annotation,
      placement: {
        sentence: annotation.anchor.sentence,
        start: annotation.anchor.start,
        end: annotation.anchor.end,
      },
    }),
  );
}

export function fzfAvailable(): boolean {
  return spawnSync('fzf', ['--version'], { encoding: 'utf8' }).status === 0;
}

export function fzfMs(file: string, query: string): number {
  const started = performance.now();
  const result = spawnSync('sh', [
    '-c',
    'fzf --filter "$1" < "$2" > /dev/null',
    'fzf',
    query,
    file,
  ]);
  const elapsed = performance.now() - started;
  // fzf exits 1 when nothing matched; anything else means it did not run.
  if (result.status !== 0 && result.status !== 1) throw new Error(`fzf failed: ${result.stderr}`);
  return elapsed;
}

export const section: BenchSection = {
  name: 'search',
  async run(context) {
    const m = measurements('search');
    const gc = collector();
    const loadStarted = performance.now();
    const load = await loadCorpus(context.corpusDir, {
      cacheDir: path.join(context.workDir, 'corpus-cache'),
    });
    const articles = load.articles;
    const sentences = articles.reduce((sum, article) => sum + article.sentences.length, 0);
    context.log(
      `${articles.length} articles, ${sentences} sentences, loaded in ${Math.round(performance.now() - loadStarted)} ms`,
    );

    const before = heapMB(gc);
    const build = await time(() => buildSearchEngine(articles));
    const engine = build.result;
    const after = heapMB(gc);
    m.value('index build', build.ms, 'ms', {
      target: '< 2000 ms',
      note: `${sentences.toLocaleString('en-US')} sentences`,
    });
    m.value('index memory', after - before, 'MB', {
      target: '< 200 MB',
      note: gc ? 'heap + array buffers after GC' : 'approximate: no GC available',
    });

    const annotations = placed(articles);
    const searchContext = placedFacts(annotations, () => 'unreviewed', ['ana', 'ben']);
    const made = await time(() =>
      makeQueries(articles, new Random(20250314), context.quick ? 40 : 100),
    );
    const queries = made.result;
    const counts = QUERY_KINDS.map((kind) => queries.filter((query) => query.kind === kind).length);
    context.log(`queries ${counts.join('/')} made in ${Math.round(made.ms)} ms`);
    // Warm the JIT on other queries, so the timed ones are not served from the word cache.
    for (const query of makeQueries(articles, new Random(7), 10))
      engine.search(query.text, searchContext);
    const fzf = fzfAvailable();
    const list = fzf
      ? (await generateSentenceList(articles, path.join(context.workDir, 'sentences.txt'))).path
      : null;

    queries.push(...figureQueries(articles, new Random(20251207), context.quick ? 40 : 100));
    for (const kind of [...QUERY_KINDS, FIGURES] as const) {
      const own = queries.filter((query) => query.kind === kind);
      if (own.length === 0) {
        m.value(`queries (${kind})`, 0, 'queries', { note: 'the corpus gave no such query' });
        continue;
      }
      let next = 0;
      const timing = await sample(
        () => engine.search(own[next++ % own.length]!.text, searchContext, { limit: 50 }),
        { warmup: 0, runs: own.length, maxRuns: own.length, minTimeMs: 0 },
      );
      let fzfNote: Pick<Parameters<typeof m.timing>[2], 'reference'> = {};
      if (list) {
        // fzf takes up to seconds a query on the full corpus: five give a median.
        const times = own.slice(0, 5).map((query) => fzfMs(list, query.text));
        const fzfMedian = times.sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
        fzfNote = { reference: reference('fzf', timing.median, fzfMedian) };
      }
      m.timing(`query (${kind})`, timing, {
        target: TARGET_QUERY,
        note: `${own.length} queries, e.g. ${JSON.stringify(own[0]!.text)}${list ? '' : '; fzf not installed, no reference'}`,
        ...fzfNote,
      });
      const judged = own.filter((query) => query.article !== null || query.name !== undefined);
      if (judged.length > 0) {
        const found = judged.filter((query) =>
          engine
            .search(query.text, searchContext, { limit: 3 })
            .some((hit) =>
              query.name === undefined
                ? hit.article === query.article
                : wordsIn(hit.text).includes(query.name),
            ),
        );
        for (const query of judged) {
          if (!found.includes(query) && process.env.MARGIN_BENCH_DEBUG)
            context.log(`missed: ${query.text} (${query.article})`);
        }
        m.value(`relevance (${kind})`, (100 * found.length) / judged.length, '% in top 3', {
          note: `${found.length} of ${judged.length}${kind === 'misspelled name' ? ', the name as written in a top-3 hit' : ''}`,
        });
      }
    }
    return m.list;
  },
};
