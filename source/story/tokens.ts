/**
 * What a sentence says, reduced to what outlets keep when they copy, edit or retell it: content
 * words (folded, stemmed), names (romanisation variants made one), figures, and the speaker
 * (names next to a reporting verb). Words that outlets rewrite freely — reporting verbs, hedges,
 * function words, weekdays — are dropped.
 */
import { stemmer } from 'stemmer';
import { closers, isSentenceLike, terminals } from '../corpus/characters.js';
import { STOPWORDS } from '../corpus/stopwords.js';
import { isVariant, variantKey } from '../search/candidates.js';
import { fold, isWordCodePoint } from '../text/fold.js';
import { withoutDateline } from './dateline.js';
import { wordWeight } from './frequencies.js';
import { Float64List, Int32List } from './growable.js';
import {
  CALENDAR_WORDS,
  NAME_PARTICLES,
  REPORTING_WORDS,
  TITLE_WORDS,
  WEIGHTLESS_WORDS,
} from './lexicon.js';
import { parseNumberWords } from './numbers.js';
import { PairMemo } from './pair-memo.js';
import { sortByWord, sortIds } from './sorted-ids.js';
import {
  hypernymsOf,
  inPhraseAt,
  isPhrase,
  opensPhrase,
  PHRASE_WORDS,
  synsetsOf,
} from './synonyms.js';

/**
 * Set in `SentenceFeatures.figures` when the sentence states an amount: a figure that is not a
 * weekday, a month or a year.
 */
export const AMOUNT = 1;
/** Set on a word id when the word was written as a name (capitalised inside the sentence). */
export const NAME_BIT = 0x8000_0000;
export const ID_MASK = 0x7fff_ffff;
/**
 * In a speaker list, the bit of a name that describes the speaker rather than naming them
 * ("Kremlin", "European Commission" before a title): see `SentenceFeatures.speakers`.
 */
export const DESCRIBING = NAME_BIT;

/**
 * Each sentence's speakers within its article: its own, or for a bare quote ("“There are
 * reasons to be cautiously optimistic.”") or a pronoun ("he added") those of the sentence
 * before it (borrowed in turn, if it borrowed), or else those of the next one.
 */
export function speakersInArticle(
  features: ReadonlyArray<Pick<SentenceFeatures, 'speakers' | 'borrowsSpeaker'>>,
): number[][] {
  const speakersOf: number[][] = [];
  features.forEach((feature, position) => {
    let speakers = feature.speakers;
    if (feature.borrowsSpeaker) {
      speakers = speakersOf[position - 1] ?? [];
      if (speakers.length === 0) speakers = features[position + 1]?.speakers ?? [];
    }
    speakersOf.push(speakers);
  });
  return speakersOf;
}

/** The ids of a speaker list that name the speaker (not those describing them). */
export function speakerNames(speakers: readonly number[]): number[] {
  return speakers.filter((id) => !(id & DESCRIBING));
}

export interface SentenceFeatures {
  /** Content word ids, ascending by id; a name carries `NAME_BIT`. */
  words: number[];
  /**
   * Ids of names next to a reporting verb ("Peskov said", "according to Ushakov"), the whole name
   * ("Mohammed bin Abdulrahman Al Thani"); those before a title ("Kremlin spokesman Dmitry
   * Peskov") carry `DESCRIBING`. None of them is among `words`.
   */
  speakers: number[];
  /**
   * When no name is the speaker, the word ids of an organisation named as the source ("the
   * coast guard said", "according to interior officials"), titles left out.
   */
  sources: number[];
  /** Whether the sentence quotes someone (quotation marks). */
  quoted: boolean;
  /** Whether it reports speech (a reporting verb). */
  reported: boolean;
  /**
   * Whether its speaker is named in a neighbouring sentence: a bare quote, or speech reported
   * by a pronoun ("he said").
   */
  borrowsSpeaker: boolean;
  /**
   * A hash of the figures and the weekdays and months it states, in order of value ("four" and
   * "4" alike); 0 when none.
   */
  figures: number;
  /**
   * What its figures count: the content words right after each figure ("28 Ukrainian drones"
   * gives "Ukrainian" and "drones"), ids as in `words`, ascending by `id & ID_MASK`.
   */
  units: number[];
  /** The content words inside quotation marks, ids as in `words`, ascending by `id & ID_MASK`. */
  quotedWords: number[];
  /** Two 32-bit hashes of the folded word sequence: equal for copies that differ in case or punctuation. */
  fingerprint: [number, number];
}

/** What one written word ("Putin's" gives "Putin" and "s") is to the comparison, found once. */
interface WordInfo {
  folded: string;
  /** The id as an ordinary word, or -1 for a word that carries no weight. */
  word: number;
  /** The id as a name, or -1 for a word that cannot be one (titles, lower case). */
  name: number;
  reporting: boolean;
  /** A title or the common noun of an institution ("spokesman", "ministry"), or an article. */
  title: boolean;
  /** A weekday or month named (its index in `DATE_WORDS`), or -1: compared with the figures. */
  day: number;
  /** The figure it writes ("28", "four"), or null. */
  value: number | null;
  /** Its stem ("turned" → "turn"), whatever its weight: phrases are found by stems. */
  stemmed: string;
  /** Whether it may open one of WordNet's phrasal verbs ("turned" of "turned down"). */
  opens: boolean;
  /** An abbreviation ("U.S.", "NATO"): see `isAcronymKey`. */
  acronym: boolean;
  /** A noun of "in the view of" (`VIEWS`): asked of every word, so found once. */
  view: boolean;
}

