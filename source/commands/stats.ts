import { computeStats } from '../export/stats.js';
import { renderStats } from '../export/stats-render.js';
import { openWorkspace, writeReport } from '../export/workspace.js';
import { type Command, corpusFlags } from './command.js';

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
    store: { type: 'string', default: 'annotations', shortFlag: 's' },
    json: { type: 'boolean', default: false },
  },
  async run(_input, flags, io) {
    const workspace = await openWorkspace('stats', flags, io, undefined, { reads: true });
    if (!workspace) return 2;
    const { articles, repository } = workspace;
    const report = computeStats(
      articles,
      repository.list(),
      (article, annotator) => repository.status(article, annotator),
      repository.annotators(),
    );
    await repository.close();
    await writeReport(io, Boolean(flags.json), report, renderStats);
    return workspace.problems > 0 ? 1 : 0;
  },
};
