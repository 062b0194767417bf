import { Box, Text } from 'ink';
import { guidelinesLines } from '../../review/view/guidelines.js';
import { pagerTitle } from '../../review/view/pager-title.js';
import { oneName } from '../../text/untrusted.js';
import type { Theme } from '../theme.js';

/** `i`: the project's guidelines file, wrapped to the screen and paged as the help is. */
export function GuidelinesOverlay({
  name,
  text,
  closeKeys,
  width,
  height,
  top,
  theme,
}: {
  name: string;
  text: string;
  /** The typed keys that close it as well as Esc (`i`, or a project's own). */
  closeKeys: readonly string[];
  width: number;
  height: number;
  top: number;
  theme: Theme;
}) {
  const lines = guidelinesLines(text, width);
  const body = Math.max(1, height - 1);
  const shown = lines.slice(top, top + body);
  const title = pagerTitle(`Guidelines · ${oneName(name)}`, closeKeys, width, lines.length > body);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {title}
      </Text>
      {shown.map((line, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
        <Text key={top + row} wrap="truncate">
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}
