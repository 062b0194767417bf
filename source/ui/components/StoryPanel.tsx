import { Box, Text } from 'ink';
import type { ReviewState } from '../../review/state.js';
import { differenceSummary, groupKind, panelRows } from '../../review/story.js';
import {
  DIFFER_LINES,
  OWN_TEXT_LINES,
  panelWindow,
  ROW_INDENT,
  wrapPieces,
} from '../../review/view/story-panel.js';
import { oneLine } from '../../text/untrusted.js';
import { fitWidth } from '../../text/width.js';
import { labelMark, type Theme } from '../theme.js';

/**
 * `o`: the sentence's counterparts in other outlets: outlet, date and labels, then its text
 * wrapped (`panelWindow`) with the words it differs by marked (‹…› without colour).
 */
export function StoryPanel({
  state,
  width,
  height,
  theme,
}: {
  state: ReviewState;
  width: number;
  height: number;
  theme: Theme;
}) {
  const mode = state.mode;
  const panel = panelRows(state);
  if (mode.kind !== 'story' || !panel) return null;
  const { group, rows } = panel;
  const differ = differenceSummary(group);
  // The kind first: at 60 columns the counts ran past the edge and cut "(claim)" off (verify51).
  const kind = groupKind(state, group);
  const title = `${kind ? `${kind} · ` : ''}${panel.title}`;
  // Wrapped as the versions are: on the title line it was cut off even at 200 columns.
  const differs =
    differ.length > 0
      ? wrapPieces(
          [
            {
              // The kind after the values (what matters first at 60 columns): "3 ≠ 4" said
              // nothing of 3 a.m. and 4 a.m. (qa55).
              text: `differ: ${differ
                .map((line, at) => `${oneLine(line)} (${group.differences[at]!.kind})`)
                .join('; ')}`,
              marked: false,
            },
          ],
          width - 2,
          DIFFER_LINES,
        )
      : [];
  const own = wrapPieces(
    [{ text: `this: ${panel.text}`, marked: false }],
    width - 2,
    OWN_TEXT_LINES,
  );
  // Without colour the marks are characters: wrapped with the words, so a line keeps its width.
  const pieceOf = (part: { kind: string; text: string }) => {
    const marked = part.kind === 'added';
    return { text: marked && !theme.color ? `‹${part.text}›` : part.text, marked };
  };
  const shown = panelWindow(
    rows.map((row) => row.parts.map(pieceOf)),
    mode.selected,
    width,
    height - 1 - differs.length - own.length,
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {fitWidth(title, width)}
      </Text>
      {differs.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
        <Text key={`differ-${index}`} color={theme.warning} wrap="truncate">
          {`  ${line.map((piece) => piece.text).join('')}`}
        </Text>
      ))}
      {own.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
        <Text key={index} dimColor={theme.dim} wrap="truncate">
          {`  ${line.map((piece) => piece.text).join('')}`}
        </Text>
      ))}
      {shown.map(({ row: index, lines }) => {
        const row = rows[index]!;
        const selected = index === mode.selected;
        const labels = row.labels
          .map((label) => labelMark(theme, state.project.labels, label).letter)
          .join('');
        const head = [
          row.source ?? row.article,
          row.date ?? 'undated',
          ...(row.sameOutlet ? ['same outlet'] : []),
        ]
          .map(oneLine)
          .join(' · ');
        return (
          <Box key={`${row.article}/${row.sentence}`} flexDirection="column">
            <Text wrap="truncate" bold={selected} color={selected ? theme.cursor : undefined}>
              {fitWidth(`${selected ? '▶' : ' '} ${head}${labels ? `  [${labels}]` : ''}`, width)}
            </Text>
            {lines.map((line, lineIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
              <Text key={lineIndex} wrap="truncate">
                {' '.repeat(ROW_INDENT)}
                {line.map((piece, pieceIndex) => (
                  <Text
                    // biome-ignore lint/suspicious/noArrayIndexKey: pieces are positional
                    key={pieceIndex}
                    bold={piece.marked}
                    color={piece.marked ? theme.warning : undefined}
                  >
                    {piece.text}
                  </Text>
                ))}
              </Text>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}