const DATE_WORDS = `monday tuesday wednesday thursday friday saturday sunday january february march
april june july august september october november december`.split(/\s+/);

/** Where the months begin in `DATE_WORDS`. */
const MONTHS_FROM = 7;

const INFO_LIMIT = 500_000;
/** Slots of `Vocabulary.infoAt`'s words read lately (a power of two). */
const RECENT_WORDS = 1 << 13;

/** Word strings by id; ids are handed out as words are first seen. */
export class Vocabulary {
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly infos = new Map<string, WordInfo>();

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
      const weight = isAcronymKey(word) ? acronymWeight(word) : wordWeight(word);
      this.weights.push(weight);
      // A name weighs at least 1, but for an abbreviation of a common word ("US"): see
      // `acronymWeight`.
      this.nameWeights.push(weight < 1 && !isAcronymKey(word) ? 1 : weight);
      this.initials.push(word.toLowerCase().charCodeAt(0) | 0);
      this.prefixes.push(
        isAcronymKey(word)
          ? ACRONYM_PREFIX
          : word.length >= 5
            ? this.prefixId(word.slice(0, 5))
            : -1,
      );
    }
    return id;
  }

  word(id: number): string {
    return this.words[id & ID_MASK]!;
  }

  /** How much sharing word `id` says (`wordWeight`); a name weighs at least 1. */
  weight(id: number): number {
    return (id & NAME_BIT ? this.nameWeights : this.weights).data[id & ID_MASK]!;
  }

  /**
   * An id for the first five letters of word `id`, or -1 for a shorter word (and -2 for an
   * abbreviation, which matches no other word by its letters): words that may be one word in
   * two forms ("optimism", "optimistic") share it.
   */
  prefix(id: number): number {
    return this.prefixes.data[id & ID_MASK]!;
  }

  /**
   * The first UTF-16 unit of word `id` in lower case: two names compared (`sameName`, most of
   * a comparison's checks of speakers against the other sentence's words) differ there mostly,
   * told apart without reading their strings.
   */
  initial(id: number): number {
    return this.initials.data[id & ID_MASK]!;
  }

  /** Whether word `id` is an abbreviation ("US", "NATO"): see `isAcronymKey`. */
  isAcronym(id: number): boolean {
    return this.prefixes.data[id & ID_MASK] === ACRONYM_PREFIX;
  }

  /** WordNet synsets of ordinary word `id` (none for names). */
  synsets(id: number): Int32Array {
    if (id & NAME_BIT) return NO_SYNSETS;
    const index = id & ID_MASK;
    while (this.synsetLists.length <= index) {
      this.synsetLists.push(synsetsOf(this.words[this.synsetLists.length]!));
    }
    return this.synsetLists[index]!;
  }

  /** The synsets one step broader than word `id`'s (its direct WordNet hypernyms). */
  broader(id: number): Int32Array {
    if (id & NAME_BIT) return NO_SYNSETS;
    const index = id & ID_MASK;
    let found = this.broaderLists.get(index);
    if (found === undefined) {
      found = hypernymsOf(this.synsets(id));
      this.broaderLists.set(index, found);
    }
    return found;
  }

  /**
   * How word pairs relate, remembered for the comparison (`similarity.ts`); made when first
   * asked for, as a group's description makes a vocabulary of its own.
   */
  get pairMemo(): PairMemo {
    this.memo ??= new PairMemo();
    return this.memo;
  }

  private memo: PairMemo | null = null;

  private readonly weights = new Float64List();
  private readonly nameWeights = new Float64List();
  private readonly prefixes = new Int32List();
  private readonly initials = new Int32List();
  private readonly synsetLists: Int32Array[] = [];
  private readonly broaderLists = new Map<number, Int32Array>();
  private readonly prefixIds = new Map<string, number>();

  private prefixId(prefix: string): number {
    let id = this.prefixIds.get(prefix);
    if (id === undefined) {
      id = this.prefixIds.size;
      this.prefixIds.set(prefix, id);
    }
    return id;
  }

  /** What a written word is to the comparison; cached, since news repeats its words. */
  info(written: string): WordInfo {
    let info = this.infos.get(written);
    if (info === undefined) {
      info = this.describe(written);
      if (this.infos.size < INFO_LIMIT) this.infos.set(written, info);
    }
    return info;
  }

  /**
   * `info(text.slice(start, end))`, without the slice and the map's hashing of it when the word
   * was read lately: those were a fifth of the reading's time in the tokenizer. A word's last
   * reading stands in a slot of its hash (direct-mapped, so the table never grows).
   */
  infoAt(text: string, start: number, end: number): WordInfo {
    let hash = 0x811c9dc5;
    for (let at = start; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
    const slot = (hash ^ (hash >>> 16)) & (RECENT_WORDS - 1);
    const known = this.recentWords[slot];
    if (known !== undefined && known.length === end - start && text.startsWith(known, start)) {
      return this.recentInfos[slot]!;
    }
    const written = text.slice(start, end);
    const info = this.info(written);
    this.recentWords[slot] = written;
    this.recentInfos[slot] = info;
    return info;
  }

  private readonly recentWords: Array<string | undefined> = new Array(RECENT_WORDS);
  private readonly recentInfos: Array<WordInfo | undefined> = new Array(RECENT_WORDS);

  /** `info` uncached: what the written word is, its ids handed out as it is read. */
  protected describe(written: string): WordInfo {
    const folded = fold(written);
    if (ACRONYM.test(written) && !TITLE_WORDS.has(folded)) {
      // Keyed in capitals, apart from the word it spells ("US", "WHO"): see `isAcronymKey`.
      const id = this.id(LONGER_FORMS.get(written) ?? written);
      const info = { folded, word: id, name: id, reporting: false, title: false, day: -1 };
      return { ...info, value: null, stemmed: folded, opens: false, acronym: true, view: false };
    }
    const reporting = REPORTING_WORDS.has(folded);
    const weightless =
      folded.length < 2 ||
      CALENDAR_WORDS.has(folded) ||
      STOPWORDS.has(folded) ||
      WEIGHTLESS_WORDS.has(folded) ||
      figureOf(folded) !== null;
    const day = DATE_WORDS.indexOf(folded);
    const title = TITLE_WORDS.has(folded);
    const value = figureOf(folded);
    const stemmed = stem(folded);
    const opens = !reporting && opensPhrase(stemmed);
    const view = VIEWS.has(folded);
    if (weightless || title) {
      const [word, name, acronym] = [-1, -1, false];
      return { folded, word, name, reporting, title, day, value, stemmed, opens, acronym, view };
    }
    const capital = upper.test(written);
    // A capitalised word with a romanisation mark ("Witkoff" opening a sentence) keys as a name.
    const word = this.id(capital && romanised.test(folded) ? nameKey(folded) : stemmed);
    const name = capital ? this.id(nameKey(folded)) : -1;
    return {
      folded,
      word,
      name,
      reporting,
      title: false,
      day,
      value,
      stemmed,
      opens,
      acronym: false,
      view,
    };
  }
}

