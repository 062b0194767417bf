import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Article } from '../../corpus/types.js';
import type { ArticleMarks } from '../../review/marks.js';
import type { ReaderLines } from '../../review/selectors.js';
import { counterpartCount, type StoryView } from '../../review/story.js';
import { CONTEXT_LINES } from '../../review/view/layout.js';
import { followTop } from '../../review/view/window.js';
import type { Line } from '../../review/view/wrap.js';
import { LABELS } from '../../store/types.js';
import { paint } from '../paint.js';
import { CURSOR_GLYPH, IDLE_CURSOR_GLYPH, LABEL_LETTER, NOTE_GLYPH, type Theme } from '../theme.js';

export interface ReaderProps {
  article: Article;
  lines: ReaderLines;
  marks: ArticleMarks;
  cursor: number;
  top: number;
  width: number;
  height: number;
  /** False while the list beside it has the keyboard: the cursor is drawn hollow and plain. */
  focused: boolean;
  /** The story groups, for the count of other outlets in the gutter; null until computed. */
  story: StoryView | null;
  theme: Theme;
}

/** The gutter's count of other outlets reporting the sentence: 1–9, then +. */
function outletsMark(count: number, theme: Theme): string {
  if (count === 0) return ' ';
  return paint(count > 9 ? '+' : String(count), { color: theme.accent, bold: true }, theme.color);
}

function renderLine(
  line: Line,
  article: Article,
  marks: ArticleMarks,
  cursor: number,
  focused: boolean,
  story: StoryView | null,
  theme: Theme,
) {
  const on = theme.color;
  switch (line.kind) {
    case 'blank':
      return ' ';
    case 'title':
    case 'orphan-heading':
      return `       ${paint(line.text, { bold: true, color: line.kind === 'title' ? undefined : theme.warning }, on)}`;
    case 'meta':
      return `       ${paint(line.text, { dim: true }, on)}`;
    case 'orphan':
      return `       ${line.text}`;
    default: {
      const sentence = article.sentences[line.sentence]!;
      const current = line.sentence === cursor;
      const own = marks.sentences[sentence.id];
      const glyph = !(current && line.first)
        ? ' '
        : focused
          ? paint(CURSOR_GLYPH, { color: theme.cursor, bold: true }, on)
          : paint(IDLE_CURSOR_GLYPH, { dim: true }, on);
      const badges = LABELS.map((label) =>
        line.first && own?.labels.includes(label)
          ? paint(LABEL_LETTER[label], { color: theme.label[label], bold: true }, on)
          : ' ',
      ).join('');
      const note = line.first && own?.note ? paint(NOTE_GLYPH, { color: theme.accent }, on) : ' ';
      const outlets = line.first
        ? outletsMark(counterpartCount(story, article.id, sentence.id), theme)
        : ' ';
      const text =
        current && focused ? paint(line.text, { color: theme.cursor, bold: true }, on) : line.text;
      return `${glyph}${badges}${note}${outlets} ${text}`;
    }
  }
}

/**
 * The article text, pre-wrapped; only the lines in the window become elements, one string each,
 * so a keypress on a 500-sentence article costs the same as on a short one.
 */
export const Reader = memo(function Reader({
  article,
  lines,
  marks,
  cursor,
  top: wanted,
  width,
  height,
  focused,
  story,
  theme,
}: ReaderProps) {
  // An editor under the reader can take some of its lines: keep the cursor in what is left.
  const top = followTop(
    wanted,
    lines.firstLine[cursor] ?? 0,
    lines.lastLine[cursor] ?? 0,
    height,
    lines.lines.length,
    CONTEXT_LINES,
  );
  const visible = lines.lines.slice(top, top + height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {visible.map((line, offset) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the line number is the line's identity
        <Text key={top + offset} wrap="truncate">
          {renderLine(line, article, marks, cursor, focused, story, theme)}
        </Text>
      ))}
    </Box>
  );
});
