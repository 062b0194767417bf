/**
 * The review's share of suggestions: what the engine proposed for each sentence of the articles
 * looked at, what the reviewer rejected, and the keys that accept, reject or seek the most
 * uncertain one. Suggestions arrive as actions from the controller (it runs the engine off the
 * keypress path); the reducer only reads them, and every decision leaves as a lesson for the model.
 */
import type { LabelSet } from '../store/labels.js';
import type { Label } from '../store/types.js';
import { emptyRecord, ownValue } from '../text/own.js';
import type { KeyAction } from './actions.js';
import { declaredBy } from './attributes.js';
import { typedKeysIn } from './keymap.js';
import { sortLabels } from './marks.js';
import { jumpTo } from './navigation.js';
import { currentArticle, currentSentence, marksOf, sentenceMarks } from './selectors.js';
import type { ReviewState } from './state.js';
import { emit, info, setMarks } from './updates.js';

/** A label proposed for a sentence, with the engine's probability. */
export interface SuggestedLabel {
  label: Label;
  score: number;
}

/** What the engine proposes for one sentence: only the labels it would tag, never the rest. */
export interface SentenceSuggestion {
  labels: SuggestedLabel[];
  /** Attributes of those labels (`speaker` of a quote), by key. */
  attributes: Record<string, string>;
}

/** An article's suggestions under the model as it was at `revision`. */
export interface ArticleSuggestions {
  /** Sentence id → suggestion; sentences with nothing to suggest are left out. */
  sentences: Record<string, SentenceSuggestion>;
  /** Every sentence id, most uncertain first (the active-learning queue). */
  uncertain: string[];
  /**
   * Sentence id → the label the model is least sure of there, with its probability: what `w`
   * names on arrival, since the least certain sentence may be one just under the cut, with no
   * badge on screen to decide on.
   */
  unsure?: Record<string, SuggestedLabel>;
  revision: number;
}

export interface SuggestionsState {
  byArticle: Record<string, ArticleSuggestions>;
  /**
   * Article id → sentence id → the suggested labels the reviewer rejected there: with `r` (every
   * label then suggested on the sentence), or removed by hand (`1` on a claim `y` gave, `x`),
   * in this session or before it (the annotator's rejections file, read at the start). Not
   * offered there again; the sentence's other suggestions are.
   */
  dropped: Record<string, Record<string, Label[]>>;
  /** Decisions for the model, taken by the controller as soon as they appear (like `outbox`). */
  lessons: Lesson[];
  /** The sentence the last uncertainty jump landed on: the next jump walks on from there. */
  walk: string | null;
  /** Articles whose untagged sentences were taught as such when marked done, once a session. */
  taughtDone: Record<string, true>;
  /** The id the next lesson gets: its undo step carries it, so undo takes the lesson back. */
  nextLesson: number;
  /** Lessons whose undo changes more than the model: a rejection, an article marked done. */
  undoable: Record<
    number,
    {
      article: string;
      done?: true;
      dropped?: { sentence: string; labels: Label[] };
    }
  >;
  /** Why no suggestion will come this session (`--no-suggestions`, an engine that failed). */
  off: string | null;
}

export const NO_SUGGESTIONS: SuggestionsState = {
  byArticle: {},
  dropped: {},
  lessons: [],
  walk: null,
  taughtDone: {},
  nextLesson: 1,
  undoable: {},
  off: null,
};

/** The suggestions of a session started without them: `w` and the hints say so. */
export const SUGGESTIONS_OFF: SuggestionsState = {
  ...NO_SUGGESTIONS,
  off: 'suggestions are off in this session (--no-suggestions)',
};

/** A reviewer's word on one label of one sentence, for the model to learn from. */
export interface LearnDecision {
  sentence: string;
  label: Label;
  present: boolean;
}

/** An attribute the reviewer changed from the suggested value. */
export interface LearnCorrection {
  key: string;
  suggested: string;
  corrected: string;
}

/** What one key taught about one article. */
export interface Lesson {
  /** Given back by undo and redo of the key's step (`Effect.lesson`). */
  id: number;
  article: string;
  decisions: LearnDecision[];
  corrections: LearnCorrection[];
  /** Sentences left untagged in an article marked done: no label of the set applies to them. */
  untagged?: string[];
}

