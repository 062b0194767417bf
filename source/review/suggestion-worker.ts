import type { Article } from '../corpus/types.js';
import { DEFAULT_LABELS, type LabelSet } from '../store/labels.js';
import { ModelChangedError, type ModelStore } from '../store/model-file.js';
import type { RejectionStore } from '../store/rejection-store.js';
import type { RejectionChange, RejectionsRead } from '../store/rejections.js';
import type { Label } from '../store/types.js';
import type {
  ArticleAnalysis,
  LabelScore,
  SentenceAnalysis,
  Suggestion,
  SuggestModel,
} from '../suggest/index.js';
import { loadSuggestions } from '../suggest/lazy.js';
import { emptyRecord, ownValue } from '../text/own.js';
import type { Action } from './actions.js';
import type { ArticleSuggestions, Lesson, SuggestedLabel } from './suggestions.js';

type Engine = Awaited<ReturnType<typeof loadSuggestions>>;

/** A pause in decisions this long saves the model. */
const SAVE_AFTER_MS = 300;

/** One step of learning, with the sentence's analysis as it was learnt (relearnt the same). */
type Step =
  | {
      kind: 'decision';
      sentence: SentenceAnalysis;
      label: string;
      present: boolean;
      /** Below 1 for a sentence passed over in an article marked done (`UNTAGGED_WEIGHT`). */
      weight?: number;
    }
  | { kind: 'correction'; key: string; suggested: string; corrected: string }
  /** The sentences of the lesson's article, the background a label with no rules is measured from. */
  | { kind: 'article'; sentences: readonly SentenceAnalysis[] };

/** A lesson of this session as the model learnt it, and whether its undo took it back. */
interface Taught {
  id: number;
  steps: Step[];
  withdrawn: boolean;
  /** The model before this lesson, kept every `CHECKPOINT_EVERY` lessons: where a rebuild starts. */
  before?: SuggestModel;
}

/**
 * Lessons, or learning steps, between copies of the model. Taking back a lesson goes back to the
 * copy before it and learns again the lessons since but that one: exactly the model the other
 * decisions teach, for a copy of the weights every so many. Counted in steps too, since a
 * lesson of `d` teaches every untagged sentence under every label: 15 articles marked done
 * since the last copy made one `u` learn for seconds on the main thread.
 */
const CHECKPOINT_EVERY = 16;
const CHECKPOINT_STEPS = 128;
/** Lessons kept for undo: more than the store's undo history (500 steps). */
const TAUGHT_LIMIT = 600;

export interface SuggestionOptions {
  /** Where the annotator's model lives; decisions are saved there. */
  models: ModelStore;
  /** The project's label set: one score per label, in its order. */
  labels?: LabelSet | undefined;
  /**
   * Where the annotator's rejected suggestions are kept: read at the start (not offered again),
   * each change (made, undone, redone) noted in its journal before its frame and written behind
   * it. Without it a rejection lasts the session.
   */
  rejections?: RejectionStore | undefined;
}

/** A rejection of this session: the labels a lesson rejected on a sentence (`r`, or by hand). */
export interface Rejecting {
  sentence: string;
  labels: string[];
}

/**
 * Work done between pauses of the background job (analysing an article, scoring it, learning):
 * a key that arrives meanwhile waits at most about this long.
 */
const SLICE_MS = 8;
/** Sentences scored, or steps learnt, between checks of the time. */
const SCORE_STEP = 256;
const LEARN_STEP = 512;
/** Analyses left half done (the reviewer moved on) kept to resume: the latest few. */
const HALF_DONE_KEPT = 4;

/** The engine's suggestions for an article, as the review state keeps them. */
export function toArticleSuggestions(
  suggestions: readonly Suggestion[],
  engine: Pick<Engine, 'byUncertainty' | 'DOUBT'>,
  revision: number,
): ArticleSuggestions {
  const sentences: ArticleSuggestions['sentences'] = {};
  const unsure: Record<string, SuggestedLabel> = {};
  for (const suggestion of suggestions) {
    addSuggested(sentences, suggestion);
    addUnsure(unsure, suggestion);
  }
  return { sentences, uncertain: doubts(suggestions, engine), unsure, revision };
}

