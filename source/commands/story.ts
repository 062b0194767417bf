import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { storeFacts } from '../search/store-facts.js';
import type { Repository } from '../store/repository.js';
import { type LabelsOf, readLexicons } from '../story/index.js';
import { leanHeaps } from '../story/lean-heaps.js';
import { oneLine } from '../text/untrusted.js';
import { wrapLines } from '../text/wrap-lines.js';
import { type Command, corpusFlags, storeFlags } from './command.js';
import { CannotRun } from './output.js';
import { loadProject } from './project.js';
import { Describers } from './story-describe.js';
import { corpusMemberFacts } from './story-filter.js';
import {
  orderedStoryClusters,
  type StoryStage,
  savedGroupsOf,
  storyArticlesOf,
} from './story-groups.js';
import { StageLine } from './story-progress.js';
import { unlistedLabels } from './unlisted-labels.js';
import { listFlag, openWorkspace } from './workspace.js';

/**
 * The versions the report shows a group by default: a group of hundreds of copies printed whole
 * was pages of one sentence (36 MB for 10,000 articles), its differences already on top.
 */
const SHOWN = 10;

/**
 * How far a heap grows past what survived its last full collection while the groups are read,
 * described and written (`leanHeaps`), in percent. Left to V8 (up to four times), the main
 * thread's heap stood at 272 MB for some 60 MB alive after the largest groups' members were read
 * and sent, and each describing thread's at 130 MB: the whole report at 100,000 articles peaked
 * at 600 MiB. At 10% the heaps stay under 90 MB and the report peaks at 358 MiB (376 MB), the
 * same bytes (story58, docs/readme/story.md).
 */
const DESCRIBING_GROWTH = 10;

/**
 * Threads for a corpus of `articles`: none below 200, whose sentences (some 25 an article) fill
 * less than one reading batch of 4,096 (story/parallel-read.ts), so a thread has nothing to take
 * off this one's hands; starting them cost more than the grouping (`margin story` on the 5 seeds:
 * 4 threads, 0.9 s of CPU from a warm cache, 0.7 s without).
 */
function threadsFor(articles: number): number {
  return articles < 200 ? 0 : availableParallelism();
}

/**
 * What `margin story` says when no group passes its filter, naming the filter: "by several
 * outlets" after `--min-sources 99` read as if the 99 had been ignored (qa51).
 */
function noGroup(minimum: number, labels: readonly string[]): string {
  const outlets =
    minimum === 2
      ? ' reported by several outlets'
      : minimum > 2
        ? ` reported by ${minimum} or more outlets`
        : '';
  const labelled =
    labels.length === 0 ? '' : ` with a member labelled ${labels.map(oneLine).join(' or ')}`;
  return `no group of sentences${outlets}${labelled}`;
}