/** What is still proposed for the sentence: suggested labels it does not carry, not rejected. */
export function pendingSuggestion(
  state: ReviewState,
  article: string,
  sentence: string,
): SentenceSuggestion | null {
  const suggestion = ownValue(state.suggestions.byArticle, article)?.sentences[sentence];
  if (!suggestion) return null;
  const own = sentenceMarks(marksOf(state, article), sentence);
  const dropped = ownValue(state.suggestions.dropped, article)?.[sentence] ?? [];
  const labels = suggestion.labels.filter(
    ({ label }) => !own.labels.includes(label) && !dropped.includes(label),
  );
  if (labels.length === 0) return null;
  // Only the attributes of the labels still proposed: a claimant suggested with a claim the
  // sentence already carries is no attribute of the event proposed beside it.
  const declared = declaredBy(
    labels.map(({ label }) => label),
    state.project.labels,
  );
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(suggestion.attributes)) {
    if (!own.attributes[key] && Object.values(declared).some((names) => names.includes(key)))
      attributes[key] = value;
  }
  return { labels, attributes };
}

/** How a suggestion reads in a message and the status bar: `quote (speaker: Dmitry Peskov)`. */
export function describeSuggestion(suggestion: SentenceSuggestion): string {
  const labels = suggestion.labels.map(({ label }) => label).join(', ');
  const attributes = Object.entries(suggestion.attributes)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return attributes ? `${labels} (${attributes})` : labels;
}

/**
 * The suggestion as the status line names it, shortest first: a value several labels'
 * attributes share, each label's own (the same person as claimant and speaker), is named once
 * after the labels, the others after it (`claim, quote, event · Vladimir Putin (when:
 * Thursday)`; verify52: with a third label the person was named twice and `y accept` went);
 * otherwise as `describeSuggestion` says it.
 */
export function suggestionBrief(suggestion: SentenceSuggestion, set: LabelSet): string {
  const labels = suggestion.labels.map(({ label }) => label);
  const entries = Object.entries(suggestion.attributes);
  if (entries.length < 2) return describeSuggestion(suggestion);
  const declared = declaredBy(labels, set);
  const keysOf = new Map<string, string[]>();
  for (const [key, value] of entries) keysOf.set(value, [...(keysOf.get(value) ?? []), key]);
  // A value shared by keys each one label's own, each label giving one: `event · Kyiv` alone
  // could be when or where.
  const shared = (keys: readonly string[]) => {
    if (keys.length < 2) return false;
    const owners = keys.map((key) => labels.filter((label) => declared[label]?.includes(key)));
    return owners.every((each) => each.length === 1) && new Set(owners.flat()).size === keys.length;
  };
  const once = [...keysOf].filter(([, keys]) => shared(keys)).map(([value]) => value);
  if (once.length === 0) return describeSuggestion(suggestion);
  const rest = entries
    .filter(([, value]) => !once.includes(value))
    .map(([key, value]) => `${key}: ${value}`);
  const tail = rest.length > 0 ? ` (${rest.join(', ')})` : '';
  return `${labels.join(', ')} · ${once.join(' · ')}${tail}`;
}

export function suggestionsArrived(
  state: ReviewState,
  article: string,
  suggestions: ArticleSuggestions,
): ReviewState {
  const known = ownValue(state.suggestions.byArticle, article);
  if (known && known.revision > suggestions.revision) return state;
  return {
    ...state,
    suggestions: {
      ...state.suggestions,
      byArticle: {
        ...state.suggestions.byArticle,
        [article]: holdShown(state, article, known, suggestions),
      },
    },
  };
}

/**
 * The suggestion under the cursor stays as the reviewer sees it until the cursor moves: a model
 * re-scored by the previous decision must not change or take away what the next key decides.
 */
function holdShown(
  state: ReviewState,
  article: string,
  known: ArticleSuggestions | undefined,
  arrived: ArticleSuggestions,
): ArticleSuggestions {
  const sentence = currentSentence(state)?.id;
  if (!known || currentArticle(state)?.id !== article || sentence === undefined) return arrived;
  const shown = known.sentences[sentence];
  if (shown === arrived.sentences[sentence]) return arrived;
  const sentences = { ...arrived.sentences };
  if (shown) sentences[sentence] = shown;
  else delete sentences[sentence];
  return { ...arrived, sentences };
}

