import type { ReviewStatus } from '../store/types.js';
import type { Entry } from './model.js';
import { articleCodePoints } from './offsets.js';
import type { StoryOf } from './writer.js';

/**
 * One annotation as the native and CSV formats write it. `start`/`end` are code points within the
 * article's clean text; `text` is what they select (for an orphan: the stored quote, at the stored
 * offsets). `quote` (when it differs from `text`), `prefix`, `suffix` and `textHash` are the
 * stored anchor, kept so an import restores exactly what was exported.
 */
export interface ExportRecord {
  id: string;
  article: string;
  title: string | null;
  source: string | null;
  date: string | null;
  annotator: string;
  label: string;
  sentence: string;
  text: string;
  start: number;
  end: number;
  /** The stored quote, only when it differs from `text` (the clean text changed since). */
  quote?: string;
  prefix: string;
  suffix: string;
  textHash: string;
  note: string | null;
  attributes: Record<string, string>;
  status: ReviewStatus;
  created: string;
  updated: string;
  orphan: boolean;
  /** The sentence's story group id (null: in none), when the export was asked for groups. */
  story?: string | null;
}

/**
 * The text an annotation covers and its offsets in code points: its placement's (kept by the
 * store, else read from the article), or for an orphan its stored quote at its stored offsets.
 */
export function exportedSpan(entry: Entry): { text: string; start: number; end: number } {
  const { article, annotation } = entry;
  const { anchor, placement } = annotation;
  if (placement?.span) return placement.span;
  const points = articleCodePoints(article);
  return {
    text: placement ? article.text.slice(placement.start, placement.end) : anchor.quote,
    start: points.toCodePoint(placement?.start ?? anchor.start),
    end: points.toCodePoint(placement?.end ?? anchor.end),
  };
}

export function toRecord(entry: Entry, status: ReviewStatus, storyOf?: StoryOf): ExportRecord {
  const { article, annotation } = entry;
  const { anchor, placement } = annotation;
  const { text, start, end } = exportedSpan(entry);
  return {
    id: annotation.id,
    article: article.id,
    title: article.title,
    source: article.source,
    date: article.date,
    annotator: annotation.annotator,
    label: annotation.label,
    sentence: placement?.sentence ?? anchor.sentence,
    text,
    start,
    end,
    ...(text === anchor.quote ? {} : { quote: anchor.quote }),
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    textHash: anchor.textHash,
    note: annotation.note ?? null,
    attributes: annotation.attributes ?? {},
    status,
    created: annotation.created,
    updated: annotation.updated,
    orphan: placement === null,
    ...(storyOf ? { story: storyOf(article.id, placement?.sentence ?? anchor.sentence) } : {}),
  };
}
