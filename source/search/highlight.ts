import { eachWord, foldText, originalRange } from './fold.js';
import type { SentenceIndex } from './sentence-index.js';
import { findPhrase, type Term } from './terms.js';

/**
 * The ranges of `text` (original UTF-16 offsets) that the query's words and phrases matched,
 * sorted and merged. Only shown hits are highlighted, so this re-folds one sentence at a time
 * rather than keeping word offsets for the whole corpus.
 */
export function highlight(
  text: string,
  terms: Term[],
  index: SentenceIndex,
): Array<[number, number]> {
  const folded = foldText(text);
  const starts: number[] = [];
  const ends: number[] = [];
  const ids: number[] = [];
  eachWord(folded.folded, (word, start, end) => {
    starts.push(start);
    ends.push(end);
    // Every word of an indexed sentence is in the vocabulary; the sentinel never matches.
    ids.push(index.wordIds.get(word) ?? 0xffffffff);
  });
  const sequence = Uint32Array.from(ids);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (term.kind === 'word') {
      ids.forEach((id, k) => {
        if (term.scores.has(id)) ranges.push(originalRange(folded, starts[k]!, ends[k]!));
      });
    } else {
      const length = term.ids.length + 1;
      findPhrase(term, sequence, 0, sequence.length, (at) => {
        ranges.push(originalRange(folded, starts[at]!, ends[at + length - 1]!));
      });
    }
  }
  return merge(ranges);
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}
