/**
 * Sentence features in one typed array, to cross between threads: a worker reads a batch of
 * articles with a vocabulary of its own and sends back its features (ids of that vocabulary)
 * and the words it met first in the batch; the index maps those ids to its own. Objects per
 * sentence would cost a structured clone of a few hundred thousand arrays per 10,000 articles.
 *
 * Per sentence: a header (`HEADER` numbers), then its words, speakers, sources, units and
 * quoted words.
 */
import { ID_MASK, type SentenceFeatures } from './tokens.js';

const HEADER = 9;
const QUOTED = 1;
const REPORTED = 2;
const BORROWS = 4;

/** The features of a batch's sentences, in order, packed (see the module's comment). */
export function packFeatures(features: readonly SentenceFeatures[]): Uint32Array {
  let size = 0;
  for (const feature of features) {
    size +=
      HEADER +
      feature.words.length +
      feature.speakers.length +
      feature.sources.length +
      feature.units.length +
      feature.quotedWords.length;
  }
  const out = new Uint32Array(size);
  let at = 0;
  for (const feature of features) {
    out[at++] = feature.words.length;
    out[at++] = feature.speakers.length;
    out[at++] = feature.sources.length;
    out[at++] = feature.units.length;
    out[at++] = feature.quotedWords.length;
    out[at++] =
      (feature.quoted ? QUOTED : 0) |
      (feature.reported ? REPORTED : 0) |
      (feature.borrowsSpeaker ? BORROWS : 0);
    out[at++] = feature.figures;
    out[at++] = feature.fingerprint[0];
    out[at++] = feature.fingerprint[1];
    for (const list of [
      feature.words,
      feature.speakers,
      feature.sources,
      feature.units,
      feature.quotedWords,
    ]) {
      out.set(list, at);
      at += list.length;
    }
  }
  return out;
}

/**
 * Unpacks `count` sentences' features, each id turned into the index's through `ids` (the
 * worker's id → the index's; a name keeps `NAME_BIT`). The lists are sorted again as
 * `sentenceFeatures` sorts them, since the index numbers words in another order than the
 * worker: the features are then exactly those the index would have made itself.
 */
export function unpackFeatures(
  packed: Uint32Array,
  count: number,
  ids: ArrayLike<number>,
): SentenceFeatures[] {
  const out: SentenceFeatures[] = [];
  let at = 0;
  const read = (length: number): number[] => {
    const list = new Array<number>(length);
    for (let i = 0; i < length; i++) {
      const id = packed[at + i]!;
      list[i] = (ids[id & ID_MASK]! | (id & ~ID_MASK)) >>> 0;
    }
    at += length;
    return list;
  };
  for (let sentence = 0; sentence < count; sentence++) {
    const lengths = packed.subarray(at, at + 5);
    const flags = packed[at + 5]!;
    const figures = packed[at + 6]!;
    const fingerprint: [number, number] = [packed[at + 7]!, packed[at + 8]!];
    at += HEADER;
    const words = read(lengths[0]!).sort(byIdThenName);
    const speakers = read(lengths[1]!).sort(ascending);
    const sources = read(lengths[2]!).sort(ascending);
    // Stable sorts by the bare id keep ties (a word as a name and not) in the sentence's order.
    const units = read(lengths[3]!).sort(byId);
    const quotedWords = read(lengths[4]!).sort(byId);
    out.push({
      words,
      speakers,
      sources,
      quoted: (flags & QUOTED) !== 0,
      reported: (flags & REPORTED) !== 0,
      borrowsSpeaker: (flags & BORROWS) !== 0,
      figures,
      units,
      quotedWords,
      fingerprint,
    });
  }
  return out;
}

const ascending = (a: number, b: number) => a - b;
const byId = (a: number, b: number) => (a & ID_MASK) - (b & ID_MASK);
const byIdThenName = (a: number, b: number) => (a & ID_MASK) - (b & ID_MASK) || a - b;
