import { Text } from 'ink';
import { labelCounts } from '../../review/marks.js';
import { currentArticle, cursorOf, marksOf } from '../../review/selectors.js';
import type { ReviewState } from '../../review/state.js';
import { LABELS } from '../../store/types.js';
import { clean } from '../clean.js';
import { fitWidth } from '../text.js';
import { LABEL_LETTER, type Theme } from '../theme.js';

/** One line: where the reviewer is and what this article carries so far. */
export function Header({ state, theme }: { state: ReviewState; theme: Theme }) {
  const article = currentArticle(state);
  const total = state.loading ? `${state.articles.length}+` : String(state.articles.length);
  const parts = [`margin · ${clean(state.corpusName)} · ${clean(state.annotator)}`];
  if (article) {
    parts.push(`article ${state.current + 1} of ${total}`);
    const count = article.sentences.length;
    parts.push(count > 0 ? `sentence ${cursorOf(state, article) + 1} of ${count}` : 'no sentences');
    const counts = labelCounts(marksOf(state, article.id));
    parts.push(LABELS.map((label) => `${LABEL_LETTER[label]} ${counts[label]}`).join('  '));
  }
  return (
    <Text bold color={theme.accent} wrap="truncate">
      {fitWidth(parts.join('  │  '), state.size.columns)}
    </Text>
  );
}
