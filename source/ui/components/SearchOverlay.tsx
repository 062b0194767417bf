import { Box, Text } from 'ink';
import { resultsSummary } from '../../review/search-count.js';
import { searchNote, searchPrompt } from '../../review/search-note.js';
import { articleById, resultsPerPage } from '../../review/selectors.js';
import type { ReviewState } from '../../review/state.js';
import { letterOf } from '../../store/labels.js';
import { oneLine } from '../../text/untrusted.js';
import { fitWidth } from '../../text/width.js';
import { highlightSegments } from '../hit-segments.js';
import { displayTitle } from '../rows.js';
import type { Theme } from '../theme.js';
import { LineInput } from './LineInput.js';

/** What the box says while search is not ready: the query typed meanwhile runs once it is. */
function waitingFor(state: ReviewState): string {
  const loading = state.loading;
  return loading
    ? `search starts once the corpus has loaded (${loading.done} of ${loading.total}): type, it runs then`
    : 'search is getting ready: type, it runs as soon as it is';
}

/** `/`: a query line and the results as they come, two lines per hit. */
export function SearchOverlay({
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
  if (mode.kind !== 'search') return null;
  const perPage = resultsPerPage(height);
  const first = Math.max(0, Math.min(mode.selected - perPage + 1, mode.hits.length - perPage));
  const shown = mode.hits.slice(first, first + perPage);
  const summary = !state.searchAvailable
    ? waitingFor(state)
    : mode.query.trim() === ''
      ? searchPrompt(state.project.labels)
      : mode.stopped && mode.hitsFor === mode.query
        ? mode.whole === mode.query
          ? // The search reads in turns: keys are taken between them (review-search.ts).
            'reading every sentence with these words… Esc stops it, typing searches anew'
          : 'these words are in too many sentences to search while you type: Enter searches them all'
        : (searchNote(mode.query, state.project.labels, mode.hits.length) ??
          // Before the first answer for this query, no count: "0 results" flashed there (qa49).
          (mode.hitsFor !== mode.query && mode.hits.length === 0
            ? 'searching…'
            : resultsSummary(mode.hits.length, mode.total)));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box height={1} overflow="hidden">
        <Box flexShrink={0}>
          <Text bold color={theme.accent}>
            {'/ '}
          </Text>
        </Box>
        <LineInput
          value={mode.query}
          cursor={mode.cursor}
          width={width - 2}
          focused
          color={theme.color}
        />
      </Box>
      <Text dimColor={theme.dim} wrap="truncate">
        {fitWidth(summary, width)}
      </Text>
      {shown.map((hit, offset) => {
        const selected = first + offset === mode.selected;
        const article = articleById(state, hit.article);
        const title = article ? displayTitle(article) : hit.article;
        const labels = hit.labels.map((label) => letterOf(state.project.labels, label)).join('');
        const head = `${selected ? '▶' : ' '} ${title}${article?.source ? ` · ${oneLine(article.source)}` : ''}`;
        return (
          <Box key={`${hit.article}/${hit.sentence}`} flexDirection="column">
            <Text wrap="truncate" bold={selected} color={selected ? theme.cursor : undefined}>
              {fitWidth(`${head}${labels ? `  [${labels}]` : ''}`, width)}
            </Text>
            <Text wrap="truncate">
              {'    '}
              {highlightSegments(hit.text, hit.matches, width - 4).map((segment, index) => (
                <Text
                  // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
                  key={index}
                  bold={segment.hit}
                  underline={segment.hit}
                  color={segment.hit ? theme.warning : undefined}
                >
                  {segment.text}
                </Text>
              ))}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
