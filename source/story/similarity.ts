/**
 * The finer comparison of two candidate sentences: do they report the same statement or event?
 * Content words are matched exactly, then loosely (a shared stem prefix: "optimism" and
 * "optimistic"; a name one or two letters apart: "Bessent" and "Bescent"), each weighted by how
 * rare it is in English (`frequencies.ts`). Figures are left out (a changed figure is a difference to show, not a different
 * story). Speakers and dates decide the unclear cases: different speakers separate any two
 * sentences, dates weeks apart all but near-copies, and a loose rewording is only believed with
 * the same speaker.
 */
import { editDistance } from '../search/distance.js';
import { UNKNOWN } from './pair-memo.js';
import { shareSynset } from './synonyms.js';
import { AMOUNT, DESCRIBING, ID_MASK, NAME_BIT, type Vocabulary } from './tokens.js';

/** What the comparison needs of a sentence. */
export interface Comparable {
  /** Content word ids, ascending by `id & ID_MASK`. */
  words: ArrayLike<number>;
  /** The speaker's name ids: the sentence's own, or its neighbour's for a bare quote. */
  speakers: ArrayLike<number>;
  /** Word ids of the organisation named as its source when no speaker is: `SentenceFeatures.sources`. */
  sources: ArrayLike<number>;
  /** Days since 1970 of the article, or NaN when it does not say. */
  day: number;
  /** A hash of the figures it states (0 for none): `SentenceFeatures.figures`. */
  figures: number;
  /** What its figures count: `SentenceFeatures.units`. */
  units: ArrayLike<number>;
  /** Its words inside quotation marks: `SentenceFeatures.quotedWords`. */
  quoted: ArrayLike<number>;
  /** Whether `speakers` were taken from a neighbouring sentence (a bare quote, "he said"). */
  borrowed?: boolean;
  /**
   * Where given, the initials of its words (`initialsOf`), or 0 until first needed (then set
   * here): a speaker of the other sentence whose initial is not among them is not named here,
   * found without a look at each word. A comparing thread's view of a node is compared in
   * pair after pair, and the mask is made once for them all.
   */
  initials?: number;
}

/**
 * A bit for each word's first letter in lower case (`Vocabulary.initial`, folded to 32 bits):
 * a name is found in the words only if its own bit is set (`mentions`).
 */
export function initialsOf(words: ArrayLike<number>, vocabulary: Vocabulary): number {
  let bits = 0;
  for (let i = 0; i < words.length; i++) bits |= 1 << (vocabulary.initial(words[i]!) & 31);
  return bits;
}

/** The thresholds, in one place so the bench and the docs can name them. */
export const THRESHOLDS = {
  /** Below this weight a sentence says too little to compare ("He said.", "Background:"). */
  minWeight: 2.5,
  /**
   * Sentences lighter than this are compared as near-copies only (unless they state the same
   * amount), and reworded only from the same speaker.
   */
  shortWeight: 5,
  /** Copies and light edits: this much of the two sentences' words in common (weighted Jaccard). */
  copy: 0.6,
  /** Above this, different speakers or distant dates do not separate two long sentences. */
  nearCopy: 0.8,
  /**
   * A rewording: this much in common, and this much of the rare words ("heavy") in common; or
   * more in common with fewer rare words.
   */
  reworded: 0.3,
  rewordedHeavy: 0.5,
  rewordedMore: 0.45,
  rewordedMoreHeavy: 0.34,
  /**
   * One speaker's remark inside a longer sentence: this much of the shorter's weight, and of its
   * rare words, found in the longer, with at least this weight of rare words matched.
   */
  contained: 0.8,
  containedHeavy: 4,
  /**
   * One speaker's remark retold in other words, in the same days: this much of the shorter
   * sentence's weight found in the longer, and this much in common (weighted Jaccard).
   */
  retoldContained: 0.5,
  retold: 0.2,
  /**
   * The same count of the same thing, told with other words or another figure ("28 Ukrainian
   * drones were intercepted", "intercepted four Ukrainian drones"): this much in common, with
   * at least this weight of rare words (three or so) among it.
   */
  counted: 0.25,
  countedHeavy: 4.5,
  /**
   * One speaker's words with one word put otherwise, in the same days: each sentence has at most
   * this weight (one rare word, or a few common ones) not found in the other ("the president
   * identified with Trump's position", "the president agrees with Trump's position").
   */
  swapped: 2.5,
  /**
   * One speaker stating the same amount in the same days ("9 million dollars"): this much in
   * common, with a rare word besides the speaker.
   */
  sameAmount: 0.2,
  /** …or, without a rare word, this weight of common words in common ("fishing rights"). */
  sameAmountMatched: 3,
  /**
   * What two sentences about one thing share that two saying one thing also do: this weight of
   * words in common besides names (a rare word or a few common ones), or this many name words
   * in common (who met whom where: "Witkoff met with Putin … Moscow").
   */
  besidesNames: 2.5,
  namesInCommon: 3,
  /** …and with three names, at least this besides them (a verb: "met"), or they may do anything. */
  besidesManyNames: 0.5,
  /**
   * A rewording from no shared speaker shares at least this many words: two are mostly one
   * thing named ("moon lander", "butterfly keyboard"), the subject of two things said of it.
   */
  wordsInCommon: 3,
  /** Articles further apart than this (both dated) report different days' news. */
  days: 10,
  /**
   * Two things said, not one: each sentence has at least this weight, in two words or more, that
   * the other lacks in any form (see `saysOtherThings`).
   */
  otherWords: 1,
};

