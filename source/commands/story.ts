import { availableParallelism } from 'node:os';
import { storeFacts } from '../search/store-facts.js';
import type { Repository } from '../store/repository.js';
import type { LabelsOf, StoryGroup } from '../story/index.js';
import { oneLine, safeJson } from '../text/untrusted.js';
import { type Command, corpusFlags, storeFlags } from './command.js';
import { CannotRun } from './output.js';
import { loadProject } from './project.js';
import { orderedStoryClusters } from './story-groups.js';
import { listFlag, openWorkspace } from './workspace.js';

/** The group as `--json` prints it: one object per line. */
export function storyJson(group: StoryGroup): string {
  return safeJson({
    id: group.id,
    kind: group.kind,
    members: group.members.map(({ article, sentence, source, date, text, labels }) => ({
      article,
      sentence,
      source,
      date,
      text,
      labels,
    })),
    differences: group.differences,
  });
}

const outlets = (group: StoryGroup) =>
  new Set(group.members.map((member) => member.source ?? member.article));

type Run = { text: string; marked?: boolean };

/**
 * A group for reading: its id, kind and outlets, the facts its versions state differently, then
 * each version (earliest first) with the words it differs from the earliest by marked.
 */
export function storyReport(group: StoryGroup): Run[][] {
  const names = [...outlets(group)];
  const lines: Run[][] = [
    [
      {
        text: `${group.id}  ${group.kind ?? 'statement'} · ${group.members.length} sentences in ${names.length} outlet${names.length === 1 ? '' : 's'}: ${names.join(', ')}`,
      },
    ],
  ];
  for (const difference of group.differences) {
    const values = [...new Set(difference.values.map((value) => value.text))];
    const runs: Run[] = [{ text: `  differ (${difference.kind}): ` }];
    values.forEach((value, index) => {
      if (index > 0) runs.push({ text: ' ≠ ' });
      runs.push({ text: value, marked: true });
    });
    lines.push(runs);
  }
  group.members.forEach((member, index) => {
    const labels = member.labels.length > 0 ? ` [${member.labels.join(', ')}]` : '';
    lines.push([
      {
        text: `  ${member.date ?? 'undated'}  ${member.source ?? '-'}  ${member.article}${labels}`,
      },
    ]);
    const diff = group.diffs[index] ?? [];
    const runs: Run[] =
      index === 0 || diff.length === 0
        ? [{ text: member.text }]
        : diff
            .filter((part) => part.kind !== 'removed')
            .map((part) => ({ text: part.text, marked: part.kind === 'added' }));
    // One line each: a sentence never holds a line break that could break the report's shape.
    lines.push([
      { text: '    ' },
      ...runs.map((run) => ({ ...run, text: run.text.replace(/\s+/g, ' ') })),
    ]);
  });
  lines.push([]);
  return lines;
}

export const command: Command = {
  name: 'story',
  summary: 'The same statement or event across outlets, and where their versions differ',
  usage: `story [--json] [--min-sources N] [--label L] [options]

Lists the groups of sentences from different articles that report the same statement or event
(copies, edits, rewordings), largest first: each with its outlets, the figures, names and dates
its versions state differently, and every version with the words it differs by from the
earliest (highlighted on a colour terminal). Reviewers' links and unlinks (the review's L and x,
kept in the store) are respected.

Options
  --json             One JSON object per line: {"id","kind","members":[{"article","sentence",
                     "source","date","text","labels"}],"differences":[{"kind","values":
                     [{"member","text"}]}]} (member: index into members)
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
    const unknown = labels.find((label) => !names.includes(label));
    if (unknown !== undefined) {
      throw new CannotRun(`--label must be one of ${names.join(', ')}, not ${oneLine(unknown)}`);
    }
    const { corpus, repository, storeRoot, project } = await openWorkspace(flags, io, output, {
      reads: true,
    });
    try {
      const { described, problems } = await orderedStoryClusters(
        corpus.articles(),
        (id) => corpus.article(id),
        storeRoot,
        {
          display: project.store.shown,
          labelsOf: labelsOfAnnotated(repository),
          ordOf: (id) => corpus.ordOf(id),
          // The reading, most of the build, on every core (the same groups as on one).
          workers: availableParallelism(),
        },
      );
      for (const problem of problems) output.problem(problem);
      let any = false;
      // Described, written and dropped one at a time: memory stays that of the compact groups.
      const shown = function* () {
        for (const group of described()) {
          if (
            outlets(group).size >= minimum &&
            (labels.length === 0 ||
              group.members.some((member) => member.labels.some((label) => labels.includes(label))))
          ) {
            any = true;
            yield group;
          }
        }
      };
      if (flags.json) {
        await output.out(mapped(shown(), (group) => `${storyJson(group)}\n`));
      } else {
        await output.outMarked(flatMapped(shown(), storyReport));
        if (!any) output.say('no group of sentences reported by several outlets');
      }
    } finally {
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
function labelsOfAnnotated(repository: Repository): LabelsOf {
  const annotated = new Set(
    repository
      .tallies()
      .filter((tally) => tally.annotations > 0)
      .map((tally) => tally.article),
  );
  const facts = storeFacts(repository);
  return (article, sentence) =>
    annotated.has(article) ? (facts.labels?.(article, sentence) ?? []) : [];
}

function* mapped<T, U>(items: Iterable<T>, each: (item: T) => U): Generator<U> {
  for (const item of items) yield each(item);
}

function* flatMapped<T, U>(items: Iterable<T>, each: (item: T) => U[]): Generator<U> {
  for (const item of items) yield* each(item);
}
