import type { CorpusIndex } from '../corpus/corpus-index.js';
import {
  articleSourceSteps,
  articlesPerSource,
  headlineSteps,
  sourcesOf,
} from '../corpus/db/disk-index.js';
import { reviewStatuses } from '../export/review-statuses.js';
import { type StatsArticle, type StatsReport, statsOver } from '../export/stats.js';
import { type CorpusCounts, statsOverCounts } from '../export/stats-counts.js';
import { renderStats, TOP_ARTICLES } from '../export/stats-render.js';
import { safeJson } from '../text/untrusted.js';
import { type Command, corpusFlags } from './command.js';
import { displayTitle } from './list-table.js';
import { strayLabelNotes } from './unlisted-labels.js';
import { answered, openWorkspace, summariesOf } from './workspace.js';

/**
 * The corpus's articles without their text, in any order, each with its place in corpus order;
 * without titles (`titled` false) from an index on disk, which then reads those of the few listed.
 */
function* articlesOf(
  corpus: CorpusIndex,
  titled: boolean,
): Generator<StatsArticle, void, undefined> {
  const steps =
    (titled ? headlineSteps(corpus) : articleSourceSteps(corpus)) ?? corpus.summarySteps?.();
  if (steps) for (const step of steps) yield* step;
  else yield* summariesOf(corpus);
}

/**
 * What stats need of a corpus index on disk, counted there: its articles per source, and the
 * articles of the store's ids looked up by id. Null for a corpus in memory.
 */
function countsOf(corpus: CorpusIndex): CorpusCounts | null {
  const perSource = articlesPerSource(corpus);
  if (!perSource) return null;
  return {
    articles: corpus.size(),
    perSource,
    // Titles are looked up for the few articles listed (`titleOf`), not for every one.
    articlesOf: (ids) => sourcesOf(corpus, ids) ?? [],
    first: (n) => corpus.summaries(0, n),
  };
}

/** An article's title from its summary, for the few the report lists. */
function titleOf(corpus: CorpusIndex, article: StatsArticle): string | null {
  const ord = article.ord ?? corpus.ordOf(article.id);
  return ord === undefined ? null : (corpus.summaries(ord, ord + 1)[0]?.title ?? null);
}

/**
 * The picture names an untitled article by its opening words, as `list` and the review do (the
 * id follows each title in the picture anyway); --json keeps `title` null. Only the few listed
 * are looked up.
 */
function openingWordsFor(corpus: CorpusIndex, report: StatsReport): StatsReport {
  const perArticle = report.perArticle.map((row, at) => {
    if (row.title !== null || at >= TOP_ARTICLES) return row;
    const ord = corpus.ordOf(row.article);
    const summary = ord === undefined ? undefined : corpus.summaries(ord, ord + 1)[0];
    return summary?.opening ? { ...row, title: displayTitle(summary) } : row;
  });
  return { ...report, perArticle };
}

export const command: Command = {
  name: 'stats',
  summary: 'Counts per label, source, annotator and article, and review progress, as bar charts',
  usage: `stats [--json] [options]

An article counts as done when any annotator marked it done, in progress when any has work in it
(a tag, a note, attributes), only opened when any opened it and left it with nothing in it.

Options
  --json         Print the figures as JSON (every article, not only the top ones)
  --corpus, -c   The corpus folder (default: seeds)
  --store, -s    The annotation store folder (default: annotations)

Examples
  $ margin stats
  $ margin stats --json | jq '.annotators'`,
  flags: {
    ...corpusFlags,
    store: { type: 'string', shortFlag: 's' },
    json: { type: 'boolean', default: false },
  },
  async run(_input, flags, io, output) {
    const workspace = await openWorkspace(flags, io, output, { reads: true, behind: true });
    const { corpus, repository, project } = workspace;
    // Summed in the store's index: no document and no article text is read unless an article's
    // text changed since its annotations were last placed. The picture lists a few articles,
    // whose titles alone are read; --json lists every one.
    const every = flags.json === true;
    const counts = every ? null : countsOf(corpus);
    const top = { top: TOP_ARTICLES, titleOf: (article: StatsArticle) => titleOf(corpus, article) };
    // The picture from counts, where the corpus index can give them: only the articles
    // annotated or reviewed are read. It is kept in the store's index until a file's row or the
    // corpus changes: summing 300,000 annotations' counts by article and source took 0.4 s of
    // CPU (more under load) beside the check of every file, which is then all a warm run does.
    const fromCounts = (counts: CorpusCounts) =>
      repository.derived(
        // The number changes with what the report holds or how it is made, as the kinds of
        // export rows kept do: a report kept by another margin is not this one's.
        'stats 2',
        JSON.stringify({ top: TOP_ARTICLES, labels: project.labels, who: repository.annotators() }),
        () =>
          statsOverCounts(
            counts,
            repository.totals(),
            reviewStatuses(repository.reviewed(), repository.onlyOpened()),
            repository.annotators(),
            project.labels,
            top,
          ),
      );
    const report = await answered(workspace, () =>
      counts
        ? fromCounts(counts)
        : statsOver(
            articlesOf(corpus, every),
            repository.totals(),
            reviewStatuses(repository.reviewed(), repository.onlyOpened()).progress,
            repository.annotators(),
            project.labels,
            every ? {} : top,
          ),
    );
    for (const note of await strayLabelNotes(project.labels, workspace)) output.say(note);
    await repository.close();
    if (flags.json) await output.out(`${safeJson(report, 2)}\n`);
    // At a terminal, names fit its width; piped, they are whole (the bars as at 80 columns).
    else {
      const rendered = renderStats(openingWordsFor(corpus, report), output.width, {
        whole: output.columns === null,
      });
      await output.out(rendered);
    }
    return output.status();
  },
};
