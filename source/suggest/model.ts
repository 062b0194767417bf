/**
 * The model that learns from the reviewer: per label, a logistic regression over the sentence's
 * hashed features, started from the rules' prior (log-odds) as a fixed offset. Each decision is
 * one online gradient step, so a rejected suggestion lowers the score of sentences like it at
 * once. Weights are rounded after every step so that a model written to JSON and read back
 * scores exactly as the one in memory.
 */

import { emptyRecord, ownValue } from '../text/own.js';
import { chooseCut, type Outcome, RECENT } from './cut.js';
import type { Decision, LabelSpec, SentenceAnalysis } from './types.js';

/** Where a label with no rules starts: about 5%, so nothing is suggested before it is taught. */
export const UNTAUGHT_PRIOR = -3;
/** Decimal places kept: short JSON numbers, and identical scores after a round trip. */
const PLACES = 5;
const round = (value: number): number => Math.round(value * 10 ** PLACES) / 10 ** PLACES;

export interface LabelModel {
  bias: number;
  /** Decisions learnt from: positives and negatives (never a sentence only passed over). */
  positives: number;
  negatives: number;
  /** Hashed feature → weight; zero weights are dropped. */
  weights: Map<number, number>;
  /** The label's recent decisions with the log-odds given before each was learnt (`cut.ts`). */
  recent: Outcome[];
  /** Log-odds from which the label is suggested, chosen over `recent`. */
  cut: number;
  /**
   * This session's last decisions, gone over again after each new one (`learn`). Kept in memory
   * only: they hold the sentences' features, which the file does not.
   */
  replay: Array<[SentenceAnalysis, boolean, number]>;
  centre: number;
}

export interface SuggestModel {
  labels: Map<string, LabelModel>;
  /**
   * Attribute values the reviewer corrected, by attribute key: suggested → corrected ("Putin" →
   * "Vladimir Putin"), applied to later suggestions of the same value.
   */
  corrections: Map<string, Map<string, string>>;
  /** Goes up with every decision learnt: a cheap key for re-scoring only when it changed. */
  revision: number;
  /**
   * Sentences of this session's articles the reviewer decided in (`observe`), the last
   * `BACKGROUND`: what a sentence of theirs is like, whatever its labels. A label with no rules
   * is measured from what its weights give these on average. Kept in memory only, like `replay`.
   */
  background: SentenceAnalysis[];
}

export function createModel(): SuggestModel {
  return { labels: new Map(), corrections: new Map(), revision: 0, background: [] };
}

/**
 * A copy that learning the original leaves as it is (the sentences remembered for going over
 * again are shared: nothing changes them): where the review goes back to when it takes back a
 * decision that was undone.
 */
export function cloneModel(model: SuggestModel): SuggestModel {
  const labels = new Map<string, LabelModel>();
  for (const [name, learnt] of model.labels) {
    labels.set(name, {
      ...learnt,
      weights: new Map(learnt.weights),
      recent: learnt.recent.slice(),
      replay: learnt.replay.slice(),
    });
  }
  const corrections = new Map<string, Map<string, string>>();
  for (const [key, byValue] of model.corrections) corrections.set(key, new Map(byValue));
  return { labels, corrections, revision: model.revision, background: model.background.slice() };
}

