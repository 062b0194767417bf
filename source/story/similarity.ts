/**
 * The finer comparison of two candidate sentences: do they report the same statement or event?
 * Content words are matched exactly, then loosely (a shared stem prefix: "optimism" and
 * "optimistic"; a name one or two letters apart: "Bessent" and "Bescent"); names weigh twice an
 * ordinary word. Figures are left out (a changed figure is a difference to show, not a different
 * story). Speakers and dates decide the unclear cases: different speakers or dates weeks apart
 * separate all but near-copies, and a loose rewording is only believed with the same speaker.
 */
import { editDistance } from '../search/distance.js';
import { ID_MASK, NAME_BIT, type Vocabulary } from './tokens.js';

/** What the comparison needs of a sentence. */
export interface Comparable {
  /** Content word ids, ascending by `id & ID_MASK`. */
  words: ArrayLike<number>;
  /** The speaker's name ids: the sentence's own, or its neighbour's for a bare quote. */
  speakers: ArrayLike<number>;
  /** Days since 1970 of the article, or NaN when it does not say. */
  day: number;
}

/** The thresholds, in one place so the bench and the docs can name them. */
export const THRESHOLDS = {
  /** Below this weight a sentence says too little to compare ("He said.", "Background:"). */
  minWeight: 3,
  /** Sentences lighter than this need the same speaker as well as most of their words. */
  shortWeight: 5,
  /** Copies and light edits: this much of the two sentences' words in common (weighted Jaccard). */
  copy: 0.6,
  /** Above this, different speakers or distant dates do not separate two sentences. */
  nearCopy: 0.8,
  /** A rewording: this much in common, and this much of the shorter one covered. */
  reworded: 0.3,
  rewordedCover: 0.5,
  /** A loose retelling, believed only with the same speaker. */
  retold: 0.2,
  retoldCover: 0.4,
  /** Articles further apart than this (both dated) report different days' news. */
  days: 10,
};

const weight = (word: number): number => (word & NAME_BIT ? 2 : 1);

export interface Overlap {
  matched: number;
  weightA: number;
  weightB: number;
}

/** Weighted overlap of two sorted word lists, exact matches first, then loose ones. */
export function overlap(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  vocabulary: Vocabulary,
): Overlap {
  let matched = 0;
  let weightA = 0;
  let weightB = 0;
  const restA: number[] = [];
  const restB: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! & ID_MASK : Number.POSITIVE_INFINITY;
    const y = j < b.length ? b[j]! & ID_MASK : Number.POSITIVE_INFINITY;
    if (x === y) {
      const w = Math.max(weight(a[i]!), weight(b[j]!));
      matched += w;
      weightA += w;
      weightB += w;
      i++;
      j++;
    } else if (x < y) {
      weightA += weight(a[i]!);
      restA.push(a[i++]!);
    } else {
      weightB += weight(b[j]!);
      restB.push(b[j++]!);
    }
  }
  if (restA.length > 0 && restB.length > 0 && restA.length * restB.length <= 400) {
    const used = new Uint8Array(restB.length);
    for (const wordA of restA) {
      const textA = vocabulary.word(wordA);
      for (let k = 0; k < restB.length; k++) {
        if (used[k] || !looselyEqual(textA, vocabulary.word(restB[k]!), wordA, restB[k]!)) continue;
        used[k] = 1;
        matched += (weight(wordA) + weight(restB[k]!)) / 2;
        break;
      }
    }
  }
  return { matched, weightA, weightB };
}

/** The same word in another form, or the same name in another spelling. */
export function looselyEqual(a: string, b: string, idA: number, idB: number): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && a.charCodeAt(common) === b.charCodeAt(common)) common++;
  if (common >= 5 && common >= shorter - 1) return true;
  if (idA & NAME_BIT && idB & NAME_BIT && shorter >= 5 && a[0] === b[0]) {
    const limit = shorter >= 8 ? 2 : 1;
    return editDistance(a, b, limit) <= limit;
  }
  return false;
}

/** The weight of a word list: names count twice. */
export function totalWeight(words: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < words.length; i++) total += weight(words[i]!);
  return total;
}

function share(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  }
  return false;
}

/**
 * How surely `a` and `b` report the same thing: 0 when they do not, else their weighted Jaccard
 * similarity (0..1], which orders the merges.
 */
export function sameStatement(a: Comparable, b: Comparable, vocabulary: Vocabulary): number {
  const { matched, weightA, weightB } = overlap(a.words, b.words, vocabulary);
  if (matched === 0) return 0;
  const smaller = Math.min(weightA, weightB);
  if (smaller < THRESHOLDS.minWeight) return 0;
  const jaccard = matched / (weightA + weightB - matched);
  const cover = matched / smaller;
  if (jaccard >= THRESHOLDS.nearCopy) return jaccard;
  const known = a.speakers.length > 0 && b.speakers.length > 0;
  const agree = known && share(a.speakers, b.speakers);
  if (known && !agree) return 0;
  if (!Number.isNaN(a.day) && !Number.isNaN(b.day) && Math.abs(a.day - b.day) > THRESHOLDS.days) {
    return 0;
  }
  if (smaller < THRESHOLDS.shortWeight) {
    return agree && (jaccard >= 0.5 || cover >= 0.66) ? jaccard : 0;
  }
  if (jaccard >= THRESHOLDS.copy) return jaccard;
  if (jaccard >= THRESHOLDS.reworded && cover >= THRESHOLDS.rewordedCover) return jaccard;
  if (agree && jaccard >= THRESHOLDS.retold && cover >= THRESHOLDS.retoldCover) return jaccard;
  return 0;
}
