import type { Label } from '../store/types.js';

/** One matching sentence, as the UI and `margin search` show it. */
export interface SearchHit {
  article: string;
  sentence: string;
  /** 0..1, higher is better; exact and whole-word matches score above fuzzy ones. */
  score: number;
  text: string;
  /** Labels already on the sentence (any annotator), sorted, without duplicates. */
  labels: Label[];
  /** Matched character ranges in `text`, half-open `[start, end)`, UTF-16 offsets. */
  matches: Array<[number, number]>;
}
