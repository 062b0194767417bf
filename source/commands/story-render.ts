/**
 * A story group as `margin story` prints it: one JSON line, or lines of runs for reading. Pure,
 * so that the threads that describe the groups render them too.
 */
import { type StoryGroup, shownMembers } from '../story/index.js';
import { shownValues } from '../story/shown-values.js';
import { oneName, safeJson, visible } from '../text/untrusted.js';
import { markedLine } from './output.js';

/** Which groups are printed: told by at least `minimum` outlets, with one of `labels` if given. */
export interface StoryFilter {
  minimum: number;
  labels: readonly string[];
}

export function isShown(group: StoryGroup, { minimum, labels }: StoryFilter): boolean {
  return (
    outlets(group).size >= minimum &&
    (labels.length === 0 ||
      group.members.some((member) => member.labels.some((label) => labels.includes(label))))
  );
}

/**
 * The group as `margin story` writes it to stdout (`Output.out` of its JSON line, `outMarked` of
 * its report's lines, byte for byte), or '' when the filter leaves it out.
 */
export function renderedGroup(
  group: StoryGroup,
  {
    filter,
    json,
    color = false,
    most,
  }: { filter: StoryFilter; json: boolean; color?: boolean; most?: number | undefined },
): string {
  if (!isShown(group, filter)) return '';
  if (json) return visible(`${storyJson(group)}\n`);
  let text = '';
  for (const line of storyReport(group, { most })) text += markedLine(line, color);
  return text;
}

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

/**
 * The outlet a member is counted and named as: its source, or for an article whose source could
 * not be told, the article's id (an outlet of its own, as the review's `o` list names it), in the
 * heading and on the member's line alike.
 */
const outletOf = (member: StoryGroup['members'][number]) => member.source ?? member.article;

const outlets = (group: StoryGroup) => new Set(group.members.map(outletOf));

export type Run = { text: string; marked?: boolean };

/**
 * What the heading counts: outlets, and apart from them the articles whose source could not be
 * told (named by their ids), which may all be one outlet: twelve copies of one unsourced file
 * read "12 outlets".
 */
function where(group: StoryGroup): string {
  const known = new Set(group.members.flatMap((member) => member.source ?? [])).size;
  const unknown = new Set(group.members.filter((m) => m.source === null).map((m) => m.article))
    .size;
  const parts = [
    known > 0 ? count(known, 'outlet') : '',
    unknown > 0 ? `${count(unknown, 'article')} of unknown source` : '',
  ];
  return parts.filter(Boolean).join(' and ');
}

/**
 * A group for reading: its id, kind and outlets, the facts its versions state differently, then
 * each version (earliest first) with the words it differs from the earliest by marked. With
 * `most` (an option: `groups.flatMap(storyReport)` would pass the index), at most that many versions (`shownMembers`: the earliest, the first to state each
 * differing value, then the next earliest) and outlets are named, and a line says how many more
 * there are.
 */
export function storyReport(
  group: StoryGroup,
  { most }: { most?: number | undefined } = {},
): Run[][] {
  // Escaped as names: a line break in a file's name would otherwise break the report's lines.
  const names = [...outlets(group)].map(oneName);
  const named =
    most === undefined || names.length <= most
      ? names.join(', ')
      : `${names.slice(0, most).join(', ')} and ${count(names.length - most, 'more')}`;
  const lines: Run[][] = [
    [
      {
        text: `${group.id}  ${group.kind ?? 'statement'} · ${count(group.members.length, 'sentence')} in ${where(group)}: ${named}`,
      },
    ],
  ];
  for (const difference of group.differences) {
    const values = shownValues(difference);
    const runs: Run[] = [{ text: `  differ (${difference.kind}): ` }];
    values.forEach((value, index) => {
      if (index > 0) runs.push({ text: ' ≠ ' });
      runs.push({ text: value, marked: true });
    });
    lines.push(runs);
  }
  // Picked when the group was described for a report of `most` (the describing threads'),
  // else here.
  const shown =
    most === undefined
      ? group.members.map((_, index) => index)
      : (group.shown ?? shownMembers(group.members, group.differences, most));
  for (const index of shown) {
    const member = group.members[index]!;
    const labels = member.labels.length > 0 ? ` [${member.labels.join(', ')}]` : '';
    // The article's id once when it names the outlet too.
    const article = oneName(member.article);
    const where = member.source === null ? article : `${oneName(member.source)}  ${article}`;
    lines.push([{ text: `  ${member.date ?? 'undated'}  ${where}${labels}` }]);
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
  }
  const left = group.members.length - shown.length;
  if (left > 0) {
    lines.push([{ text: `  … ${count(left, 'more version')} (--all shows every one)` }]);
  }
  lines.push([]);
  return lines;
}

const count = (n: number, what: string) =>
  `${n.toLocaleString('en-US')} ${what}${n === 1 || what === 'more' ? '' : 's'}`;
