import { renderAgreement } from '../export/agreement-render.js';
import { agreementReport } from '../export/agreement-report.js';
import { GOLD } from '../export/compare.js';
import { listFlag, openWorkspace, writeReport } from '../export/workspace.js';
import { type Command, corpusFlags } from './command.js';
import { visible } from './visible.js';

export const command: Command = {
  name: 'agree',
  summary:
    "Agreement between annotators (Cohen's kappa, Krippendorff's alpha) and where they differ",
  usage: `agree [--annotator NAME ...] [--json] [options]

Units are the sentences of articles that the annotators have in progress or done. For two
annotators: Cohen's kappa on sentences both reviewed; for more: Krippendorff's alpha (nominal) on
sentences at least two reviewed. Overall, a sentence's label set is one category; per label, a
sentence has the label or not. The "${GOLD}" annotator (accepted versions) is left out unless named.

Options
  --annotator    Compare these annotators (repeat; default: everyone in the store)
  --json         Print the figures and the disagreements as JSON
  --corpus, -c   The corpus folder (default: seeds)
  --store, -s    The annotation store folder (default: annotations)

Examples
  $ margin agree
  $ margin agree --annotator alice --annotator bob --json`,
  flags: {
    ...corpusFlags,
    store: { type: 'string', default: 'annotations', shortFlag: 's' },
    annotator: { type: 'string', isMultiple: true },
    json: { type: 'boolean', default: false },
  },
  async run(_input, flags, io) {
    const workspace = await openWorkspace('agree', flags, io, undefined, { reads: true });
    if (!workspace) return 2;
    const { articles, repository } = workspace;
    const named = [...new Set(listFlag(flags.annotator))];
    const known = repository.annotators();
    const annotators = named.length > 0 ? named : known.filter((name) => name !== GOLD);
    const missing = named.filter((name) => !known.includes(name));
    if (missing.length > 0) {
      io.stderr.write(
        `margin agree: no annotator ${missing.map((n) => `"${visible(n)}"`).join(', ')} in the store\n`,
      );
      await repository.close();
      return 2;
    }
    if (annotators.length < 2) {
      io.stderr.write(
        `margin agree: agreement needs two annotators; the store has ${annotators.length === 0 ? 'none' : `only ${visible(annotators[0]!)}`}\n`,
      );
      await repository.close();
      return 1;
    }
    const report = agreementReport(
      articles,
      repository.list(),
      (article, annotator) => repository.status(article, annotator),
      annotators,
    );
    await repository.close();
    await writeReport(io, Boolean(flags.json), report, renderAgreement);
    return workspace.problems > 0 ? 1 : 0;
  },
};