/**
 * Adds a lesson for the model and tags the writes the key asked for (those from `from` on in the
 * outbox) with it: undoing their step takes the lesson back, redoing it teaches it again.
 */
function addLesson(
  state: ReviewState,
  from: number,
  lesson: Omit<Lesson, 'id'>,
  undoable?: SuggestionsState['undoable'][number],
): ReviewState {
  const id = state.suggestions.nextLesson;
  const outbox = state.outbox.map((effect, index) =>
    index >= from && effect.kind !== 'undo' && effect.kind !== 'redo'
      ? { ...effect, lesson: id }
      : effect,
  );
  return {
    ...state,
    outbox,
    suggestions: {
      ...state.suggestions,
      nextLesson: id + 1,
      lessons: [...state.suggestions.lessons, { id, ...lesson }],
      undoable: undoable
        ? { ...state.suggestions.undoable, [id]: undoable }
        : state.suggestions.undoable,
    },
  };
}

function learnEffect(
  state: ReviewState,
  from: number,
  article: string,
  decisions: LearnDecision[],
  corrections: LearnCorrection[] = [],
): ReviewState {
  if (decisions.length === 0 && corrections.length === 0) return state;
  return addLesson(state, from, { article, decisions, corrections });
}

/**
 * A lesson's step was undone (`redo` false) or redone: what it changed in the review besides the
 * model comes back or goes again (the rejected suggestion shows again; an article marked done
 * teaches again when marked done again). The model itself is the suggestion worker's.
 */
export function lessonStep(state: ReviewState, lesson: number, redo: boolean): ReviewState {
  const what = state.suggestions.undoable[lesson];
  if (!what) return state;
  const { article, done } = what;
  let { taughtDone, dropped } = state.suggestions;
  if (done) {
    taughtDone = Object.assign(emptyRecord<true>(), taughtDone);
    if (redo) taughtDone[article] = true;
    else delete taughtDone[article];
  }
  if (what.dropped) dropped = withDropped(dropped, article, what.dropped, redo);
  return { ...state, suggestions: { ...state.suggestions, taughtDone, dropped } };
}

/** The labels removed by hand on a sentence, `on`: rejected there (or, undone, offered again). */
function withDropped(
  dropped: SuggestionsState['dropped'],
  article: string,
  { sentence, labels }: { sentence: string; labels: Label[] },
  on: boolean,
): SuggestionsState['dropped'] {
  const had = ownValue(dropped, article)?.[sentence] ?? [];
  const now = on
    ? [...had, ...labels.filter((label) => !had.includes(label))]
    : had.filter((label) => !labels.includes(label));
  const sentences = { ...ownValue(dropped, article) };
  if (now.length > 0) sentences[sentence] = now;
  else delete sentences[sentence];
  return { ...dropped, [article]: sentences };
}

/** Accepts every suggestion on the current sentence: its labels and attributes, one undo step. */
export function acceptSuggestion(state: ReviewState): ReviewState {
  const article = currentArticle(state);
  const sentence = currentSentence(state);
  if (!article || !sentence) return { ...state, message: info('no sentence here') };
  const marks = marksOf(state, article.id);
  if (marks.readOnly) return { ...state, message: info(`read-only: ${marks.readOnly}`) };
  const pending = pendingSuggestion(state, article.id, sentence.id);
  if (!pending)
    return { ...state, message: info(state.suggestions.off ?? 'no suggestion on this sentence') };
  const own = sentenceMarks(marks, sentence.id);
  const labels = pending.labels.map(({ label }) => label);
  const attributes = { ...pending.attributes, ...own.attributes };
  const next = setMarks(state, article.id, {
    ...marks,
    sentences: {
      ...marks.sentences,
      [sentence.id]: { ...own, labels: sortLabels([...own.labels, ...labels]), attributes },
    },
  });
  const written = emit(
    { ...next, message: info(`accepted: ${describeSuggestion(pending)}`) },
    {
      kind: 'tag-many',
      article: article.id,
      sentence: sentence.id,
      labels,
      attributes,
      // Each label, the new and the ones the sentence had, stores only its own attributes.
      declared: declaredBy([...own.labels, ...labels], state.project.labels),
    },
  );
  return learnEffect(
    written,
    state.outbox.length,
    article.id,
    labels.map((label) => ({ sentence: sentence.id, label, present: true })),
  );
}