export const command: Command = {
  name: 'story',
  summary: 'The same statement or event across outlets, and where their versions differ',
  usage: `story [--json] [--all] [--min-sources N] [--label L] [options]

Lists the groups of sentences from different articles that report the same statement or event
(copies, edits, rewordings), largest first: each with its outlets, the figures, names and dates
its versions state differently, and up to ${SHOWN} of its versions with the words each differs by
from the earliest (highlighted on a colour terminal): the earliest, the first to state each
differing figure, name or date, the first of each other wording, then the next earliest.
Reviewers' links and unlinks (the review's L and x, kept in the store) are respected. The
first group is printed as soon as it is described, the rest as they come.

Options
  --json             One JSON object per line: {"id","kind","members":[{"article","sentence",
                     "source","date","text","labels"}],"differences":[{"kind","values":
                     [{"member","text"}]}]} (member: index into members); every member
  --all              Every version and outlet of each group, not up to ${SHOWN}
  --min-sources N    Only groups told by at least N different outlets (default 2)
  --label L          Only groups with a member labelled L (claim, quote, event); repeatable
  --corpus, -c       The corpus folder (default: seeds)
  --store, -s        The annotation store folder (default: annotations)

Examples
  $ margin story
  $ margin story --label quote --min-sources 3
  $ margin story --json | jq -c '.differences'`,
  flags: {
    ...corpusFlags,
    ...storeFlags,
    json: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    minSources: { type: 'string', default: '2' },
    label: { type: 'string', isMultiple: true },
  },
  async run(_input, flags, io, output) {
    const minimum = /^\s*\d+\s*$/.test(String(flags.minSources))
      ? Number(flags.minSources)
      : Number.NaN;
    if (!Number.isInteger(minimum) || minimum < 1) {
      throw new CannotRun(
        `--min-sources must be a whole number of at least 1, not ${String(flags.minSources)}`,
      );
    }
    const labels = listFlag(flags.label);
    const { labels: labelSet } = await loadProject(flags, io);
    const names = labelSet.map((label) => label.name);
    // The store's missing note is said once the labels passed: a refusal is the one line.
    const workspace = await openWorkspace(flags, io, output, {
      reads: true,
      look: 'compare',
      later: true,
    });
    const { corpus, repository, storeRoot, project } = workspace;
    // A label margin.json no longer lists still names the store's annotations made with it, as
    // export's and search's filters take it (qa51: story refused it); a typo is refused, worded
    // as theirs are.
    const unlisted = await unlistedLabels(
      labels,
      names,
      workspace,
      (name) => `label "${oneLine(name)}"`,
    );
    if (unlisted.refusal) {
      await repository.close();
      corpus.close();
      throw new CannotRun(unlisted.refusal);
    }
    if (workspace.missing) output.say(workspace.missing);
    for (const note of unlisted.notes) output.say(note);
    const saved = savedGroupsOf(corpus);
    // Read before the describing threads start (with the first batch), which share them.
    readLexicons(saved ? dirname(saved.file) : null);
    const threads = threadsFor(corpus.size());
    // A small corpus still describes on one thread (Describers starts one at least).
    const describers = new Describers(threads);
    try {
      const annotatedLabels = labelsOfAnnotated(repository);
      // Groups not yet kept are formed first (a minute at 100,000 articles): said on stderr.
      const line = StageLine.on(output);
      const ordered = orderedStoryClusters(
        storyArticlesOf(corpus),
        (id) => corpus.article(id),
        storeRoot,
        {
          display: project.store.shown,
          labelsOf: annotatedLabels.labelsOf,
          kinds: names,
          ordOf: (id) => corpus.ordOf(id),
          // Only the members' sentences, not their articles whole (14,922 for the largest
          // group at 100,000 articles).
          ...(corpus.sentencesOf
            ? { sentencesOf: (wanted) => corpus.sentencesOf!.call(corpus, wanted) }
            : {}),
          // The reading (most of the build) and the describing on every core once the corpus
          // is large enough; the same groups as on one.
          workers: threads,
          // Formed once per state of the corpus and the links, then read back.
          saved,
          // The filter before the describing: only what is printed is read and described.
          facts: corpusMemberFacts(corpus, annotatedLabels),
          ...(line ? { onStage: (stage: StoryStage) => line.show(stage) } : {}),
        },
      ).finally(() => line?.end());
      const { renderedInParallel, problems, close, notKept } = await ordered;
      for (const problem of problems) output.problem(problem);
      // Printed all the same; the next run forms them again.
      if (notKept) output.warn(notKept);
      // Described, rendered and written a batch at a time, the largest group first and alone:
      // it is on screen once it is described, and memory stays that of the compact groups.
      let any = false;
      const shown = renderedInParallel(
        {
          filter: { minimum, labels },
          json: Boolean(flags.json),
          color: output.color,
          most: flags.json || flags.all ? undefined : SHOWN,
          kinds: names,
        },
        describers,
      );
      // At a terminal, long lines wrap at words under their own indent; piped, they stay whole.
      const columns = flags.json ? null : output.columns;
      try {
        await leanHeaps(
          () =>
            output.outShown(
              (async function* () {
                for await (const text of shown) {
                  any = true;
                  yield columns === null ? text : wrapLines(text, columns);
                }
              })(),
            ),
          DESCRIBING_GROWTH,
        );
      } finally {
        close();
      }
      if (!any && !flags.json) output.say(noGroup(minimum, labels));
    } finally {
      await describers.close();
      await repository.close();
      corpus.close();
    }
    return output.status();
  },
};

/**
 * Each member's labels from its own article's annotations, not a walk over the store; an
 * article nobody annotated (most members' at any scale) is known from the store's tallies
 * without placing anything on its text.
 */
function labelsOfAnnotated(repository: Repository): {
  annotated: (article: string) => boolean;
  labelsOf: LabelsOf;
} {
  const annotated = new Set(
    repository
      .tallies()
      .filter((tally) => tally.annotations > 0)
      .map((tally) => tally.article),
  );
  const facts = storeFacts(repository);
  return {
    annotated: (article) => annotated.has(article),
    labelsOf: (article, sentence) =>
      annotated.has(article) ? (facts.labels?.(article, sentence) ?? []) : [],
  };
}
