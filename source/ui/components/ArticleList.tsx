import { Box, Text } from 'ink';
import { listHeight, marksOf } from '../../review/selectors.js';
import type { ReviewState } from '../../review/state.js';
import { clean } from '../clean.js';
import { listRow } from '../rows.js';
import { bar, fitWidth } from '../text.js';
import { CURSOR_GLYPH, type Theme } from '../theme.js';

/** The articles, one line each, with the loading progress and unreadable files under them. */
export function ArticleList({
  state,
  width,
  focused,
  theme,
}: {
  state: ReviewState;
  width: number;
  focused: boolean;
  theme: Theme;
}) {
  const height = listHeight(state);
  const visible = state.articles.slice(state.listTop, state.listTop + height);
  const warnings =
    state.warnings.length > 3
      ? [...state.warnings.slice(0, 2), `…and ${state.warnings.length - 2} more problems`]
      : state.warnings;
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height + (state.loading ? 1 : 0) + warnings.length}
    >
      <Box flexDirection="column" height={height}>
        {visible.map((article, offset) => {
          const index = state.listTop + offset;
          const selected = index === state.current;
          const row = `${selected ? CURSOR_GLYPH : ' '} ${listRow(article, marksOf(state, article.id), width - 2)}`;
          return (
            <Text
              key={article.id}
              wrap="truncate"
              inverse={selected && focused && theme.color}
              bold={selected}
              color={selected ? theme.cursor : undefined}
            >
              {row}
            </Text>
          );
        })}
      </Box>
      {state.loading ? (
        <Text wrap="truncate" color={theme.accent}>
          {fitWidth(
            `loading ${state.loading.done}/${state.loading.total} ${bar(state.loading.done, state.loading.total, Math.max(4, width - 24))}`,
            width,
          )}
        </Text>
      ) : null}
      {warnings.map((warning) => (
        <Text key={warning} wrap="truncate" color={theme.warning}>
          {fitWidth(`⚠ ${clean(warning)}`, width)}
        </Text>
      ))}
    </Box>
  );
}