export interface Overlap {
  matched: number;
  weightA: number;
  weightB: number;
  /** The same, for the rare words only (weight ≥ `HEAVY`): what a sentence is most about. */
  heavyMatched: number;
  heavyA: number;
  heavyB: number;
  /** How many words were matched, exactly or loosely. */
  matchedCount: number;
  /** The weight of the words matched that are a name on either side ("MacBook", "South Dakota"). */
  namedMatched: number;
  namedCount: number;
  /** Whether each side names someone or somewhere the other does not (in any spelling). */
  otherNames: boolean;
  /** The weight and number of each side's words the other does not have in any form. */
  leftA: number;
  leftB: number;
  leftCountA: number;
  leftCountB: number;
}

/** Words at least this rare are what a sentence is about ("hydropower", most names). */
export const HEAVY = 1.5;

/** Two words both commoner than this are never matched loosely; one of them may be, to a rarer. */
const LOOSE_FLOOR = 0.6;

const restA = new Uint32Array(256);
const restB = new Uint32Array(256);
const usedB = new Uint8Array(256);

/**
 * Weighted overlap of two sorted word lists, exact matches first, then loose ones (skipped when
 * even they could not lift the weighted Jaccard to `floor`). Fills and returns `out`.
 */
export function overlap(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  vocabulary: Vocabulary,
  floor = 0,
  out: Overlap = {
    matched: 0,
    weightA: 0,
    weightB: 0,
    heavyMatched: 0,
    heavyA: 0,
    heavyB: 0,
    matchedCount: 0,
    namedMatched: 0,
    namedCount: 0,
    otherNames: false,
    leftA: 0,
    leftB: 0,
    leftCountA: 0,
    leftCountB: 0,
  },
): Overlap {
  let matched = 0;
  let weightA = 0;
  let weightB = 0;
  let heavyMatched = 0;
  let heavyA = 0;
  let heavyB = 0;
  let namedMatched = 0;
  let namedCount = 0;
  let matchedCount = 0;
  let countA = 0;
  let countB = 0;
  let looseA = 0;
  let looseB = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! & ID_MASK : Number.POSITIVE_INFINITY;
    const y = j < b.length ? b[j]! & ID_MASK : Number.POSITIVE_INFINITY;
    if (x === y) {
      const w = Math.max(vocabulary.weight(a[i]!), vocabulary.weight(b[j]!));
      matched += w;
      matchedCount++;
      weightA += w;
      weightB += w;
      if (((a[i]! | b[j]!) & NAME_BIT) !== 0) {
        namedMatched += w;
        namedCount++;
      }
      if (w >= HEAVY) {
        heavyMatched += w;
        heavyA += w;
        heavyB += w;
      }
      i++;
      j++;
    } else if (x < y) {
      const w = vocabulary.weight(a[i]!);
      weightA += w;
      looseA += w;
      if (w >= HEAVY) heavyA += w;
      if (countA < restA.length) restA[countA++] = a[i]!;
      i++;
    } else {
      const w = vocabulary.weight(b[j]!);
      weightB += w;
      looseB += w;
      if (w >= HEAVY) heavyB += w;
      if (countB < restB.length) restB[countB++] = b[j]!;
      j++;
    }
  }
  // Loose matches can add at most the lighter remainder: skip them when even that falls short.
  const most = matched + Math.min(looseA, looseB);
  if (countA === 0 || countB === 0 || most / (weightA + weightB - most) < floor) {
    out.otherNames = false;
    out.leftA = looseA;
    out.leftB = looseB;
    out.leftCountA = countA;
    out.leftCountB = countB;
    out.namedMatched = namedMatched;
    out.namedCount = namedCount;
    out.matchedCount = matchedCount;
    return fill(out, matched, weightA, weightB, heavyMatched, heavyA, heavyB);
  }
  usedB.fill(0, 0, countB);
  const memo = vocabulary.pairMemo;
  let namesLeftA = 0;
  let acronymsLeftA = 0;
  let leftA = 0;
  let leftCountA = 0;
  for (let p = 0; p < countA; p++) {
    const wordA = restA[p]!;
    // Loose matches of the commonest words would say nothing: one of them is matched loosely
    // only to a rarer word, on either side, so that the verdict does not depend on which
    // sentence is `a` ("min" of "30 min" took "minute" when it came first, not second).
    const lightA = vocabulary.weight(wordA) < LOOSE_FLOOR;
    const nameA = (wordA & NAME_BIT) !== 0;
    const acronymA = vocabulary.isAcronym(wordA);
    let matchedA = false;
    for (let q = 0; q < countB; q++) {
      if (usedB[q]) continue;
      const wordB = restB[q]!;
      if (lightA && vocabulary.weight(wordB) < LOOSE_FLOOR) continue;
      let relation = memo.get(wordA, wordB);
      if (relation === UNKNOWN) {
        relation = relationOf(wordA, wordB, vocabulary);
        memo.set(wordA, wordB, relation);
      }
      if (relation === UNRELATED) continue;
      usedB[q] = 1;
      matchedA = true;
      matchedCount++;
      const w =
        relation === SYNONYM
          ? (vocabulary.weight(wordA) + vocabulary.weight(wordB)) / 2
          : Math.min(vocabulary.weight(wordA), vocabulary.weight(wordB));
      matched += w;
      if (nameA || (wordB & NAME_BIT) !== 0) {
        namedMatched += w;
        namedCount++;
      }
      if (vocabulary.weight(wordA) >= HEAVY && vocabulary.weight(wordB) >= HEAVY) heavyMatched += w;
      break;
    }
    if (matchedA) continue;
    leftA += vocabulary.weight(wordA);
    leftCountA++;
    if (nameA) namesLeftA += vocabulary.weight(wordA);
    if (acronymA) acronymsLeftA++;
  }
  let namesLeftB = 0;
  let acronymsLeftB = 0;
  let leftB = 0;
  let leftCountB = 0;
  for (let q = 0; q < countB; q++) {
    if (usedB[q]) continue;
    const weight = vocabulary.weight(restB[q]!);
    leftB += weight;
    leftCountB++;
    if (restB[q]! & NAME_BIT) namesLeftB += weight;
    if (acronymsLeftA > 0 && vocabulary.isAcronym(restB[q]!)) acronymsLeftB++;
  }
  // A name of common words ("the White House", "Red Cross") weighs as one rare word; a lone
  // light one ("Trump" being a card game too) is not worth a conflict. Abbreviations are
  // light (most name a country or a body every outlet names), but one against another is
  // another actor ("the U.S. imposed…", "the U.K. imposed…").
  out.otherNames =
    (namesLeftA >= HEAVY && namesLeftB >= HEAVY) || (acronymsLeftA > 0 && acronymsLeftB > 0);
  out.leftA = leftA;
  out.leftB = leftB;
  out.leftCountA = leftCountA;
  out.leftCountB = leftCountB;
  out.namedMatched = namedMatched;
  out.namedCount = namedCount;
  out.matchedCount = matchedCount;
  return fill(out, matched, weightA, weightB, heavyMatched, heavyA, heavyB);
}

