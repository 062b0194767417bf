import { Box, Text } from 'ink';
import type { Article } from '../../corpus/types.js';
import { cursorOf, marksOf, readerLines, sentenceMarks } from '../../review/selectors.js';
import type { ReviewState } from '../../review/state.js';
import { LABELS } from '../../store/types.js';
import { CONTEXT_LINES } from '../layout.js';
import { CURSOR_GLYPH, LABEL_LETTER, NOTE_GLYPH, type Theme } from '../theme.js';
import { followTop } from '../window.js';

/**
 * The article text, pre-wrapped; only the lines in the window are turned into elements, so a
 * keypress on a 500-sentence article costs the same as on a short one.
 */
export function Reader({
  state,
  article,
  width,
  height,
  theme,
}: {
  state: ReviewState;
  article: Article;
  width: number;
  height: number;
  theme: Theme;
}) {
  const { lines, firstLine, lastLine } = readerLines(state, article);
  const marks = marksOf(state, article.id);
  const cursor = cursorOf(state, article);
  // An editor under the reader can take some of its lines: keep the cursor in what is left.
  const top = followTop(
    state.top,
    firstLine[cursor] ?? 0,
    lastLine[cursor] ?? 0,
    height,
    lines.length,
    CONTEXT_LINES,
  );
  const visible = lines.slice(top, top + height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {visible.map((line, offset) => {
        const key = top + offset;
        if (line.kind !== 'text') {
          return (
            <Text
              key={key}
              wrap="truncate"
              bold={line.kind === 'title' || line.kind === 'orphan-heading'}
              dimColor={theme.dim && line.kind === 'meta'}
              color={line.kind === 'orphan-heading' ? theme.warning : undefined}
            >
              {line.kind === 'blank' ? ' ' : `      ${line.text}`}
            </Text>
          );
        }
        const sentence = article.sentences[line.sentence]!;
        const current = line.sentence === cursor;
        const own = sentenceMarks(marks, sentence.id);
        return (
          <Text key={key} wrap="truncate">
            <Text color={theme.cursor} bold>
              {current && line.first ? CURSOR_GLYPH : ' '}
            </Text>
            {LABELS.map((label) => (
              <Text key={label} color={theme.label[label]} bold>
                {line.first && own.labels.includes(label) ? LABEL_LETTER[label] : ' '}
              </Text>
            ))}
            <Text color={theme.accent}>{line.first && own.note ? NOTE_GLYPH : ' '}</Text>
            <Text color={current ? theme.cursor : undefined} bold={current && theme.color}>
              {` ${line.text}`}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}
