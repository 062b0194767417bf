import type { Article } from '../../source/corpus/types.js';
import { badgeColumns } from '../../source/review/project.js';
import { marksOf, readerGeometry } from '../../source/review/selectors.js';
import type { ReviewState } from '../../source/review/state.js';
import { paneLayout } from '../../source/review/view/layout.js';
import { orphanLines, wrapArticle } from '../../source/review/view/wrap.js';

/**
 * The reader as whole-article line numbers (every sentence wrapped, the orphan list under them),
 * which the reader's geometry walks without: what the tests check the scroll position against.
 */
export function wholeReader(state: ReviewState, article: Article) {
  const { textWidth } = paneLayout(state.size, badgeColumns(state.project.labels));
  const wrapped = wrapArticle(article, textWidth);
  const orphans = orphanLines(
    marksOf(state, article.id).orphans.map((orphan) => ({
      label: orphan.label,
      quote: orphan.anchor.quote,
      note: orphan.note,
    })),
    textWidth,
  );
  return {
    lines: [...wrapped.lines, ...orphans],
    firstLine: wrapped.firstLine,
    lastLine: wrapped.lastLine,
    /** The reader's first visible line, as a line number. */
    top: readerGeometry(state, article).lineOf(state.top),
  };
}
