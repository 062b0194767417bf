import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Article } from '../../corpus/types.js';
import type { ArticleMarks } from '../../review/marks.js';
import { badgeColumns } from '../../review/project.js';
import { counterpartCount, type StoryView } from '../../review/story.js';
import type { ArticleSuggestions } from '../../review/suggestions.js';
import type { ReaderGeometry, ReaderSpot } from '../../review/view/geometry.js';
import { CONTEXT_LINES } from '../../review/view/layout.js';
import type { Line } from '../../review/view/wrap.js';
import { DEFAULT_LABELS, type LabelSet, suggestedLetter } from '../../store/labels.js';
import { paint } from '../paint.js';
import {
  CURSOR_GLYPH,
  IDLE_CURSOR_GLYPH,
  labelMark,
  MORE_GLYPH,
  NOTE_GLYPH,
  type Theme,
} from '../theme.js';

export interface ReaderProps {
  article: Article;
  /** The article's lines, wrapped as the window reaches them. */
  geometry: ReaderGeometry;
  marks: ArticleMarks;
  /** The engine's suggestions for the article. */
  suggestions?: ArticleSuggestions | undefined;
  /** Sentence id → suggested labels rejected there (`r`, or removed by hand): no longer offered. */
  dropped?: Record<string, string[]> | undefined;
  cursor: number;
  top: ReaderSpot;
  width: number;
  height: number;
  /** False while the list beside it has the keyboard: the cursor is drawn hollow and plain. */
  focused: boolean;
  /** The project's labels: one badge column each, in their order. */
  labels: LabelSet;
  /** The story groups, for the count of other outlets in the gutter; null until computed. */
  story: StoryView | null;
  theme: Theme;
}

/** The gutter's count of other outlets reporting the sentence: 1–9, then +. */
function outletsMark(count: number, theme: Theme, labels: LabelSet): string {
  if (count === 0) return ' ';
  const shown = count > 9 ? '+' : String(count);
  // Without colour beside a label whose letter is a digit, the count is drawn lowered (`₂`): `2`
  // after a stored `2` read as the label twice (qa57).
  const lowered = !theme.color && labels.some((label) => /^\p{N}$/u.test(label.letter));
  return paint(
    lowered && count <= 9 ? LOWERED[count]! : shown,
    { color: theme.accent, bold: true },
    theme.color,
  );
}

const LOWERED = [...'₀₁₂₃₄₅₆₇₈₉'];

function renderLine(
  line: Line,
  /** The current sentence goes on below this line, the window's last. */
  more: boolean,
  article: Article,
  marks: ArticleMarks,
  suggestions: ArticleSuggestions | undefined,
  dropped: Record<string, string[]> | undefined,
  cursor: number,
  focused: boolean,
  labels: LabelSet,
  story: StoryView | null,
  theme: Theme,
) {
  const on = theme.color;
  // The gutter: cursor, badges, note, other outlets' count, a space.
  const indent = ' '.repeat(badgeColumns(labels) + 4);
  switch (line.kind) {
    case 'blank':
      return ' ';
    case 'title':
    case 'orphan-heading':
      return `${indent}${paint(line.text, { bold: true, color: line.kind === 'title' ? undefined : theme.warning }, on)}`;
    case 'meta':
      return `${indent}${paint(line.text, { dim: true }, on)}`;
    case 'notice':
      return `${indent}${paint(line.text, { color: theme.warning }, on)}`;
    case 'orphan':
      return `${indent}${line.text}`;
    default: {
      const sentence = article.sentences[line.sentence]!;
      const current = line.sentence === cursor;
      const own = marks.sentences[sentence.id];
      const glyph = !(current && line.first)
        ? more
          ? paint(MORE_GLYPH, { dim: true }, on)
          : ' '
        : focused
          ? paint(CURSOR_GLYPH, { color: theme.cursor, bold: true }, on)
          : paint(IDLE_CURSOR_GLYPH, { dim: true }, on);
      const suggested = line.first ? suggestions?.sentences[sentence.id] : undefined;
      // A suggested label is its letter in lower case (or raised, `suggestedLetter`), dim: apart
      // without colour too.
      const badges = labels
        .map((label) =>
          line.first && own?.labels.includes(label.name)
            ? paint(
                label.letter,
                { color: labelMark(theme, labels, label.name).color, bold: true },
                on,
              )
            : suggested?.labels.some((s) => s.label === label.name) &&
                !dropped?.[sentence.id]?.includes(label.name)
              ? paint(suggestedLetter(label.letter), { dim: true }, on)
              : ' ',
        )
        .join('');
      // Labels the project no longer declares: one dim `?`, after the project's own, in a column
      // of its own for a codebook, in the note's place (when there is none) for margin's labels.
      const stray =
        line.first && own?.labels.some((name) => !labels.some((label) => label.name === name));
      const unknown = stray ? paint('?', { dim: true }, on) : ' ';
      const note =
        line.first && own?.note
          ? paint(NOTE_GLYPH, { color: theme.accent }, on)
          : labels === DEFAULT_LABELS
            ? unknown
            : ' ';
      const text =
        current && focused ? paint(line.text, { color: theme.cursor, bold: true }, on) : line.text;
      const outlets = line.first
        ? outletsMark(counterpartCount(story, article.id, sentence.id), theme, labels)
        : ' ';
      return `${glyph}${badges}${labels === DEFAULT_LABELS ? '' : unknown}${note}${outlets} ${text}`;
    }
  }
}

/**
 * The article text; only the lines in the window are wrapped and become elements, one string
 * each, so a keypress on a 67,075-sentence article costs the same as on a short one.
 */
export const Reader = memo(function Reader({
  article,
  geometry,
  marks,
  suggestions,
  dropped,
  cursor,
  top: wanted,
  width,
  height,
  focused,
  labels,
  story,
  theme,
}: ReaderProps) {
  // An editor under the reader can take some of its lines: keep the cursor in what is left.
  let top = geometry.start();
  if (article.sentences.length > 0) {
    const { first, last } = geometry.targetOf(cursor);
    top = geometry.follow(wanted, first, last, height, CONTEXT_LINES);
  }
  const visible = geometry.window(top, height);
  // A sentence taller than the window, scrolled into: its first line in view speaks for it (the
  // cursor and its labels), and its last one in view says that it goes on below.
  const shown = visible.filter(({ line }) => line.kind === 'text' && line.sentence === cursor);
  const lead = shown[0]?.line;
  const tail = shown.at(-1)?.line;
  const more =
    tail !== undefined && tail === visible.at(-1)?.line && tail !== geometry.lines(cursor).at(-1);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {visible.map(({ spot, line }) => (
        <Text key={`${spot.item}:${spot.line}`} wrap="truncate">
          {renderLine(
            line === lead && !line.first ? { ...line, first: true } : line,
            more && line === tail,
            article,
            marks,
            suggestions,
            dropped,
            cursor,
            focused,
            labels,
            story,
            theme,
          )}
        </Text>
      ))}
    </Box>
  );
});
