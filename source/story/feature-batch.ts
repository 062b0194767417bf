/**
 * Sentence features in one typed array, to cross between threads: a worker reads a batch of
 * articles with a vocabulary of its own and sends back its features (ids of that vocabulary)
 * and the words it met first in the batch; the index maps those ids to its own. Objects per
 * sentence would cost a structured clone of a few hundred thousand arrays per 10,000 articles.
 *
 * Per sentence: a header (`HEADER` numbers), then its words, speakers, sources, units and
 * quoted words.
 */
import { sortByWord, sortIds } from './sorted-ids.js';
import { ID_MASK, type SentenceFeatures } from './tokens.js';

const HEADER = 9;
const QUOTED = 1;
const REPORTED = 2;
const BORROWS = 4;

/**
 * A batch's features packed as each sentence is read (see the module's comment), so that no
 * sentence's features outlive its reading: a batch of 4,096 sentences' objects held until the
 * batch was packed lived through the thread's young generation into its old one, which then
 * stood at three times what it held (`bench/diagnose/story-memory`).
 */
export class FeaturePacker {
  private out = new Uint32Array(1 << 16);
  private at = 0;

  add(feature: SentenceFeatures): void {
    const lists = [
      feature.words,
      feature.speakers,
      feature.sources,
      feature.units,
      feature.quotedWords,
    ];
    let size = HEADER;
    for (const list of lists) size += list.length;
    this.room(size);
    const out = this.out;
    let at = this.at;
    for (const list of lists) out[at++] = list.length;
    out[at++] =
      (feature.quoted ? QUOTED : 0) |
      (feature.reported ? REPORTED : 0) |
      (feature.borrowsSpeaker ? BORROWS : 0);
    out[at++] = feature.figures;
    out[at++] = feature.fingerprint[0];
    out[at++] = feature.fingerprint[1];
    for (const list of lists) {
      out.set(list, at);
      at += list.length;
    }
    this.at = at;
  }

  /** The features added since the last `take`, in an array of their own (to transfer). */
  take(): Uint32Array {
    const packed = this.out.slice(0, this.at);
    this.at = 0;
    return packed;
  }

  private room(size: number): void {
    if (this.at + size <= this.out.length) return;
    let length = this.out.length * 2;
    while (length < this.at + size) length *= 2;
    const grown = new Uint32Array(length);
    grown.set(this.out.subarray(0, this.at));
    this.out = grown;
  }
}

/**
 * Reads a packed batch back a few sentences at a time (an article's), each id turned into the
 * index's through `ids` (the worker's id → the index's; a name keeps `NAME_BIT`): a batch's
 * objects made at once outlived the young generation as the worker's did (`FeaturePacker`).
 * The lists are sorted again as `sentenceFeatures` sorts them, since the index numbers words in
 * another order than the worker: the features are then exactly those the index would have made
 * itself.
 */
export class FeatureReader {
  private at = 0;

  constructor(
    private readonly packed: Uint32Array,
    private readonly ids: ArrayLike<number>,
  ) {}

  /** The next `count` sentences' features. */
  next(count: number): SentenceFeatures[] {
    const packed = this.packed;
    const out: SentenceFeatures[] = [];
    for (let sentence = 0; sentence < count; sentence++) {
      const at = this.at;
      const flags = packed[at + 5]!;
      const figures = packed[at + 6]!;
      const fingerprint: [number, number] = [packed[at + 7]!, packed[at + 8]!];
      this.at += HEADER;
      const words = sortIds(this.read(packed[at]!), true);
      const speakers = sortIds(this.read(packed[at + 1]!), false);
      const sources = sortIds(this.read(packed[at + 2]!), false);
      // Stable sorts by the bare id keep ties (a word as a name and not) in the sentence's order.
      const units = sortByWord(this.read(packed[at + 3]!));
      const quotedWords = sortByWord(this.read(packed[at + 4]!));
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

  private read(length: number): number[] {
    const { packed, ids, at } = this;
    const list = new Array<number>(length);
    for (let i = 0; i < length; i++) {
      const id = packed[at + i]!;
      list[i] = (ids[id & ID_MASK]! | (id & ~ID_MASK)) >>> 0;
    }
    this.at += length;
    return list;
  }
}