function fill(
  out: Overlap,
  matched: number,
  weightA: number,
  weightB: number,
  heavyMatched: number,
  heavyA: number,
  heavyB: number,
): Overlap {
  out.matched = matched;
  out.weightA = weightA;
  out.weightB = weightB;
  out.heavyMatched = heavyMatched;
  out.heavyA = heavyA;
  out.heavyB = heavyB;
  return out;
}

/** Whether two words are one abbreviation, or an abbreviation and its spelling as a word. */
function abbreviated(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b || a === b.toLowerCase();
}

/** The same word in another form, or the same name in another spelling. */
export function looselyEqual(a: string, b: string, idA: number, idB: number): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && a.charCodeAt(common) === b.charCodeAt(common)) common++;
  if (common >= 5 && common >= shorter - 1) return true;
  if (idA & NAME_BIT && idB & NAME_BIT && shorter >= 5 && a[0] === b[0]) {
    if (Math.abs(a.length - b.length) > 2) return false;
    const limit = shorter >= 8 ? 2 : 1;
    return editDistance(a, b, limit) <= limit;
  }
  return false;
}

const UNRELATED = 0;
const SYNONYM = 1;
const BROADER = 2;

/**
 * How two words left over after the exact matches name one thing, either order: an
 * abbreviation only as itself or its spelling as a word ("U.S.", "US"; "NATO", "Nato": "US" is
 * not "UK"), a word in another form or a name in another spelling, else through WordNet
 * (`related`). Remembered per pair in `vocabulary.pairMemo`: the same pairs meet again and again.
 */
