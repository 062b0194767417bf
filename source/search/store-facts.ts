import type { Repository } from '../store/repository.js';
import type { AnnotatedSentence, AnnotationFacts, AnnotationText } from './annotation-facts.js';
import { indexTexts } from './context-facts.js';

/**
 * The notes' folded words as the store's index keeps them (`Repository.derived`): each note as
 * `[article, annotator, id, text]`, and each word with the places of the notes holding it.
 */
interface KeptNotes {
  notes: Array<[article: string, annotator: string, id: string, text: string]>;
  words: string[];
  lists: number[][];
}

/**
 * What a search asks of the annotations, answered by the repository from the store's index one
 * article at a time: nothing is held between two calls but what the caller keeps.
 */
export function storeFacts(
  repository: Pick<
    Repository,
    | 'version'
    | 'annotated'
    | 'notes'
    | 'list'
    | 'status'
    | 'annotators'
    | 'taggedSentences'
    | 'derived'
    | 'onlyOpened'
    | 'annotator'
  >,
): AnnotationFacts {
  // The files only opened (in progress, nothing in them), read from the index once per version.
  let opened: { version: number; pairs: Set<string> } | null = null;
  const onlyOpened = (article: string, annotator: string) => {
    if (opened === null || opened.version !== repository.version) {
      const pairs = new Set<string>();
      for (const each of repository.onlyOpened())
        pairs.add(`${each.annotator}\u0000${each.article}`);
      opened = { version: repository.version, pairs };
    }
    return opened.pairs.has(`${annotator}\u0000${article}`);
  };
  return {
    get version() {
      return repository.version;
    },
    *sentences(): Iterable<AnnotatedSentence> {
      for (const { id, annotations } of repository.annotated()) {
        const bySentence = new Map<string, { labels: Set<string>; annotators: Set<string> }>();
        for (const annotation of annotations) {
          // An orphan has lost its sentence: there is nothing to show it on.
          if (!annotation.placement) continue;
          const sentence = annotation.placement.sentence;
          let facts = bySentence.get(sentence);
          if (!facts) {
            facts = { labels: new Set(), annotators: new Set() };
            bySentence.set(sentence, facts);
          }
          facts.labels.add(annotation.label);
          facts.annotators.add(annotation.annotator);
        }
        for (const [sentence, facts] of bySentence) {
          yield {
            article: id,
            sentence,
            labels: [...facts.labels].sort(),
            annotators: [...facts.annotators].sort(),
          };
        }
      }
    },
    *texts(): Iterable<AnnotationText> {
      // The notes come from the index's rows; an annotation is placed only once a query matched
      // its note, with the rest of its article's (placing every annotated article cost 1.2 s of
      // each search over a store of 300,000 annotations).
      const sentenceOf = sentenceFinder(repository);
      for (const { article, annotator, id, text } of repository.notes()) {
        yield { article, sentence: () => sentenceOf(article, annotator, id, text), text };
      }
    },
    indexedTexts() {
      // Kept in the store's index while no file's row changes: reading and folding the bench's
      // 30,034 notes took 0.2-0.3 s of each search's first line; this is a parse of their words.
      const kept = repository.derived<KeptNotes>('search notes 1', '', () => {
        const indexed = indexTexts(repository.notes());
        return {
          notes: indexed.texts.map(({ article, annotator, id, text }) => [
            article,
            annotator,
            id,
            text,
          ]),
          words: [...indexed.byWord.keys()],
          lists: [...indexed.byWord.values()],
        };
      });
      const sentenceOf = sentenceFinder(repository);
      return {
        texts: kept.notes.map(([article, annotator, id, text]) => ({
          article,
          sentence: () => sentenceOf(article, annotator, id, text),
          text,
        })),
        byWord: new Map(kept.words.map((word, at) => [word, kept.lists[at]!])),
      };
    },
    // A hit's labels: one article's annotations, not a walk over the store.
    labels: (article, sentence) => {
      const labels = new Set<string>();
      for (const annotation of repository.list({ article })) {
        if (annotation.placement?.sentence === sentence) labels.add(annotation.label);
      }
      return [...labels].sort();
    },
    // Labels and annotators from the index's rows, without placing every annotation.
    tagged: (where, article) => repository.taggedSentences(where, article),
    // An article only opened is unreviewed to `status:`, as to `stats` and `agree`.
    status: (article, annotator) => {
      const status = repository.status(article, annotator);
      return status === 'in progress' && onlyOpened(article, annotator ?? repository.annotator)
        ? 'unreviewed'
        : status;
    },
    annotators: () => repository.annotators(),
  };
}

/**
 * The sentence a note annotates, found by placing its article's annotations when first asked
 * (each article once).
 */
function sentenceFinder(
  repository: Pick<Repository, 'list'>,
): (article: string, annotator: string, id: string, text: string) => string | undefined {
  const placed = new Map<string, Map<string, Array<{ sentence?: string; text: string }>>>();
  return (article, annotator, id, text) => {
    let sentences = placed.get(article);
    if (!sentences) {
      sentences = new Map();
      for (const annotation of repository.list({ article })) {
        const key = `${annotation.annotator}\u0000${annotation.id}`;
        const values = Object.values(annotation.attributes ?? {});
        const entry = {
          sentence: annotation.placement?.sentence,
          text: [annotation.note ?? '', ...values].join(' '),
        };
        const same = sentences.get(key);
        if (same) same.push(entry);
        else sentences.set(key, [entry]);
      }
      placed.set(article, sentences);
    }
    // A file may hold two annotations with one id (a hand edit, a merge): the one whose
    // note is this text is the one meant, as the index's row names it.
    const entries = sentences.get(`${annotator}\u0000${id}`) ?? [];
    return (entries.find((entry) => entry.text === text) ?? entries[0])?.sentence;
  };
}
