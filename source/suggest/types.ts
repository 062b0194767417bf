/**
 * The suggestion engine's public types. Labels are plain strings so a project's own label set
 * (configured elsewhere) needs no change here; `claim`, `quote` and `event` get rule priors, any
 * other label learns from the reviewer alone.
 */

/** One label of the project's label set. */
export interface LabelSpec {
  name: string;
  /**
   * The attributes the project declares for the label (`values`: a fixed list). When given, a
   * suggestion carries only these, and a fixed list's value only when it is one of the list: a
   * codebook whose claim asks for no claimant is never offered one.
   */
  attributes?: readonly { name: string; values?: readonly string[] }[];
  /**
   * The built-in label (`claim`, `quote`, `event`) whose rules suggest this one, when its name is
   * another (`citation`, a renamed quote: margin.json's `"rules": "quote"`). By default a label
   * takes the rules of its own name, when it has any.
   */
  rules?: string | undefined;
}

/** Attributes by key as the store keeps them (`speaker`, `claimant`, `when`, `where`). */
export type Attributes = Record<string, string>;

/** What the rules found in one sentence, before any learning: the model's fixed input. */
export interface SentenceAnalysis {
  /** The sentence id of the article (`Sentence.id`). */
  sentence: string;
  index: number;
  /** Rule names that fired, readable (`quote.marks`, `claim.figure`): shown as the reason. */
  rules: string[];
  /** Log-odds each built-in label starts from, from the rules alone. */
  priors: Record<string, number>;
  /** Attributes the rules read off the sentence, per built-in label. */
  attributes: Record<string, Attributes>;
  /** Hashed features (sorted, unique) the model learns over: words, bigrams, shape, position. */
  features: number[];
  /**
   * Hashed cues and rule firings (`cues.ts`), weighed in full rather than shared out like the
   * words: what the reviewer teaches about a cue carries to every sentence it is found in.
   */
  cues: number[];
  /**
   * Hashed cues of the sentences before and after, marked apart: which run of the article the
   * sentence stands in (narration, figures, sourced statements). Weighed with the cues for every
   * label but a quote, which the sentence's own quotation marks decide.
   */
  around: number[];
}

/** An article read by the rules: independent of the model, so it is computed once per text. */
export interface ArticleAnalysis {
  article: string;
  /** SHA-256 of the clean text the analysis was made from (`Article.hash`). */
  hash: string;
  sentences: SentenceAnalysis[];
}

export interface LabelScore {
  label: string;
  /** Probability in [0, 1] that the sentence carries the label. */
  score: number;
  /** `score >= threshold`: what the UI shows as a suggested tag. */
  suggested: boolean;
  /** Rule names behind the score (empty for labels learnt from the reviewer alone). */
  reasons: string[];
  /** Suggested attributes for this label (`speaker` of a quote); empty when unclear. */
  attributes: Attributes;
}

/** The suggestions for one sentence; never an annotation until the reviewer accepts one. */
export interface Suggestion {
  sentence: string;
  index: number;
  /** One score per label, in the order of the label set given. */
  labels: LabelScore[];
  /**
   * 0 (sure either way) to 1 (a coin toss) for the least certain label with any evidence: the
   * queue's order. A label with no rules that nobody has taught yet is left out: its score is the
   * untaught prior of every sentence, not a doubt about this one.
   */
  uncertainty: number;
  /** The label `uncertainty` comes from; null when no label has evidence. */
  doubt: string | null;
}

/**
 * A reviewer's word on one label of one sentence: accepting or rejecting a suggestion, tagging by
 * hand (`present: true`) or clearing a tag (`present: false`).
 */
export interface Decision {
  sentence: string;
  label: string;
  present: boolean;
}