function relationOf(x: number, y: number, vocabulary: Vocabulary): number {
  if (vocabulary.isAcronym(x) || vocabulary.isAcronym(y)) {
    return abbreviated(vocabulary.word(x), vocabulary.word(y)) ? SYNONYM : UNRELATED;
  }
  const prefix = vocabulary.prefix(x);
  const samePrefix = prefix >= 0 && prefix === vocabulary.prefix(y);
  const bothNames = (x & NAME_BIT) !== 0 && (y & NAME_BIT) !== 0;
  if ((samePrefix || bothNames) && looselyEqual(vocabulary.word(x), vocabulary.word(y), x, y)) {
    return SYNONYM;
  }
  return related(x, vocabulary.synsets(x), y, vocabulary);
}
/**
 * A broader word below this weight is not matched: a common word's many senses (and the
 * stems it shares: "posit" of "position") reach too many kinds.
 */
const BROADER_WEIGHT = 1;

/**
 * How two words name one thing in WordNet: as synonyms ("position", "stance"), or one as the
 * kind of the other ("box" and "container", "probe" and "investigate"), which says only what
 * the lighter word says.
 */
function related(x: number, synsetsX: Int32Array, y: number, vocabulary: Vocabulary): number {
  if (synsetsX.length === 0) return UNRELATED;
  const synsetsY = vocabulary.synsets(y);
  if (synsetsY.length === 0) return UNRELATED;
  if (shareSynset(synsetsX, synsetsY)) return SYNONYM;
  if (Math.min(vocabulary.weight(x), vocabulary.weight(y)) < BROADER_WEIGHT) return UNRELATED;
  return shareSynset(vocabulary.broader(x), synsetsY) ||
    shareSynset(synsetsX, vocabulary.broader(y))
    ? BROADER
    : UNRELATED;
}

/** The weight of a word list. */
export function totalWeight(words: ArrayLike<number>, vocabulary: Vocabulary): number {
  let total = 0;
  for (let i = 0; i < words.length; i++) total += vocabulary.weight(words[i]!);
  return total;
}

/**
 * Whether two speaker lists name one person, in any spelling ("Lazarev", "Lazareff"): a name in
 * common, and not each side a name the other lacks ("Dario Szabo" and "Dario Jurkowski" share
 * only a first name; "Dmitry Peskov" and "Peskov" are one man).
 */
function share(a: ArrayLike<number>, b: ArrayLike<number>, vocabulary: Vocabulary): boolean {
  let common = false;
  let onlyA = false;
  for (let i = 0; i < a.length; i++) {
    let found = false;
    for (let j = 0; j < b.length && !found; j++) found = sameName(a[i]!, b[j]!, vocabulary);
    if (found) common = true;
    else onlyA = true;
  }
  if (!common || !onlyA) return common;
  for (let j = 0; j < b.length; j++) {
    let found = false;
    for (let i = 0; i < a.length && !found; i++) found = sameName(a[i]!, b[j]!, vocabulary);
    if (!found) return false;
  }
  return true;
}

/**
 * Whether a speaker abbreviated on one side is the other side's speaker written out: the
 * initials of its names are the abbreviation's letters ("the WHO said", "the World Health
 * Organization said"; "UN", "United Nations").
 */
function spelledOut(
  short: ArrayLike<number>,
  long: ArrayLike<number>,
  vocabulary: Vocabulary,
): boolean {
  let initials: string | null = null;
  // The names written out, counted first: their initials in capitals take one to three UTF-16
  // units each ("ß" gives "SS"), and an abbreviation of another length cannot be theirs, found
  // without a string made (pairs being many).
  let names = -1;
  for (let i = 0; i < short.length; i++) {
    const id = short[i]!;
    if (id & DESCRIBING || !vocabulary.isAcronym(id)) continue;
    if (names < 0) {
      names = 0;
      for (let j = 0; j < long.length; j++) {
        const name = long[j]!;
        if (!(name & DESCRIBING || vocabulary.isAcronym(name)) && vocabulary.word(name) !== '') {
          names++;
        }
      }
    }
    const units = vocabulary.word(id).length;
    if (units < names || units > 3 * names) continue;
    if (initials === null) {
      const found: string[] = [];
      for (let j = 0; j < long.length; j++) {
        if (long[j]! & DESCRIBING || vocabulary.isAcronym(long[j]!)) continue;
        found.push(vocabulary.word(long[j]!).charAt(0).toUpperCase());
      }
      initials = found.sort().join('');
    }
    if ([...vocabulary.word(id)].sort().join('') === initials) return true;
  }
  return false;
}

