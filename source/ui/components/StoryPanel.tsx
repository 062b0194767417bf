import { Box, Text } from 'ink';
import type { ReviewState } from '../../review/state.js';
import { differenceSummary, panelRows } from '../../review/story.js';
import { oneLine } from '../../text/untrusted.js';
import { fitWidth } from '../../text/width.js';
import { labelMark, type Theme } from '../theme.js';

/**
 * `o`: the sentence's counterparts in other outlets, two lines each: outlet, date and labels,
 * then its text with the words it differs by marked (‹…› without colour).
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
  const { group, rows, total } = panel;
  const differ = differenceSummary(group);
  const count = `${total.toLocaleString('en-US')} other outlet${total === 1 ? '' : 's'} report${total === 1 ? 's' : ''} this`;
  const shown = total > rows.length ? ` (the earliest ${rows.length} listed)` : '';
  const title = `${count}${shown}${group.kind ? ` (${group.kind})` : ''}${differ.length > 0 ? ` · differ: ${differ.map(oneLine).join('; ')}` : ''}`;
  const perPage = Math.max(1, Math.floor((height - 2) / 2));
  const first = Math.max(0, Math.min(mode.selected - perPage + 1, rows.length - perPage));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {fitWidth(title, width)}
      </Text>
      <Text dimColor={theme.dim} wrap="truncate">
        {fitWidth(`  this: ${oneLine(panel.text)}`, width)}
      </Text>
      {rows.slice(first, first + perPage).map((row, offset) => {
        const selected = first + offset === mode.selected;
        const labels = row.labels
          .map((label) => labelMark(theme, state.project.labels, label).letter)
          .join('');
        const head = [row.source ?? row.article, row.date ?? 'undated'].map(oneLine).join(' · ');
        return (
          <Box key={`${row.article}/${row.sentence}`} flexDirection="column">
            <Text wrap="truncate" bold={selected} color={selected ? theme.cursor : undefined}>
              {fitWidth(`${selected ? '▶' : ' '} ${head}${labels ? `  [${labels}]` : ''}`, width)}
            </Text>
            <Text wrap="truncate">
              {'    '}
              {row.parts.map((part, index) => {
                const text = oneLine(part.text);
                const marked = part.kind === 'added';
                return (
                  <Text
                    // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
                    key={index}
                    bold={marked}
                    color={marked ? theme.warning : undefined}
                  >
                    {marked && !theme.color ? `‹${text}›` : text}
                  </Text>
                );
              })}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