function labelModel(model: SuggestModel, label: string): LabelModel {
  let found = model.labels.get(label);
  if (!found) {
    found = {
      bias: 0,
      positives: 0,
      negatives: 0,
      weights: new Map(),
      recent: [],
      cut: 0,
      replay: [],
      centre: 0,
    };
    model.labels.set(label, found);
  }
  return found;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * The sentence as the rules read it for `label` when the label takes the rules of another name
 * (`rules`: a quote renamed `citation`): that label's prior, attributes and rule names under
 * `label`. The same sentence when the label takes its own name's rules. Learning and scoring both
 * go through it, so the model learns a renamed label as it scores it.
 */
export function withRules(
  sentence: SentenceAnalysis,
  label: string,
  rules: string | undefined,
): SentenceAnalysis {
  if (rules === undefined || rules === label) return sentence;
  const priors = emptyRecord<number>();
  const attributes = emptyRecord<SentenceAnalysis['attributes'][string]>();
  for (const [name, value] of Object.entries(sentence.priors))
    if (name !== rules) priors[name] = value;
  for (const [name, value] of Object.entries(sentence.attributes))
    if (name !== rules) attributes[name] = value;
  const prior = ownValue(sentence.priors, rules);
  if (prior !== undefined) priors[label] = prior;
  const found = ownValue(sentence.attributes, rules);
  if (found !== undefined) attributes[label] = found;
  return {
    ...sentence,
    priors,
    attributes,
    rules: sentence.rules.map((rule) =>
      rule.startsWith(`${rules}.`) ? `${label}${rule.slice(rules.length)}` : rule,
    ),
  };
}

/** The rule prior for a label, or the untaught start for a label without rules. */
export function prior(sentence: SentenceAnalysis, label: string): number {
  // Own keys only: a project's label named `constructor` read Object's function here, NaN after.
  return ownValue(sentence.priors, label) ?? UNTAUGHT_PRIOR;
}

/**
 * Log-odds of `label` for the sentence as suggested: the rules' prior, and what the model learnt
 * measured from its centre (below) and weighed by the evidence behind it.
 */
export function logit(model: SuggestModel, sentence: SentenceAnalysis, label: string): number {
  const learnt = model.labels.get(label);
  const base = prior(sentence, label);
  if (!learnt) return base;
  // A label with no rules has only what the reviewer taught it, measured from a sentence of
  // theirs like any other (`centreOf`).
  const weight = Object.hasOwn(sentence.priors, label) ? trust(learnt) : 1;
  return base + weight * (logitOf(learnt, sentence, label) - learnt.centre - base);
}

/**
 * Decisions at which what the model learnt counts half against the rules. The first articles
 * teach one article's notion of a label; the rules hold until the reviewer's record grows.
 */
const EVIDENCE = 25;

/**
 * Decisions that count as evidence for each decision of the rarer answer (and one more): a record
 * of one answer only says how often the label is wanted, not what tells its sentences apart.
 */
const BALANCE = 8;

/**
 * How far the learnt part is trusted: 0 with no decisions, toward 1 as they accumulate, as far
 * as both answers are in the record. Counted over all decisions, articles marked done with
 * nothing tagged (800 negatives, no positive) trusted the model at 0.97, and what it learnt
 * (every sentence "no") took every suggestion away; a label never accepted keeps its rules'
 * surest suggestions this way.
 */
function trust(learnt: LabelModel): number {
  const both = BALANCE * (Math.min(learnt.positives, learnt.negatives) + 1);
  const decisions = Math.min(learnt.positives + learnt.negatives, both);
  return decisions / (decisions + EVIDENCE);
}

/** Log-odds of the learnt model on its own: prior + bias + learnt weights. */
function logitOf(learnt: LabelModel, sentence: SentenceAnalysis, label: string): number {
  const value = prior(sentence, label) + learnt.bias;
  if (learnt.weights.size === 0) return value;
  return value + featurePart(learnt, sentence, label);
}

/** What the learnt weights add for the sentence. */
function featurePart(learnt: LabelModel, sentence: SentenceAnalysis, label: string): number {
  let words = 0;
  for (const feature of sentence.features) words += learnt.weights.get(feature) ?? 0;
  let cues = 0;
  for (const feature of sentence.cues) cues += learnt.weights.get(feature) ?? 0;
  let around = 0;
  if (label !== QUOTE)
    for (const feature of sentence.around) around += learnt.weights.get(feature) ?? 0;
  return words * wordScale(sentence) + cues * cueScale(sentence) + around * aroundScale(sentence);
}

/** Learning rate of the first steps; it decays as a label sees more decisions. */
const RATE = 1.2;
const DECAY = 200;
/** The bias moves slowly: it is shared by every sentence. */
const BIAS_RATE = 0.1;

// A sentence's words together, and its cues together, weigh the same however many there are:
// a long sentence does not outvote a short one.
const wordScale = (sentence: SentenceAnalysis): number =>
  1 / Math.sqrt(Math.max(1, sentence.features.length));
const cueScale = (sentence: SentenceAnalysis): number =>
  1 / Math.sqrt(Math.max(1, sentence.cues.length));
const aroundScale = (sentence: SentenceAnalysis): number =>
  1 / Math.sqrt(Math.max(1, sentence.around.length));
/** A quote is decided by the sentence's own quotation marks: its neighbours say nothing of it. */
const QUOTE = 'quote';

export function probability(
  model: SuggestModel,
  sentence: SentenceAnalysis,
  label: string,
): number {
  return sigmoid(logit(model, sentence, label));
}

/**
 * The score a suggestion shows: the probability measured from the label's learnt cut, so that ½
 * is where suggesting starts for every label, however its raw scores run.
 */
export function score(model: SuggestModel, sentence: SentenceAnalysis, label: string): number {
  return sigmoid(logit(model, sentence, label) - (model.labels.get(label)?.cut ?? 0));
}

/**
 * How far a sentence left untagged in an article marked done moves the model, against a decision
 * made on the sentence itself: passing a sentence over says less than rejecting it, and an
 * article has ten untagged sentences for each tagged one, so at full weight the passed-over ones
 * outvoted every tag (20 articles of triage took every suggestion away).
 */
export const UNTAGGED_WEIGHT = 0.2;

/** Decisions gone over again after each new one, and how far they move the weights. */
const REPLAY = 200;
const REPLAY_RATE = 0.2;

/**
 * Learns from one decision on a sentence: moves that label's score toward it, then goes once
 * more over the label's last decisions at a fifth of the rate. One step per decision forgets
 * early lessons and follows the last article too closely; going over the recent ones again works
 * like fitting them together (on the real articles: event F1 after 200 decisions 0.55 → 0.61,
 * claim 0.76 → 0.79), for about a millisecond a decision.
 */
export function learn(
  model: SuggestModel,
  sentence: SentenceAnalysis,
  label: string,
  present: boolean,
  weight = 1,
): void {
  const learnt = labelModel(model, label);
  // A sentence only passed over (`weight` < 1: untagged in an article marked done) moves the
  // weights a little and no more: in the recent decisions that choose the cut, and in the replay,
  // one `d` on a long article pushed out every decision the reviewer had made.
  const decided = weight >= 1;
  if (decided) {
    const shown = logit(model, sentence, label);
    learnt.recent.push([Math.round(shown * 100) / 100, present ? 1 : 0]);
    if (learnt.recent.length > RECENT) learnt.recent.splice(0, learnt.recent.length - RECENT);
    learnt.cut = chooseCut(learnt.recent);
  }
  const rate = RATE / Math.sqrt(1 + (learnt.positives + learnt.negatives) / DECAY);
  step(learnt, sentence, label, present, logitOf(learnt, sentence, label), rate * weight);
  for (const [past, was, by] of learnt.replay) {
    step(learnt, past, label, was, logitOf(learnt, past, label), rate * REPLAY_RATE * by);
  }
  if (decided) {
    learnt.replay.push([sentence, present, weight]);
    if (learnt.replay.length > REPLAY) learnt.replay.shift();
    // Decisions only: counted, the sentences one `d` passed over (hundreds an article) made the
    // record look decided, trusting the model over the rules (`trust`) and slowing its rate.
    if (present) learnt.positives++;
    else learnt.negatives++;
  }
  learnt.centre =
    (Object.hasOwn(sentence.priors, label)
      ? centreOf(learnt, label)
      : backgroundCentre(learnt, model.background, label)) ?? learnt.centre;
  model.revision++;
}

/** One gradient step of the label toward `present`, from the log-odds it gave the sentence. */
function step(
  learnt: LabelModel,
  sentence: SentenceAnalysis,
  label: string,
  present: boolean,
  before: number,
  rate: number,
): void {
  const error = (present ? 1 : 0) - sigmoid(before);
  const update = (feature: number, by: number): void => {
    const weight = round((learnt.weights.get(feature) ?? 0) + by);
    if (weight === 0) learnt.weights.delete(feature);
    else learnt.weights.set(feature, weight);
  };
  const words = rate * error * wordScale(sentence);
  for (const feature of sentence.features) update(feature, words);
  const cues = rate * error * cueScale(sentence);
  for (const feature of sentence.cues) update(feature, cues);
  if (label !== QUOTE) {
    const around = rate * error * aroundScale(sentence);
    for (const feature of sentence.around) update(feature, around);
  }
  learnt.bias = round(learnt.bias + rate * error * BIAS_RATE);
}

/**
 * What the weights add on average to the label's recent decisions (kept as it was until
 * there are enough, positives and negatives among them): the level the weights carry. Cues most sentences share learn a level
 * as fast as any word does, so an article of twenty narrated sentences, few of them claims,
 * pulled every claim down (claim recall on the real pages 0.69 → 0.33 after 50 decisions).
 * Suggestions measure the weights from this centre: they tell positives from negatives, and the
 * level is the bias's, learnt slowly.
 */
function centreOf(learnt: LabelModel, label: string): number | null {
  let sum = 0;
  let positives = 0;
  for (const [past, was] of learnt.replay) {
    sum += featurePart(learnt, past, label);
    if (was) positives++;
  }
  const count = learnt.replay.length;
  if (count < CENTRE_FROM || positives === 0 || positives === count) return null;
  return round(sum / count);
}

/**
 * What the weights of a label with no rules add on average to the sentences of the articles the
 * reviewer decided in: the level of a sentence like any other of theirs, from which a sentence
 * more like the ones tagged than that stands out. Measured from the decisions instead (as a
 * rule label's), a reviewer who only tags by hand gives positives alone: with no centre, the
 * words and cues every sentence shares made every sentence one (92 of the seeds' 92 after nine
 * tags), and with one negative among ten the positives' own average put every sentence below
 * it (none). Null (kept as it was) with too few sentences known.
 */
function backgroundCentre(
  learnt: LabelModel,
  background: readonly SentenceAnalysis[],
  label: string,
): number | null {
  if (background.length < CENTRE_FROM) return null;
  let sum = 0;
  for (const sentence of background) sum += featurePart(learnt, sentence, label);
  return round(sum / background.length);
}

/** Sentences kept as the background (`observe`): a few articles' worth. */
const BACKGROUND = 200;

/**
 * Makes the sentences of an article the reviewer decided in known to the model (once a
 * session), as the background a label with no rules is measured from; its centre follows with
 * the next decision learnt (the review observes a lesson's article just before learning it).
 */
export function observe(model: SuggestModel, sentences: readonly SentenceAnalysis[]): void {
  const known = new Set(model.background.map((sentence) => sentence.sentence));
  const fresh = sentences.filter((sentence) => !known.has(sentence.sentence));
  if (fresh.length === 0) return;
  model.background.push(...fresh);
  if (model.background.length > BACKGROUND)
    model.background.splice(0, model.background.length - BACKGROUND);
  // The centres follow at the next decision learnt, which knows which rules the label takes
  // (`withRules`: a renamed quote's sentence carries its prior; the bare one here does not).
}

/**
 * Decisions of this session the centre is measured over, at the least: until then it stays
 * where it was (0 for a new model, the saved one after a restart).
 */
const CENTRE_FROM = 10;

/** Looks the decision's sentence up in the analysis and learns from it; false when it is not there. */
export function learnDecision(
  model: SuggestModel,
  sentences: readonly SentenceAnalysis[],
  decision: Decision,
): boolean {
  const sentence = sentences.find((candidate) => candidate.sentence === decision.sentence);
  if (!sentence) return false;
  learn(model, sentence, decision.label, decision.present);
  return true;
}

/**
 * The reviewer's final word on a sentence (tagged by hand, or passed over in an article marked
 * done): every label of the set is learnt, present when it is in `present`, absent otherwise.
 */
export function learnLabels(
  model: SuggestModel,
  sentence: SentenceAnalysis,
  present: readonly string[],
  labels: readonly LabelSpec[],
): void {
  for (const { name, rules } of labels)
    learn(model, withRules(sentence, name, rules), name, present.includes(name));
}

/**
 * Learns from a corrected attribute: the next time the rules suggest `suggested` for `key`, the
 * reviewer's `corrected` value is suggested instead. Correcting it back to what the rules said
 * forgets the correction.
 */
export function learnCorrection(
  model: SuggestModel,
  key: string,
  suggested: string,
  corrected: string,
): void {
  let byValue = model.corrections.get(key);
  if (!byValue) {
    byValue = new Map();
    model.corrections.set(key, byValue);
  }
  if (suggested === corrected) byValue.delete(suggested);
  else byValue.set(suggested, corrected);
  model.revision++;
}

/** An attribute value as the reviewer taught it to be read. */
export function corrected(model: SuggestModel, key: string, value: string): string {
  return model.corrections.get(key)?.get(value) ?? value;
}