/**
 * The sentences margin is in doubt about, most uncertain first: `w`'s queue. Sure ones are left
 * out, so that `w` says when none is left rather than walking every sentence (qa57: the untaught
 * 5% of a label nobody tagged, on every sentence, round and round).
 */
function doubts(
  suggestions: readonly Suggestion[],
  engine: Pick<Engine, 'byUncertainty' | 'DOUBT'>,
): string[] {
  return engine
    .byUncertainty(suggestions.filter((suggestion) => suggestion.uncertainty >= engine.DOUBT))
    .map((suggestion) => suggestion.sentence);
}

/** The label the sentence's uncertainty comes from (one with evidence), with its score. */
function addUnsure(unsure: Record<string, SuggestedLabel>, suggestion: Suggestion): void {
  const doubt: LabelScore | undefined = suggestion.labels.find(
    ({ label }) => label === suggestion.doubt,
  );
  if (doubt) unsure[suggestion.sentence] = { label: doubt.label, score: doubt.score };
}

/** The labels suggested for one sentence, with their attributes, when there are any. */
function addSuggested(sentences: ArticleSuggestions['sentences'], suggestion: Suggestion): void {
  const proposed = suggestion.labels.filter((score) => score.suggested);
  if (proposed.length === 0) return;
  const attributes: Record<string, string> = {};
  for (const score of proposed) {
    for (const [key, value] of Object.entries(score.attributes)) attributes[key] ??= value;
  }
  sentences[suggestion.sentence] = {
    // Label names come from the project's label set, which the store accepts.
    labels: proposed.map(({ label, score }) => ({ label: label as Label, score })),
    attributes,
  };
}

/**
 * Runs the suggestion engine beside the review: loads it and the annotator's model after the
 * first frame, scores the article on screen when it changes (never inside a keypress: the work
 * is queued behind the frame, and done in slices of `SLICE_MS` so that keys pressed meanwhile
 * are answered between them: an article of 75,000 sentences takes seconds to analyse), learns
 * from each decision the reducer reports, and saves the model after each, one write at a time. A refused model file is named once and left alone: the
 * session then learns in memory only.
 */
export class SuggestionWorker {
  readonly #options: SuggestionOptions;
  readonly #dispatch: (action: Action) => void;
  readonly #article: (id: string) => Article | undefined;
  #engine: Engine | null = null;
  #model: SuggestModel | null = null;
  #starting: Promise<void> | null = null;
  /** False when the model file on disk was refused: it is never overwritten. */
  #writable = true;
  readonly #analyses = new Map<string, ArticleAnalysis>();
  /** Analyses begun and left when the reviewer moved to another article: resumed on return. */
  readonly #analysing = new Map<
    string,
    { hash: string; steps: Generator<void, ArticleAnalysis, void> }
  >();
  /** The background job under way: learning what was decided, then scoring. */
  #job: Generator<void, void, void> | null = null;
  /** Work asked for (a decision, another article) that the running job may not include. */
  #asked = false;
  /** Quitting: what was decided is learnt and saved; nothing more is scored. */
  #quitting = false;
  /** Article id → model revision its suggestions were last sent for. */
  readonly #sent = new Map<string, number>();
  #wanted: string | null = null;
  #scheduled = false;
  /** Lessons to learn and undo or redo of lessons, in key order. */
  readonly #learning: Array<Lesson | { step: number; redo: boolean }> = [];
  /** This session's lessons as learnt, oldest first: what undo can take back. */
  readonly #taught: Taught[] = [];
  #sinceCheckpoint = 0;
  #stepsSinceCheckpoint = 0;
  #saving: Promise<void> | null = null;
  /** Decisions learnt since the model was last written (or a write that failed). */
  #dirty = false;
  /** Why the last write failed; cleared when one succeeds. */
  #failure: string | null = null;
  #saveTimer: NodeJS.Timeout | null = null;
  /** Lesson id → what it rejected, for its undo and redo to change the rejections file too. */
  readonly #rejected = new Map<number, RejectionChange>();
  /**
   * Changes of the rejections file still to be written, in key order (a failed one first), with
   * their numbers in the journal.
   */
  readonly #rejectionsDue: Array<{ change: RejectionChange; seq: number | null }> = [];
  #rejectionsWriting: Promise<void> | null = null;
  /** False when the rejections file was refused at the start: it is never written. */
  #rejectionsWritable = true;
  /** Why the last write of the rejections file failed; cleared when one succeeds. */
  #rejectionsFailure: string | null = null;

