import type { Article } from '../corpus/types.js';
import type { LabelSet } from '../store/labels.js';
import type { ReviewStatus } from '../store/types.js';
import type { Entry, SelectedArticle } from './model.js';

/** A file of a format that writes a folder (brat), relative to it, `/`-separated. */
export interface ExportFile {
  path: string;
  /** Text, or its UTF-8 bytes as kept or read from the corpus (written as they are). */
  content: string | Uint8Array;
}

/**
 * A format as a stream: text before the first article, each article's text (or files), text
 * after the last. A writer keeps nothing per annotation between calls, so memory stays the same
 * whatever the size of the store.
 */
export interface FormatWriter {
  start(): string;
  /** The article's text; a format that writes files adds them to `files` instead. */
  article(selected: SelectedArticle, files: ExportFile[]): string;
  end(files: ExportFile[]): string;
}

/** What a writer tells the command after the export, for its messages. */
export interface ExportSummary {
  /** Articles with at least one selected annotation. */
  articles: number;
  /** Selected annotations, orphans included. */
  annotations: number;
  /** Orphans a format that can only point into the text (brat, doccano, Label Studio) left out. */
  skippedOrphans: number;
  /** Documents (doccano lines) with overlapping spans, which a doccano project may drop. */
  overlapping: number;
  /** Article files written (brat's `.ann` files). */
  articleFiles: number;
  /** Files of a folder export (brat's) found as they would be written, and left as they were. */
  leftAsTheyWere: number;
}

export function emptySummary(): ExportSummary {
  return {
    articles: 0,
    annotations: 0,
    skippedOrphans: 0,
    overlapping: 0,
    articleFiles: 0,
    leftAsTheyWere: 0,
  };
}

export interface WriterOptions {
  labels: LabelSet;
  /** csv: start with a byte order mark, for Excel. */
  bom?: boolean;
  /** csv: leave cells that start like a formula as they are. */
  raw?: boolean;
  /**
   * Every annotator name the store holds (not only the exported ones), so that Label Studio's
   * numeric ids stay the same whatever the filter.
   */
  annotators?: readonly string[];
  /** Label Studio user ids to use for annotators (`--annotator-ids`). */
  annotatorIds?: ReadonlyMap<string, number>;
  /**
   * The story group of a sentence (the same statement in other outlets), or null: given, jsonl
   * and csv gain a `story` field and W3C annotations of one group link to the same resource.
   */
  storyOf?: StoryOf;
  /** Suggested labels to include (`--suggestions`: Label Studio predictions, Prodigy tasks). */
  suggestions?: SuggestionSource;
}

/** A label margin suggests for a sentence; offsets are the sentence's, in UTF-16 units. */
export interface SuggestedSpan {
  sentence: string;
  label: string;
  /** Probability in [0, 1]. */
  score: number;
  start: number;
  end: number;
  attributes: Record<string, string>;
}

/** The suggestions of each article, and the name of the model that made them. */
export interface SuggestionSource {
  /** `model_version` in Label Studio, `meta.model_version` in Prodigy. */
  version: string;
  of(article: Article): SuggestedSpan[];
}

export type StoryOf = (article: string, sentence: string) => string | null;

/**
 * A format whose export of every annotation (no filter, no story) is written from what the store
 * kept of each file at the last export, so that a file unchanged since is not read again:
 * jsonl's, csv's and w3c's (each of their lines or items stands for one annotation), and Label
 * Studio's, Prodigy's and doccano's (a task or line of the article's whole text, read from the
 * corpus at each export, around what each file kept). brat writes files: it has none.
 */
export interface KeptFormat {
  /** The store's name for what `keep` makes: a change to it needs a new one. */
  kind: string;
  start(): string;
  end(): string;
  /**
   * Writes each article's whole text (Label Studio, Prodigy, doccano): `article` and `fromKept`
   * are then given it as JSON when it was read with the rest (`quoted`, else read by id).
   */
  readsText?: boolean;
  /**
   * Writes of each article its id (and text) alone, never its title, date, byline or source
   * (doccano, W3C): the export then reads no article's headline (0.35 s at 100,000 articles).
   */
  idOnly?: boolean;
  /** The article's text, rendered from its annotations, made visible (bytes: UTF-8). */
  article(selected: SelectedArticle, quoted?: Uint8Array): string | Uint8Array;
  /** One annotator's entries of one article (in `byPosition` order), as kept; made visible. */
  keep(entries: readonly Entry[], status: ReviewStatus): string;
  /**
   * The article's text from its files' kept texts, as UTF-8 (in one buffer, or in parts to be
   * written one after the other: the text of a long article is then copied once, into the piece
   * written), with the number of its lines.
   */
  fromKept(
    article: Entry['article'],
    kept: ReadonlyArray<{ annotator: string; text: Uint8Array }>,
    quoted?: Uint8Array,
  ): { bytes: Uint8Array | readonly Uint8Array[]; lines: number };
}
