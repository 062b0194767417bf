import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { ioReason } from '../corpus/io-reason.js';
import { parseAnnotatorIds } from '../export/annotator-ids.js';
import { parseDocumentPieces, type StreamedImport } from '../export/import-document.js';
import { formatError, placeOf } from '../export/import-errors.js';
import {
  documentFormat,
  IMPORT_FORMATS,
  type ImportFormat,
  isImportFormat,
  parseImport,
} from '../export/import-formats.js';
import type { ImportContext, ImportedStatus } from '../export/import-jsonl.js';
import { planImport } from '../export/import-plan.js';
import {
  arrayInsteadOfLines,
  looksLike,
  looksLikeCsv,
  NothingInText,
} from '../export/import-shape.js';
import { RefusedLines } from '../export/refused-lines.js';
import { openRepository, type Repository } from '../store/index.js';
import type { Annotation, PlacedAnnotation } from '../store/types.js';
import { oneName } from '../text/untrusted.js';
import { givenAnnotator } from './annotator-name.js';
import { type Command, corpusFlags, storeFlags } from './command.js';
import { readImportInput } from './import-input.js';
import { LINE_FORMATS, parseLineBatches } from './import-lines.js';
import { CannotRun } from './output.js';
import { fromCwd } from './paths.js';
import { loadProject } from './project.js';
import { openWorkspace, type Workspace } from './workspace.js';

/**
 * Refused lines listed one a line before the rest are counted in one: a file wrong throughout
 * (another format, another corpus's ids) names its first lines and how many more, not a hundred
 * thousand lines that scroll the summary away.
 */
const LISTED_ERRORS = 50;