const upper = /^\p{Lu}/u;
const NO_SYNSETS = new Int32Array(0);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);
const quotes = /["“”«»„]|(?:^|\s)['‘]|['’](?:\s|$)/;
const stemCache = new Map<string, string>();
const romanised = /y|kh|ff$/;
/** Capitals alone, as an organisation or a country is abbreviated ("US", "NATO", "U.K." joined). */
const ACRONYM = /^[A-Z]{2,6}$/;
/** Abbreviations with a longer form in common use, keyed as the shorter ("USA", "U.S.A."). */
const LONGER_FORMS = new Map([['USA', 'US']]);
const ACRONYM_PREFIX = -2;

/**
 * Whether a vocabulary key is an abbreviation: the only keys written in capitals. Sentences that
 * each name another one ("the U.S. imposed…", "the U.K. imposed…") tell of other actors, but
 * one named beside nothing ("U.S. President Donald Trump", "President Trump") says little:
 * light in likeness (`acronymWeight`), yet a conflict (see `compareWords`).
 */
export function isAcronymKey(key: string): boolean {
  const first = key.charCodeAt(0);
  const second = key.charCodeAt(1);
  return first >= 65 && first <= 90 && second >= 65 && second <= 90;
}

/**
 * An abbreviation weighs as the word it spells where that is a rare one ("NATO"), and little
 * where it spells a common word ("US", "WHO"): a country every outlet names, written beside a
 * title by one and left out by another ("U.S. President Donald Trump", "President Trump").
 */
// No lighter than the floor below which similarity.ts matches no word loosely: still an actor.
const COMMON_ACRONYM = 0.6;
function acronymWeight(key: string): number {
  const folded = key.toLowerCase();
  return STOPWORDS.has(folded) || WEIGHTLESS_WORDS.has(folded)
    ? COMMON_ACRONYM
    : Math.max(1, wordWeight(folded));
}

/** One capital and a full stop ("U." of "U.S."). */
function isInitial(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 65 && code <= 90 && text.charCodeAt(at + 1) === 46;
}

/** Units written against a figure ("3.5bn", "2.5km"): the figure counts, the unit aside. */
const UNITS = new Set([
  'bn',
  'b',
  'm',
  'mn',
  'k',
  'km',
  'kg',
  'mph',
  'kph',
  'cm',
  'mm',
  'mw',
  'gw',
  'kw',
  'gb',
  'tb',
]);

/** Digits ("28", "2025") and number words ("four", "thousand") are figures, not content. */
function figureOf(folded: string): number | null {
  const first = folded.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    const [, digits = '', unit = ''] = /^([\d.,]+)(.*)$/.exec(folded)!;
    // "3.5bn", "2.5km": the figure with its unit aside ("£3.5bn" and "£7.2bn" are other
    // amounts); "3rd", "10am", "5g" read as before: not a number.
    if (unit !== '' && !UNITS.has(unit)) return Number.NaN;
    // "1.234.567": points that separate thousands.
    const plain = (digits.match(/\./g) ?? []).length > 1 ? digits.replaceAll('.', '') : digits;
    return Number(plain.replaceAll(',', ''));
  }
  return folded.length > 2 ? parseNumberWords(folded) : null;
}

