/**
 * Who a sentence says is speaking: the phrase next to a reporting verb outside the quotation
 * ("…,” Kremlin spokesman Dmitry Peskov said.", "…,” noted Peskov.", "as confirmed by the city’s
 * mayor, Sergei Sobyanin", "according to Kremlin spokesperson Dmitry Peskov").
 */
import { STOPWORDS } from '../corpus/stopwords.js';
import { arabicSpeaker, isArabicVerb } from './arabic.js';
import { cjkAttributions } from './cjk.js';
import {
  AUXILIARIES,
  DOCUMENT_NOUNS,
  HONORIFICS,
  MONTH_NAMES,
  NAME_PARTICLES,
  NATIONS,
  NUMBER_WORDS,
  OTHER_DEFINITE,
  OTHER_PRONOUNS,
  OTHER_REPORTING_VERBS,
  PHRASAL_REPORTING_VERBS,
  PRONOUNS,
  REPORTING_VERBS,
  SPEECH_OBJECT_VERBS,
  VERB_LAST_REPORTING_VERBS,
  WEEKDAY_NAMES,
} from './lexicon.js';
import { isNameWord, isRole, type Mention, mention } from './people.js';
import { nounKind } from './senses.js';
import type { Token } from './tokens.js';

export interface Attribution {
  /** The speaking phrase split into roles and name. */
  source: Mention;
  /** Whether the source is a pronoun (`he`, `she`, `it`, `they`). */
  pronoun: boolean;
  /** The reporting verb, lower case. */
  verb: string;
  /** Index of the verb's token in the sentence. */
  at: number;
  /** The source is the sentence's subject, taken for a participle or second verb: a weaker reading. */
  fallback?: boolean;
  /** Found in Chinese, Japanese or Arabic text, whose names the naming pass does not see. */
  unseen?: boolean;
}

const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'another']);
/**
 * The indefinite articles of the other languages read: "sagte ein Sprecher", "un porte-parole".
 * Never in capitals: `UN` is the United Nations.
 */
const OTHER_ARTICLES = new Set(['ein', 'eine', 'un', 'une', 'uno', 'una', 'um', 'uma']);
/**
 * The definite articles of the other languages read, before a role after the verb: "ha detto il
 * ministro", "ha dichiarato la segretaria", "disse o gerente" (qa59 #12). In lower case only:
 * `La Russa`, `El Paso` are names.
 */
const isDeterminer = (token: Token | undefined): boolean =>
  token !== undefined &&
  (DETERMINERS.has(token.lower) ||
    (OTHER_ARTICLES.has(token.lower) && token.text !== token.text.toUpperCase()) ||
    (OTHER_DEFINITE.has(token.text) && token.text === token.lower));