export const command: Command = {
  name: 'import',
  summary: 'Add annotations from a format margin exports (not csv) to the store',
  usage: `import FILE|- [--format FORMAT] [options]

Every line (task, annotation) is checked first; one that is not valid, or names an article the
corpus does not have, is reported as FILE:LINE and skipped. Annotations are matched to articles
by id and re-anchored by their quote on the current text; ones the store already has are
skipped. FILE - reads standard input (brat reads a folder). The first ${LISTED_ERRORS} refused lines
are listed, then how many more (--all-errors lists every one).

Importable: every format margin exports but csv (made for spreadsheets: export jsonl to bring
annotations back), and the files Label Studio, Prodigy, doccano and brat write themselves.

Options
  --format, -f   ${IMPORT_FORMATS.join(', ')} (default: the format the file is in, said
                 in the summary; jsonl when it is none of the others)
  --annotator    Who made what the file credits to no one (default: you)
  --annotator-ids FILE
                 label-studio: the Label Studio user id of each annotator, as JSON ({"alice": 2})
  --corpus, -c   The corpus folder (default: seeds)
  --store, -s    The annotation store folder (default: annotations)
  --all-errors   List every refused line, not only the first ${LISTED_ERRORS}

Examples
  $ margin import colleague.jsonl
  $ margin import reviewed.jsonl --format prodigy --annotator dana
  $ margin import brat/ --format brat
  $ curl -s https://example.org/tasks.json | margin import - --format label-studio`,
  flags: {
    ...corpusFlags,
    ...storeFlags,
    // No default: a format given is obeyed, one left out is jsonl or what the file is (below).
    format: { type: 'string', shortFlag: 'f' },
    annotatorIds: { type: 'string' },
    allErrors: { type: 'boolean', default: false },
  },
  async run(input, flags, io, output) {
    const fail = (message: string): never => {
      throw new CannotRun(message);
    };
    const given = typeof flags.format === 'string' ? flags.format : null;
    const asked = given ?? 'jsonl';
    if (!isImportFormat(asked)) {
      return fail(`--format must be one of ${IMPORT_FORMATS.join(', ')} (got "${asked}")`);
    }
    let format: ImportFormat = asked;
    const [file, ...extra] = input;
    if (!file) return fail('which file? margin import FILE');
    if (extra.length > 0) return fail(`one file at a time (also got ${extra.join(' ')})`);
    // A named pipe gives nothing until something writes to it: say why margin waits. Not for
    // the shell's `<(command)` (/dev/fd/63), whose writer is already there.
    const piped = file === '-' || /^\/(?:dev|proc)\//.test(fromCwd(io, file));
    if (!piped && (await stat(fromCwd(io, file)).catch(() => null))?.isFIFO()) {
      output.say(
        `${oneName(file)}: a named pipe: reading what is written to it until it is closed`,
      );
    }
    let seen = new NothingInText();
    let read = await readImportInput(format, file, io, seen);
    if (!read.ok) {
      if (read.usage) fail(read.message);
      output.problem(read.message);
      return output.status();
    }
    if ('input' in read && read.warning) output.warn(read.warning);
    const head =
      'lines' in read
        ? read.lines.head
        : 'input' in read && read.input.kind === 'text'
          ? read.input.text
          : null;
    // A file of lines that opens with `[]` is read on: it holds nothing if that is all it holds.
    let emptyArrayFirst = false;
    // The format the file turned out to be in, when --format was left out (qa59 #13: margin
    // named it and stopped; Prodigy and doccano write `.jsonl`, so a user always met that).
    let detected: ImportFormat | null = null;
    if (head !== null) {
      const other = format === 'jsonl' ? looksLike(head) : null;
      if (other && given !== null) {
        return fail(
          `${oneName(file)} looks like ${other}, not jsonl: use --format ${other}, or leave --format out`,
        );
      }
      if (other && 'lines' in read && !LINE_FORMATS.includes(other)) {
        // Read as lines, which a document format is not: read again, as that format.
        await read.lines.batches.return(undefined);
        if (file === '-') {
          return fail(
            `standard input looks like ${other}, not jsonl, and cannot be read twice: use --format ${other}`,
          );
        }
        seen = new NothingInText();
        read = await readImportInput(other, file, io, seen);
        if (!read.ok) {
          output.problem(read.message);
          return output.status();
        }
      }
      if (other) {
        detected = other;
        format = other;
      }
      if (looksLikeCsv(head, file)) {
        return fail(
          `${oneName(file)} is csv, which margin exports for spreadsheets but cannot import: export jsonl to bring annotations back (importable: ${IMPORT_FORMATS.join(', ')})`,
        );
      }
      if (LINE_FORMATS.includes(format)) {
        const array = arrayInsteadOfLines(head);
        if (array?.empty) emptyArrayFirst = true;
        else if (array) return fail(arrayRefusal(file, format, array.shape));
      }
    }
    let annotatorIds: Map<string, number> | undefined;
    if (typeof flags.annotatorIds === 'string' && flags.annotatorIds !== '') {
      if (format !== 'label-studio') return fail('--annotator-ids goes with --format label-studio');
      const path = flags.annotatorIds;
      const text = await readFile(fromCwd(io, path), 'utf8').catch(() => null);
      const parsed = text === null ? null : parseAnnotatorIds(text);
      if (!parsed?.ok)
        return fail(`${oneName(path)}: ${parsed ? parsed.message : 'cannot read it'}`);
      annotatorIds = parsed.ids;
    }
    const annotator = givenAnnotator(
      typeof flags.annotator === 'string' ? flags.annotator : undefined,
      io.env,
      await loadProject(flags, io),
    );
    const workspace = await openWorkspace(flags, io, output, { annotator });
    const { corpus, repository } = workspace;
    const context: ImportContext = {
      articles: { get: (id) => corpus.article(id), values: () => corpus.articles() },
      labels: workspace.project.labels,
      newId: randomUUID,
      now: new Date().toISOString(),
      fallbackAnnotator: annotator,
      ...(annotatorIds ? { annotatorIds } : {}),
    };
    const name = file === '-' ? 'stdin' : file;
    const all = flags.allErrors === true;
    // Lines are refused in their order in a file of lines, which --all-errors lists as found
    // (unless the first is `[]`, which is no error if it is all there is); a document's elements
    // count only once it is read whole (one that is not JSON gives one error), and a brat
    // folder's are sorted at the end: those are held.
    const refusedLines = (inOrder: boolean) =>
      new RefusedLines(
        all ? Number.POSITIVE_INFINITY : LISTED_ERRORS,
        all && inOrder ? (error) => output.problem(formatError(name, error)) : undefined,
      );
    let parsed: StreamedImport;
    if ('lines' in read || 'document' in read) {
      try {
        parsed =
          'lines' in read
            ? await parseLineBatches(
                read.lines.batches,
                (text, context) => parseImport(format, { kind: 'text', text }, context),
                context,
                refusedLines(!emptyArrayFirst),
              )
            : await parseDocumentPieces(read.document, documentFormat(format), context, () =>
                refusedLines(false),
              );
      } catch (error) {
        // Nothing of a file that could not be read to its end is imported.
        await repository.close();
        output.problem(`${name}: ${ioReason(error, 'file')}`);
        return output.status();
      }
    } else {
      const { errors, ...whole } = parseImport(format, read.input, context);
      parsed = { ...whole, refused: refusedLines(false) };
      parsed.refused.pushAll(errors);
    }
    // A file with nothing in it said "0 imported, 0 errors" as if it had been read and found in
    // order (qa51); a document format called it JSON that ends too early. `[]` was refused in a
    // format of lines (exit 2) and a warning in a document's (polish54): each format says the
    // same of it now, with status 0, as an export of nothing imported is no mistake.
    const nothing =
      'input' in read && read.input.kind === 'brat'
        ? read.input.documents.length === 0 && read.input.errors.length === 0
          ? 'has no .ann file in it or below it'
          : null
        : seen.kind === 'blank'
          ? 'is empty'
          : seen.kind === 'empty array'
            ? 'is an empty JSON array ([])'
            : null;
    if (nothing !== null) {
      output.warn(`${oneName(name)} ${nothing}: nothing to import`);
      parsed = { annotations: [], ignored: 0, statuses: [], refused: refusedLines(false) };
    } else if (
      parsed.annotations.length === 0 &&
      parsed.refused.count === 0 &&
      parsed.ignored === 0 &&
      !parsed.suggestions
    )
      // `[]`, a Label Studio export of tasks nobody annotated: valid, and silent would read as done.
      output.warn(`${oneName(name)} holds no annotations: nothing to import`);
    // What the store has where the file adds something: duplicates can only be there.
    const touched = new Set(parsed.annotations.map((candidate) => candidate.annotation.article));
    const existing = [...touched].flatMap((article) => repository.list({ article }));
    const plan = planImport(parsed.annotations, existing, repository.problems());
    const { refused } = parsed;
    refused.pushAll(plan.errors);
    const listed = refused.listed();
    for (const error of listed) output.problem(formatError(name, error));
    const more = refused.count - listed.length;
    if (more > 0 && listed.length > 0) {
      output.problem(
        `${name}: ${more} more refused line${more === 1 ? '' : 's'} after ${placeOf(name, listed.at(-1)!)} (--all-errors lists every one)`,
      );
    }
    // Every line was checked before this one write: a bad file adds what was good, changes nothing else.
    const notSaved = new Set<Annotation>();
    const added =
      plan.add.length > 0
        ? await repository.addMany(plan.add, (error, annotations) => {
            output.problem(error instanceof Error ? error.message : String(error));
            for (const annotation of annotations) notSaved.add(annotation);
          })
        : 0;
    const saved = plan.add.filter((annotation) => !notSaved.has(annotation));
    const restored = await restoreStatuses(workspace, parsed.statuses, existing, saved);
    await repository.close();
    const duplicates = plan.duplicates + (saved.length - added);
    // Not an error (an exported orphan comes back as one), but a hand-made line whose text is
    // not in the article should not pass unnoticed.
    const unplaced = new Set(
      parsed.annotations.filter((c) => c.placement === null).map((c) => c.annotation),
    );
    const orphans = saved.filter((annotation) => unplaced.has(annotation)).length;
    const summary = [
      `${detected ? `read as ${detected}: ` : ''}${added} imported${orphans > 0 ? ` (${orphans} as orphan${orphans === 1 ? '' : 's'}: text not found in the article, see margin orphans)` : ''}`,
      `${duplicates} duplicate${duplicates === 1 ? '' : 's'} skipped`,
      `${refused.count} error${refused.count === 1 ? '' : 's'}`,
    ];
    if (notSaved.size > 0) summary.push(`${notSaved.size} not saved (above)`);
    if (restored > 0) summary.push(`${restored} review status${restored === 1 ? '' : 'es'} set`);
    if (parsed.ignored > 0) {
      summary.push(`${parsed.ignored} rejected, ignored or cancelled task(s) skipped`);
    }
    // Not tasks skipped: a Label Studio task's annotations are imported beside its prediction.
    const suggestions = parsed.suggestions ?? 0;
    if (suggestions > 0) {
      summary.push(
        `${suggestions} suggestion${suggestions === 1 ? '' : 's'} left out (what a model proposed is not an annotation)`,
      );
    }
    await output.out(`${summary.join(', ')}\n`);
    return output.status();
  },
};