/** The comparison form of an ordinary word: folded and stemmed ("cautiously" → "cautious"). */
export function stem(folded: string): string {
  let stemmed = stemCache.get(folded);
  if (stemmed === undefined) {
    stemmed = /^[a-z]+$/.test(folded) ? stemmer(folded) : folded;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(folded, stemmed);
  }
  return stemmed;
}

/** The comparison form of a name: one key for its romanisations ("Witkoff", "Witkov"). */
export function nameKey(folded: string): string {
  return isVariant(folded, variantKey(folded) ?? folded) ? variantKey(folded)! : folded;
}

interface Token {
  info: WordInfo;
  /** Its content word id here: `info.word`, or another for a phrase, or -1 (see `readPhrases`). */
  word: number;
  /** Whether it reports speech here: a reporting verb, or "view" in "in the view of". */
  reporting: boolean;
  /** Whether it stands for a name here (capitalised, and not merely opening the sentence). */
  name: boolean;
  /** Punctuation stands between this word and the one before it. */
  broken: boolean;
  /** A hyphen alone joins it to the word before ("16-inch", "55-year-old"). */
  hyphened: boolean;
  capital: boolean;
  /** Inside quotation marks: the speaker's own words. */
  quoted: boolean;
}

const OPENING = new Set([...'"“«„‘\'(:•-–—'].map((c) => c.charCodeAt(0)));
/** Hyphens that join a figure to its word in a compound ("16-inch"): the ASCII one, U+2010, U+2011. */
const isHyphen = (code: number) => code === 0x2d || code === 0x2010 || code === 0x2011;

function isWordCode(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return isWordCodePoint(code);
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isSpace = (code: number) => code === 32 || code === 10 || code === 9 || code === 160;
const codesOf = (chars: string): number[] => Array.from(chars, (char) => char.charCodeAt(0));

/**
 * A thousands separator or a decimal point inside a figure ("4,312", "2.6"): one figure, not two
 * ("4" and "312" made "4,312 cases" and "4312 cases" state other figures). A comma joins only
 * three digits after it ("1,2,3" stays three figures).
 */
function betweenDigits(text: string, at: number): boolean {
  if (!isDigit(text.charCodeAt(at - 1)) || !isDigit(text.charCodeAt(at + 1))) return false;
  if (text.charCodeAt(at) !== 44) return true;
  return (
    isDigit(text.charCodeAt(at + 2)) &&
    isDigit(text.charCodeAt(at + 3)) &&
    !isDigit(text.charCodeAt(at + 4))
  );
}

function isUpperStart(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code >= 65 && code <= 90;
  return upper.test(text.slice(at, at + 2));
}

/**
 * The tokens of the sentence read last, in objects used again for the next: a sentence's
 * tokens live only while its features are read (`sentenceFeatures` holds none after), and
 * made anew they were a young generation's worth of garbage every few thousand sentences.
 */
const TOKEN_POOL = 256;
const tokenArray: Token[] = [];
const tokenPool: Token[] = Array.from({ length: TOKEN_POOL }, blankToken);

function blankToken(): Token {
  return {
    info: null as unknown as WordInfo,
    word: -1,
    reporting: false,
    name: false,
    broken: false,
    hyphened: false,
    capital: false,
    quoted: false,
  };
}

/**
 * The words of a sentence, in one pass over its characters, in `tokenArray` (read before the
 * next sentence's).
 */
function tokenize(text: string, vocabulary: Vocabulary): Token[] {
  const tokens = tokenArray;
  tokens.length = 0;
  let start = -1;
  let previousEnd = 0;
  let previousCapital = false;
  // Quotation: outside, inside, or not yet known (a sentence that closes a quote opened in
  // the one before it is quoted from its start).
  let quote = 'unknown' as 'out' | 'in' | 'unknown';
  // A straight quotation mark closes when it stands against the word or mark before it and
  // no word follows ("…beyond Earth," he said): in a sentence that has opened none, it closes
  // one opened before, and what follows is the attribution, not the speaker's words.
  const closing = (k: number) =>
    k > 0 &&
    !isSpace(text.charCodeAt(k - 1)) &&
    (k + 1 >= text.length || !isWordCode(text.charCodeAt(k + 1)));
  const marks = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x201c || c === 0xab || c === 0x201e) quote = 'in';
      else if (
        c === 0x201d ||
        c === 0xbb ||
        (c === 0x22 && (quote === 'in' || (quote === 'unknown' && closing(k))))
      ) {
        if (quote === 'unknown') for (const token of tokens) token.quoted = true;
        quote = 'out';
      } else if (c === 0x22) quote = 'in';
    }
  };
  const length = text.length;
  // In a sentence in capitals, a word in capitals is no abbreviation.
  const shouting = !/\p{Ll}/u.test(text);
  for (let i = 0; i <= length; ) {
    const code = i < length ? text.codePointAt(i)! : 32;
    const width = code > 0xffff ? 2 : 1;
    const inWord =
      i < length &&
      (isWordCode(code) ||
        (start >= 0 && code >= 0x300 && code < 0x370) ||
        (start >= 0 && (code === 44 || code === 46) && betweenDigits(text, i)));
    if (inWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const capital = isUpperStart(text, start);
      let broken = false;
      const hyphened =
        tokens.length > 0 && start - previousEnd === 1 && isHyphen(text.charCodeAt(previousEnd));
      let opening = tokens.length === 0;
      for (let k = previousEnd; k < start; k++) {
        const c = text.charCodeAt(k);
        if (c !== 32 && c !== 10 && c !== 9 && c !== 160) {
          broken = true;
          if (OPENING.has(c)) opening = true;
        }
      }
      if (broken) marks(previousEnd, start);
      // "U.S." is one word, its final full stop no break.
      let end = i;
      let info: WordInfo;
      const initial = i - start === 1 && isInitial(text, start);
      if (initial || shouting) {
        let written = text.slice(start, i);
        if (initial) {
          while (isInitial(text, end + 1)) {
            written += text[end + 1];
            end += 2;
          }
          if (end > i) end++;
        }
        if (shouting && ACRONYM.test(written) && end === i) {
          written = written[0] + written.slice(1).toLowerCase();
        }
        info = vocabulary.info(written);
      } else info = vocabulary.infoAt(text, start, i);
      // An abbreviation is a name wherever it stands ("NASA plans…" as "…said NASA"): opening
      // the sentence it is no ordinary word capitalised. Another capitalised first word is a
      // name only when the next word is one too ("Dmitry Peskov").
      let name = capital && (!opening || previousCapital || info.acronym);
      if (capital && !name) {
        let k = i;
        while (k < length && text.charCodeAt(k) === 32) k++;
        name = k > i && k < length && isUpperStart(text, k);
      }
      const token = tokens.length < TOKEN_POOL ? tokenPool[tokens.length]! : blankToken();
      token.info = info;
      token.word = info.word;
      token.reporting = info.reporting;
      token.name = name;
      token.broken = broken;
      token.hyphened = hyphened;
      token.capital = capital;
      token.quoted = quote === 'in';
      tokens.push(token);
      previousCapital = capital;
      previousEnd = end;
      start = -1;
      if (end > i) {
        i = end;
        continue;
      }
    }
    i += width;
  }
  marks(previousEnd, length);
  return tokens;
}

