import type { ArticleSummary, CorpusIndex } from '../corpus/corpus-index.js';
import { oneName, safeJson } from '../text/untrusted.js';
import { type Command, corpusFlags } from './command.js';
import { namedProblem, openCorpus } from './corpus.js';
import { loadProject } from './project.js';

/** Summaries read from the index at a time: the list streams, whatever the size of the corpus. */
const PAGE = 500;

/**
 * The summaries a page at a time; with `warned`, each article whose file was not read as written
 * (escape sequences removed, an encoding guessed) is noted there as it passes.
 */
export function* pages(
  corpus: CorpusIndex,
  warned?: ArticleSummary[],
): Generator<ArticleSummary[]> {
  for (let from = 0; from < corpus.size(); from += PAGE) {
    const page = corpus.summaries(from, from + PAGE);
    if (warned) for (const summary of page) if (summary.warnings.length > 0) warned.push(summary);
    yield page;
  }
}

/** The JSON array, one article at a time, as `safeJson(rows, 2)` would print it whole. */
function* renderJson(
  corpus: CorpusIndex,
  shown: (text: string) => string,
  warned: ArticleSummary[],
): Generator<string> {
  if (corpus.size() === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  let first = true;
  for (const page of pages(corpus, warned)) {
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

/** Files named one a line under the list; the others are counted. */
const WARNED_MOST = 5;

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
    const { corpus: place, store } = await loadProject(flags, io);
    const corpus = place.shown;
    const { index, shown } = await openCorpus(corpus, io, output, 'quick', place.root, store.root);
    try {
      const warned: ArticleSummary[] = [];
      if (flags.json) await output.out(renderJson(index, shown, warned));
      else if (index.size() === 0) output.say(`no articles in ${corpus}`);
      else {
        // Column widths need string-width; the JSON, read by programs, does without it.
        const { renderTable } = await import('./list-table.js');
        await output.out(renderTable(index, output.columns, warned));
      }
      // A file whose text is not as written (escape sequences removed, an encoding guessed) is
      // said as `show` and the review say it: one line a file, its warnings joined; the first
      // few only, then a count (a legacy-encoded archive has thousands: review58-c).
      for (const { path, warnings } of warned.slice(0, WARNED_MOST)) {
        output.warn(`${shown(oneName(path))}: ${warnings.join('; ')}`);
      }
      const more = warned.length - WARNED_MOST;
      if (more > 0) {
        output.warn(
          `and ${more} more file${more === 1 ? '' : 's'} whose text is not as written: margin show FILE says what`,
        );
      }
      for (const problem of index.problems()) output.problem(shown(namedProblem(problem)));
    } finally {
      index.close();
    }
    return output.status();
  },
};