/**
 * Sets the exported review status where the store had nothing of that annotator on that article
 * before (so `agree` counts an imported colleague's work as reviewed); a status already in the
 * store, or an article the annotator had started, is never changed by an import.
 */
async function restoreStatuses(
  workspace: Workspace,
  statuses: ImportedStatus[],
  existing: PlacedAnnotation[],
  added: Annotation[],
): Promise<number> {
  const key = (article: string, annotator: string) => `${article}\u0000${annotator}`;
  const started = new Set(existing.map((a) => key(a.article, a.annotator)));
  const landed = new Set(added.map((a) => key(a.article, a.annotator)));
  const { repository } = workspace;
  const writers = new Map<string, Repository>([[repository.annotator, repository]]);
  let count = 0;
  try {
    for (const { article, annotator, status } of statuses) {
      const pair = key(article, annotator);
      if (status === 'unreviewed' || started.has(pair) || !landed.has(pair)) continue;
      if (repository.status(article, annotator) !== 'unreviewed') continue;
      let writer = writers.get(annotator);
      if (!writer) {
        writer = await openRepository({
          root: workspace.storeRoot,
          annotator,
          corpus: workspace.corpus,
          cacheDir: workspace.cacheDir,
        });
        writers.set(annotator, writer);
      }
      await writer.setStatus(article, status);
      count++;
    }
  } finally {
    for (const writer of writers.values()) if (writer !== repository) await writer.close();
  }
  return count;
}

/**
 * The one line that refuses a JSON array of elements given in a format of lines (verify52: a
 * line `[…]` gave `expected object, received array`): the file, what the format is, and what to
 * do, by the format its first element (`shape`) looks like.
 */
function arrayRefusal(file: string, format: ImportFormat, shape: ImportFormat | null): string {
  const name = file === '-' ? 'standard input' : oneName(file);
  const what = `${name} is a JSON array, where ${format} is one JSON object a line`;
  if (shape !== null && !LINE_FORMATS.includes(shape)) {
    return `${what}; it looks like ${shape}: use --format ${shape}`;
  }
  const as = shape !== null && shape !== format ? shape : format;
  const lines =
    file === '-'
      ? `jq -c '.[]' | margin import - --format ${as}`
      : `jq -c '.[]' ${name} > lines.jsonl, then margin import lines.jsonl --format ${as}`;
  return `${what}: give it one element a line (${lines})`;
}
