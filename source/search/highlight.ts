import { eachWord, foldText, originalRange } from '../text/fold.js';
import { findPhrase, type Term } from './terms.js';

/**
 * The ranges of `text` (original UTF-16 offsets) that the query's words and phrases matched,
 * sorted and merged. Only shown hits are highlighted, so this re-folds one sentence at a time
 * rather than keeping word offsets for the whole corpus.
 */
export function highlight(text: string, terms: Term[]): Array<[number, number]> {
  const folded = foldText(text);
  const starts: number[] = [];
  const ends: number[] = [];
  const list: string[] = [];
  eachWord(folded.folded, (word, start, end) => {
    starts.push(start);
    ends.push(end);
    list.push(word);
  });
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    if (term.kind === 'word') {
      list.forEach((word, k) => {
        if (term.scores.has(word)) ranges.push(originalRange(folded, starts[k]!, ends[k]!));
      });
    } else if (term.known) {
      const length = term.words.length;
      findPhrase(term, list, (at) => {
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
