import type { Label, PlacedAnnotation } from '../store/types.js';
import { words } from './fold.js';

/** What the annotations say about sentences, keyed by sentence number in the corpus index. */
export interface ContextFacts {
  labels: Map<number, Label[]>;
  annotators: Map<number, Set<string>>;
  /** Folded words of notes and attribute values, per sentence they annotate. */
  notes: Array<{ sentence: number; words: string[] }>;
}

export type SentenceLookup = (article: string, sentence: string) => number | undefined;

/**
 * Derived once per annotation list: the UI passes the same list on every keystroke until an
 * annotation changes, so a new list is the signal to recompute.
 */
export class FactsCache {
  private readonly cache = new WeakMap<PlacedAnnotation[], ContextFacts>();

  constructor(private readonly lookup: SentenceLookup) {}

  get(annotations: PlacedAnnotation[]): ContextFacts {
    let facts = this.cache.get(annotations);
    if (!facts) {
      facts = derive(annotations, this.lookup);
      this.cache.set(annotations, facts);
    }
    return facts;
  }
}

function derive(annotations: PlacedAnnotation[], lookup: SentenceLookup): ContextFacts {
  const labelSets = new Map<number, Set<Label>>();
  const annotators = new Map<number, Set<string>>();
  const notes: ContextFacts['notes'] = [];
  for (const annotation of annotations) {
    // An orphan has lost its sentence: there is nothing to show it on.
    if (!annotation.placement) continue;
    const sentence = lookup(annotation.article, annotation.placement.sentence);
    if (sentence === undefined) continue;
    add(labelSets, sentence, annotation.label);
    add(annotators, sentence, annotation.annotator);
    const text = [annotation.note ?? '', ...Object.values(annotation.attributes ?? {})].join(' ');
    const folded = words(text);
    if (folded.length > 0) notes.push({ sentence, words: folded });
  }
  const labels = new Map<number, Label[]>();
  for (const [sentence, set] of labelSets) labels.set(sentence, [...set].sort());
  return { labels, annotators, notes };
}

function add<T>(map: Map<number, Set<T>>, key: number, value: T): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
