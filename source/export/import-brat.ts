import { fromBratPath } from './brat-names.js';
import { fromIdentifier } from './identifiers.js';
import { type ImportError, quotedValue } from './import-errors.js';
import type { ImportContext, ParsedImport } from './import-jsonl.js';
import { articlesByText, type ImportedSpan, spanCandidates, spanProblem } from './import-span.js';
import { importedAnnotator, labelList, labelMatcher } from './import-values.js';
import { unescapeLine } from './line-escapes.js';
import { codePoints } from './offsets.js';

/** One brat document: its path in the folder without extension (`alice/uni`), `.txt` and `.ann`. */
export interface BratDocument {
  path: string;
  text: string;
  ann: string;
}

const TEXT_BOUND = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t/;
const ATTRIBUTE = /^A\d+\t(\S+) (T\d+)(?: (\S+))?$/;
const NOTE = /^#\d+\tAnnotatorNotes (T\d+)\t(.*)$/;
/** Relations, events, normalisations, equivalences, other notes: nothing margin keeps. */
const OTHER = /^(?:[RENM*]\d*|#\d+)\t/;

/**
 * A brat folder (`margin export --format brat`, or one annotated in brat): each `.ann` line
 * `T` becomes an annotation on each sentence it covers (`spanCandidates`), `A` lines its attributes, the
 * `AnnotatorNotes` its note. Names written by the export are decoded back (types, attribute
 * names and values: `identifiers.ts`; the note: `one-line.ts`; folder and file names:
 * `brat-names.ts`), others are taken as they are. The annotator is the document's folder, else
 * `fallbackAnnotator`; the article is the one its file name names, else the one whose clean text
 * is the `.txt`. Errors name the `.ann` file and line.
 */
export function parseBratImport(documents: BratDocument[], context: ImportContext): ParsedImport {
  const out: ParsedImport = { annotations: [], errors: [], ignored: 0, statuses: [] };
  const byText = articlesByText(context.articles);
  const matchLabel = labelMatcher(context.labels);
  for (const document of documents) {
    const file = `${document.path}.ann`;
    const fail = (line: number, message: string) => out.errors.push({ file, line, message });
    const names = fromBratPath(document.path);
    const article =
      (names.article !== null ? context.articles.get(names.article) : undefined) ??
      byText.get(document.text);
    if (!article) {
      fail(
        1,
        `no article named ${quotedValue(names.article ?? document.path)} or with the text of ${document.path}.txt`,
      );
      continue;
    }
    const credited = names.annotator === null ? null : importedAnnotator(names.annotator);
    if (credited !== null && credited.problem !== null) {
      fail(1, `annotator folder: ${credited.problem}`);
      continue;
    }
    const annotator = credited?.annotator ?? context.fallbackAnnotator;
    const length = codePoints(document.text).length;
    const spans = new Map<string, ImportedSpan & { attributes: Record<string, string> }>();
    const notes = new Map<string, string[]>();
    const errors: ImportError[] = [];
    const lines = document.ann.split(/\r?\n/);
    for (const [index, raw] of lines.entries()) {
      const line = index + 1;
      const text = index === 0 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      const bound = TEXT_BOUND.exec(text);
      const attribute = ATTRIBUTE.exec(text);
      const note = NOTE.exec(text);
      const problem = (message: string) => errors.push({ file, line, message });
      if (bound) {
        const [, id, type, fragments] = bound as unknown as [string, string, string, string];
        const label = matchLabel(fromIdentifier(type) ?? type);
        if (label === null) {
          problem(`${quotedValue(type)} is not one of ${labelList(context.labels)}`);
          continue;
        }
        const offsets = fragments.split(/[ ;]/).map(Number);
        const start = Math.min(...offsets);
        const end = Math.max(...offsets);
        const wrong = spanProblem(start, end, length);
        if (wrong) {
          problem(wrong);
          continue;
        }
        spans.set(id, {
          line,
          file,
          article,
          text: document.text,
          start,
          end,
          annotator,
          label,
          attributes: {},
        });
      } else if (attribute) {
        const [, name, id, value] = attribute as unknown as [string, string, string, string?];
        const span = spans.get(id);
        if (!span) {
          problem(`${id} is not a text-bound annotation above this line`);
          continue;
        }
        // A binary attribute (no value) is on, or absent.
        const decoded = value === undefined ? 'true' : (fromIdentifier(value) ?? value);
        Object.defineProperty(span.attributes, fromIdentifier(name) ?? name, {
          value: decoded,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else if (note) {
        const [, id, body] = note as unknown as [string, string, string];
        if (!spans.has(id)) {
          problem(`${id} is not a text-bound annotation above this line`);
          continue;
        }
        notes.set(id, [...(notes.get(id) ?? []), unescapeLine(body)]);
      } else if (!OTHER.test(text)) {
        problem('not a brat annotation line (T, A, R, E, N, M, * or #, then a tab)');
      }
    }
    // A bad line is left out, like a bad line of a JSON Lines file; the others of the file stay.
    out.errors.push(...errors);
    for (const [id, span] of spans) {
      const note = notes.get(id)?.join('\n');
      out.annotations.push(...spanCandidates({ ...span, ...(note ? { note } : {}) }, context));
    }
  }
  return out;
}