/**
 * Rejects the suggestions on the current sentence: every label suggested there goes away (kept in
 * the annotator's rejections file, so for good, until undone) and the model learns from it.
 */
export function rejectSuggestion(state: ReviewState): ReviewState {
  const article = currentArticle(state);
  const sentence = currentSentence(state);
  if (!article || !sentence) return { ...state, message: info('no sentence here') };
  const pending = pendingSuggestion(state, article.id, sentence.id);
  if (!pending)
    return { ...state, message: info(state.suggestions.off ?? 'no suggestion on this sentence') };
  const rejecting = { sentence: sentence.id, labels: pending.labels.map(({ label }) => label) };
  const dropped = withDropped(state.suggestions.dropped, article.id, rejecting, true);
  const description = `reject ${describeSuggestion(pending)}`;
  // Nothing is written to the store, but the step is undone in key order with the writes.
  const next = emit(
    {
      ...state,
      suggestions: { ...state.suggestions, dropped },
      message: info(`rejected: ${describeSuggestion(pending)}`),
    },
    { kind: 'mark', article: article.id, sentence: sentence.id, description },
  );
  return addLesson(
    next,
    state.outbox.length,
    {
      article: article.id,
      decisions: pending.labels.map(({ label }) => ({
        sentence: sentence.id,
        label,
        present: false,
      })),
      corrections: [],
    },
    { article: article.id, dropped: rejecting },
  );
}

/**
 * The annotator's rejections from before this session (read from their file as suggestions
 * start): not offered again. The model learnt from them when they were made: nothing is taught.
 */
export function rejectionsLoaded(
  state: ReviewState,
  loaded: Record<string, Record<string, Label[]>>,
): ReviewState {
  // One copy of the record and of each article's, whatever the file holds: a copy a line cost
  // lines × articles (6,000 lines over 2,000 articles froze the start 2.5 s; review58-b).
  const dropped = Object.assign(emptyRecord<Record<string, Label[]>>(), state.suggestions.dropped);
  for (const [article, sentences] of Object.entries(loaded)) {
    const mine = Object.assign(emptyRecord<Label[]>(), ownValue(dropped, article));
    for (const [sentence, labels] of Object.entries(sentences)) {
      const had = ownValue(mine, sentence) ?? [];
      mine[sentence] = [...had, ...labels.filter((label) => !had.includes(label))];
    }
    dropped[article] = mine;
  }
  return { ...state, suggestions: { ...state.suggestions, dropped } };
}

/**
 * The sentence of the article whose suggestion the model is least sure of, among those the
 * reviewer has not tagged or rejected. Pressed again without deciding, it walks on down that
 * order (the sentence is skipped, as in an active-learning queue); past the article's last doubt
 * it goes on to the next article with one (among those scored so far), and only when there is
 * none back to this article's first, saying so. A sentence margin is sure of either way is no
 * doubt (`DOUBT`): with none left, `w` says so and stays.
 */
