import { defaultCacheDir } from '../corpus/cache.js';
import type { Article } from '../corpus/types.js';
import {
  diskRejectionStore,
  type RejectedLabels,
  readModelFile,
  rejectedLabels,
  resolveAnnotator,
} from '../store/index.js';
import { journalFolder } from '../store/journal.js';
import { DEFAULT_LABELS, type LabelSet } from '../store/labels.js';
import type { Suggestion, SuggestModel } from '../suggest/index.js';
import { loadSuggestions } from '../suggest/lazy.js';
import type { CommandIO } from './command.js';
import type { Output } from './output.js';

/** The engine with the model a command suggests with, and a name for that model in exports. */
export interface Suggester {
  /** One suggestion per sentence, one score per label of the set. */
  suggest(article: Article): Suggestion[];
  /** `margin-suggest-r<decisions learnt>`: `r0` is the rules alone. */
  version: string;
}

/**
 * The annotator's learnt model from the store (`--annotator`, else `$MARGIN_ANNOTATOR`, else the
 * login name), or the rules alone when there is none. A refused model file is named as a problem
 * (status 1) and the rules are used. The labels that annotator rejected on a sentence in the
 * review (their `.suggest-rejections.json`) are not suggested there: a suggestion's label left
 * out is `suggested: false`. A teammate's rejections count only for them; a refused file is
 * named (status 1) and its rejections are not applied. The rejections a killed review of that
 * annotator journaled and never wrote are written into the file first.
 */
export async function openSuggester(
  flags: Record<string, unknown>,
  io: CommandIO,
  output: Output,
  store: { root: string; shown: string },
  labels: LabelSet = DEFAULT_LABELS,
): Promise<Suggester> {
  const engine = await loadSuggestions();
  let model: SuggestModel = engine.createModel();
  let annotator: string | null = null;
  try {
    annotator = resolveAnnotator(flags.annotator as string | undefined, io.env);
  } catch {
    // Nobody named: the rules alone.
  }
  let rejected: RejectedLabels = new Map();
  if (annotator !== null) {
    // What a killed review noted and never wrote is written first, as its tags are.
    const journal = journalFolder(defaultCacheDir(io.env), store.root);
    const rejections = await diskRejectionStore(store.root, annotator, store.shown, journal).read();
    if (rejections.kind === 'refused') {
      output.problem(`${rejections.message}; the suggestions it rejects are given until then`);
    } else if (rejections.kind === 'loaded') rejected = rejectedLabels(rejections.rejections);
    const read = await readModelFile(store.root, annotator, engine.parseModel, store.shown);
    if (read.kind === 'refused') output.problem(`${read.message}; suggesting from the rules alone`);
    else if (read.kind === 'loaded') {
      if (read.value.stale) {
        output.warn(
          `the suggestion model of ${annotator} was learnt by another margin: rules alone`,
        );
      }
      model = read.value.model;
    }
  }
  return {
    // The codebook with its attributes: the review, `margin suggest` and exports suggest alike.
    suggest: (article) =>
      withoutRejected(
        engine.suggest(engine.analyseArticle(article), model, labels),
        rejected.get(article.id),
      ),
    version: `margin-suggest-r${model.revision}`,
  };
}

/** The suggestions with the labels the annotator rejected on each sentence no longer suggested. */
function withoutRejected(
  suggestions: Suggestion[],
  rejected: ReadonlyMap<string, readonly string[]> | undefined,
): Suggestion[] {
  if (!rejected) return suggestions;
  return suggestions.map((suggestion) => {
    const labels = rejected.get(suggestion.sentence);
    if (!labels) return suggestion;
    return {
      ...suggestion,
      labels: suggestion.labels.map((score) =>
        score.suggested && labels.includes(score.label) ? { ...score, suggested: false } : score,
      ),
    };
  });
}
