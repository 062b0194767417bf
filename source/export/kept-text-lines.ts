import type { ReviewStatus } from '../store/types.js';
import { type QuotedText, textJson } from './article-text.js';
import { inAnnotatorOrder, keptFields, keptText } from './kept-fields.js';
import { type Entry, groupByAnnotator } from './model.js';
import type { ExportSummary, KeptFormat } from './writer.js';

/**
 * One file's line in a format of a line per article and annotator that carries the article's
 * text (Prodigy, doccano), but for the text and the article's fields: the JSON members before
 * and after those fields, made visible, or null when the file has no line (only orphans).
 */
export interface FileLine {
  orphans: number;
  /** Spans that overlap (doccano counts such lines). */
  overlapping: boolean;
  members: { before: string; after: string } | null;
}

export interface TextLineFormat {
  kind: string;
  /** One annotator's entries of an article (in `byPosition` order) as their line's members. */
  render(article: Entry['article'], entries: readonly Entry[], status: ReviewStatus): FileLine;
  /** The article's members between a line's `before` and `after` (`"article":…`), made visible. */
  articleMembers(article: Entry['article']): string;
  /** `KeptFormat.idOnly`: `render` and `articleMembers` read no more of an article than its id. */
  idOnly?: boolean;
}

const TAB = 0x09;
const NEWLINE = Buffer.from('\n');
const COMMA = Buffer.from(',');
const TEXT_KEY = Buffer.from('{"text":');

/**
 * Such a format's export of every annotation (no filter, no suggestions) as kept between exports
 * (see `keptLines`): per file the number of its annotations, of its orphans, whether its spans
 * overlap, then its line's members before and after the article's, tab-separated (JSON text
 * never holds a raw tab). A line is `{"text":`, the text (read from the corpus as JSON at each
 * export, see `textJson`), `before`, the article's members, `after`: the bytes `safeJson` gives
 * of the line's object in one piece, as the format's writer writes it.
 */
export function keptTextLines(
  format: TextLineFormat,
  summary: Pick<ExportSummary, 'skippedOrphans' | 'overlapping'>,
  quoted?: QuotedText,
): KeptFormat {
  // The files of the article last rendered, for `keep`: rendered once, not twice.
  let rendered = new Map<Entry['annotation'], string>();
  const keptOf = (entries: readonly Entry[], line: FileLine): string => {
    const members = line.members ? `${line.members.before}\t${line.members.after}` : '';
    return keptText(entries.length, line.orphans, line.overlapping ? '1' : '0', members);
  };

  /**
   * The article's lines from its files' members, in annotator order, in parts: the text, as
   * long as the rest together, is copied once per line, into the piece written.
   */
  const lines = (
    article: Entry['article'],
    members: ReadonlyArray<{ before: Uint8Array; after: Uint8Array }>,
    given: Uint8Array | undefined,
  ): Uint8Array[] => {
    if (members.length === 0) return [];
    const text = textJson(article, quoted, given);
    const fields = Buffer.from(`,${format.articleMembers(article)},`);
    const parts: Uint8Array[] = [];
    for (const { before, after } of members) {
      parts.push(TEXT_KEY, text, COMMA, before, fields, after, NEWLINE);
    }
    return parts;
  };

  return {
    kind: format.kind,
    readsText: true,
    ...(format.idOnly ? { idOnly: true } : {}),
    start: () => '',
    end: () => '',
    article(selected, given) {
      rendered = new Map();
      const members: Array<{ before: Uint8Array; after: Uint8Array }> = [];
      for (const { annotator, entries } of groupByAnnotator(selected.entries)) {
        const line = format.render(selected.article, entries, selected.status(annotator));
        summary.skippedOrphans += line.orphans;
        if (line.members && line.overlapping) summary.overlapping++;
        rendered.set(entries[0]!.annotation, keptOf(entries, line));
        if (line.members) {
          const { before, after } = line.members;
          members.push({ before: Buffer.from(before), after: Buffer.from(after) });
        }
      }
      return Buffer.concat(lines(selected.article, members, given));
    },
    keep(entries, status) {
      // Rendered by `article` just before; a file it did not render is rendered here.
      const [head] = entries;
      if (!head) return '';
      return (
        rendered.get(head.annotation) ??
        keptOf(entries, format.render(head.article, entries, status))
      );
    },
    fromKept(article, kept, given) {
      const members: Array<{ before: Uint8Array; after: Uint8Array }> = [];
      let count = 0;
      for (const { text } of inAnnotatorOrder(kept)) {
        const { annotations, orphans, own, rest } = keptFields(text);
        count += annotations;
        summary.skippedOrphans += orphans;
        if (rest.length === 0) continue;
        if (own[0] === 0x31) summary.overlapping++;
        const tab = rest.indexOf(TAB);
        members.push({ before: rest.subarray(0, tab), after: rest.subarray(tab + 1) });
      }
      return { bytes: lines(article, members, given), lines: count };
    },
  };
}