/** An Italian or French "of the" elided before what a post is of: `dell'Economia`, `d'État`. */
const ELIDED_OF = /^(?:dell|dall|nell|sull|all|d)['’]\p{Lu}/u;
/** Words between a speaker and their verb: "Putin also insisted", "The Kremlin has stated". */
const BRIDGE = new Set([
  'also',
  'has',
  'have',
  'had',
  'was',
  'were',
  'then',
  'later',
  'again',
  'previously',
  'earlier',
  'further',
  'once',
  'reportedly',
  'had',
  'did',
]);

/** A reporting verb at `at`: one of the lists, or a verb with its particle ("weighed in"). */
function isVerb(tokens: Token[], at: number): boolean {
  const token = tokens[at]!;
  if (token.kind !== 'word' || token.capital) return false;
  if (REPORTING_VERBS.has(token.lower) || SPEECH_OBJECT_VERBS.has(token.lower)) return true;
  if (OTHER_REPORTING_VERBS.has(token.lower)) return true;
  const particle = PHRASAL_REPORTING_VERBS.get(token.lower);
  return particle !== undefined && tokens[at + 1]?.lower === particle;
}

/**
 * "Ruiz introduced Reed to the audience as “someone who …”": a past verb whose object the
 * subject gives in quoted words after "as" (introduced, praised, remembered … as “…”) reports
 * those words, whatever the verb; within a few words, and outside the quotation.
 */
function givesAsQuoted(tokens: Token[], inside: boolean[], at: number): boolean {
  const token = tokens[at]!;
  if (token.kind !== 'word' || token.capital || !token.text.endsWith('ed')) return false;
  // A past form, not a present one spelled so ("proceed", "exceed", "speed").
  if (!/^[a-z]{3,}ed$/.test(token.text) || token.text.endsWith('eed')) return false;
  // A passive ("was praised as “…”", "was widely mocked as") describes its subject; nobody speaks.
  const before = tokens[at - 1]?.lower ?? '';
  const adverb = /ly$/.test(before) ? (tokens[at - 2]?.lower ?? '') : before;
  if (PASSIVE.has(adverb)) return false;
  for (let i = at + 1; i < tokens.length && i <= at + 8; i++) {
    if (inside[i]) return false;
    const mark = tokens[i + 1]?.kind;
    if (tokens[i]!.lower === 'as') {
      return (mark === 'open' || mark === 'straight') && inside[i + 2] === true;
    }
    if (tokens[i]!.kind !== 'word') return false;
  }
  return false;
}

const isTimeName = (token: Token): boolean =>
  WEEKDAY_NAMES.has(token.lower) || MONTH_NAMES.has(token.lower);

/** A word that can belong to a phrase naming a speaker. */
function phraseWord(token: Token): boolean {
  if (token.kind !== 'word' || isTimeName(token)) return false;
  return (
    token.capital ||
    isNameWord(token) ||
    token.possessive ||
    isRole(token.lower) ||
    NATIONS.has(token.lower) ||
    isDeterminer(token) ||
    HONORIFICS.has(token.lower) ||
    NAME_PARTICLES.has(token.text) ||
    ELIDED_OF.test(token.text)
  );
}

/** A lower-case word that may head a phrase: not a function word, pronoun or naming word. */
const commonNoun = (token: Token): boolean =>
  token.kind === 'word' &&
  !phraseWord(token) &&
  !STOPWORDS.has(token.lower) &&
  !PRONOUNS.has(token.lower) &&
  !REPORTING_VERBS.has(token.lower) &&
  /^[a-z]+$/.test(token.text);

const adverb = (token: Token): boolean =>
  token.kind === 'word' && (BRIDGE.has(token.lower) || /^[a-z]+ly$/.test(token.text));

/** The phrase that ends right before `end` (exclusive), walking left. */
function phraseBefore(tokens: Token[], inside: boolean[], end: number): Token[] {
  let i = skipParenthesis(tokens, inside, end - 1);
  while (i >= 0 && adverb(tokens[i]!) && !inside[i]) i--;
  const last = i;
  // One lower-case head is allowed next to the verb: "officials said", "Western powers said",
  // and after a determiner "the agency said"; a body named with up to two lower-case words
  // after a naming word too ("Peru’s health ministry said").
  if (i >= 0 && !inside[i] && commonNoun(tokens[i]!)) {
    const determined = i > 0 && isDeterminer(tokens[i - 1]);
    if (/^[a-z]+s$/.test(tokens[i]!.text) || determined) i--;
    else i -= namedBody(tokens, inside, i);
  }
  if (i >= 0 && !inside[i] && tokens[i]!.kind === 'word' && PRONOUNS.has(tokens[i]!.lower)) {
    return i === last ? [tokens[i]!] : [];
  }
  while (i >= 0 && !inside[i] && phraseWord(tokens[i]!)) i--;
  const phrase = tokens.slice(i + 1, last + 1);
  // "the Attorney’s Office for the Western District of New York said": New York is not speaking;
  // "Bank of Japan Governor Kazuo Ueda said": the governor is.
  // `du`, `do` of another language only before a phrase: English "officials do say".
  const otherOf = phrase.length > 0 && OTHER_OF.has(tokens[i]?.lower ?? '');
  if (i >= 0 && (PREPOSITIONS.has(tokens[i]!.lower) || otherOf)) {
    if (phrase.some((token) => isRole(token.lower))) return phrase;
    // "A statement from the Kremlin said": the document's author speaks.
    if (namesAuthor(tokens, inside, i, phrase)) return phrase;
    return ofPost(tokens, inside, i, last);
  }
  return phrase;
}

/**
 * "Gov. Tim Walz (D) said", "Levy (pictured) said": a short parenthesis between a name and its
 * verb is passed over; returns the index before it, or `at` when there is none.
 */
function skipParenthesis(tokens: Token[], inside: boolean[], at: number): number {
  if (at < 0 || inside[at] || tokens[at]!.text !== ')') return at;
  for (let i = at - 1; i >= 0 && i >= at - 6; i--) {
    if (tokens[i]!.text === '(') return i - 1;
    if (inside[i] || tokens[i]!.text === ')') return at;
  }
  return at;
}

/**
 * How many lower-case words before a verb name a body after a naming word: "Russia’s foreign
 * ministry", "Peru’s health ministry" (the head a body or person by its commonest sense in
 * WordNet: "the Biden campaign" is no body, a campaign is an event); 0 when they do not.
 */
function namedBody(tokens: Token[], inside: boolean[], head: number): number {
  const kind = nounKind(tokens[head]!.lower);
  if (kind !== 'group' && kind !== 'person') return 0;
  const naming = (at: number): boolean => at >= 0 && !inside[at] && phraseWord(tokens[at]!);
  if (naming(head - 1)) return 1;
  const before = tokens[head - 1];
  return before && !inside[head - 1] && commonNoun(before) && naming(head - 2) ? 2 : 0;
}

/**
 * "The High Commissioner for Human Rights said": the post before "of" or "for" is the speaker,
 * with what it is of; empty when no role comes before the preposition.
 */
function ofPost(tokens: Token[], inside: boolean[], preposition: number, last: number): Token[] {
  const word = tokens[preposition]!.lower;
  if (word !== 'of' && word !== 'for' && !OTHER_OF.has(word)) return [];
  let i = preposition - 1;
  while (i >= 0 && !inside[i] && phraseWord(tokens[i]!)) i--;
  const post = tokens.slice(i + 1, preposition);
  if (!post.some((token) => isRole(token.lower))) return [];
  if (i >= 0 && PREPOSITIONS.has(tokens[i]!.lower)) return [];
  return tokens.slice(i + 1, last + 1);
}

/** The phrase that starts at `from`, walking right. */
function phraseAfter(tokens: Token[], inside: boolean[], from: number): Token[] {
  let i = from;
  if (i < tokens.length && PRONOUNS.has(tokens[i]!.lower) && tokens[i]!.kind === 'word') {
    return [tokens[i]!];
  }
  // "says housing economist Jenny Schuetz": one lower-case word before a role is part of it.
  if (
    i + 1 < tokens.length &&
    !inside[i] &&
    !inside[i + 1] &&
    commonNoun(tokens[i]!) &&
    isRole(tokens[i + 1]!.lower)
  ) {
    i++;
  }
  while (i < tokens.length && !inside[i] && phraseWord(tokens[i]!)) i++;
  // "says the letter", "said the actor": a determiner and one common noun.
  const next = tokens[i];
  if (i === from + 1 && isDeterminer(tokens[from]) && next && commonNoun(next)) {
    // "said a report from Harbour Lane Securities": the document's author speaks.
    const author = documentAuthor(tokens, inside, i);
    if (author) return author;
    i++;
  }
  return tokens.slice(from, i);
}

/**
 * The author named after a document noun at `at` ("a statement from the ministry", "a note by
 * Goldman Sachs analysts"), or null: a named phrase after "from" or "by".
 */
function documentAuthor(tokens: Token[], inside: boolean[], at: number): Token[] | null {
  const author = phraseAfter(tokens, inside, at + 2);
  return namesAuthor(tokens, inside, at + 1, author) ? author : null;
}

/**
 * Whether `phrase`, after "from" or "by" at `at` with a document noun before it, names the
 * document's author: a phrase with a capitalised word, all outside quotation marks.
 */
function namesAuthor(tokens: Token[], inside: boolean[], at: number, phrase: Token[]): boolean {
  const preposition = tokens[at]?.lower;
  const document = tokens[at - 1];
  return (
    (preposition === 'from' || preposition === 'by') &&
    !inside[at] &&
    document !== undefined &&
    !inside[at - 1] &&
    DOCUMENT_NOUNS.has(document.lower) &&
    phrase.some((token) => token.capital)
  );
}

const sourceOf = (phrase: Token[]): { source: Mention; pronoun: boolean } | null => {
  // Not in capitals: `ER`, `IL` are no pronouns.
  const only = phrase.length === 1 ? phrase[0]! : null;
  if (only && OTHER_PRONOUNS.has(only.lower) && only.text !== only.text.toUpperCase()) return null;
  const found = mention(phrase);
  if (!found) return null;
  const pronoun = phrase.length === 1 && PRONOUNS.has(phrase[0]!.lower);
  return { source: found, pronoun };
};

// With the Arabic comma: `«…»، قال متحدث`.
const isComma = (token: Token | undefined): boolean => token?.text === ',' || token?.text === '،';

/** Words that open a sentence before a comma without being its subject. */
const CONNECTIVES = new Set(
  `furthermore moreover however meanwhile subsequently simultaneously additionally nevertheless
  nonetheless still instead indeed therefore thus finally separately elsewhere yesterday today
  earlier later overall now then also first second third last again similarly likewise
  consequently accordingly besides hence otherwise afterwards afterward previously currently
  notably importantly meanwhile yet so but and or`.split(/\s+/),
);

/** Words that open an adverbial running to the first comma: "According to the UN, …". */
const OPENERS = new Set(['also', 'according', 'despite', 'amid', 'following', 'asked', 'citing']);

/** Words after a form in -s that make it a noun ("states to", "claims of"). */
const NOUN_NEXT = new Set(['to', 'of']);

/** Whether a phrase opens with a count or follows one ("three", "two", "12"). */
function counted(tokens: Token[], phrase: Token[]): boolean {
  if (phrase.length === 0) return false;
  const first = tokens.indexOf(phrase[0]!);
  const count = (token: Token | undefined): boolean =>
    token !== undefined && (token.kind === 'number' || NUMBER_WORDS.has(token.lower));
  return count(phrase[0]) || count(tokens[first - 1]);
}

/** Forms of "be" before a past participle: a passive. */
const PASSIVE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** Prepositions: a name right after one sits inside a phrase, not before its own verb. */
const PREPOSITIONS = new Set(['of', 'for', 'in', 'at', 'from', 'on', 'by', 'with', 'to', 'near']);

/**
 * "Of" in French, Spanish, Italian and Portuguese, joined to its article (`un porte-parole du
 * Kremlin`, `do Kremlin`; not German `das`); `de`, `del`, `da`, `di` are name particles too.
 */
const OTHER_OF = new Set(['du', 'des', 'dei', 'degli', 'do', 'dos']);

/** Where the sentence's subject starts: after an opening adverbial ("On Thursday, …"). */
function subjectStart(tokens: Token[]): number {
  const first = tokens.findIndex((token) => token.kind === 'word');
  if (first < 0) return 0;
  const opener = tokens[first]!;
  // "Furthermore, he …", "Subsequently, Zelenskyy …": a lone opening word before a comma (but
  // "Marlow, a retired judge, …" opens with its subject).
  if (isComma(tokens[first + 1]) && (CONNECTIVES.has(opener.lower) || /ly$/.test(opener.lower))) {
    return first + 2;
  }
  // "She didn’t give a date, but said …": a pronoun is the subject, not an opening adverbial.
  const adverbial =
    (STOPWORDS.has(opener.lower) && !PRONOUNS.has(opener.lower)) ||
    /ly$/.test(opener.lower) ||
    OPENERS.has(opener.lower);
  if (adverbial) {
    const comma = tokens.findIndex((token, i) => i > first && isComma(token));
    if (comma > 0 && comma < 12) return comma + 1;
  }
  const timed = timeOpenerEnd(tokens, first);
  return timed ?? first;
}

/** Words that open a time adverbial: "Earlier this year,", "Last week,", "Later that day,". */
const TIME_OPENERS = new Set(['earlier', 'later', 'last', 'this', 'next', 'previously', 'late']);

/**
 * Past a time adverbial of lower-case words up to its comma ("Earlier this year, GateHouse …"),
 * whose capitalised first word only opens the sentence (qa52: it was taken for a speaker named
 * Earlier). A capitalised word inside ("Last week Reed, who …") leaves the subject where it was.
 */
function timeOpenerEnd(tokens: Token[], first: number): number | null {
  if (!TIME_OPENERS.has(tokens[first]!.lower)) return null;
  for (let i = first + 1; i < tokens.length && i < first + 6; i++) {
    const token = tokens[i]!;
    if (isComma(token)) return i > first + 1 ? i + 1 : null;
    if (token.kind !== 'word' || token.capital) return null;
  }
  return null;
}

/** "said marine biologist Ana Ruiz": up to three lower-case words before a name. */
function describedName(tokens: Token[], inside: boolean[], from: number): Token[] | null {
  let i = from;
  while (i < tokens.length && i < from + 4 && !inside[i] && commonNoun(tokens[i]!)) i++;
  if (i === from || i >= tokens.length || !isNameWord(tokens[i]!)) return null;
  return [...tokens.slice(from, i), ...phraseAfter(tokens, inside, i)];
}

/**
 * "said another witness at the inquiry, former Harbour Board adviser Tom Reed":
 * a full name set off by the next comma (within a few words) names the speaker a phrase described.
 */
function namedFurther(tokens: Token[], inside: boolean[], from: number): Token[] | null {
  let comma = from;
  while (comma < tokens.length && comma < from + 8 && !inside[comma] && !isComma(tokens[comma])) {
    if (tokens[comma]!.kind !== 'word') return null;
    comma++;
  }
  if (!isComma(tokens[comma])) return null;
  const next = describedName(tokens, inside, comma + 1) ?? phraseAfter(tokens, inside, comma + 1);
  const named = mention(next);
  return named?.name && named.nameWords >= 2 ? next : null;
}

/** The sentence's grammatical subject, when it opens with a naming phrase. */
export function sentenceSubject(
  tokens: Token[],
  inside: boolean[],
  start = subjectStart(tokens),
): Attribution | null {
  const phrase = phraseAfter(tokens, inside, start);
  // "A Varnholm man pleaded …": a name after "a" that a noun follows only describes.
  const next = tokens[start + phrase.length];
  const indefinite = ['a', 'an'].includes(phrase[0]?.lower ?? '');
  if (indefinite && next?.kind === 'word' && !next.capital) return null;
  const found = sourceOf(phrase);
  return found ? { ...found, verb: '', at: start } : null;
}

/** Conjunctions of time that open a clause whose subject the main clause's "he" goes on with. */
const TIME_CLAUSE = new Set(['when', 'after', 'while', 'once', 'before', 'as']);

/**
 * "When Lamb arrived, he said it would …": the subject of a short opening clause of time, which
 * `subjectStart` passes over as an adverbial (a long one is the sentence's subject already).
 * Null for any other opening, and when the main clause's pronoun only reports what follows
 * ("When Lamb took office, he said, the debt was …": someone else may be saying it).
 */
export function openingClauseSubject(tokens: Token[], inside: boolean[]): Attribution | null {
  const first = tokens.findIndex((token) => token.kind === 'word');
  if (first < 0 || inside[first] || !TIME_CLAUSE.has(tokens[first]!.lower)) return null;
  const start = subjectStart(tokens);
  if (start === first || !isComma(tokens[start - 1])) return null;
  // The main clause: its pronoun and its verb, with no comma after it but before a quotation.
  const pronoun = tokens[start];
  if (!pronoun || !['he', 'she'].includes(pronoun.lower)) return null;
  const after = tokens[start + 3];
  if (isComma(tokens[start + 2]) && after?.kind !== 'open' && !inside[start + 3]) return null;
  const clause = sentenceSubject(tokens, inside, first);
  return clause && !clause.pronoun ? clause : null;
}

/**
 * Every reporting verb outside the quotation with a speaking phrase next to it, in order: the
 * caller takes the first whose phrase leads to someone.
 */
export function findAttributions(tokens: Token[], inside: boolean[]): Attribution[] {
  const found: Attribution[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const attribution = attributionAt(tokens, inside, at);
    if (attribution) found.push(attribution);
  }
  // Chinese and Japanese: no spaces between words, no capitals on names.
  found.push(...cjkAttributions(tokens, inside));
  return found;
}

function attributionAt(tokens: Token[], inside: boolean[], at: number): Attribution | null {
  const token = tokens[at]!;
  if (inside[at]) return null;
  if (token.lower === 'according' && tokens[at + 1]?.lower === 'to') {
    const found = sourceOf(withApposition(tokens, inside, phraseAfter(tokens, inside, at + 2)));
    if (found) return { ...found, verb: 'according to', at };
    return null;
  }
  // Arabic: the verb first, the speaker after it, with no capitals to find the name by.
  if (isArabicVerb(token)) {
    const found = arabicSpeaker(tokens, inside, at);
    return found ? { ...found, verb: token.lower, at, unseen: true } : null;
  }
  if (!isVerb(tokens, at) && !givesAsQuoted(tokens, inside, at)) return null;
  // "two coastal states to have signed", "reports of shelling": a noun, not a verb in -s.
  if (
    token.lower !== 'says' &&
    token.lower.endsWith('s') &&
    NOUN_NEXT.has(tokens[at + 1]?.lower ?? '')
  ) {
    return null;
  }
  // "Lutz was said to be …": a passive that reports a rumour, no one's words.
  if (PASSIVE.has(tokens[at - 1]?.lower ?? '') && tokens[at + 1]?.lower === 'to') return null;
  // "as confirmed by the city’s mayor, Sergei Sobyanin"
  if (tokens[at + 1]?.lower === 'by') {
    const found = sourceOf(withApposition(tokens, inside, phraseAfter(tokens, inside, at + 2)));
    if (found) return { ...found, verb: token.lower, at };
    return null;
  }
  // A participle or a second verb takes the sentence's subject: "Putin gave remarks, saying that
  // …", "Van Der Beek touched on it and noted …"; but "with Jordan’s Foreign Minister Ayman Safadi
  // warning of …" names its own.
  const previous = tokens[at - 1]?.lower;
  if (token.lower.endsWith('ing')) {
    const own = phraseBefore(tokens, inside, at);
    const named = sourceOf(own);
    if (named?.source.name && tokens[at - own.length - 1]?.lower === 'with') {
      return { ...named, verb: token.lower, at };
    }
  }
  if (token.lower.endsWith('ing') || previous === 'and' || previous === 'but') {
    const subject = sentenceSubject(tokens, inside);
    if (subject) return { ...subject, verb: token.lower, at, fallback: true };
    return null;
  }
  // `«…», a dit M. Erdoğan`, `«…», ha detto`, `«…» — заявил Эрдоган`: an auxiliary of another
  // language, or a dash, between the quotation and its verb.
  let lead = at - 1;
  if (OTHER_REPORTING_VERBS.has(token.lower)) {
    if (AUXILIARIES.has(tokens[lead]?.lower ?? '') && !inside[lead]) lead--;
    if (/^[—–-]$/.test(tokens[lead]?.text ?? '') && !inside[lead]) lead--;
  }
  const before = tokens[lead];
  // "…,” noted Peskov." / "…,” he said." / "…” announced in May, said Ivo Kranjec": a verb
  // after the quotation's close, or after a comma with quoted words before it, comes first.
  const afterQuote =
    before !== undefined &&
    (before.kind === 'close' ||
      before.kind === 'straight' ||
      (isComma(before) && inside.slice(0, at).some(Boolean)));
  if (afterQuote && isComma(before) && before.kind !== 'close') {
    // "“…,” Dr. Luz Contreras Arroyo, a member of the group, told NBC News": the speaker named
    // before the comma goes first.
    const normal = sourceOf(appositionBefore(tokens, inside, lead));
    if (normal?.source.name) return { ...normal, verb: token.lower, at };
  }
  if (afterQuote) {
    // `a déclaré vendredi le porte-parole`, `dijo el viernes el portavoz`: a day between.
    const from = OTHER_REPORTING_VERBS.has(token.lower) ? pastDay(tokens, inside, at + 1) : at + 1;
    let after = describedName(tokens, inside, from) ?? phraseAfter(tokens, inside, from);
    if (after.length > 1 && mention(after)?.name === null) {
      after = namedFurther(tokens, inside, from + after.length) ?? after;
    }
    const inverted = sourceOf(after);
    // Russian, Ukrainian and Turkish have no articles: `— сказал пресс-секретарь` is "said the
    // press secretary".
    const bareRole =
      after.length === 1 && OTHER_REPORTING_VERBS.has(token.lower) && isRole(after[0]!.lower);
    if (inverted && (inverted.source.name || inverted.pronoun || after.length > 1 || bareRole)) {
      return { ...inverted, verb: token.lower, at };
    }
    // Turkish `Erdoğan, "…" dedi.`: the speaker before the quotation, the verb after it.
    if (VERB_LAST_REPORTING_VERBS.has(token.lower)) {
      // The opening mark: the first token before the quoted words.
      let open = lead - 1;
      while (open >= 0 && inside[open]) open--;
      if (open > 0 && open < lead - 1 && isComma(tokens[open - 1])) {
        const named = sourceOf(phraseBefore(tokens, inside, open - 1));
        if (named?.source.name) return { ...named, verb: token.lower, at };
      }
      // `Erdoğan görüşmenin ardından "…" dedi.`: the sentence's subject, words between.
      const subject = sentenceSubject(tokens, inside);
      if (subject?.source.name) return { ...subject, verb: token.lower, at };
    }
  }
  // `Un porte-parole du Kremlin a dit`: the phrase ends before the auxiliary.
  const auxiliary =
    OTHER_REPORTING_VERBS.has(token.lower) &&
    AUXILIARIES.has(tokens[at - 1]?.lower ?? '') &&
    !inside[at - 1];
  let phrase = phraseBefore(tokens, inside, auxiliary ? at - 1 : at);
  if (phrase.length === 0 && isComma(before)) phrase = appositionBefore(tokens, inside, at - 1);
  // "Three Baltic states also rejected": a counted plural noun, not a verb in -s.
  if (token.lower !== 'says' && token.lower.endsWith('s') && counted(tokens, phrase)) return null;
  const found = sourceOf(phrase);
  if (found) return { ...found, verb: token.lower, at };
  return null;
}

/** Days and times of day that French, Spanish, Italian, Portuguese and German put after the verb. */
const OTHER_DAYS = new Set(
  `lundi mardi mercredi jeudi vendredi samedi dimanche hier soir matin lunes martes miércoles
  jueves viernes sábado domingo ayer lunedì martedì mercoledì giovedì venerdì sabato domenica
  ieri segunda-feira terça-feira quarta-feira quinta-feira sexta-feira ontem montag dienstag
  mittwoch donnerstag freitag samstag sonntag gestern abend`.split(/\s+/),
);
/** The article or preposition before such a day: `el viernes`, `am Freitag`, `na sexta-feira`. */
const DAY_ARTICLES = new Set(['el', 'am', 'na', 'no', 'il']);

/** Where the speaker's phrase starts after a verb at `from - 1`, past a day (`vendredi`, `el viernes`). */
function pastDay(tokens: Token[], inside: boolean[], from: number): number {
  let i = from;
  for (let passed = 0; passed < 2; passed++) {
    const article = DAY_ARTICLES.has(tokens[i]?.lower ?? '') ? 1 : 0;
    const day = tokens[i + article];
    if (!day || inside[i + article] || !OTHER_DAYS.has(day.lower)) break;
    i += article + 1;
  }
  return i;
}

/**
 * "a Putin aide, Yury Ushakov, said": the name between the commas when there is one, else the
 * phrase before them ("Britain, one of the countries …, said").
 */
function appositionBefore(tokens: Token[], inside: boolean[], comma: number): Token[] {
  let open = comma - 1;
  while (open >= 0 && !isComma(tokens[open]) && !inside[open]) open--;
  if (open < 0 || inside[open]) return [];
  const between = tokens.slice(open + 1, comma);
  const named = mention(between);
  // "Lamb, a Democrat, said": a phrase after a determiner describes the name before the comma.
  if (named?.name && !named.determiner && between.every(phraseWord)) return between;
  return phraseBefore(tokens, inside, open);
}

/** "the city’s mayor, Sergei Sobyanin": a name after the phrase's comma takes its place. */
function withApposition(tokens: Token[], inside: boolean[], phrase: Token[]): Token[] {
  if (phrase.length === 0) return phrase;
  // Only a person's role takes a name in apposition: not "According to the UN, Peskov said".
  if (!isRole(mention(phrase)?.head ?? '')) return phrase;
  const end = tokens.indexOf(phrase[phrase.length - 1]!) + 1;
  if (!isComma(tokens[end])) return phrase;
  const next = phraseAfter(tokens, inside, end + 1);
  const named = mention(next);
  return named?.name && named.nameWords >= 2 ? [...phrase, ...next] : phrase;
}
