import type { Article } from '../../source/corpus/types.js';
import { type Annotation, LABELS } from '../../source/store/types.js';
import { deriveSeed, Random } from './random.js';

export interface AnnotationOptions {
  /** Annotations per article, over all annotators (30 gives 300,000 on 10,000 articles). */
  perArticle: number;
  annotators: readonly string[];
  seed?: number;
}

const CONTEXT = 32;
const FIRST_DAY = Date.UTC(2025, 0, 6, 9);

/** A v4-shaped UUID from the seeded source, so ids are stable from run to run. */
function uuid(random: Random): string {
  const hex = random.hex(32);
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Annotations on real sentences of `articles`: offsets, quotes and hashes are the articles' own,
 * so a store built from them opens without re-anchoring. No annotator tags the same sentence
 * with the same label twice; an article with too few sentences gets fewer annotations.
 */
export function generateAnnotations(
  articles: readonly Article[],
  options: AnnotationOptions,
): Annotation[] {
  const { perArticle, annotators } = options;
  if (annotators.length === 0) throw new Error('generateAnnotations needs at least one annotator');
  const out: Annotation[] = [];
  for (const article of articles) {
    if (article.sentences.length === 0) continue;
    const random = new Random(deriveSeed(options.seed ?? 1, 'annotations', article.id));
    const possible = article.sentences.length * annotators.length * LABELS.length;
    const wanted = Math.min(perArticle, possible);
    const taken = new Set<string>();
    let attempts = 0;
    while (taken.size < wanted && attempts < wanted * 20) {
      attempts++;
      const sentence = random.pick(article.sentences);
      const annotator = random.pick(annotators);
      const label = random.pick(LABELS);
      const key = `${sentence.id}\u0000${annotator}\u0000${label}`;
      if (taken.has(key)) continue;
      taken.add(key);
      const created = new Date(FIRST_DAY + random.int(0, 90 * 86_400) * 1000).toISOString();
      const annotation: Annotation = {
        id: uuid(random),
        article: article.id,
        annotator,
        label,
        anchor: {
          sentence: sentence.id,
          start: sentence.start,
          end: sentence.end,
          quote: sentence.text,
          prefix: article.text.slice(Math.max(0, sentence.start - CONTEXT), sentence.start),
          suffix: article.text.slice(sentence.end, sentence.end + CONTEXT),
          textHash: article.hash,
        },
        created,
        updated: created,
      };
      if (random.chance(0.1)) annotation.note = 'Check against the original statement.';
      out.push(annotation);
    }
  }
  return out;
}
