/**
 * A bullet or a list number at the start of a line: `•`, `▪` (with or without a space after),
 * or `-`, `*`, `1.`, `2)`, `(3)`, `a)`, `b.`, `iv.` followed by a space. A lone capital with a
 * period ("J. P. Morales") is an initial, so capitals count only with a bracket ("A)").
 */
const listItem =
  /[\t ]*(?:[•◦▪▫‣⁃∙●○■□►▸▹➢➤✓✔]|(?:[·*+\-–—]|\(?(?:\d{1,3}|[a-z]|[ivxlcdm]{2,6}|[IVXLCDM]{2,6})[.)]|\(?[A-Z]\))[\t ])/y;

const marker = /^(?:\d{1,3}|[a-z]|[ivxlcdm]{2,6}|[IVXLCDM]{2,6})$/;

/** Whether the line starting at `index` (after its indentation) is a list item. */
export function isListItemAt(text: string, index: number): boolean {
  listItem.lastIndex = index;
  return listItem.test(text);
}

/** Whether a word before a period can be a list number: `1` of "1. First item". */
export function isListMarker(word: string): boolean {
  return marker.test(word);
}
