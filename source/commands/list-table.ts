import type { ArticleSummary, CorpusIndex } from '../corpus/corpus-index.js';
import stringWidth from '../text/string-width.js';
import { oneLine, oneName } from '../text/untrusted.js';
import { padEnd, truncate } from '../text/width.js';
import { pages } from './list.js';

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
/**
 * A title wider than this is cut even where no terminal gives a width: every row is padded to
 * the widest title, so one file whose first line is 2 MB of text made `margin list | less` 8 MB
 * for four articles. `--json` keeps every title whole.
 */
const TITLE_MAX = 120;
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
    id: oneName(article.id),
    title: oneLine(displayTitle(article)),
    date: article.date ?? '-',
    source: truncate(oneLine(article.source ?? '-'), SOURCE_MAX),
    count: String(article.sentences),
  };
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
export function* renderTable(
  corpus: CorpusIndex,
  width: number | null,
  warned?: ArticleSummary[],
): Generator<string> {
  const widths = measure(corpus);
  let titleWidth = width === null ? Math.min(widths.title, TITLE_MAX) : widths.title;
  if (width !== null) {
    const fixed = widths.id + widths.date + widths.source + widths.count + GAP.length * 4;
    titleWidth = Math.max(5, Math.min(titleWidth, width - fixed));
  }
  const line = (row: Row) => {
    // The id whole, as every command takes it (escaped, `oneName`): padded by its own width, not
    // through the drawn form, which leaves out a VS16 or a skin tone (`--json` kept them, and the
    // id printed here was another article's name, or none).
    const id = row.id + ' '.repeat(Math.max(0, widths.id - stringWidth(row.id)));
    const rest = [
      padEnd(truncate(row.title, titleWidth), titleWidth),
      padEnd(row.date, widths.date),
      padEnd(row.source, widths.source),
      row.count.padStart(widths.count),
    ].join(GAP);
    const room = width === null ? null : Math.max(0, width - stringWidth(id) - GAP.length);
    return `${id}${GAP}${room === null ? rest : truncate(rest, room)}\n`;
  };
  yield line(HEADER);
  for (const page of pages(corpus, warned)) {
    yield page.map((summary) => line(rowOf(summary))).join('');
  }
}
