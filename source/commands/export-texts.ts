import type { CorpusIndex } from '../corpus/corpus-index.js';
import { textsAhead } from '../corpus/db/texts-ahead.js';

/**
 * `from`: from this many annotations, an export that writes whole texts reads them on another
 * thread (below it, starting the thread costs more than it saves; tests lower it). `started`,
 * `given` and `missed`: how many such threads were started, how many texts they gave and how
 * many the main thread read itself, for the tests to see which read them.
 */
export const textsAheadSettings = { from: 2000, started: 0, given: 0, missed: 0 };

/** The formats whose export of every annotation writes each article's text, and in what form. */
const FORM_OF = {
  'label-studio': 'quoted',
  prodigy: 'quoted',
  doccano: 'quoted',
  brat: 'plain',
} as const;

/** How an export reads the texts it writes whole: the corpus's own reads, maybe read ahead. */
export interface ExportTexts {
  /** An article's text as a JSON string, UTF-8 (see `CorpusIndex.quotedText`). */
  quoted?: (id: string) => Uint8Array | undefined;
  /** An article's text, UTF-8 (see `CorpusIndex.plainText`). */
  plain?: (id: string) => Uint8Array | undefined;
  /** For the store's `rendered`: the articles to come, whose texts are read meanwhile. */
  ahead?: (ids: readonly string[]) => void;
  close(): Promise<void>;
}

/**
 * The texts of an export of every annotation in `format` (`whole`: no filter, no suggestions,
 * no story), read on another thread where the store holds at least `textsAheadSettings.from`
 * annotations and the corpus index is on disk; a text the thread does not give is read here.
 */
export function exportTexts(
  corpus: CorpusIndex,
  format: string,
  annotations: number,
  whole: boolean,
): ExportTexts {
  const quoted = corpus.quotedText && ((id: string) => corpus.quotedText!(id));
  const plain = corpus.plainText && ((id: string) => corpus.plainText!(id));
  const form = FORM_OF[format as keyof typeof FORM_OF];
  const reader =
    whole && form && corpus.file && annotations >= textsAheadSettings.from
      ? textsAhead(corpus.file, form)
      : null;
  if (!reader) return { quoted, plain, close: async () => undefined };
  textsAheadSettings.started++;
  const own = form === 'quoted' ? quoted : plain;
  const read =
    own &&
    ((id: string) => {
      const bytes = reader.take(id);
      if (!bytes) {
        textsAheadSettings.missed++;
        return own(id);
      }
      textsAheadSettings.given++;
      return bytes;
    });
  return {
    quoted: form === 'quoted' ? read : quoted,
    plain: form === 'plain' ? read : plain,
    ahead: (ids) => reader.ask(ids),
    close: () => reader.close(),
  };
}
