import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Article } from '../../corpus/types.js';
import { typedKeysIn } from '../../review/keymap.js';
import { type ArticleMarks, EMPTY_MARKS } from '../../review/marks.js';
import { listLines } from '../../review/selectors.js';
import type { ReviewState } from '../../review/state.js';
import { LIST_ENTRY_LINES } from '../../review/view/layout.js';
import { listProblems } from '../../review/view/problems.js';
import type { LabelSet } from '../../store/labels.js';
import { ownValue } from '../../text/own.js';
import { oneLine } from '../../text/untrusted.js';
import { fitWidth } from '../../text/width.js';
import { bar } from '../progress-bar.js';
import { listDetails, listTitle } from '../rows.js';
import { CURSOR_GLYPH, IDLE_CURSOR_GLYPH, type Theme } from '../theme.js';

/**
 * The articles, two lines each (status and title; source, date and tag counts), with the loading
 * progress and unreadable files under them. `height` is in lines.
 */
export interface ArticleListProps {
  articles: Article[];
  marks: Record<string, ArticleMarks>;
  /** What the store index says of articles whose marks are not read: status and counts. */
  summaries: Record<string, ArticleMarks>;
  current: number;
  top: number;
  height: number;
  loading: ReviewState['loading'];
  warnings: string[];
  /** The key that opens every problem, as the project has it. */
  problemsKey: string;
  width: number;
  focused: boolean;
  labels: LabelSet;
  theme: Theme;
}

/** The list's props picked from the state: unchanged while the reader moves, so it is not redrawn. */
export function listProps(state: ReviewState) {
  return {
    articles: state.articles,
    marks: state.marks,
    summaries: state.summaries,
    current: state.current,
    top: state.listTop,
    height: listLines(state),
    loading: state.loading,
    warnings: state.warnings,
    problemsKey: typedKeysIn('list', 'problems/toggle', state.project.keymap)[0] ?? '!',
    labels: state.project.labels,
  };
}

export const ArticleList = memo(function ArticleList({
  articles,
  marks,
  summaries,
  current,
  top,
  height,
  loading,
  warnings: all,
  problemsKey,
  width,
  focused,
  labels,
  theme,
}: ArticleListProps) {
  const perPage = Math.max(1, Math.floor(height / LIST_ENTRY_LINES));
  const visible = articles.slice(top, top + perPage);
  const warnings = listProblems(all, width, problemsKey);
  return (
    <Box flexDirection="column" width={width} height={height + (loading ? 1 : 0) + warnings.length}>
      <Box flexDirection="column" height={height}>
        {visible.map((article, offset) => {
          const selected = top + offset === current;
          const articleMarks =
            ownValue(marks, article.id) ?? ownValue(summaries, article.id) ?? EMPTY_MARKS;
          const glyph = selected ? (focused ? CURSOR_GLYPH : IDLE_CURSOR_GLYPH) : ' ';
          return (
            <Box key={article.id} flexDirection="column">
              <Text
                wrap="truncate"
                inverse={selected && focused && theme.color}
                bold={selected && focused}
                color={selected && focused ? theme.cursor : undefined}
              >
                {`${glyph} ${listTitle(article, articleMarks, width - 3)}`}
              </Text>
              <Text wrap="truncate" dimColor={theme.dim}>
                {`  ${listDetails(article, articleMarks, width - 3, labels)}`}
              </Text>
            </Box>
          );
        })}
      </Box>
      {loading ? (
        <Text wrap="truncate" color={theme.accent}>
          {fitWidth(
            // Before the count is known a first read is still listing the folder's files, or
            // waits for another margin that is indexing them.
            loading.waiting !== undefined
              ? oneLine(loading.waiting)
              : loading.total === 0
                ? 'listing the corpus files…'
                : `loading ${loading.done}/${loading.total} ${bar(loading.done, loading.total, Math.max(4, width - 24))}`,
            width,
          )}
        </Text>
      ) : null}
      {warnings.map((warning) => (
        <Text key={warning} wrap="truncate" color={theme.warning}>
          {fitWidth(warning, width)}
        </Text>
      ))}
    </Box>
  );
});
