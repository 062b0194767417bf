import { notFilterNote, parseQuery } from '../search/query.js';
import { unknownLabel } from '../search/unknown-label.js';
import type { LabelSet } from '../store/labels.js';
import { oneLine } from '../text/untrusted.js';

/**
 * What the search box says of a query that finds nothing because of how it is written, as
 * `margin search` says it: a status it does not know, a label outside the codebook (which may
 * still be on annotations made under an older one, so it is searched, and named only when
 * nothing was found). Null when the query is well formed.
 */
export function searchNote(query: string, labels: LabelSet, found: number): string | null {
  const names = labels.map((label) => label.name);
  const parsed = parseQuery(query, names);
  if (parsed.problems.length > 0) return parsed.problems.join('; ');
  if (found === 0 && parsed.unlisted.length > 0) {
    return unknownLabel(`label:${parsed.unlisted[0]}`, [...names, 'none']);
  }
  if (found === 0) return notFilterNote(parsed);
  return null;
}

/** The label a query example names: `quote` where the codebook has it, else its first. */
export function exampleLabel(labels: LabelSet): string {
  return labels.some((label) => label.name === 'quote') ? 'quote' : (labels[0]?.name ?? 'none');
}

/** What the empty search box offers, its label example one of the codebook's. */
export function searchPrompt(labels: LabelSet): string {
  const label = oneLine(exampleLabel(labels));
  return `type to search: words, "a phrase", label:${label}, source:NAME, status:done, -word`;
}
