/**
 * Reads an article with the rules: quotations and their speakers, attributions, times and places,
 * the rules that fire and the features the model learns over. Independent of the model, so the
 * UI computes it once per article text and re-scores cheaply as the model learns.
 */
import type { Article } from '../corpus/types.js';
import {
  type Attribution,
  findAttributions,
  openingClauseSubject,
  sentenceSubject,
} from './attribution.js';
import { cjkNamed } from './cjk.js';
import { clauseTenses } from './clause.js';
import { isPast, sentenceCues } from './cues.js';
import { aroundFeatures, cueFeatures, sentenceFeatures } from './features.js';
import { phrases, register, tellGender } from './naming.js';
import { isNameWord, People } from './people.js';
import { type Quotation, quotations } from './quotations.js';
import { References } from './reference.js';
import { type Context, resolve } from './resolve.js';
import { BASE, RULES } from './rules.js';
import { type Token, tokenize } from './tokens.js';
import type { ArticleAnalysis, Attributes, SentenceAnalysis } from './types.js';
import { places, type TimeExpression, timeExpressions } from './when-where.js';

/**
 * The part of a sentence the rules read: real sentences are far shorter, and a "sentence" of a
 * megabyte (a page with no full stops) must not make the walks over its words quadratic.
 */
const MAX_SENTENCE = 2000;
const head = (text: string): string =>
  text.length > MAX_SENTENCE ? text.slice(0, MAX_SENTENCE) : text;

interface Reading {
  tokens: Token[];
  quotation: Quotation;
  attribution: Attribution | null;
  /** The attribution's source as the article names them, or null when unclear. */
  source: string | null;
  /** The source is a person (not a body like "the Kremlin"). */
  person: boolean;
}

/** Verbs after a name that make it plural: "Big Machine have denied", a body, not a person. */
const PLURAL_VERBS = new Set(['have', 'are', 'were']);

/**
 * `opening`: the person a Chinese sentence opens with (`外交部发言人毛宁主持…`), as the pass that
 * registered the article's people found it (`cjkNamed`, read once a sentence).
 */
function readSentence(
  tokens: Token[],
  quotation: Quotation,
  context: Context,
  index: number,
  alone: boolean,
  opening: string | null,
): Reading {
  const candidates = findAttributions(tokens, quotation.inside);
  const subject = sentenceSubject(tokens, quotation.inside);
  const clause = openingClauseSubject(tokens, quotation.inside);
  let attribution: Attribution | null = candidates[0] ?? null;
  let resolved: { name: string; person: boolean } | null = null;
  // A speaker named beside the verb outranks the subject taken for a participle ("Sondland was
  // known for telling others “…”, said Fiona Hill").
  const ranked = [
    ...candidates.filter((candidate) => !candidate.fallback),
    ...candidates.filter((candidate) => candidate.fallback),
  ];
  for (const candidate of ranked) {
    // A Chinese, Japanese or Arabic speaker (`外交部发言人毛宁`): the naming pass reads capitals
    // and spaces and did not see them, so the name and its roles are registered here.
    if (candidate.unseen && candidate.source.name) context.people.add(candidate.source, index);
    resolved = resolve(candidate, context, index, {
      subject,
      tokens,
      inside: quotation.inside,
      clause,
    });
    if (resolved) {
      attribution = candidate;
      break;
    }
  }
  // The nearest named person or body: a sentence's subject, then its speaker.
  const { references } = context;
  if (subject?.pronoun && (subject.source.head === 'he' || subject.source.head === 'she')) {
    // "He proposed …": the person "he" stands for stays the nearest one.
    const name = references.pronoun(subject.source.head, index);
    if (name) references.refresh(name, index);
  }
  let pluralName: string | null = null;
  if (subject?.source.name && !subject.pronoun && isNameWord(firstNameToken(tokens, subject))) {
    const name = context.people.fullName(subject.source.name);
    const after = tokens[subject.at + subjectLength(tokens, subject)];
    const plural = PLURAL_VERBS.has(after?.lower ?? '');
    if (plural) pluralName = name;
    if (name.includes(' ') || subject.source.roles.length > 0) {
      references.note(name, index, !plural);
      // Only where no one else is named: "Stone told Reed he …" tells nothing.
      if (!plural && alone) tellGender(references, tokens, quotation.inside, subject, name);
    }
  } else if (!subject) {
    // `外交部发言人毛宁主持…`: the person a Chinese sentence opens with, for a later `她说`.
    if (opening !== null) references.note(opening, index, true);
  } else if (subject && !subject.pronoun && !subject.source.name) {
    // "The Kremlin has denied …": a body as the subject.
    const body = resolve(subject, context, index);
    if (body && !body.person) references.note(body.name, index, false);
  }
  // "Levy was blunt: “No deal.”": a quotation after a colon with no reporting verb is the
  // named subject's.
  if (!resolved && subject && colonQuote(tokens, quotation.inside)) {
    const own = subject.pronoun ? null : resolve(subject, context, index);
    if (own?.person) {
      resolved = own;
      attribution = { ...subject, fallback: true };
    }
  }
  // "Big Machine have denied …": a name with a plural verb is a body, whatever it says.
  if (resolved?.name === pluralName) resolved = { name: resolved.name, person: false };
  if (resolved) references.note(resolved.name, index, resolved.person);
  return {
    tokens,
    quotation,
    attribution,
    source: resolved?.name ?? null,
    person: resolved?.person ?? false,
  };
}

