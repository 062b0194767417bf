import type { Article } from '../corpus/types.js';
import { isVisibleJson, safeJson } from '../text/untrusted.js';

/** The corpus's `quotedText`: an article's text as a JSON string, UTF-8, by id. */
export type QuotedText = (id: string) => Uint8Array | undefined;

/**
 * The article's text as a JSON string, made visible, as UTF-8: `safeJson(article.text)`. Taken
 * as the corpus gives it when it gives it and it holds nothing to escape (nearly always: the
 * cleaner removes control and bidi characters), so that 100,000 texts are neither decoded nor
 * encoded again; else made from the text. `given`: those bytes, read already with others.
 */
export function textJson(article: Article, quoted?: QuotedText, given?: Uint8Array): Buffer {
  const bytes = given ?? quoted?.(article.id);
  if (bytes && isVisibleJson(bytes)) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return Buffer.from(safeJson(article.text));
}