/** One name (or word) in two spellings; the cheap tests first, pairs being many. */
function sameName(x: number, y: number, vocabulary: Vocabulary): boolean {
  if ((x & ID_MASK) === (y & ID_MASK)) return true;
  // Every way below begins with the same letter in lower case: told apart without the strings.
  if (vocabulary.initial(x) !== vocabulary.initial(y)) return false;
  const a = vocabulary.word(x);
  const b = vocabulary.word(y);
  if (vocabulary.isAcronym(x) || vocabulary.isAcronym(y)) return abbreviated(a, b);
  if (a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  return looselyEqual(a, b, NAME_BIT, NAME_BIT);
}

/**
 * How surely `a` and `b` report the same thing: 0 when they do not, else their weighted Jaccard
 * similarity (0..1], which orders the merges. Copies and light edits pass on their words alone;
 * a rewording must share most of its rare words (what it is about: "hydropower quotas", a
 * name), so that two statements in one frame ("X claimed that the A had cost the country N
 * million dollars") stay apart. Another speaker separates any two sentences; dates weeks apart
 * all but near-copies of long sentences; two quotations that each have words the other lacks,
 * or another amount with another subject, are two things said (`saysOtherThings`).
 */
export function sameStatement(a: Comparable, b: Comparable, vocabulary: Vocabulary): number {
  const score = wordsVerdict(a, b, vocabulary);
  return score > 0 && saysOtherThings(a, b, result, vocabulary) ? 0 : score;
}

/** `sameStatement` on the words, speakers and dates; leaves the words' overlap in `result`. */
function wordsVerdict(a: Comparable, b: Comparable, vocabulary: Vocabulary): number {
  const known = a.speakers.length > 0 && b.speakers.length > 0;
  const agree =
    known &&
    (share(a.speakers, b.speakers, vocabulary) ||
      spelledOut(a.speakers, b.speakers, vocabulary) ||
      spelledOut(b.speakers, a.speakers, vocabulary));
  // "Russia said…" and "Russian officials will…, the Kremlin said": a speaker the other sentence
  // names may be one voice under two names, so it does not separate them.
  const otherSpeaker =
    known && !agree && !mentions(a.speakers, b, vocabulary) && !mentions(b.speakers, a, vocabulary);
  // Two people's statements are two statements, however alike their words: agency copy keeps
  // the speaker, and the same sentence under two names is another remark (or a misattribution
  // a reviewer links by hand). But a speaker borrowed by a bare quote from the sentence around
  // it is a guess, and two such guesses may name two voices of one remark (one outlet's chief
  // in the sentence before, another's company): one quotation copied nearly whole under two
  // borrowed speakers is still one remark. A speaker the sentence names itself still separates.
  const borrowedCopy =
    otherSpeaker &&
    a.borrowed === true &&
    b.borrowed === true &&
    sameQuotation(a.quoted, b.quoted, vocabulary);
  if (otherSpeaker && !borrowedCopy) return 0;
  const apart =
    !Number.isNaN(a.day) && !Number.isNaN(b.day) && Math.abs(a.day - b.day) > THRESHOLDS.days;
  // Apart, only a near-copy can pass, and a near-copy has its words in common exactly: loose
  // matching (most of the time spent on a pair) is for pairs that are not apart.
  const counting = a.units.length > 0 && b.units.length > 0;
  const floor = apart
    ? Number.POSITIVE_INFINITY
    : counting || agree
      ? THRESHOLDS.counted
      : THRESHOLDS.reworded;
  const found = overlap(a.words, b.words, vocabulary, floor, result);
  if (found.matched === 0) return 0;
  if (borrowedCopy) {
    const near = found.matched / (found.weightA + found.weightB - found.matched);
    return near >= THRESHOLDS.nearCopy && (!apart || a.figures === b.figures) ? near : 0;
  }
  // One side names its speaker and the other nobody: what describes the speaker, taken out of
  // the words so that two remarks of one speaker are compared on what they say, is here what
  // one says and the other does not ("Treasury Secretary Scott Bessent said Trump was
  // willing…", "Trump has issued warnings…").
  if (!known) {
    describingAsWords(found, 'A', a.speakers, b.words, vocabulary);
    describingAsWords(found, 'B', b.speakers, a.words, vocabulary);
  }
  const { matched, weightA, weightB } = found;
  const smaller = Math.min(weightA, weightB);
  if (smaller < THRESHOLDS.minWeight) return 0;
  const jaccard = matched / (weightA + weightB - matched);
  const short = smaller < THRESHOLDS.shortWeight;
  // Two institutions' reports in the same words are two reports, as two people's are; but an
  // institution goes by several names ("emergency workers", "the rescue service") that a
  // retelling swaps, so its source separates only sentences copies of each other but for it.
  if (otherSource(a, b, vocabulary)) {
    const rest =
      weightA + weightB - totalWeight(a.sources, vocabulary) - totalWeight(b.sources, vocabulary);
    if (matched / (rest - matched) >= THRESHOLDS.copy) return 0;
  }
  // Weeks apart, the same words with other figures are another event or claim ("27 containers were seized in X" in March, "45 containers" in December).
  if (apart)
    return jaccard >= THRESHOLDS.nearCopy && !short && a.figures === b.figures ? jaccard : 0;
  // A copy names the same people and places: one that names others where the other names
  // its own ("Mr Putin … met officials in Brussels", "Mr Rubio … met officials in Brussels")
  // is another event in the same frame. Another spelling of one name is the same name.
  // A short sentence is a copy only when nearly all of it is the other's, or it states the same
  // amount: at 0.6 one rare word in common was enough ("“She painted murals in the most
  // astonishing corners,” Ruiz told me." and "You may be astonished by the murals.").
  const sameAmount = a.figures === b.figures && (a.figures & AMOUNT) !== 0;
  const copyBar = short && !sameAmount ? THRESHOLDS.nearCopy : THRESHOLDS.copy;
  // Sharing a product's or a place's name and little else, two sentences are about one thing
  // and say two ("Is the Zephyr X5 worth the wait?", "We flew to Oslo to try the Zephyr X5"):
  // only a near-copy, one amount, or one speaker's quotation, copy or swapped word says more
  // than the name does.
  const besides = matched - found.namedMatched;
  const onlyNames =
    besides < THRESHOLDS.besidesNames &&
    (found.namedCount < THRESHOLDS.namesInCommon || besides < THRESHOLDS.besidesManyNames);
  if (onlyNames && !agree && !sameAmount && jaccard < THRESHOLDS.nearCopy) return 0;
  if (!found.otherNames && jaccard >= copyBar) return jaccard;
  // A short sentence is believed reworded only from the same speaker ("According to Ibarra,
  // the understanding on imports of electricity is going to be extended").
  if (short && !agree) return 0;
  // One event with other words for what was counted: the same amount on the same day, a place
  // or name in common, in the same days ("32 flights had been cancelled in Karsava on Sunday",
  // "in Karsava … on Sunday 32 departures were scrapped").
  if (
    counting &&
    a.figures === b.figures &&
    (a.figures & AMOUNT) !== 0 &&
    jaccard >= THRESHOLDS.counted &&
    nameInCommon(a.words, b.words, vocabulary)
  )
    return jaccard;
  // Both count something, and not the same thing: other events in one place and frame ("27
  // residents were evacuated in Kavarna", "38 trucks were stranded in Kavarna").
  if (counting && !shareUnit(a.units, b.units, vocabulary, true)) return 0;
  if (agree) {
    // One speaker quoted in the same days, the shorter quotation (rare words and all) inside
    // the longer: the same remark, however each outlet frames it ("Mr Trump said Russia's
    // statements were “promising” but not complete", "Trump said Putin was “a very promising
    // statement, but it wasn't perfect.”").
    if (sameQuotation(a.quoted, b.quoted, vocabulary)) return jaccard;
    if (
      found.heavyMatched >= HEAVY &&
      weightA - matched <= THRESHOLDS.swapped &&
      weightB - matched <= THRESHOLDS.swapped
    )
      return jaccard;
    // The same amount ("9 million dollars", "51 sheep"), not merely the same weekday, from one
    // speaker in the same days, with something rare or several words in common: one claim,
    // however framed.
    if (
      a.figures === b.figures &&
      (a.figures & AMOUNT) !== 0 &&
      jaccard >= THRESHOLDS.sameAmount &&
      (found.heavyMatched >= HEAVY || found.matched >= THRESHOLDS.sameAmountMatched)
    )
      return jaccard;
  }
  // Each naming someone or somewhere the other does not: another event ("in Eskdale" and
  // "in Pomorin"), however alike the rest.
  if (found.otherNames) return 0;
  const heavy = found.heavyMatched / (found.heavyA + found.heavyB - found.heavyMatched || 1);
  // A rewording must share what is said, not only who or what it is about: not only names, nor
  // only the two words of one thing named ("They include moon lander concepts of all sizes",
  // "We're using our Blue Moon lander"), unless one speaker says both.
  if (onlyNames) return 0;
  if (!agree && found.matchedCount < THRESHOLDS.wordsInCommon) return 0;
  if (jaccard >= THRESHOLDS.reworded && heavy >= THRESHOLDS.rewordedHeavy) return jaccard;
  if (jaccard >= THRESHOLDS.rewordedMore && heavy >= THRESHOLDS.rewordedMoreHeavy) return jaccard;
  // One event counted in both, whatever the figures: the same thing counted, and most of what
  // is rare in the shorter sentence said in the longer.
  if (
    jaccard >= THRESHOLDS.counted &&
    found.heavyMatched >= THRESHOLDS.countedHeavy &&
    shareUnit(a.units, b.units, vocabulary)
  )
    return jaccard;
  // One speaker's remark quoted whole in one outlet and inside a longer sentence in another
  // ("“There are reasons to be cautiously optimistic.”" and "Peskov expressed a modicum of
  // optimism, stating, “There’s some room for cautious hope.”"): the shorter must be nearly
  // contained in the longer, rare words and all.
  if (agree) {
    const contained = matched / smaller;
    const heavyContained = found.heavyMatched / (Math.min(found.heavyA, found.heavyB) || 1);
    if (
      contained >= THRESHOLDS.contained &&
      heavyContained >= THRESHOLDS.contained &&
      found.heavyMatched >= THRESHOLDS.containedHeavy
    )
      return jaccard;
    // A retelling in other words: half the shorter sentence found in the longer ("According to
    // Ibarra, the understanding on imports of electricity is going to be extended"), and not a
    // short remark lost in a long report that says much else. Two quotations, or two amounts,
    // would say so in the same words.
    const bothQuote = a.quoted.length > 0 && b.quoted.length > 0;
    const otherAmounts =
      (a.figures & AMOUNT) !== 0 && (b.figures & AMOUNT) !== 0 && a.figures !== b.figures;
    if (
      !bothQuote &&
      !otherAmounts &&
      contained >= THRESHOLDS.retoldContained &&
      matched >= THRESHOLDS.minWeight &&
      jaccard >= THRESHOLDS.retold
    )
      return jaccard;
  }
  return 0;
}

/**
 * Whether two sentences alike enough in their words say two things. Each quotes words the other
 * does not: a quotation is the speaker's own words, which one outlet may trim but two do not
 * both change ("We will sign the agreement on fishing rights", "We will ratify the agreement on
 * electricity imports", from one speaker in one week). Or each states another amount and has
 * words the other lacks: another figure alone is a difference to show, another figure and
 * another subject is another claim ("…the framework on refugee returns had cost the country 93
 * million dollars", "…the framework on mineral royalties had cost the country 8 million").
 */
function saysOtherThings(
  a: Comparable,
  b: Comparable,
  words: Overlap,
  vocabulary: Vocabulary,
): boolean {
  const amounts = (a.figures & AMOUNT) !== 0 && (b.figures & AMOUNT) !== 0;
  if (
    amounts &&
    a.figures !== b.figures &&
    eachLeavesWords(words) &&
    a.speakers.length > 0 &&
    b.speakers.length > 0 &&
    share(a.speakers, b.speakers, vocabulary)
  )
    return true;
  if (a.quoted.length === 0 || b.quoted.length === 0) return false;
  return eachLeavesWords(overlap(a.quoted, b.quoted, vocabulary, 0, quotation));
}

/** Whether each side of an overlap has two or more words, of some weight, the other lacks. */
function eachLeavesWords(found: Overlap): boolean {
  return (
    found.leftCountA >= 2 &&
    found.leftCountB >= 2 &&
    found.leftA >= THRESHOLDS.otherWords &&
    found.leftB >= THRESHOLDS.otherWords
  );
}

/** Whether the two word lists have a name in common, in any spelling. */
function nameInCommon(a: ArrayLike<number>, b: ArrayLike<number>, vocabulary: Vocabulary) {
  for (let i = 0; i < a.length; i++) {
    if (!(a[i]! & NAME_BIT) || vocabulary.weight(a[i]!) < HEAVY) continue;
    for (let j = 0; j < b.length; j++) {
      if (b[j]! & NAME_BIT && sameName(a[i]!, b[j]!, vocabulary)) return true;
    }
  }
  return false;
}

/**
 * Whether two organisations are the sources ("…, the coast guard said" and "…, the port
 * authority said"): no word of either source is found in the other sentence in any form,
 * synonym or kind ("port officials" and "the harbour authority" are one source). A head in
 * common is enough ("the emergency service", "the rescue service"): an institution goes by
 * several names, and which of two services spoke is less sure than which of two people.
 */
function otherSource(a: Comparable, b: Comparable, vocabulary: Vocabulary): boolean {
  if (a.sources.length === 0 || b.sources.length === 0) return false;
  if (a.speakers.length > 0 || b.speakers.length > 0) return false;
  return !namedIn(a.sources, b.words, vocabulary) && !namedIn(b.sources, a.words, vocabulary);
}

/** Whether a source word is among `words`, in any form, synonym or kind. */
function namedIn(sources: ArrayLike<number>, words: ArrayLike<number>, vocabulary: Vocabulary) {
  for (let i = 0; i < sources.length; i++) {
    const x = sources[i]!;
    const written = vocabulary.word(x);
    const synsets = vocabulary.synsets(x);
    for (let j = 0; j < words.length; j++) {
      const y = words[j]!;
      if ((x & ID_MASK) === (y & ID_MASK)) return true;
      if (looselyEqual(written, vocabulary.word(y), x, y)) return true;
      if (!(y & NAME_BIT) && related(x, synsets, y, vocabulary) !== UNRELATED) return true;
    }
  }
  return false;
}

/**
 * Counts the names describing a speaker ("Treasury" of "Treasury Secretary Scott Bessent") into
 * one side of `found` as if they were among its words, as they were before speakers were set
 * apart: matched when the other sentence's words hold them (exactly: spellings are too dear to
 * weigh for every pair), else that side's own. The speaker's own name stays out of both.
 */
function describingAsWords(
  found: Overlap,
  side: 'A' | 'B',
  speakers: ArrayLike<number>,
  words: ArrayLike<number>,
  vocabulary: Vocabulary,
): void {
  for (let i = 0; i < speakers.length; i++) {
    if (!(speakers[i]! & DESCRIBING)) continue;
    const id = speakers[i]! & ID_MASK;
    let said = false;
    for (let j = 0; j < words.length && !said; j++) said = (words[j]! & ID_MASK) === id;
    const weight = vocabulary.weight(speakers[i]!);
    const heavy = weight >= HEAVY ? weight : 0;
    if (side === 'A') {
      found.weightA += weight;
      found.heavyA += heavy;
    } else {
      found.weightB += weight;
      found.heavyB += heavy;
    }
    if (said) {
      // The other side's words already count it: matched now, on both sides, and as a name
      // ("Kremlin" of "Kremlin spokesman"), which says who, not what.
      found.matched += weight;
      found.heavyMatched += heavy;
      found.namedMatched += weight;
      found.namedCount++;
      found.matchedCount++;
    }
  }
}

/** Whether a speaker of one sentence is named in the other's words, in any spelling or form. */
function mentions(speakers: ArrayLike<number>, other: Comparable, vocabulary: Vocabulary): boolean {
  const words = other.words;
  let initials = other.initials;
  for (let i = 0; i < speakers.length; i++) {
    // "Russian" of "Russian President Vladimir Putin" does not make any sentence with the word
    // "Russian" name him.
    if (speakers[i]! & DESCRIBING) continue;
    // Every way `sameName` finds a name begins with the same letter (in lower case).
    if (initials !== undefined) {
      if (initials === 0) {
        initials = initialsOf(words, vocabulary);
        other.initials = initials;
      }
      if (!(initials & (1 << (vocabulary.initial(speakers[i]!) & 31)))) continue;
    }
    for (let j = 0; j < words.length; j++) {
      if (sameName(speakers[i]!, words[j]!, vocabulary)) return true;
    }
  }
  return false;
}

const quotation: Overlap = {
  matched: 0,
  weightA: 0,
  weightB: 0,
  heavyMatched: 0,
  heavyA: 0,
  heavyB: 0,
  matchedCount: 0,
  namedMatched: 0,
  namedCount: 0,
  otherNames: false,
  leftA: 0,
  leftB: 0,
  leftCountA: 0,
  leftCountB: 0,
};

/** Whether the shorter of two quotations, rare words and all, is found in the longer. */
function sameQuotation(a: ArrayLike<number>, b: ArrayLike<number>, vocabulary: Vocabulary) {
  if (a.length === 0 || b.length === 0) return false;
  const found = overlap(a, b, vocabulary, 0, quotation);
  const smaller = Math.min(found.weightA, found.weightB);
  const heavy = Math.min(found.heavyA, found.heavyB);
  return (
    smaller >= THRESHOLDS.minWeight &&
    heavy > 0 &&
    found.matched / smaller >= THRESHOLDS.contained &&
    found.heavyMatched / heavy >= THRESHOLDS.contained
  );
}

/**
 * Whether both sentences count the same rare thing ("drones"; a name, "Ukrainian", says whose
 * and not what), or, `loosely`, the same thing in any form or synonym, rare or not.
 */
function shareUnit(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  vocabulary: Vocabulary,
  loosely = false,
): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (!loosely && (x & NAME_BIT || vocabulary.weight(x) < HEAVY)) continue;
    for (let j = 0; j < b.length; j++) {
      const y = b[j]!;
      if ((x & ID_MASK) === (y & ID_MASK)) return true;
      if (!loosely) continue;
      if (looselyEqual(vocabulary.word(x), vocabulary.word(y), x, y)) return true;
      if (related(x, vocabulary.synsets(x), y, vocabulary) !== UNRELATED) return true;
    }
  }
  return false;
}

const result: Overlap = {
  matched: 0,
  weightA: 0,
  weightB: 0,
  heavyMatched: 0,
  heavyA: 0,
  heavyB: 0,
  matchedCount: 0,
  namedMatched: 0,
  namedCount: 0,
  otherNames: false,
  leftA: 0,
  leftB: 0,
  leftCountA: 0,
  leftCountB: 0,
};
