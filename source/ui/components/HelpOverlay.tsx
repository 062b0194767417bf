import { Box, Text } from 'ink';
import { GROUP_ORDER, typedKeysIn } from '../../review/keymap.js';
import type { ReviewProject } from '../../review/project.js';
import { helpColumns, helpMaxTop, LABELS_HEADING, QUERY_HEADING } from '../../review/view/help.js';
import { pagerTitle } from '../../review/view/pager-title.js';
import type { Theme } from '../theme.js';

const HEADINGS = new Set<string>([...GROUP_ORDER, QUERY_HEADING, LABELS_HEADING]);

/** `?`: every key of the keymap table, grouped, scrollable when the terminal is short. */
export function HelpOverlay({
  width,
  height,
  scroll,
  project,
  theme,
}: {
  width: number;
  height: number;
  scroll: number;
  project: ReviewProject;
  theme: Theme;
}) {
  const body = height - 1;
  const maxTop = helpMaxTop(width, body, project);
  const top = Math.min(scroll, maxTop);
  // At its end too the help still pages back: its keys are named while it is taller than this.
  const closeKeys = typedKeysIn('help', 'help/toggle', project.keymap);
  const title = pagerTitle('Keys', closeKeys, width, maxTop > 0);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {title}
      </Text>
      <Box flexDirection="row" height={body}>
        {helpColumns(width, project).map((column, index) => (
          <Box key={column[0]} flexDirection="column" marginLeft={index === 0 ? 0 : 2}>
            {column.slice(top, top + body).map((line, row) => (
              <Text
                // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
                key={row}
                wrap="truncate"
                bold={HEADINGS.has(line.trim())}
                color={HEADINGS.has(line.trim()) ? theme.accent : undefined}
              >
                {line}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
