/**
 * A batch of sentences reduced to their features in a vocabulary of the reader's own, packed
 * (`FeaturePacker`), with the words it met first: what a reading thread answers
 * (`read-worker.ts`), and what the index's own thread makes of a batch it reads itself while
 * the threads are busy (`readInParallel`).
 */
import { FeaturePacker } from './feature-batch.js';
import { sentenceFeatures, Vocabulary } from './tokens.js';

export interface ReadJob {
  seq: number;
  /** Every sentence of the batch's articles, in order. */
  texts: string[];
}

export interface ReadReply {
  seq: number;
  /** The sentences' features (`FeaturePacker`), ids of the reader's vocabulary. */
  packed: Uint32Array;
  /** Words the reader numbered while reading this batch, in the order it numbered them. */
  words: string[];
}

export class BatchReader {
  private readonly vocabulary = new Vocabulary();
  private readonly packer = new FeaturePacker();
  private known = 0;

  read(job: ReadJob): ReadReply {
    for (const text of job.texts) this.packer.add(sentenceFeatures(text, this.vocabulary));
    const words = this.vocabulary.words.slice(this.known);
    this.known = this.vocabulary.words.length;
    return { seq: job.seq, packed: this.packer.take(), words };
  }
}
