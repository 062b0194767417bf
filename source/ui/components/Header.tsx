import { Text } from 'ink';
import { labelCounts } from '../../review/marks.js';
import { currentArticle, cursorOf, marksOf } from '../../review/selectors.js';
import type { ReviewState } from '../../review/state.js';
import { labelCount, labelNamesWith } from '../../store/labels.js';
import stringWidth from '../../text/string-width.js';
import { oneName } from '../../text/untrusted.js';
import { fitWidth } from '../../text/width.js';
import type { Theme } from '../theme.js';

/** One line: where the reviewer is and what this article carries so far. */
export function Header({ state, theme }: { state: ReviewState; theme: Theme }) {
  const width = state.size.columns;
  const full = headerText(state, false);
  const text = stringWidth(full) <= width ? full : headerText(state, true);
  return (
    <Text bold color={theme.accent} wrap="truncate">
      {fitWidth(text, width)}
    </Text>
  );
}

/** The header's words; `compact` is for narrow terminals, where every column counts. */
export function headerText(state: ReviewState, compact: boolean): string {
  const article = currentArticle(state);
  const total = state.loading ? `${state.articles.length}+` : String(state.articles.length);
  const who = `${oneName(state.corpusName)} · ${oneName(state.annotator)}`;
  const parts = [compact ? who : `margin · ${who}`];
  if (article) {
    const count = article.sentences.length;
    const cursor = cursorOf(state, article) + 1;
    const counts = labelCounts(marksOf(state, article.id));
    const labels = state.project.labels;
    const names = labelNamesWith(labels, counts.keys());
    const countOf = (name: string) => counts.get(name) ?? 0;
    if (compact) {
      parts.push(`art. ${state.current + 1}/${total}`);
      parts.push(count > 0 ? `sent. ${cursor}/${count}` : 'no sentences');
      parts.push(names.map((name) => labelCount(labels, name, countOf(name))).join(' '));
    } else {
      parts.push(`article ${state.current + 1} of ${total}`);
      parts.push(count > 0 ? `sentence ${cursor} of ${count}` : 'no sentences');
      parts.push(names.map((name) => labelCount(labels, name, countOf(name), true)).join('  '));
    }
  }
  return parts.join(compact ? ' │ ' : '  │  ');
}
