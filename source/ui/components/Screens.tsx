import { Box, Text } from 'ink';
import wrapAnsi from 'wrap-ansi';
import { MIN_COLUMNS, MIN_ROWS } from '../../review/view/layout.js';
import { oneLine } from '../../text/untrusted.js';
import type { Theme } from '../theme.js';

/** Below the smallest screen: what to do, and what quitting there said (an unsaved note, saving). */
export function TooSmall({
  columns,
  rows,
  said,
  quitKey,
  theme,
}: {
  columns: number;
  rows: number;
  said: string | null;
  /** The key that quits there: the project's, or Ctrl+C while an input is open. */
  quitKey: string;
  theme: Theme;
}) {
  return (
    <Box flexDirection="column" width={columns} height={Math.max(1, rows - 1)} overflow="hidden">
      <Text color={theme.warning} wrap="wrap">
        {`margin needs at least ${MIN_COLUMNS}×${MIN_ROWS}; this terminal is ${columns}×${rows}. Enlarge it (${oneLine(quitKey)} quits).`}
      </Text>
      {said ? <Text wrap="wrap">{oneLine(said)}</Text> : null}
    </Box>
  );
}

/**
 * Text wrapped at words into `columns`, each line without the space it broke at: Ink's own
 * wrapping keeps that space, so a line after one filled to the edge began a column further in
 * (verify52: the empty corpus's bullet at 60 columns).
 */
function Wrapped({ columns, children }: { columns: number; children: string }) {
  return (
    <Text wrap="wrap">{wrapAnsi(children, Math.max(1, columns), { hard: true, trim: true })}</Text>
  );
}

/** What to do when the corpus folder holds no article. */
export function EmptyCorpus({
  corpus,
  warnings,
  width,
  theme,
}: {
  corpus: string;
  warnings: string[];
  width: number;
  theme: Theme;
}) {
  // Inside the left padding, and beside a bullet's four columns.
  const text = width - 2;
  const bulleted = text - 4;
  return (
    <Box flexDirection="column" width={width} paddingLeft={2} paddingTop={1}>
      <Text bold color={theme.accent}>
        No articles yet
      </Text>
      <Text> </Text>
      <Wrapped
        columns={text}
      >{`The corpus folder ${corpus} holds no article margin can read.`}</Wrapped>
      <Text> </Text>
      <Wrapped columns={text}>To add articles, either</Wrapped>
      <Box flexDirection="row">
        <Box width={4} flexShrink={0}>
          <Text>{'  •'}</Text>
        </Box>
        <Wrapped columns={bulleted}>
          {`put articles into ${corpus} (.txt, .md, .html, .mhtml or a scraper's .json, one a file), then start margin again, or`}
        </Wrapped>
      </Box>
      <Box flexDirection="row">
        <Box width={4} flexShrink={0}>
          <Text>{'  •'}</Text>
        </Box>
        <Wrapped columns={bulleted}>pass another folder: margin --corpus DIR</Wrapped>
      </Box>
      {warnings.length > 0 ? (
        <>
          <Text> </Text>
          <Wrapped columns={text}>
            {`Files that could not be read (${warnings.length}; ! shows each in full):`}
          </Wrapped>
          {warnings.slice(0, 5).map((warning) => (
            <Text key={warning} wrap="truncate" color={theme.warning}>
              {`  ⚠ ${oneLine(warning)}`}
            </Text>
          ))}
          {warnings.length > 5 ? <Text>{`  …and ${warnings.length - 5} more`}</Text> : null}
        </>
      ) : null}
      <Text> </Text>
      <Text wrap="wrap">q quits.</Text>
    </Box>
  );
}