/** The sentence's quotation opens right after a colon outside quotation marks. */
function colonQuote(tokens: Token[], inside: boolean[]): boolean {
  const open = inside.indexOf(true);
  return open >= 2 && tokens[open - 1]?.kind === 'open' && tokens[open - 2]?.text === ':';
}

/** Tokens of the subject's phrase, from where it starts to its last word. */
function subjectLength(tokens: Token[], subject: Attribution): number {
  const last = subject.source.text.split(' ').at(-1);
  let end = subject.at;
  while (end < tokens.length && end < subject.at + 12 && tokens[end]!.text !== last) end++;
  return end - subject.at + 1;
}

const firstNameToken = (tokens: Token[], subject: Attribution): Token =>
  tokens.find((token) => token.text === subject.source.name?.split(' ')[0]) ?? tokens[0]!;

/**
 * The speaker of a short sentence that is nothing but an attribution ("Reed tweeted before
 * the vote.", "Ruiz quietly asked."), or null.
 */
function bareAttribution(reading: Reading): string | null {
  if (reading.quotation.quotedWords > 0 || !reading.attribution || !reading.source) return null;
  if (reading.quotation.plainWords > 10 || reading.attribution.at > 5) return null;
  return reading.person ? reading.source : null;
}

/** The person whose words a sentence reports beside its own reporting verb ("Reed said it was"). */
function reportedBy(reading: Reading): string | null {
  const attribution = reading.attribution;
  if (!reading.person || !reading.source || !attribution || attribution.fallback) return null;
  return attribution.verb === 'according to' ? null : reading.source;
}

/**
 * A quotation that runs over paragraphs: news leaves a paragraph's quotation open and opens the
 * next paragraph with a quotation mark again ("“We waited for years. / “Now we act,” Levy said.").
 */
function reopened(readings: Reading[], index: number): boolean {
  const previous = readings[index - 1];
  const first = readings[index]!.tokens[0];
  return (
    previous?.quotation.leftOpen === true &&
    first !== undefined &&
    (first.kind === 'open' || first.kind === 'straight')
  );
}

