import { fold, words } from '../text/fold.js';
import type { AnnotationFacts, AnnotationText } from './annotation-facts.js';
import { type SentenceSet, sentenceSetFromTags, sentenceSetOf } from './tagged-sentences.js';

/** What the annotations say about sentences, keyed by sentence key in the word index. */
export interface ContextFacts {
  notes: NoteIndex;
  /** Labels and annotators per sentence, all of them: what `tagged` reads without a store. */
  tags(): SentenceTags;
  /**
   * The sentences with an annotation labelled `label`, or by an annotator whose folded name
   * holds `annotator` (folded), or with any annotation: what `label:` and `annotator:` test.
   */
  tagged(where: TagFilter): SentenceSet;
}

export type TagFilter = { label: string } | { annotator: string } | Record<string, never>;

export interface SentenceTags {
  labels: Map<number, string[]>;
  annotators: Map<number, Set<string>>;
}

/**
 * Folded words of notes and attribute values, per sentence they annotate, and the notes each
 * distinct word occurs in: a query word is compared with each distinct word once, however many
 * notes repeat it.
 */
export interface NoteIndex {
  entries: NoteEntry[];
  byWord: Map<string, number[]>;
}

/**
 * One note's folded words and the key of the sentence it annotates: undefined for an orphan
 * (on no sentence now) or a sentence the index does not hold. The sentence is looked up when
 * first asked, since a store places an annotation only for a note a query matched.
 */
export interface NoteEntry {
  readonly words: string[];
  readonly sentence: number | undefined;
}

export type SentenceLookup = (article: string, sentence: string) => number | undefined;

/**
 * Derived once per version of the annotations (and per index: keys name sentences of one index).
 * Notes are read on every query, since every query matches its words against them; labels and
 * annotators only when a filter asks.
 */
export class FactsCache {
  private last: { facts: AnnotationFacts; version: string | number; derived: ContextFacts } | null =
    null;

  constructor(
    private readonly lookup: SentenceLookup,
    private readonly articleId: (a: number) => string,
  ) {}

  get(facts: AnnotationFacts): ContextFacts {
    const version = facts.version;
    const last = this.last;
    if (last && last.facts === facts && last.version === version) return last.derived;
    const derived = derive(facts, this.lookup, this.articleId);
    this.last = { facts, version, derived };
    return derived;
  }
}

/**
 * Each text's folded words, indexed: the texts with a word, and each word's texts by their place
 * among those (in order, each once).
 */
export function indexTexts<T extends { text: string }>(
  texts: Iterable<T>,
): { texts: T[]; byWord: Map<string, number[]> } {
  const kept: T[] = [];
  const byWord = new Map<string, number[]>();
  for (const text of texts) {
    const folded = words(text.text);
    if (folded.length === 0) continue;
    const entry = kept.length;
    kept.push(text);
    for (const word of folded) {
      const list = byWord.get(word);
      // Entries come in order: a word met again in the same text is already last in its list.
      if (!list) byWord.set(word, [entry]);
      else if (list[list.length - 1] !== entry) list.push(entry);
    }
  }
  return { texts: kept, byWord };
}

function derive(
  facts: AnnotationFacts,
  lookup: SentenceLookup,
  articleId: (a: number) => string,
): ContextFacts {
  const indexed = facts.indexedTexts?.() ?? indexTexts(facts.texts());
  const notes: NoteIndex = {
    entries: indexed.texts.map((text) => new Note(text, lookup)),
    byWord: indexed.byWord,
  };
  let tags: SentenceTags | null = null;
  const allTags = () => {
    tags ??= tagsOf(facts, lookup);
    return tags;
  };
  const sets = new Map<string, SentenceSet>();
  return {
    notes,
    tags: allTags,
    tagged: (where) => {
      const name =
        'label' in where
          ? `label ${where.label}`
          : 'annotator' in where
            ? `by ${where.annotator}`
            : '';
      let set = sets.get(name);
      if (!set) {
        set = taggedSet(facts, where, allTags, lookup, articleId);
        sets.set(name, set);
      }
      return set;
    },
  };
}

/**
 * A note as the index holds it: its words folded again when a phrase asks for them and its
 * sentence looked up when a query matched it. Keeping every note's words (30,000 notes in the
 * bench's store) cost search more in garbage collection than folding them did.
 */
class Note implements NoteEntry {
  private folded: string[] | null = null;
  private key: number | undefined | null = null;

  constructor(
    private readonly text: AnnotationText,
    private readonly lookup: SentenceLookup,
  ) {}

  get words(): string[] {
    this.folded ??= words(this.text.text);
    return this.folded;
  }

  get sentence(): number | undefined {
    if (this.key === null) {
      const { article, sentence } = this.text;
      const id = typeof sentence === 'string' ? sentence : sentence();
      this.key = id === undefined ? undefined : this.lookup(article, id);
    }
    return this.key;
  }
}

/**
 * A store answers from its index, by label or annotator, without placing every annotation
 * (`borrowing label:claim` placed all 300,000 of the bench's store: 7.5 s of CPU and 570 MB);
 * annotations held in memory answer from `sentences()`.
 */
function taggedSet(
  facts: AnnotationFacts,
  where: TagFilter,
  tags: () => SentenceTags,
  lookup: SentenceLookup,
  articleId: (a: number) => string,
): SentenceSet {
  const name = 'annotator' in where ? where.annotator : undefined;
  const { tagged } = facts;
  if (!tagged) {
    const annotator = name === undefined ? undefined : (each: string) => fold(each).includes(name);
    return sentenceSetFromTags(tags, 'label' in where ? { label: where.label } : { annotator });
  }
  let annotators: readonly string[] | null = null;
  return sentenceSetOf(
    (article) => {
      if ('label' in where) return tagged.call(facts, { label: where.label }, article);
      if (name === undefined) return tagged.call(facts, {}, article);
      annotators ??= facts.annotators().filter((each) => fold(each).includes(name));
      return annotators.length === 0 ? new Map() : tagged.call(facts, { annotators }, article);
    },
    articleId,
    lookup,
  );
}

function tagsOf(facts: AnnotationFacts, lookup: SentenceLookup): SentenceTags {
  const labelSets = new Map<number, Set<string>>();
  const annotators = new Map<number, Set<string>>();
  for (const annotated of facts.sentences()) {
    const sentence = lookup(annotated.article, annotated.sentence);
    if (sentence === undefined) continue;
    for (const label of annotated.labels) add(labelSets, sentence, label);
    for (const annotator of annotated.annotators) add(annotators, sentence, annotator);
  }
  const labels = new Map<number, string[]>();
  for (const [sentence, set] of labelSets) labels.set(sentence, [...set].sort());
  return { labels, annotators };
}

function add<T>(map: Map<number, Set<T>>, key: number, value: T): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
