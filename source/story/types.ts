/** The story engine's public types: what goes in (articles, reviewers' links) and what comes out. */

/** An article as the engine reads it; `corpus`'s `Article` fits as it is. */
export interface StoryArticle {
  id: string;
  /** ISO `YYYY-MM-DD`, or null. */
  date: string | null;
  source: string | null;
  sentences: ReadonlyArray<{ id: string; text: string }>;
}

/** A sentence named as the store names it: article id and sentence id. */
export interface SentenceRef {
  article: string;
  sentence: string;
}

/** A reviewer's correction: `link` says two sentences report the same thing, `unlink` says they do not. */
export interface StoryConstraint {
  kind: 'link' | 'unlink';
  a: SentenceRef;
  b: SentenceRef;
}

/** A sentence of a group, by position: `sentence` is its index in the article as it was added. */
export interface ClusterMember {
  article: string;
  sentence: number;
}

/**
 * A group as the index keeps it: positions only. `describeCluster` turns it into a `StoryGroup`
 * with texts, labels and differences, from the articles.
 */
export interface StoryCluster {
  /** Derived from the anchor's article and words: the same group keeps its id across runs. */
  id: string;
  /** The earliest-dated member (undated articles last, then by article id and position). */
  anchor: ClusterMember;
  /** Every member, anchor first, then in the anchor's order. */
  members: ClusterMember[];
}

/** A group's kind: one of the codebook's labels (`kindOf`). */
export type StoryKind = string;

export interface GroupMember {
  article: string;
  /** The sentence's id (`Sentence.id`). */
  sentence: string;
  /** Its index in the article. */
  index: number;
  source: string | null;
  date: string | null;
  text: string;
  /** Labels any annotator gave it, as the caller passed them. */
  labels: string[];
}

/** One value of a difference: which member (index into `members`) wrote what. */
export interface DifferenceValue {
  member: number;
  text: string;
}

/**
 * A fact that members state differently: a figure, a name's spelling or speaker, a date, or a
 * quotation's words.
 */
export interface Difference {
  kind: 'number' | 'name' | 'date' | 'quote';
  values: DifferenceValue[];
}

/** A word-level diff of a member against the anchor: runs of equal, added and removed text. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface StoryGroup {
  id: string;
  kind: StoryKind | null;
  /** Anchor (earliest-dated) first. */
  members: GroupMember[];
  differences: Difference[];
  /** `diffs[i]` turns the anchor's text into member i's (empty for the anchor itself). */
  diffs: DiffPart[][];
  /**
   * Described for a report of at most `DescribeOptions.shown` versions: the members it names
   * (`shownMembers`), so that the report does not pick them again.
   */
  shown?: number[];
}