/** Sentences of one quotation that runs over several: from where it opens to where it closes. */
function quotationGroups(readings: Reading[]): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  readings.forEach((reading, index) => {
    if ((reading.quotation.carriedIn || reopened(readings, index)) && current.length > 0)
      current.push(index);
    else {
      if (current.length > 0) groups.push(current);
      current = [index];
    }
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Sentences read between pauses of `analyseInSteps`: a millisecond or so of work. */
const STEP = 32;

/** Analyses every sentence of `article`; the result does not depend on any model. */
export function analyseArticle(article: Article): ArticleAnalysis {
  const steps = analyseInSteps(article);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `analyseArticle` a few sentences at a time: the generator pauses (yields) every `STEP`
 * sentences of each pass, so that a caller on the review's thread can let keys through between
 * them. An article of 75,000 sentences takes seconds, which a keypress must never wait for. The
 * result is the same as `analyseArticle`'s, which runs it without pausing.
 */
export function* analyseInSteps(article: Article): Generator<void, ArticleAnalysis, void> {
  // Read once: a lazy article reads its body from the index at each access.
  const all = article.sentences;
  const hash = article.hash;
  let done = 0;
  const pause = (): boolean => ++done % STEP === 0;

  const tokens: Token[][] = [];
  for (const sentence of all) {
    tokens.push(tokenize(head(sentence.text)));
    if (pause()) yield;
  }
  const quoted: Quotation[] = new Array(all.length);
  let from = 0;
  while (from < all.length) {
    let to = from;
    while (to < all.length && all[to]!.paragraph === all[from]!.paragraph) to++;
    quotations(tokens.slice(from, to)).forEach((quotation, i) => {
      quoted[from + i] = quotation;
    });
    from = to;
    if (pause()) yield;
  }

  const people = new People();
  const references = new References();
  const namedRuns: number[] = [];
  const openings: Array<string | null> = [];
  for (let index = 0; index < tokens.length; index++) {
    namedRuns.push(register(people, references, phrases(tokens[index]!), index));
    const named = cjkNamed(tokens[index]!);
    for (const each of named) people.add(each.mention, index);
    openings.push(named.find((each) => each.subject)?.mention.name ?? null);
    if (pause()) yield;
  }
  const context: Context = { people, references };
  const readings: Reading[] = [];
  for (let index = 0; index < tokens.length; index++) {
    readings.push(
      readSentence(
        tokens[index]!,
        quoted[index]!,
        context,
        index,
        namedRuns[index] === 1,
        openings[index]!,
      ),
    );
    if (pause()) yield;
  }
  yield;

  // A quotation's speaker, found in any of its sentences, speaks all of them.
  const speakers: Array<string | null> = readings.map(() => null);
  const continued: boolean[] = readings.map(() => false);
  const groups = quotationGroups(readings);
  yield;
  const groupOf: number[][] = [];
  for (const group of groups) for (const index of group) groupOf[index] = group;
  for (const group of groups) {
    const withSource = [...group].reverse().find((index) => readings[index]!.source !== null);
    const speaker = withSource === undefined ? null : readings[withSource]!.source;
    for (const index of group) {
      speakers[index] = speaker;
      if (group.length > 1 && readings[index]!.source === null && speaker) continued[index] = true;
    }
  }
  yield;
  // "“…!” / Reed tweeted before the vote.": an attribution the splitter cut off after a
  // closing mark speaks the quotation before it.
  const bare = readings.map((reading) => bareAttribution(reading));
  yield;
  const sameParagraph = (index: number): boolean =>
    all[index + 1]?.paragraph === all[index]!.paragraph;
  readings.forEach((reading, index) => {
    // A cut happens inside a paragraph: "Carr agreed." opening the next one speaks no quote before.
    const next = sameParagraph(index) ? bare[index + 1] : null;
    if (
      speakers[index] === null &&
      reading.quotation.quotedWords > 0 &&
      !reading.quotation.leftOpen &&
      next
    ) {
      for (
        let back = index;
        back >= 0 && speakers[back] === null && readings[back]!.quotation.quotedWords > 0;
        back--
      ) {
        speakers[back] = next;
        continued[back] = true;
        if (!readings[back]!.quotation.carriedIn) break;
      }
    }
  });
  yield;
  // A quotation with no speaker of its own that follows one (or its cut-off attribution, or a
  // person's words reported without quotation marks: "Reed said it was …" / "“They wanted us to
  // give up …”"): the same voice goes on.
  readings.forEach((reading, index) => {
    if (index === 0 || speakers[index] !== null) return;
    if (reading.quotation.quotedWords === 0 || reading.quotation.plainWords > 2) return;
    const previous = readings[index - 1]!;
    const voice =
      previous.quotation.quotedWords > 0
        ? speakers[index - 1]
        : (bare[index - 1] ?? reportedBy(previous));
    if (!voice) return;
    // The voice goes on over the rest of the quotation this sentence opens ("“I come in humbly.
    // / … / I want to listen.”"), a sentence of it with no words of its own included.
    for (const member of groupOf[index]!) {
      if (member < index || speakers[member] !== null) continue;
      speakers[member] = voice;
      continued[member] = true;
    }
  });

  yield;
  const sentences: Array<Omit<SentenceAnalysis, 'cues' | 'around'> & { names: string[] }> = [];
  for (let index = 0; index < all.length; index++) {
    const sentence = all[index]!;
    const reading = readings[index]!;
    const times: TimeExpression[] = timeExpressions(head(sentence.text));
    const isPerson = (name: string): boolean => people.knows(name);
    const found = places(reading.tokens, reading.quotation.inside, isPerson);
    const input = {
      text: head(sentence.text),
      tokens: reading.tokens,
      quotation: reading.quotation,
      attributed: reading.attribution !== null,
      continued: continued[index]!,
      times,
      place: found.length > 0,
      tenses: clauseTenses({
        tokens: reading.tokens,
        inside: reading.quotation.inside,
        attributionAt: reading.attribution?.at ?? null,
        times,
        isPast,
      }),
    };
    const fired = RULES.filter((rule) => rule.test(input));
    const priors: Record<string, number> = { ...BASE };
    for (const rule of fired) priors[rule.label] = priors[rule.label]! + rule.weight;
    const rules = fired.map((rule) => rule.name);
    const when = times.find((time) => !time.ofSpeech);
    const attributes: Record<string, Attributes> = {
      quote: speakers[index] ? { speaker: speakers[index]! } : {},
      claim: reading.source
        ? { claimant: reading.source }
        : speakers[index]
          ? { claimant: speakers[index]! }
          : {},
      event: {
        ...(when ? { when: when.text } : {}),
        ...(found[0] ? { where: found[0].text } : {}),
      },
    };
    sentences.push({
      sentence: sentence.id,
      index,
      rules,
      priors,
      attributes,
      /** Cue names of the sentence itself; its cues add its neighbours' (below). */
      names: sentenceCues({
        tokens: reading.tokens,
        inside: reading.quotation.inside,
        verb: reading.attribution?.verb ?? null,
        verbAt: reading.attribution?.at ?? null,
        person: reading.person,
        resolved: reading.source !== null,
        times,
        place: found.length > 0,
        rules,
      }),
      features: sentenceFeatures({
        tokens: reading.tokens,
        inside: reading.quotation.inside,
        rules,
        index,
        count: all.length,
        paragraphStart: index === 0 || all[index - 1]!.paragraph !== sentence.paragraph,
      }),
    });
    if (pause()) yield;
  }
  // Events are told in runs of narration and claims in runs of figures or sourced statements: the
  // cues of the sentences before and after, marked apart, say which run a sentence stands in.
  const analysed: SentenceAnalysis[] = [];
  for (let index = 0; index < sentences.length; index++) {
    const { names, ...sentence } = sentences[index]!;
    const around = aroundFeatures(
      sentences[index - 1]?.names ?? [],
      sentences[index + 1]?.names ?? [],
    );
    analysed.push({ ...sentence, cues: cueFeatures(names), around });
    if (pause()) yield;
  }
  return { article: article.id, hash, sentences: analysed };
}