  constructor(
    options: SuggestionOptions,
    dispatch: (action: Action) => void,
    article: (id: string) => Article | undefined,
  ) {
    this.#options = options;
    this.#dispatch = dispatch;
    this.#article = article;
  }

  #off = false;

  /** The engine or the model could not be loaded: no suggestion will come this session. */
  get off(): boolean {
    return this.#off;
  }

  /** Loads the engine and the model; suggestions follow for the article on screen. */
  start(): Promise<void> {
    this.#starting ??= this.#load().then(
      () => this.#schedule(),
      (error: unknown) => {
        const why = error instanceof Error ? error.message : String(error);
        this.#off = true;
        this.#dispatch({
          type: 'suggestions/problem',
          message: `suggestions are off: ${why}`,
          off: true,
        });
      },
    );
    return this.#starting;
  }

  /** The article on screen: its suggestions are computed once the current frame is drawn. */
  show(article: string | null): void {
    if (article === this.#wanted) return;
    this.#wanted = article;
    this.#schedule();
  }

  /**
   * A lesson to learn; `rejecting`: the labels it rejected on a sentence, noted in the journal
   * now, before the frame that shows it, and written to the annotator's rejections file behind it
   * (not in the background job: no key waits for it).
   */
  learn(effect: Lesson, rejecting?: Rejecting): void {
    this.#learning.push(effect);
    if (rejecting) {
      const change = { article: effect.article, ...rejecting, rejected: true };
      this.#rejected.set(effect.id, change);
      this.#writeRejection(change);
    }
    this.#schedule();
  }

  /**
   * The key that taught `lesson` was undone (`redo` false) or redone: the model is brought to
   * what the session's other decisions teach, and saved like any decision, so the file shared
   * through git never keeps what the reviewer took back.
   */
  step(lesson: number, redo: boolean): void {
    this.#learning.push({ step: lesson, redo });
    const rejection = this.#rejected.get(lesson);
    if (rejection) this.#writeRejection({ ...rejection, rejected: redo });
    this.#schedule();
  }

  /**
   * Resolves once every rejection so far is in the annotator's file (one that failed before is
   * tried once more): null, or how many could not be written and why.
   */
  async rejectionsSettled(): Promise<{ unsaved: number; why: string } | null> {
    this.#drainRejections();
    while (this.#rejectionsWriting) await this.#rejectionsWriting;
    const unsaved = this.#rejectionsDue.length;
    return unsaved > 0 ? { unsaved, why: this.#rejectionsFailure ?? 'not written' } : null;
  }

  #writeRejection(change: RejectionChange): void {
    const store = this.#options.rejections;
    if (!store || !this.#rejectionsWritable) return;
    this.#rejectionsDue.push({ change, seq: store.note?.(change) ?? null });
    this.#drainRejections();
  }

  /**
   * Writes the due changes, all those made while the last write was on its way in one write; a
   * failure stops until the next change or quit.
   */
  #drainRejections(): void {
    const store = this.#options.rejections;
    if (!store || this.#rejectionsWriting || this.#rejectionsDue.length === 0) return;
    const writing = (async () => {
      while (this.#rejectionsDue.length > 0) {
        const batch = this.#rejectionsDue.slice();
        try {
          await store.save(batch.map(({ change }) => change));
          this.#rejectionsDue.splice(0, batch.length);
          this.#rejectionsFailure = null;
          const seqs = batch.map(({ seq }) => seq).filter((seq) => seq !== null);
          store.written?.(seqs.at(-1) ?? null, batch.length);
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          // Said once per reason: tried again with the next rejection and on quitting.
          if (why !== this.#rejectionsFailure) {
            this.#dispatch({
              type: 'suggestions/problem',
              message: `a rejection could not be saved: ${why}; it is tried again with the next one`,
            });
          }
          this.#rejectionsFailure = why;
          break;
        }
      }
    })();
    this.#rejectionsWriting = writing;
    void writing.finally(() => {
      if (this.#rejectionsWriting === writing) this.#rejectionsWriting = null;
    });
  }

  /**
   * Resolves once every decision so far is learnt and the model is on disk (a save that failed
   * before, on a full disk, is tried once more): null, or why it could not be saved. What
   * quitting waits for: from then on decisions are still learnt and saved, but no article is
   * scored again (slices of a long article's scoring would hold the process open).
   */
  async settled(): Promise<string | null> {
    await this.#starting;
    this.#quitting = true;
    this.#finish();
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = null;
    }
    this.#flush();
    while (this.#saving) await this.#saving;
    return this.#dirty ? this.#failure : null;
  }

  async #load(): Promise<void> {
    // Read beside the engine's loading; given to the state before any suggestion arrives.
    const rejections: Promise<RejectionsRead> | undefined = this.#options.rejections
      ?.read()
      .catch((error: unknown) => ({
        kind: 'refused' as const,
        message: error instanceof Error ? error.message : String(error),
      }));
    const engine = await loadSuggestions();
    const read = await this.#options.models.read((text) => engine.parseModel(text));
    if (read.kind === 'loaded') {
      this.#model = read.value.model;
    } else {
      this.#model = engine.createModel();
      if (read.kind === 'refused') {
        this.#writable = false;
        this.#dispatch({
          type: 'suggestions/problem',
          message: `${read.message}; suggestions start from the rules and learn for this session only`,
        });
      }
    }
    this.#rejectionsRead(await rejections);
    this.#engine = engine;
  }

  /** The rejections of earlier sessions into the state; a refused file is named and never written. */
  #rejectionsRead(read: RejectionsRead | undefined): void {
    if (read?.kind === 'refused') {
      this.#rejectionsWritable = false;
      this.#dispatch({
        type: 'suggestions/problem',
        message: `${read.message}; the suggestions it rejects are offered until then, and this session's rejections last the session only`,
      });
    }
    if (read?.kind !== 'loaded' || read.rejections.length === 0) return;
    const rejections = emptyRecord<Record<string, string[]>>();
    for (const { article, sentence, labels } of read.rejections) {
      let sentences = ownValue(rejections, article);
      if (!sentences) rejections[article] = sentences = emptyRecord<string[]>();
      sentences[sentence] = [...(ownValue(sentences, sentence) ?? []), ...labels];
    }
    this.#dispatch({ type: 'suggestions/rejections', rejections });
  }

  #schedule(): void {
    this.#asked = true;
    this.#resume();
  }

  #resume(): void {
    if (this.#scheduled || !this.#engine) return;
    this.#scheduled = true;
    // After the frame of the key that asked for it, and between slices, after the keys that came
    // in meanwhile (the event loop reads the terminal between two immediates).
    setImmediate(() => {
      this.#scheduled = false;
      this.#slice();
    });
  }

  /** Runs the job for `SLICE_MS`, starting the next when more was asked for. */
  #slice(): void {
    const until = performance.now() + SLICE_MS;
    for (;;) {
      if (!this.#job) {
        if (!this.#asked) return;
        this.#asked = false;
        this.#job = this.#work();
      }
      if (this.#job.next().done) this.#job = null;
      else if (performance.now() >= until) {
        this.#resume();
        return;
      }
    }
  }

  /** Quitting: the job and any asked for since, to the end, at once. */
  #finish(): void {
    for (;;) {
      if (!this.#job) {
        if (!this.#asked || !this.#engine) return;
        this.#asked = false;
        this.#job = this.#work();
      }
      while (!this.#job.next().done) {}
      this.#job = null;
    }
  }

  /** One round of the background job: the lessons so far, then the articles to score. */
  *#work(): Generator<void, void, void> {
    const engine = this.#engine;
    if (!engine || !this.#model) return;
    const touched = new Set<string>();
    let changed = false;
    for (const item of this.#learning.splice(0)) {
      if ('step' in item) {
        changed = (yield* this.#retake(item.step, item.redo)) || changed;
        continue;
      }
      const analysis = yield* this.#analysis(item.article, () => true);
      if (!analysis) continue;
      yield* this.#teach(item.id, this.#steps(item, analysis));
      touched.add(item.article);
      changed = true;
    }
    const model = this.#model;
    if (!model) return;
    if (changed) this.#save();
    if (this.#quitting) return;
    const taught = new Set(touched);
    if (this.#wanted) touched.add(this.#wanted);
    // An article the reviewer has left is not worth the wait: its analysis resumes on return.
    const worth = (id: string) => !this.#quitting && (id === this.#wanted || taught.has(id));
    for (const id of touched) {
      if (this.#sent.get(id) === model.revision) continue;
      const analysis = yield* this.#analysis(id, () => worth(id));
      if (!analysis) continue;
      const labels = this.#labels();
      const scored: Suggestion[] = [];
      const sentences: ArticleSuggestions['sentences'] = {};
      const unsure: Record<string, SuggestedLabel> = {};
      for (let from = 0; from < analysis.sentences.length && worth(id); from += SCORE_STEP) {
        const part = { ...analysis, sentences: analysis.sentences.slice(from, from + SCORE_STEP) };
        for (const suggestion of engine.suggest(part, model, labels)) {
          scored.push(suggestion);
          addSuggested(sentences, suggestion);
          addUnsure(unsure, suggestion);
        }
        yield;
      }
      if (!worth(id)) continue;
      const uncertain = doubts(scored, engine);
      this.#sent.set(id, model.revision);
      this.#dispatch({
        type: 'suggestions/arrived',
        article: id,
        suggestions: { sentences, uncertain, unsure, revision: model.revision },
      });
    }
  }

  /** A lesson as steps of learning, in the order it has always been learnt. */
  #steps(lesson: Lesson, analysis: ArticleAnalysis): Step[] {
    const steps: Step[] = [{ kind: 'article', sentences: analysis.sentences }];
    const engine = this.#engine!;
    const labels = this.#labels();
    // A label that takes another name's rules (a renamed quote) is learnt as it is scored.
    const rulesOf = (label: string) => labels.find(({ name }) => name === label)?.rules;
    for (const { sentence: id, label, present } of lesson.decisions) {
      const found = analysis.sentences.find((candidate) => candidate.sentence === id);
      if (!found) continue;
      const sentence = engine.withRules(found, label, rulesOf(label));
      steps.push({ kind: 'decision', sentence, label, present });
    }
    for (const correction of lesson.corrections) steps.push({ kind: 'correction', ...correction });
    if (lesson.untagged) {
      const untagged = new Set(lesson.untagged);
      for (const sentence of analysis.sentences) {
        if (!untagged.has(sentence.sentence)) continue;
        for (const { name, rules } of labels) {
          const weight = engine.UNTAGGED_WEIGHT;
          const seen = engine.withRules(sentence, name, rules);
          steps.push({ kind: 'decision', sentence: seen, label: name, present: false, weight });
        }
      }
    }
    return steps;
  }

  /** Learns the steps, pausing every `LEARN_STEP` (`d` on a long article teaches every sentence). */
  *#apply(model: SuggestModel, steps: readonly Step[]): Generator<void, void, void> {
    const engine = this.#engine!;
    for (let at = 0; at < steps.length; at++) {
      const step = steps[at]!;
      if (step.kind === 'decision') {
        engine.learn(model, step.sentence, step.label, step.present, step.weight);
      } else if (step.kind === 'article') engine.observe(model, step.sentences);
      else engine.learnCorrection(model, step.key, step.suggested, step.corrected);
      if ((at + 1) % LEARN_STEP === 0) yield;
    }
  }

  /** Learns a lesson and keeps it (with a copy of the model every so often) for undo. */
  *#teach(id: number, steps: Step[]): Generator<void, void, void> {
    const model = this.#model!;
    const taught: Taught = { id, steps, withdrawn: false };
    if (
      this.#taught.length === 0 ||
      this.#sinceCheckpoint >= CHECKPOINT_EVERY ||
      this.#stepsSinceCheckpoint >= CHECKPOINT_STEPS
    ) {
      taught.before = this.#engine!.cloneModel(model);
      this.#sinceCheckpoint = 0;
      this.#stepsSinceCheckpoint = 0;
    }
    this.#sinceCheckpoint++;
    this.#stepsSinceCheckpoint += steps.length;
    this.#taught.push(taught);
    if (this.#taught.length > TAUGHT_LIMIT) {
      // The oldest lessons go up to the next copy, which every later rebuild can start from.
      const next = this.#taught.findIndex((each, index) => index > 0 && each.before);
      if (next > 0) this.#taught.splice(0, next);
    }
    yield* this.#apply(model, steps);
  }

  /**
   * Takes a lesson back (or teaches it again): from the copy of the model before it, the
   * session's lessons since are learnt again but the withdrawn ones. False when there is nothing
   * to do (a lesson never learnt, or older than every copy kept).
   */
  *#retake(id: number, redo: boolean): Generator<void, boolean, void> {
    const index = this.#taught.findIndex((taught) => taught.id === id);
    const lesson = this.#taught[index];
    if (!lesson || lesson.withdrawn === !redo) return false;
    let start = index;
    while (start >= 0 && !this.#taught[start]!.before) start--;
    if (start < 0) return false;
    lesson.withdrawn = !redo;
    const engine = this.#engine!;
    const revision = this.#model!.revision;
    const model = engine.cloneModel(this.#taught[start]!.before!);
    for (let at = start; at < this.#taught.length; at++) {
      const taught = this.#taught[at]!;
      if (at > start && taught.before) taught.before = engine.cloneModel(model);
      if (!taught.withdrawn) yield* this.#apply(model, taught.steps);
    }
    // Always up: suggestions already on screen are replaced only by a later revision.
    model.revision = revision + 1;
    this.#model = model;
    return true;
  }

  /** The project's codebook, attributes included: nothing outside it is ever suggested. */
  #labels(): LabelSet {
    return this.#options.labels ?? DEFAULT_LABELS;
  }

  /**
   * The article's analysis, computed a few sentences at a time; null when there is no such
   * article, or when `worth` says to stop (the analysis then resumes where it stopped next time).
   */
  *#analysis(id: string, worth: () => boolean): Generator<void, ArticleAnalysis | null, void> {
    const article = this.#article(id);
    if (!article || !this.#engine) return null;
    const hash = article.hash;
    const known = this.#analyses.get(id);
    if (known && known.hash === hash) return known;
    let run = this.#analysing.get(id);
    if (!run || run.hash !== hash) {
      run = { hash, steps: this.#engine.analyseInSteps(article) };
      this.#analysing.delete(id);
      this.#analysing.set(id, run);
      const oldest = this.#analysing.keys().next().value;
      if (this.#analysing.size > HALF_DONE_KEPT && oldest !== undefined) {
        this.#analysing.delete(oldest);
      }
    }
    for (;;) {
      const step = run.steps.next();
      if (step.done) {
        this.#analysing.delete(id);
        this.#analyses.set(id, step.value);
        return step.value;
      }
      if (!worth()) return null;
      yield;
    }
  }

  /**
   * Saves once decisions pause: writing the model takes milliseconds (tens on a busy machine, for
   * a model of some thousand weights), which a burst of keys should not wait for after each.
   * Quitting saves at once (`settled`).
   */
  #save(): void {
    if (!this.#writable) return;
    this.#dirty = true;
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      this.#flush();
    }, SAVE_AFTER_MS);
  }

  #flush(): void {
    // Nothing to write: a quit after the last write already took every decision must not leave
    // a finished write behind as `#saving` (it is cleared below only after an await).
    if (this.#saving || !this.#dirty || !this.#writable) return;
    const saving = (async () => {
      while (this.#dirty && this.#engine && this.#model) {
        this.#dirty = false;
        try {
          await this.#options.models.write(this.#engine.serialiseModel(this.#model));
          this.#failure = null;
        } catch (error) {
          // Still to be saved: tried again with the next decision and on quitting (a full disk
          // lost the whole session's learning when a failed write counted as saved).
          this.#dirty = true;
          const why = error instanceof Error ? error.message : String(error);
          this.#failure = why;
          if (error instanceof ModelChangedError) {
            // Changed behind the session (a git pull): never written over; learning goes on in
            // memory, and quitting says it was not saved.
            this.#writable = false;
            this.#dispatch({ type: 'suggestions/problem', message: why });
            break;
          }
          this.#dispatch({
            type: 'suggestions/problem',
            message: `the suggestion model could not be saved: ${why}; it is saved again with the next decision`,
          });
          break;
        }
      }
    })();
    this.#saving = saving;
    // Cleared once it ends, whether it ended at once or after its writes: `settled` waits while
    // this is set, and a write left set for ever would have it spin and the process never end.
    void saving.finally(() => {
      if (this.#saving === saving) this.#saving = null;
    });
  }
}
