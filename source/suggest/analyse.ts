/**
 * Reads an article with the rules: quotations and their speakers, attributions, times and places,
 * the rules that fire and the features the model learns over. Independent of the model, so the
 * UI computes it once per article text and re-scores cheaply as the model learns.
 */
import { STOPWORDS } from '../corpus/stopwords.js';
import type { Article } from '../corpus/types.js';
import { type Attribution, findAttributions, sentenceSubject } from './attribution.js';
import { clauseTenses } from './clause.js';
import { isPast, sentenceCues } from './cues.js';
import { aroundFeatures, cueFeatures, sentenceFeatures } from './features.js';
import { NAME_PARTICLES } from './lexicon.js';
import { isNameWord, isPersonRole, type Mention, mention, People } from './people.js';
import { type Quotation, quotations } from './quotations.js';
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

/** Sentences back that "he said" may reach for the person it stands for. */
const PRONOUN_REACH = 6;

interface Reading {
  tokens: Token[];
  quotation: Quotation;
  attribution: Attribution | null;
  /** The attribution's source as the article names them, or null when unclear. */
  source: string | null;
  /** The source is a person (not a body like "the Kremlin"). */
  person: boolean;
}

/** Every naming phrase of a sentence (runs of capitalised, role and nation words). */
function phrases(tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const token of tokens) {
    const keep =
      token.kind === 'word' &&
      (token.capital ||
        isNameWord(token) ||
        isPersonRole(token.lower) ||
        (run.length > 0 && (token.possessive || NAME_PARTICLES.has(token.text))));
    if (keep) run.push(token);
    else {
      if (run.length > 0) runs.push(run);
      run = [];
      if (token.text === ',' && runs.length > 0) runs.push([token]);
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Registers full names, and role phrases set beside a name by commas. */
function register(people: People, tokens: Token[], index: number): void {
  const runs = phrases(tokens);
  let previous: Mention | null = null;
  let commaAfterPrevious = false;
  for (const run of runs) {
    if (run.length === 1 && run[0]!.text === ',') {
      commaAfterPrevious = previous !== null;
      continue;
    }
    const found = mention(run);
    if (found) {
      people.add(found, index);
      if (
        commaAfterPrevious &&
        previous &&
        !previous.name &&
        found.name &&
        found.nameWords >= 2 &&
        isPersonRole(previous.head)
      ) {
        people.introduce(previous.roles, found.name, index);
      }
    }
    previous = found;
    commaAfterPrevious = false;
  }
}

interface Context {
  people: People;
  lastPerson: { name: string; index: number } | null;
}

/** The source of an attribution as the article names them; null where the article leaves it unclear. */
function resolve(
  attribution: Attribution,
  context: Context,
  index: number,
): { name: string; person: boolean } | null {
  const { source } = attribution;
  if (attribution.pronoun) {
    if (source.head !== 'he' && source.head !== 'she') return null;
    const last = context.lastPerson;
    return last && index - last.index <= PRONOUN_REACH ? { name: last.name, person: true } : null;
  }
  if (source.name) {
    // Bodies ("Russia", "the Kremlin") never reach here: the word lists keep them out of names,
    // so a name is a person, a lone one a surname.
    return { name: context.people.fullName(source.name), person: true };
  }
  if (['a', 'an', 'one', 'another'].includes(source.determiner)) return null;
  if (isPersonRole(source.head)) {
    const byRole = context.people.byRole(source.roles, index);
    return byRole ? { name: byRole, person: true } : null;
  }
  // A body or group is kept as the article names it ("the Kremlin", "Western powers"); a phrase
  // with no capitalised word of substance ("That", "the agency") names no one.
  const named = source.text
    .split(' ')
    .some((word) => /^\p{Lu}/u.test(word) && !STOPWORDS.has(word.toLowerCase()));
  return named ? { name: source.text, person: false } : null;
}

function readSentence(
  tokens: Token[],
  quotation: Quotation,
  context: Context,
  index: number,
): Reading {
  const candidates = findAttributions(tokens, quotation.inside);
  let attribution: Attribution | null = candidates[0] ?? null;
  let resolved: { name: string; person: boolean } | null = null;
  // A speaker named beside the verb outranks the subject taken for a participle ("Sondland was
  // known for telling others “…”, said Fiona Hill").
  const ranked = [
    ...candidates.filter((candidate) => !candidate.fallback),
    ...candidates.filter((candidate) => candidate.fallback),
  ];
  for (const candidate of ranked) {
    resolved = resolve(candidate, context, index);
    if (resolved) {
      attribution = candidate;
      break;
    }
  }
  // The nearest named person: a sentence's subject, then its speaker.
  const subject = sentenceSubject(tokens, quotation.inside);
  const last = context.lastPerson;
  if (subject?.pronoun && last && index - last.index <= PRONOUN_REACH) {
    // "He proposed …": the person "he" stands for stays the nearest one.
    if (subject.source.head === 'he' || subject.source.head === 'she') last.index = index;
  }
  if (subject?.source.name && !subject.pronoun && isNameWord(firstNameToken(tokens, subject))) {
    const name = context.people.fullName(subject.source.name);
    if (name.includes(' ') || subject.source.roles.length > 0) context.lastPerson = { name, index };
  }
  if (resolved?.person) context.lastPerson = { name: resolved.name, index };
  return {
    tokens,
    quotation,
    attribution,
    source: resolved?.name ?? null,
    person: resolved?.person ?? false,
  };
}

const firstNameToken = (tokens: Token[], subject: Attribution): Token =>
  tokens.find((token) => token.text === subject.source.name?.split(' ')[0]) ?? tokens[0]!;

/**
 * The speaker of a short sentence that is nothing but an attribution ("Trump tweeted before
 * Election Day.", "Brooke tearfully asked."), or null.
 */
function bareAttribution(reading: Reading): string | null {
  if (reading.quotation.quotedWords > 0 || !reading.attribution || !reading.source) return null;
  if (reading.quotation.plainWords > 10 || reading.attribution.at > 5) return null;
  return reading.person ? reading.source : null;
}

/** The person whose words a sentence reports beside its own reporting verb ("Erekat said it was"). */
function reportedBy(reading: Reading): string | null {
  const attribution = reading.attribution;
  if (!reading.person || !reading.source || !attribution || attribution.fallback) return null;
  return attribution.verb === 'according to' ? null : reading.source;
}

/** Sentences of one quotation that runs over several: from where it opens to where it closes. */
function quotationGroups(readings: Reading[]): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  readings.forEach((reading, index) => {
    if (reading.quotation.carriedIn && current.length > 0) current.push(index);
    else {
      if (current.length > 0) groups.push(current);
      current = [index];
    }
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Analyses every sentence of `article`; the result does not depend on any model. */
export function analyseArticle(article: Article): ArticleAnalysis {
  const tokens = article.sentences.map((sentence) => tokenize(head(sentence.text)));
  const quoted: Quotation[] = new Array(article.sentences.length);
  let from = 0;
  while (from < article.sentences.length) {
    let to = from;
    while (
      to < article.sentences.length &&
      article.sentences[to]!.paragraph === article.sentences[from]!.paragraph
    )
      to++;
    quotations(tokens.slice(from, to)).forEach((quotation, i) => {
      quoted[from + i] = quotation;
    });
    from = to;
  }

  const people = new People();
  for (const [index, sentence] of tokens.entries()) register(people, sentence, index);
  const context: Context = { people, lastPerson: null };
  const readings = tokens.map((sentence, index) =>
    readSentence(sentence, quoted[index]!, context, index),
  );

  // A quotation's speaker, found in any of its sentences, speaks all of them.
  const speakers: Array<string | null> = readings.map(() => null);
  const continued: boolean[] = readings.map(() => false);
  for (const group of quotationGroups(readings)) {
    const withSource = [...group].reverse().find((index) => readings[index]!.source !== null);
    const speaker = withSource === undefined ? null : readings[withSource]!.source;
    for (const index of group) {
      speakers[index] = speaker;
      if (group.length > 1 && readings[index]!.source === null && speaker) continued[index] = true;
    }
  }
  // "“…!” / Trump tweeted before Election Day.": an attribution the splitter cut off after a
  // closing mark speaks the quotation before it.
  const bare = readings.map((reading) => bareAttribution(reading));
  readings.forEach((reading, index) => {
    const next = bare[index + 1];
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
  // A quotation with no speaker of its own that follows one (or its cut-off attribution, or a
  // person's words reported without quotation marks: "Erekat said it was …" / "“They wanted us on
  // our knees …”"): the same voice goes on.
  readings.forEach((reading, index) => {
    if (index === 0 || speakers[index] !== null) return;
    if (reading.quotation.quotedWords === 0 || reading.quotation.plainWords > 2) return;
    const previous = readings[index - 1]!;
    const voice =
      previous.quotation.quotedWords > 0
        ? speakers[index - 1]
        : (bare[index - 1] ?? reportedBy(previous));
    if (voice) {
      speakers[index] = voice;
      continued[index] = true;
    }
  });

  const sentences = article.sentences.map((sentence, index) => {
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
    return {
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
        count: article.sentences.length,
        paragraphStart:
          index === 0 || article.sentences[index - 1]!.paragraph !== sentence.paragraph,
      }),
    };
  });
  // Events are told in runs of narration and claims in runs of figures or sourced statements: the
  // cues of the sentences before and after, marked apart, say which run a sentence stands in.
  const analysed: SentenceAnalysis[] = sentences.map(({ names, ...sentence }, index) => {
    const around = aroundFeatures(
      sentences[index - 1]?.names ?? [],
      sentences[index + 1]?.names ?? [],
    );
    return { ...sentence, cues: cueFeatures(names), around };
  });
  return { article: article.id, hash: article.hash, sentences: analysed };
}
