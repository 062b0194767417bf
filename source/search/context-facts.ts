import type { Label, PlacedAnnotation } from '../store/types.js';
import { words } from './fold.js';

/** What the annotations say about sentences, keyed by sentence number in the corpus index. */
export interface ContextFacts {
  labels: Map<number, Label[]>;
  annotators: Map<number, Set<string>>;
  notes: NoteIndex;
}

/**
 * Folded words of notes and attribute values, per sentence they annotate, and the notes each
 * distinct word occurs in: a query word is compared with each distinct word once, however many
 * notes repeat it.
 */
export interface NoteIndex {
  entries: Array<{ sentence: number; words: string[] }>;
  byWord: Map<string, number[]>;
}

export type SentenceLookup = (article: string, sentence: string) => number | undefined;

/**
 * Derived once per annotation list. Callers may pass a fresh array on every keystroke
 * (`repository.list()` builds one per call) holding the same annotation objects: comparing the
 * elements by identity costs a pointer check each, where deriving again would fold every note.
 */
export class FactsCache {
  private last: { annotations: PlacedAnnotation[]; facts: ContextFacts } | null = null;

  constructor(private readonly lookup: SentenceLookup) {}

  get(annotations: PlacedAnnotation[]): ContextFacts {
    const last = this.last;
    if (last && sameItems(last.annotations, annotations)) {
      last.annotations = annotations;
      return last.facts;
    }
    const facts = derive(annotations, this.lookup);
    this.last = { annotations, facts };
    return facts;
  }
}

function sameItems(before: PlacedAnnotation[], now: PlacedAnnotation[]): boolean {
  if (before === now) return true;
  if (before.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) if (before[i] !== now[i]) return false;
  return true;
}

function derive(annotations: PlacedAnnotation[], lookup: SentenceLookup): ContextFacts {
  const labelSets = new Map<number, Set<Label>>();
  const annotators = new Map<number, Set<string>>();
  const notes: NoteIndex = { entries: [], byWord: new Map() };
  for (const annotation of annotations) {
    // An orphan has lost its sentence: there is nothing to show it on.
    if (!annotation.placement) continue;
    const sentence = lookup(annotation.article, annotation.placement.sentence);
    if (sentence === undefined) continue;
    add(labelSets, sentence, annotation.label);
    add(annotators, sentence, annotation.annotator);
    const text = [annotation.note ?? '', ...Object.values(annotation.attributes ?? {})].join(' ');
    const folded = words(text);
    if (folded.length > 0) {
      const entry = notes.entries.length;
      notes.entries.push({ sentence, words: folded });
      for (const word of new Set(folded)) {
        const list = notes.byWord.get(word);
        if (list) list.push(entry);
        else notes.byWord.set(word, [entry]);
      }
    }
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