/** A figure counts the next content words of its phrase, up to this many ("Ukrainian drones"). */
const UNIT_WORDS = 2;
/** Words between a reporting verb and its speaker ("according to Peskov", "confirmed by"). */
const LINKING = new Set(['to', 'by']);
const SPEAKER_BEFORE = 4;
const SPEAKER_AFTER = 3;
/** Words of a description between a speaker and the verb, at most ("X, a … of Y, said"). */
const APPOSITIVE_WORDS = 24;
/** Names of one speaker at most, descriptions before the title included. */
const SPEAKER_NAMES = 8;
const ARTICLES = new Set(['the', 'a', 'an']);
/** "In the view of X", "in X's opinion": a view attributed is reported speech. */
const VIEWS = new Set(['view', 'views', 'opinion', 'estimation']);
const VIEW_HOLDERS = new Set(['the', 'his', 'her', 'their', 's']);

/**
 * Joins each of WordNet's phrasal verbs into one word ("turned down" → "turn_down", "called
 * off", "looked into"): its meaning is not its verb's, and WordNet gives it synonyms
 * ("reject", "cancel", "investigate"). The phrase's words must stand without punctuation
 * between them; the longest phrase wins.
 */
function readPhrases(tokens: Token[], vocabulary: Vocabulary): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!tokens[i]!.info.opens) continue;
    for (let length = Math.min(PHRASE_WORDS, tokens.length - i); length >= 2; length--) {
      let key = tokens[i]!.info.stemmed;
      let whole = true;
      for (let k = i + 1; k < i + length && whole; k++) {
        // A word no phrase has in its place: no key to build and search for.
        whole =
          !tokens[k]!.broken &&
          !tokens[k]!.name &&
          inPhraseAt(tokens[k]!.info.stemmed, k - i === 1 ? 1 : 2);
        if (whole) key += `_${tokens[k]!.info.stemmed}`;
      }
      // "Going to", "have to", "used to" are mostly the future or a modal before a verb.
      if (!whole || tokens[i + length - 1]!.info.folded === 'to' || !isPhrase(key)) continue;
      tokens[i]!.word = vocabulary.id(key);
      tokens[i]!.name = false;
      for (let k = i + 1; k < i + length; k++) tokens[k]!.word = -1;
      i += length - 1;
      break;
    }
  }
}

/**
 * "In the view of Everly", "in Everly's opinion": the view noun reports speech (its holder is
 * the speaker) and is no content of its own.
 */
function readViews(tokens: Token[]): void {
  for (let at = 2; at < tokens.length; at++) {
    const token = tokens[at]!;
    if (!token.info.view) continue;
    if (!VIEW_HOLDERS.has(tokens[at - 1]!.info.folded)) continue;
    if (tokens[at - 2]!.info.folded !== 'in' && tokens[at - 3]?.info.folded !== 'in') continue;
    token.reporting = true;
    token.word = -1;
  }
}

