/**
 * Labelled sentences for measuring the suggestion engine: the form of the hand-labelled seeds
 * (test/suggest/seed-gold.ts) and of the generated set (bench/generate/planted-labels.ts), and
 * how gold finds its sentences in an article by a piece of their text.
 */
import type { Article } from '../../source/corpus/types.js';

/** Accepted values of an attribute: `null` means "no one named", a list accepts any of its items. */
export type Accepted = string | null | ReadonlyArray<string | null>;

/** What the gold says of one sentence. */
export interface GoldLabels {
  labels: readonly string[];
  speaker?: Accepted;
  claimant?: Accepted;
  when?: string;
  where?: string;
}

export interface GoldSentence extends GoldLabels {
  /** A distinctive piece of the sentence's text. */
  text: string;
}

export interface GoldArticle {
  /** The article id (file name without extension). */
  article: string;
  sentences: readonly GoldSentence[];
}

/** One sentence of an article with the gold it was matched to (null: no gold names it). */
export interface Matched {
  article: Article;
  index: number;
  gold: GoldLabels | null;
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Places each gold sentence on the article's sentences by its text. Gold that names no sentence is
 * returned as missing (the splitter changed under it); a sentence two gold pieces fall into (two
 * sentences merged) takes the union of their labels and the first one's attributes.
 */
export function matchGold(
  article: Article,
  gold: GoldArticle,
): { matched: Matched[]; missing: GoldSentence[] } {
  const texts = article.sentences.map((sentence) => squash(sentence.text));
  const found: Array<GoldSentence | null> = texts.map(() => null);
  const missing: GoldSentence[] = [];
  for (const entry of gold.sentences) {
    const piece = squash(entry.text);
    const index = texts.findIndex((text, i) => text.includes(piece) && found[i] === null);
    const any = index >= 0 ? index : texts.findIndex((text) => text.includes(piece));
    if (any < 0) {
      missing.push(entry);
      continue;
    }
    const existing = found[any];
    found[any] = existing
      ? { ...existing, labels: [...new Set([...existing.labels, ...entry.labels])] }
      : entry;
  }
  return {
    matched: article.sentences.map((_, index) => ({ article, index, gold: found[index] ?? null })),
    missing,
  };
}

const normalise = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^(?:the|on|in|at)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Whether a suggested value is one the gold accepts (`undefined` suggested = none). */
export function accepts(accepted: Accepted, suggested: string | undefined): boolean {
  const list = Array.isArray(accepted) ? accepted : [accepted as string | null];
  return list.some((value) =>
    value === null
      ? suggested === undefined
      : suggested !== undefined && normalise(value) === normalise(suggested),
  );
}

/** When and where are looser: the suggestion may hold the gold or sit inside it. */
export function overlaps(gold: string, suggested: string | undefined): boolean {
  if (suggested === undefined) return false;
  const a = normalise(gold);
  const b = normalise(suggested);
  return a.includes(b) || b.includes(a);
}
