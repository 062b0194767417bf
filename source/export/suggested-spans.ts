import type { Article } from '../corpus/types.js';
import { articleCodePoints } from './offsets.js';
import type { SuggestionSource } from './writer.js';

/** A suggested label on a sentence, offsets in code points as every export gives them. */
export interface ExportedSuggestion {
  sentence: string;
  label: string;
  score: number;
  start: number;
  end: number;
  text: string;
  attributes: Record<string, string>;
}

/** The article's suggestions in export terms: code points, the sentence text, scores rounded. */
export function suggestedSpans(article: Article, source: SuggestionSource): ExportedSuggestion[] {
  const points = articleCodePoints(article);
  return source.of(article).map((span) => ({
    sentence: span.sentence,
    label: span.label,
    score: Math.round(span.score * 1000) / 1000,
    start: points.toCodePoint(span.start),
    end: points.toCodePoint(span.end),
    text: article.text.slice(span.start, span.end),
    attributes: span.attributes,
  }));
}