/**
 * The speaker of the reporting verb at `at`: the nearest run of names before it ("Kremlin
 * spokesman Dmitry Peskov said", "Russia's Defence Ministry said"), else the names right after
 * it, past titles only ("said Kremlin spokesman Peskov"; not "said 28 Ukrainian drones…").
 * Never across punctuation other than a possessive, so a name quoted just before ("…to
 * President Trump,” Putin said") is not taken for the speaker.
 */
function speakerNear(tokens: Token[], nameAt: number[], at: number): number[] {
  const linking = (token: Token) =>
    LINKING.has(token.info.folded) ||
    (token.info.folded === 'of' && VIEWS.has(tokens[at]!.info.folded));
  // Punctuation between token k and the next one walked to (a possessive does not count).
  const crossing = (k: number, step: number) =>
    step < 0 ? tokens[k + 1]!.broken && !(tokens[k + 1]!.info.folded === 's') : tokens[k]!.broken;
  const run = (from: number, step: number, limit: number): number[] => {
    const found: number[] = [];
    let k = from;
    for (; k >= 0 && k < tokens.length; k += step) {
      // The name must start near the verb; once found it runs on ("Qatari Prime Minister
      // Mohammed bin Abdulrahman Al Thani said", "according to the World Health Organization").
      if (found.length === 0 ? Math.abs(k - at) > limit : found.length >= SPEAKER_NAMES) break;
      const token = tokens[k]!;
      if (crossing(k, step) && (found.length > 0 || k !== from)) break;
      const id = nameAt[k]!;
      if (id >= 0 && found.length === 0 && token.info.acronym && !nextTo(k)) continue;
      if (id >= 0) found.push(id);
      else if (found.length > 0 && particleAt(k, step)) continue;
      else if (found.length > 0) break;
      else if (step > 0 && !token.info.title && !linking(token)) break;
    }
    if (found.length > 0 && step < 0) describedAs(k, found);
    return found;
  };
  // An abbreviation speaks only next to the verb ("NATO said", "said the WHO", "according to the
  // U.N."); further off it says whose the speaker is ("U.S. officials said"), as "American" does.
  const nextTo = (k: number): boolean => {
    for (let j = Math.min(k, at) + 1; j < Math.max(k, at); j++) {
      const folded = tokens[j]!.info.folded;
      if (!ARTICLES.has(folded) && !LINKING.has(folded)) return false;
    }
    return true;
  };
  // A particle, or several ("von der"), with more of the name beyond.
  const particleAt = (k: number, step: number): boolean => {
    if (!NAME_PARTICLES.has(tokens[k]!.info.folded)) return false;
    const next = k + step;
    if (next < 0 || next >= tokens.length || crossing(next, step)) return false;
    return nameAt[next]! >= 0 || particleAt(next, step);
  };
  // "European Commission President Ursula von der Leyen", "Kremlin spokesman Peskov": the names
  // before the title say who the speaker is, as the name does; two remarks of one speaker must
  // not look alike for sharing them. A possessive ends it ("Russia's Foreign Minister").
  const describedAs = (from: number, found: number[]) => {
    let k = from;
    let titled = false;
    while (k >= 0 && tokens[k]!.info.title && !crossing(k, -1)) {
      if (!ARTICLES.has(tokens[k]!.info.folded)) titled = true;
      k--;
    }
    if (!titled) return;
    for (; k >= 0 && nameAt[k]! >= 0 && found.length < SPEAKER_NAMES; k--) {
      found.push((nameAt[k]! | DESCRIBING) >>> 0);
      if (tokens[k]!.broken) break;
    }
  };
  // "Lucas Halden, a geologist at the survey in Tromso, Norway, said", "Halden, the survey's
  // head, said": the names nearest the verb are the description's; the speaker is the name it
  // describes, before the comma and the article, title or possessive that open it.
  const apposed = (): number[] => {
    if (!tokens[at]!.broken) return [];
    for (let k = at - 1; k > 0 && at - k <= APPOSITIVE_WORDS; k--) {
      const token = tokens[k]!;
      if (token.reporting || token.quoted) return [];
      if (!token.broken) continue;
      const opens =
        ARTICLES.has(token.info.folded) ||
        token.info.title ||
        (nameAt[k]! >= 0 && tokens[k + 1]?.info.folded === 's');
      if (!opens) continue;
      // The sentence's first word, capitalised, is a name here as before a reporting verb.
      const first = tokens[0]!;
      if (k === 1 && first.capital && first.word >= 0 && first.info.name >= 0) {
        nameAt[0] = first.info.name;
      }
      if (nameAt[k - 1]! >= 0) return run(k - 1, -1, at - k + 1);
    }
    return [];
  };
  const described = apposed();
  if (described.length > 0) return described;
  const before = run(at - 1, -1, SPEAKER_BEFORE);
  return before.length > 0 ? before : run(at + 1, 1, SPEAKER_AFTER);
}

/** Words of an organisation named as a source, at most ("the ministry of the interior"). */
const SOURCE_WORDS = 5;

/**
 * The organisation named as the source of the reporting verb at `at`, when no name is: a phrase
 * of common nouns and their modifiers standing whole as its subject ("…, the port authority
 * said", "Interior officials reported that…"), else one after it that ends the clause
 * ("according to the coast guard, …"). A phrase that runs on is no source: "a report that
 * officials said" is a relative clause, "said the government would…" the reported clause's
 * subject. Titles carry no id ("the interior ministry" gives "interior"); the other heads stay
 * (see `otherSource`).
 */
