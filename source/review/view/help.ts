import { DEFAULT_LABELS, type LabelSet } from '../../store/labels.js';
import stringWidth from '../../text/string-width.js';
import { oneLine } from '../../text/untrusted.js';
import { fitWidth } from '../../text/width.js';
import { helpGroups } from '../keymap.js';
import { DEFAULT_PROJECT, type ReviewProject } from '../project.js';
import { exampleLabel } from '../search-note.js';
import { wrap } from './wrap.js';

const KEYS_WIDTH = 15;
const COLUMN_WIDTH = 58;
export const QUERY_HEADING = 'Search queries';
export const LABELS_HEADING = 'Labels';

/**
 * The query language of `/` (issue 5), shown with the keys since it is typed, not pressed; its
 * labels are the codebook's (`label:quote` in a project without quotes found nothing).
 */
function queryHelp(labels: LabelSet): Array<[string, string]> {
  const example = exampleLabel(labels);
  const others = [...labels.map((label) => label.name), 'none'].filter((name) => name !== example);
  const first = oneLine(example);
  return [
    ['words', 'fuzzy; all must match, in any order'],
    ['"a phrase"', 'these words, in this order'],
    [`label:${first}`, others.map((name) => `label:${oneLine(name)}`).join(', ')],
    ['source:NAME', 'from this outlet'],
    ['annotator:NAME', 'tagged by this annotator'],
    ['status:done', 'status:in-progress, status:unreviewed'],
    ['-word', `without it (also -label:${first}…)`],
  ];
}

/** The help as columns of lines, each group kept whole, columns about equally tall. */
export function helpColumns(width: number, project: ReviewProject = DEFAULT_PROJECT): string[][] {
  const count = Math.max(1, Math.floor((width + 2) / (COLUMN_WIDTH + 2)));
  const columnWidth = Math.floor((width - (count - 1) * 2) / count);
  // A key column always ends in a space; a run of digits ("1 2 3 … 9") reads as a range. A
  // description longer than its room goes on under itself (qa57: a label's 79 characters at 60
  // columns read `…`, and at 120 `edit the attributes of the sentence's lab…`).
  const indent = ' '.repeat(KEYS_WIDTH + 2);
  // A key wider than its column (`label:` and a long label's name) has a line of its own.
  const row = (keys: string, description: string) => {
    const key = digitRange(keys);
    const room = Math.max(10, columnWidth - indent.length);
    const lines = wrap(breakable(description, room), room);
    const own = stringWidth(key) > KEYS_WIDTH - 1;
    const keyRoom = Math.max(10, columnWidth - 2);
    return [
      ...(own ? wrap(breakable(key, keyRoom), keyRoom).map((line) => `  ${line}`) : []),
      ...lines.map((line, at) =>
        at === 0 && !own ? `  ${fitWidth(key, KEYS_WIDTH - 1)} ${line}` : `${indent}${line}`,
      ),
    ].map((line) => fitWidth(line, columnWidth));
  };
  const blocks = helpGroups(project.keymap).map(({ group, rows }) => [
    group,
    ...rows.flatMap((entry) => row(entry.keys, entry.description)),
  ]);
  // A project's own codebook: each label's letter, name and what it is for. margin's own three
  // are described in the README; the help stays as it was without a project file.
  if (project.labels !== DEFAULT_LABELS) {
    blocks.push([
      LABELS_HEADING,
      ...project.labels.flatMap((label) =>
        // Checked when the file was read; escaped here too, as all text from a file is.
        row(
          oneLine(`${label.key} ${label.letter}`),
          // qa53: a label without a description read `claim:`.
          oneLine(label.description ? `${label.name}: ${label.description}` : label.name),
        ),
      ),
    ]);
  }
  blocks.push([
    QUERY_HEADING,
    ...queryHelp(project.labels).flatMap(([keys, description]) => row(keys, description)),
  ]);
  const total = blocks.reduce((sum, block) => sum + block.length + 1, 0);
  const target = Math.ceil(total / count);
  const columns: string[][] = [[]];
  for (const block of blocks) {
    let column = columns[columns.length - 1]!;
    if (column.length > 0 && column.length + block.length > target && columns.length < count) {
      column = [];
      columns.push(column);
    }
    if (column.length > 0) column.push('');
    column.push(...block);
  }
  return columns.map((column) => column.map((line) => fitWidth(line, columnWidth)));
}

/** How far the help can scroll in a window of `height` lines. */
export function helpMaxTop(
  width: number,
  height: number,
  project: ReviewProject = DEFAULT_PROJECT,
): number {
  const tallest = Math.max(...helpColumns(width, project).map((column) => column.length));
  return Math.max(0, tallest - height);
}

/**
 * `text` with each word wider than `width` split after a `-`, `_`, `.` or `:` in it, so that
 * wrapping breaks a label's name where it reads (`label:allegation-of-election-fraud-by-` /
 * `official`) rather than at the room's last column (`…-by-offic` / `ial`, fixteam57). Each
 * piece is as long as fits, so no two of a word's pieces share a line; a piece with no such
 * character in `width` is still broken hard by the wrap.
 */
export function breakable(text: string, width: number): string {
  return text
    .split(' ')
    .map((word) => {
      if (stringWidth(word) <= width) return word;
      const pieces: string[] = [];
      let piece = '';
      for (const part of word.split(/(?<=[-_.:])(?=[^-_.:])/u)) {
        if (piece !== '' && stringWidth(piece + part) > width) {
          pieces.push(piece);
          piece = '';
        }
        piece += part;
      }
      pieces.push(piece);
      return pieces.join(' ');
    })
    .join(' ');
}

/** "1 2 3 4 5 6 7 8 9" → "1–9"; other key lists are left as they are. */
export function digitRange(keys: string): string {
  const parts = keys.split(' ');
  const first = Number(parts[0]);
  const run = parts.every((part, index) => part === String(first + index));
  return parts.length >= 4 && run ? `${parts[0]}–${parts.at(-1)}` : keys;
}
