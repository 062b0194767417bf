import { EXACT } from './candidates.js';
import type { ParsedQuery } from './query.js';
import type { SearchHit } from './types.js';

/**
 * The leading hits of an answer searched without the store that no annotation can change,
 * move or outrank, so that `margin search` may print them before every store file has been
 * compared with the store's index. A hit scoring EXACT holds every word and phrase of the query
 * whole in its own text, from the corpus alone: a note or an attribute value counts 0.9 of a
 * word's score (`NOTE_WEIGHT`) and a title less, so no sentence a note matches can reach it,
 * and ties keep corpus order. What the store decides (label:, annotator:, status:) leaves
 * nothing sure; `source:` and exclusions read the corpus alone. The line format only: the hits'
 * labels, which `--json` prints, are the store's.
 */
export function sureHits(parsed: ParsedQuery, hits: readonly SearchHit[]): SearchHit[] {
  if (!storeCannotFilter(parsed)) return [];
  const sure: SearchHit[] = [];
  for (const hit of hits) {
    if (hit.score < EXACT) break;
    sure.push(hit);
  }
  return sure;
}

/** Whether the query's filters read the corpus alone (`source:`), none of them the store. */
export const storeCannotFilter = (parsed: ParsedQuery): boolean =>
  parsed.filters.every((filter) => filter.field === 'source');