export function nextUncertain(state: ReviewState): ReviewState {
  const article = currentArticle(state);
  const sentence = currentSentence(state);
  if (!article || !sentence) return state;
  const suggestions = ownValue(state.suggestions.byArticle, article.id);
  if (!suggestions) {
    // Said as "still being computed" when none would ever come, the hint sent the reviewer waiting.
    return {
      ...state,
      message: info(state.suggestions.off ?? 'suggestions are still being computed'),
    };
  }
  const openIn = (id: string) => {
    const marks = marksOf(state, id);
    const dropped = ownValue(state.suggestions.dropped, id) ?? {};
    return (sentenceId: string) =>
      sentenceId !== sentence.id &&
      // A sentence with a label rejected still offers its others (`r` rejects per label).
      (!dropped[sentenceId] || pendingSuggestion(state, id, sentenceId) !== null) &&
      sentenceMarks(marks, sentenceId).labels.length === 0;
  };
  const open = openIn(article.id);
  const from =
    state.suggestions.walk === sentence.id ? suggestions.uncertain.indexOf(sentence.id) : -1;
  const here = suggestions.uncertain.slice(from + 1).find(open);
  if (here) return arrive(state, article.id, here, '');
  // The next article with a doubt left, in the corpus's order from this one on.
  const count = state.articles.length;
  for (let step = 1; step < count; step++) {
    const other = state.articles[(state.current + step) % count]!;
    const queue = ownValue(state.suggestions.byArticle, other.id)?.uncertain;
    const target = queue?.find(openIn(other.id));
    if (target)
      return arrive(state, other.id, target, `article ${state.articles.indexOf(other) + 1}: `);
  }
  const again = from >= 0 ? suggestions.uncertain.slice(0, from).find(open) : undefined;
  if (again) return arrive(state, article.id, again, 'back to the first doubt left here: ');
  return {
    ...state,
    message: info(
      `no doubt left: margin is sure of every undecided sentence of ${
        Object.keys(state.suggestions.byArticle).length > 1
          ? 'the articles scored so far'
          : 'this article'
      }`,
    ),
  };
}

/** The reviewer at the doubt, told which label it is about (after `prefix`). */
function arrive(state: ReviewState, article: string, target: string, prefix: string): ReviewState {
  const moved = jumpTo(state, article, target);
  const doubt = ownValue(state.suggestions.byArticle, article)?.unsure?.[target];
  const said = doubt ? unsureMessage(moved, article, target, doubt) : 'least sure here';
  const arrived = { ...moved, message: info(`${prefix}${said}`) };
  return { ...arrived, suggestions: { ...arrived.suggestions, walk: target } };
}

/**
 * What `w` says on arrival: the label margin doubts, and what the reviewer can do about it. A
 * label under the cut has no badge, so without this the screen would show nothing to decide.
 */
function unsureMessage(
  state: ReviewState,
  article: string,
  sentence: string,
  doubt: SuggestedLabel,
): string {
  const percent = Math.round(doubt.score * 100);
  const shown = pendingSuggestion(state, article, sentence)?.labels.some(
    ({ label }) => label === doubt.label,
  );
  // The project's keys for them, as the hints have them (qa53: messages named the defaults).
  const keys = (pairs: [KeyAction['type'], string][]) =>
    pairs.flatMap(([type, what]) => {
      const key = typedKeysIn('reader', type, state.project.keymap)[0];
      return key ? [` · ${key} ${what}`] : [];
    });
  const next = keys([['suggestion/next-uncertain', 'next']]).join('');
  return shown
    ? `least sure: ${doubt.label} ${percent}% (suggested)${keys([
        ['suggestion/accept', 'accept'],
        ['suggestion/reject', 'reject'],
      ]).join('')}${next}`
    : `least sure: ${doubt.label} ${percent}% (not suggested) · tag it if it is one${next}`;
}

/**
 * The model learns from manual tags too: what the key changed on the current sentence
 * (`before` → `after`) becomes decisions, added to the writes the key asked for.
 */
