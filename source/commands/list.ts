import stringWidth from 'string-width';
import type { ArticleSummary, CorpusIndex } from '../corpus/corpus-index.js';
import { oneLine, safeJson } from '../text/untrusted.js';
import { padEnd, truncate } from '../text/width.js';
import { type Command, corpusFlags } from './command.js';
import { openCorpus } from './corpus.js';

/** The title, or the opening words of the first sentence when the article has none. */
export function displayTitle(
  article: Pick<ArticleSummary, 'title' | 'opening'>,
  words = 8,
): string {
  if (article.title) return article.title;
  const list = article.opening.split(' ').filter(Boolean);
  if (list.length <= words) return article.opening;
  return `${list.slice(0, words).join(' ')}…`;
}

const GAP = '  ';
const SOURCE_MAX = 24;
/** Summaries read from the index at a time: the list streams, whatever the size of the corpus. */
const PAGE = 500;

interface Row {
  id: string;
  title: string;
  date: string;
  source: string;
  count: string;
}

const HEADER: Row = {
  id: 'ID',
  title: 'TITLE',
  date: 'DATE',
  source: 'SOURCE',
  count: 'SENTENCES',
};

function rowOf(article: ArticleSummary): Row {
  return {
    id: oneLine(article.id),
    title: oneLine(displayTitle(article)),
    date: article.date ?? '-',
    source: truncate(oneLine(article.source ?? '-'), SOURCE_MAX),
    count: String(article.sentences),
  };
}

function* pages(corpus: CorpusIndex): Generator<ArticleSummary[]> {
  for (let from = 0; from < corpus.size(); from += PAGE) yield corpus.summaries(from, from + PAGE);
}

type Widths = Record<keyof Row, number>;

/** Column widths over every row: one pass over the summaries before the table is written. */
function measure(corpus: CorpusIndex): Widths {
  const widths = Object.fromEntries(
    Object.entries(HEADER).map(([key, text]) => [key, stringWidth(text)]),
  ) as Widths;
  for (const page of pages(corpus)) {
    for (const summary of page) {
      const row = rowOf(summary);
      for (const key of Object.keys(widths) as Array<keyof Row>) {
        widths[key] = Math.max(widths[key], stringWidth(row[key]));
      }
    }
  }
  return widths;
}

/** Aligned columns; with `width`, the title column shrinks so that no line is longer. */
function* renderTable(corpus: CorpusIndex, width: number | null): Generator<string> {
  const widths = measure(corpus);
  let titleWidth = widths.title;
  if (width !== null) {
    const fixed = widths.id + widths.date + widths.source + widths.count + GAP.length * 4;
    titleWidth = Math.max(5, Math.min(titleWidth, width - fixed));
  }
  const line = (row: Row) => {
    const text = [
      padEnd(row.id, widths.id),
      padEnd(truncate(row.title, titleWidth), titleWidth),
      padEnd(row.date, widths.date),
      padEnd(row.source, widths.source),
      row.count.padStart(widths.count),
    ].join(GAP);
    return `${width === null ? text : truncate(text, width)}\n`;
  };
  yield line(HEADER);
  for (const page of pages(corpus)) yield page.map((summary) => line(rowOf(summary))).join('');
}

/** The JSON array, one article at a time, as `safeJson(rows, 2)` would print it whole. */
function* renderJson(corpus: CorpusIndex, shown: (text: string) => string): Generator<string> {
  if (corpus.size() === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  let first = true;
  for (const page of pages(corpus)) {
    const parts = page.map((summary) => {
      const row = {
        id: summary.id,
        path: shown(summary.path),
        title: summary.title,
        date: summary.date,
        byline: summary.byline,
        source: summary.source,
        sentences: summary.sentences,
        warnings: summary.warnings,
      };
      const text = safeJson(row, 2).replaceAll('\n', '\n  ');
      const part = `${first ? '' : ',\n'}  ${text}`;
      first = false;
      return part;
    });
    yield parts.join('');
  }
  yield '\n]\n';
}

export const command: Command = {
  name: 'list',
  summary: 'List the articles of the corpus: id, title, date, source, sentence count',
  usage: `list [--corpus DIR] [--json]

Options
  --corpus, -c  The corpus folder (default: seeds)
  --json        Print a JSON array: id, path, title, date, byline, source, sentences, warnings

Examples
  $ margin list
  $ margin list --corpus ~/articles --json`,
  flags: {
    ...corpusFlags,
    json: { type: 'boolean', default: false },
  },
  async run(_input, flags, io, output) {
    const corpus = String(flags.corpus);
    const { index, shown } = await openCorpus(corpus, io, output);
    try {
      if (flags.json) await output.out(renderJson(index, shown));
      else if (index.size() === 0) output.say(`no articles in ${corpus}`);
      else await output.out(renderTable(index, output.columns));
      for (const problem of index.problems()) output.problem(shown(problem.message));
    } finally {
      index.close();
    }
    return output.status();
  },
};
