import type { Article } from '../corpus/types.js';

import { type CodePoints, codePoints } from '../text/code-points.js';

export { type CodePoints, codePoints };

const cache = new WeakMap<Article, CodePoints>();

/** The conversion for an article, built on first use and kept as long as the article lives. */
export function articleCodePoints(article: Article): CodePoints {
  let found = cache.get(article);
  if (!found) {
    found = codePoints(article.text);
    cache.set(article, found);
  }
  return found;
}
