import { Box, Text } from 'ink';
import { pagerTitle } from '../../review/view/pager-title.js';
import { problemLines } from '../../review/view/problems.js';
import type { Theme } from '../theme.js';

/** `!`: every problem met, each line escaped and wrapped whole, paged as the help is. */
export function ProblemsOverlay({
  problems,
  closeKeys,
  width,
  height,
  top,
  theme,
}: {
  problems: readonly string[];
  /** The typed keys that close it as well as Esc (`!`, or a project's own). */
  closeKeys: readonly string[];
  width: number;
  height: number;
  top: number;
  theme: Theme;
}) {
  const lines = problemLines(problems, width);
  const body = Math.max(1, height - 1);
  // Lines are positional: each keyed by its place in the whole.
  const shown = lines.slice(top, top + body).map((line, row) => ({ line, at: top + row }));
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const title = pagerTitle(count, closeKeys, width, lines.length > body);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {title}
      </Text>
      {shown.map(({ line, at }) => (
        <Text key={at} wrap="truncate" color={line.startsWith('⚠') ? theme.warning : undefined}>
          {line}
        </Text>
      ))}
    </Box>
  );
}