export function learnFromChange(before: ReviewState, after: ReviewState): ReviewState {
  if (after.outbox.length === before.outbox.length) return after;
  const article = currentArticle(before);
  const sentence = currentSentence(before);
  if (!article || !sentence) return after;
  const was = sentenceMarks(marksOf(before, article.id), sentence.id).labels;
  const now = sentenceMarks(marksOf(after, article.id), sentence.id).labels;
  const decisions: LearnDecision[] = [
    ...now
      .filter((label) => !was.includes(label))
      .map((label) => ({ sentence: sentence.id, label, present: true })),
    ...was
      .filter((label) => !now.includes(label))
      .map((label) => ({ sentence: sentence.id, label, present: false })),
  ];
  if (decisions.length === 0) return after;
  // A suggested label removed by hand is rejected there, as `r` would: it came straight back
  // after `y` then `1` (qa52), and it takes an `r` more. Undo offers it again.
  const suggested = ownValue(before.suggestions.byArticle, article.id)?.sentences[sentence.id];
  const removed = was.filter(
    (label) =>
      !now.includes(label) &&
      !ownValue(before.suggestions.dropped, article.id)?.[sentence.id]?.includes(label) &&
      suggested?.labels.some((each) => each.label === label),
  );
  if (removed.length === 0) return learnEffect(after, before.outbox.length, article.id, decisions);
  const dropping = { sentence: sentence.id, labels: removed };
  const undo = typedKeysIn('reader', 'undo', after.project.keymap)[0];
  const said = {
    ...after,
    message:
      after.message ??
      info(
        `removed ${removed.join(', ')}: ${removed.length === 1 ? 'its suggestion' : 'their suggestions'} rejected here${undo ? ` · ${undo} undoes` : ''}`,
      ),
    suggestions: {
      ...after.suggestions,
      dropped: withDropped(after.suggestions.dropped, article.id, dropping, true),
    },
  };
  return addLesson(
    said,
    before.outbox.length,
    { article: article.id, decisions, corrections: [] },
    { article: article.id, dropped: dropping },
  );
}

/**
 * The attributes a label tagged by hand takes from its suggestion on the sentence: that label's
 * accept (qa52: `2` on a suggested quote stored it without its speaker, and `y` then had nothing
 * left to give). Null when the label is not proposed there; only values the sentence lacks.
 */
export function suggestedValues(
  state: ReviewState,
  article: string,
  sentence: string,
  label: Label,
): Record<string, string> | null {
  const pending = pendingSuggestion(state, article, sentence);
  if (!pending?.labels.some((each) => each.label === label)) return null;
  const names = declaredBy([label], state.project.labels)[label] ?? [];
  return Object.fromEntries(
    Object.entries(pending.attributes).filter(([name]) => names.includes(name)),
  );
}

/** Saved attributes that differ from what was suggested teach the model the reviewer's value. */
export function learnFromAttributes(before: ReviewState, after: ReviewState): ReviewState {
  const mode = before.mode;
  if (mode.kind !== 'attributes' || after.outbox.length === before.outbox.length) return after;
  const suggested = ownValue(before.suggestions.byArticle, mode.article)?.sentences[mode.sentence];
  if (!suggested) return after;
  const corrections: LearnCorrection[] = [];
  for (const [key, value] of Object.entries(suggested.attributes)) {
    const corrected = (mode.values[key] ?? '').trim();
    if (corrected && corrected !== value) corrections.push({ key, suggested: value, corrected });
  }
  return learnEffect(after, before.outbox.length, mode.article, [], corrections);
}

/**
 * Marking an article done says its untagged sentences carry no label: the model learns that once
 * per article and session (sentences whose suggestions were rejected have taught it already),
 * at a lower weight than a decision on the sentence (`UNTAGGED_WEIGHT`). An article marked done
 * with no tag at all is triage (off-topic, passed over), not a verdict on its sentences: it
 * teaches nothing. Taught as negatives, twenty such articles took every suggestion away.
 */
export function learnFromDone(before: ReviewState, after: ReviewState): ReviewState {
  const article = currentArticle(before);
  if (!article || after.outbox.length === before.outbox.length) return after;
  if (marksOf(after, article.id).status !== 'done') return after;
  if (ownValue(before.suggestions.taughtDone, article.id)) return after;
  const marks = marksOf(after, article.id);
  const tagged = (id: string) => sentenceMarks(marks, id).labels.length > 0;
  if (!article.sentences.some((sentence) => tagged(sentence.id))) return after;
  const dropped = ownValue(before.suggestions.dropped, article.id) ?? {};
  const untagged = article.sentences
    .map((sentence) => sentence.id)
    .filter((id) => !dropped[id] && !tagged(id));
  const taughtDone = { ...after.suggestions.taughtDone, [article.id]: true as const };
  const marked = { ...after, suggestions: { ...after.suggestions, taughtDone } };
  if (untagged.length === 0) return marked;
  return addLesson(
    marked,
    before.outbox.length,
    { article: article.id, decisions: [], corrections: [], untagged },
    { article: article.id, done: true },
  );
}
