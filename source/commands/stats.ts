import type { CorpusIndex } from '../corpus/corpus-index.js';
import { headlineSteps } from '../corpus/db/disk-index.js';
import { type StatsArticle, statsOver } from '../export/stats.js';
import { renderStats } from '../export/stats-render.js';
import { safeJson } from '../text/untrusted.js';
import { type Command, corpusFlags } from './command.js';
import { openWorkspace, statusesOf, summariesOf } from './workspace.js';

/** The corpus's articles without their text, in any order, each with its place in corpus order. */
function* articlesOf(corpus: CorpusIndex): Generator<StatsArticle, void, undefined> {
  const steps = headlineSteps(corpus) ?? corpus.summarySteps?.();
  if (steps) for (const step of steps) yield* step;
  else yield* summariesOf(corpus);
}

export const command: Command = {
  name: 'stats',
  summary: 'Counts per label, source, annotator and article, and review progress, as bar charts',
  usage: `stats [--json] [options]

An article counts as done when any annotator marked it done, in progress when any has it open.

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
    const { corpus, repository, project } = await openWorkspace(flags, io, output, { reads: true });
    // Counted from what the store's index keeps of each file: no document and no article text
    // is read unless an article's text changed since its annotations were last placed.
    const report = statsOver(
      articlesOf(corpus),
      repository.counted(),
      statusesOf(repository),
      repository.annotators(),
      project.labels,
    );
    await repository.close();
    await output.out(flags.json ? `${safeJson(report, 2)}\n` : renderStats(report, output.width));
    return output.status();
  },
};