function sourceNear(tokens: Token[], at: number, out: Set<number>): void {
  const member = (token: Token) => !token.reporting && (token.word >= 0 || token.info.title);
  // "The ministry of the interior said": "of" joins two of the phrase's words.
  const joins = (k: number) => tokens[k]!.info.folded === 'of' && k > 0 && member(tokens[k - 1]!);
  const take = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const token = tokens[k]!;
      if (token.word >= 0) out.add(token.word);
    }
  };
  let start = at;
  while (start > 0 && at - start < SOURCE_WORDS && !tokens[start]!.broken) {
    if (!member(tokens[start - 1]!) && !(start < at && joins(start - 1))) break;
    start--;
  }
  if (start < at) {
    // The phrase stands whole when punctuation, the sentence's start or a date bounds it.
    const bounded =
      start === 0 || tokens[start]!.broken || CALENDAR_WORDS.has(tokens[start - 1]!.info.folded);
    if (bounded) take(start, at);
    return;
  }
  let from = at + 1;
  while (from < tokens.length && LINKING.has(tokens[from]!.info.folded)) from++;
  let end = from;
  while (end < tokens.length && end - from < SOURCE_WORDS && member(tokens[end]!)) {
    end++;
    if (end < tokens.length && tokens[end]!.broken) break;
  }
  if (end > from && (end === tokens.length || tokens[end]!.broken)) take(from, end);
}

/** An address's last character: none of the marks that may end or close the sentence after it. */
const ADDRESS_END = `[^\\s${[...terminals, ...closers, ...codesOf(',;:，、：；')]
  .map((code) => `\\u{${code.toString(16)}}`)
  .join('')}]`;
/**
 * Web addresses ("https://…", "www.…", and a domain with a path: an embedded post's
 * "pic.twitter.com/…"): residue, not words. Two unrelated sentences that each ended in a post's
 * address shared "pic", "twitter" and "com", rare enough to join them. A bare domain
 * ("Ferrovia.com said") is a name and stays. An address ends before the punctuation after it,
 * which may end the sentence; its labels are bounded and may not start inside a word, so a run
 * of a megabyte without spaces is read in one pass, not once from each character.
 */
const ADDRESS = new RegExp(
  `(?:https?:\\/\\/|www\\.)\\S*${ADDRESS_END}|(?<![\\p{L}\\p{N}-])(?:[\\p{L}\\p{N}-]{1,63}\\.){1,8}\\p{L}{2,63}\\/(?:\\S*${ADDRESS_END})?`,
  'giu',
);

/**
 * Reduces one sentence to its features, numbering words in `vocabulary`. A line that does not end
 * as a sentence and quotes no one gives no words to compare (it stays a node for its speaker,
 * which a bare quote after it may borrow).
 */
