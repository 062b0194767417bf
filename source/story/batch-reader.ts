/**
 * A batch of sentences reduced to their features in a vocabulary of the reader's own, packed
 * (`FeaturePacker`), with the words it met first: what a reading thread answers
 * (`read-worker.ts`), and what the index's own thread makes of a batch it reads itself while
 * the threads are busy (`readInParallel`).
 */
import { FeaturePacker } from './feature-batch.js';
import { sentenceFeatures, Vocabulary } from './tokens.js';
import type { StoryArticle } from './types.js';

export interface ReadJob {
  seq: number;
  /** Every sentence of the batch's articles, in order. */
  texts: string[];
}

/** A batch of a corpus index's articles, by number, that the reading thread reads itself. */
export interface NumberedJob {
  seq: number;
  numbers: Uint32Array;
  /** Whether the reply names each article's sentences (a reviewer's link may pin one). */
  sentenceIds: boolean;
}

/** What the index takes in of each article a reading thread read itself, a list a field. */
export interface ArticleHeads {
  ids: string[];
  dates: (string | null)[];
  sources: (string | null)[];
  hashes: string[];
  counts: number[];
  /** Each article's sentence ids, joined by spaces, when the job asked for them. */
  sentenceIds?: string[];
}

export interface ReadReply {
  seq: number;
  /** The sentences' features (`FeaturePacker`), ids of the reader's vocabulary. */
  packed: Uint32Array;
  /** Words the reader numbered while reading this batch, in the order it numbered them. */
  words: string[];
  /** The articles, for a `NumberedJob`. */
  heads?: ArticleHeads;
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

  /** `read` of articles read here, with what the index takes in of them. */
  readArticles(
    seq: number,
    articles: readonly (StoryArticle & { hash?: string })[],
    sentenceIds: boolean,
  ): ReadReply {
    const heads: ArticleHeads = {
      ids: [],
      dates: [],
      sources: [],
      hashes: [],
      counts: [],
      ...(sentenceIds ? { sentenceIds: [] } : {}),
    };
    for (const article of articles) {
      for (const sentence of article.sentences)
        this.packer.add(sentenceFeatures(sentence.text, this.vocabulary));
      heads.ids.push(article.id);
      heads.dates.push(article.date);
      heads.sources.push(article.source);
      heads.hashes.push(article.hash ?? '');
      heads.counts.push(article.sentences.length);
      heads.sentenceIds?.push(article.sentences.map((sentence) => sentence.id).join(' '));
    }
    const words = this.vocabulary.words.slice(this.known);
    this.known = this.vocabulary.words.length;
    return { seq, packed: this.packer.take(), words, heads };
  }
}