export function sentenceFeatures(whole: string, vocabulary: Vocabulary): SentenceFeatures {
  // A wire dateline ("KYIV, March 14 (Reuters) - ") is the outlet's, not the statement's.
  const text = withoutDateline(whole);
  // Looked for only where one can be: the pattern costs a third of the features' time.
  const plain = text.includes('/') || /www\./i.test(text) ? text.replace(ADDRESS, ' ') : text;
  const statement = isSentenceLike(plain);
  const tokens = tokenize(plain, vocabulary);
  readPhrases(tokens, vocabulary);
  readViews(tokens);
  // A capitalised word opening the sentence is a name when a reporting verb follows ("Zelenskyy
  // said the government would…").
  tokens.forEach((token, at) => {
    if (token.capital && !token.name && tokens[at + 1]?.reporting) token.name = true;
  });
  // A reporting word written as a name is part of one ("the New York State Attorney General",
  // "the journal Case Reports"), and "state" after a name is a noun ("New York state"; a
  // singular speaker "states"; "Russia and China state that…" is the verb): read as a verb, the
  // names before it were taken for the speaker. Not in a line of capitals or capitalised words
  // ("PESKOV SAYS…", "Putin Says Talks Will Go On"), where every word is written as a name.
  const capitalised = tokens.filter((token, at) => at > 0 && token.capital).length;
  const headline = tokens.length >= 4 && capitalised >= 0.6 * (tokens.length - 1);
  tokens.forEach((token, at) => {
    if (!token.reporting) return;
    const afterName = at > 0 && tokens[at - 1]!.name && !token.broken;
    const noun =
      afterName && token.info.folded === 'state' && tokens[at + 1]?.info.folded !== 'that';
    if ((token.name && !headline) || noun) token.reporting = false;
  });
  // A list, not a typed array: making a typed array per sentence was 5 % of the reading.
  const nameAt: number[] = new Array(tokens.length).fill(-1);
  let reported = false;
  tokens.forEach((token, index) => {
    if (token.reporting) reported = true;
    if (token.word >= 0 && token.name && token.info.name >= 0) nameAt[index] = token.info.name;
  });
  let speakers: number[] = [];
  let sources: number[] = [];
  let pronoun = false;
  if (reported) {
    const found = new Set<number>();
    const sourceWords = new Set<number>();
    tokens.forEach((token, at) => {
      if (!token.reporting) return;
      const near = [tokens[at - 1]?.info.folded, tokens[at + 1]?.info.folded];
      if (near.some((word) => word !== undefined && PRONOUNS.has(word))) pronoun = true;
      const named = speakerNear(tokens, nameAt, at);
      for (const id of named) found.add(id);
      if (named.length === 0) sourceNear(tokens, at, sourceWords);
    });
    speakers = sortIds([...found], false);
    if (speakers.length === 0) sources = sortIds([...sourceWords], false);
  }
  const words: number[] = [];
  const values: number[] = [];
  const units: number[] = [];
  const quotedWords: number[] = [];
  /** How many content words after the last figure are still its unit. */
  let unitWords = 0;
  let amount = false;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  tokens.forEach((token, index) => {
    const { info } = token;
    const folded = info.folded;
    for (let i = 0; i < folded.length; i++) {
      const code = folded.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(h2 ^ code, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 32, 0x01000193);
    h2 = Math.imul(h2 ^ 32, 0x5bd1e995);
    if (token.broken) unitWords = 0;
    if (info.value !== null && info.word < 0 && !dayOfMonth(tokens, index)) {
      values.push(info.value);
      // A figure joined to the next word by a hyphen describes what it stands before ("the
      // 16-inch MacBook Pro", "a 55-year-old man", "a $6.99-a-month service"): part of how a
      // thing is named, which two things said of it share, not an amount either states. It is
      // still a figure, compared and shown as one.
      if (!tokens[index + 1]?.hyphened && isAmount(info.value)) amount = true;
      unitWords = UNIT_WORDS;
    }
    if (token.word < 0) return;
    const id = nameAt[index]! >= 0 ? (nameAt[index]! | NAME_BIT) >>> 0 : token.word;
    // What a hyphened figure measures before a name ("inch" of "the 16-inch MacBook Pro") is part
    // of naming one model, as the figure is: no word two remarks on the product have in common
    // besides its name (the figure is still compared and shown).
    const namesModel =
      token.hyphened && tokens[index - 1]?.info.value != null && nameAt[index + 1]! >= 0;
    if (namesModel) return;
    words.push(id);
    if (token.quoted) quotedWords.push(id);
    if (unitWords > 0) {
      units.push(id);
      unitWords--;
    }
  });
  // Who said it is compared apart (see `sameStatement`): two statements by one speaker must
  // differ in what they say, not look alike for sharing a name.
  const spoken = new Set(speakers.map((id) => id & ID_MASK));
  const content = speakers.length === 0 ? words : words.filter((id) => !spoken.has(id & ID_MASK));
  sortIds(content, true);
  // A word written once as a name and once not keeps one entry: the name.
  const unique: number[] = [];
  for (const id of content) {
    const last = unique[unique.length - 1];
    if (last !== undefined && (last & ID_MASK) === (id & ID_MASK)) {
      unique[unique.length - 1] = (last | id) >>> 0;
    } else unique.push(id);
  }
  const quoted = quotes.test(plain);
  const compared = statement || quotedWords.length > 0;
  return {
    words: compared ? unique : [],
    speakers,
    sources,
    quoted,
    reported,
    borrowsSpeaker: speakers.length === 0 && (pronoun || (!reported && quoted)),
    figures: compared ? figuresHash(values, amount) : 0,
    units: compared ? sortByWord(units) : [],
    quotedWords: uniqueIds(quotedWords),
    fingerprint: [h1 >>> 0, h2 >>> 0],
  };
}

/** Ids ascending by `id & ID_MASK`, each once. */
function uniqueIds(ids: number[]): number[] {
  sortByWord(ids);
  return ids.filter((id, at) => at === 0 || (ids[at - 1]! & ID_MASK) !== (id & ID_MASK));
}

/**
 * Whether the figure at `at` is the day of a date ("March 14", "14 March"): a date, not a figure.
 * Dates are no part of the figures compared (the differences compare them, knowing each
 * article's date): "overnight on March 14" and "early Friday" tell one night, and a wire
 * dateline's "March 14" kept a lead out of the group of its event (qa55).
 */
function dayOfMonth(tokens: readonly Token[], at: number): boolean {
  const value = tokens[at]!.info.value!;
  if (!Number.isInteger(value) || value < 1 || value > 31) return false;
  const month = (token: Token | undefined) => token !== undefined && token.info.day >= MONTHS_FROM;
  return month(tokens[at - 1]) || month(tokens[at + 1]);
}

/** Whether a figure is an amount: not a weekday or month (negative), nor a year. */
function isAmount(value: number): boolean {
  return value >= 0 && !(Number.isInteger(value) && value >= 1900 && value <= 2100);
}

/** A hash of the figures, `AMOUNT` set when one of them states an amount. */
function figuresHash(values: number[], amount: boolean): number {
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  let hash = 0x811c9dc5;
  for (const value of values) {
    hash = Math.imul(hash ^ (value | 0), 0x01000193) ^ ((value * 1000) % 997);
  }
  return (((hash >>> 0) & ~AMOUNT) | (amount ? AMOUNT : 0) || 2) >>> 0;
}
