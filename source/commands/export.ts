import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { ioReason } from '../corpus/io-reason.js';
import { parseAnnotatorIds } from '../export/annotator-ids.js';
import { everyArticleEntries, storeEntries } from '../export/article-entries.js';
import { progressLine } from '../export/bars.js';
import { keptBrat } from '../export/brat-kept.js';
import { createKeptFormat, FORMATS, isFormat } from '../export/formats.js';
import { labelStudioConfig } from '../export/label-studio-config.js';
import type { ExportFilter } from '../export/model.js';
import { exportNotices } from '../export/notices.js';
import { SpreadsheetCheck } from '../export/spreadsheet-check.js';
import {
  type ExportOptions,
  type ExportSink,
  runExport,
  runKept,
  runKeptFiles,
} from '../export/stream.js';
import {
  type ExportSummary,
  emptySummary,
  type StoryOf,
  type SuggestionSource,
} from '../export/writer.js';
import { REVIEW_STATUSES, type ReviewStatus } from '../store/types.js';
import { oneName } from '../text/untrusted.js';
import { articleNamed, noArticle } from './article-named.js';
import { type Command, type CommandIO, corpusFlags } from './command.js';
import {
  type FolderSink,
  fileSink,
  folderSink,
  heldSink,
  ReadAgain,
  stdoutSink,
  streamSink,
} from './export-sinks.js';
import { type OutTarget, outTarget } from './out-target.js';
import { CannotRun, type Output, StdoutFailed } from './output.js';
import { fromCwd, isWithin } from './paths.js';
import { annotatorEnv, loadProject, type ProjectContext } from './project.js';
import { keptStoryIds, orderedStoryClusters, savedGroupsOf } from './story-groups.js';
import { openSuggester } from './suggestion-model.js';
import { strayLabelNotes, unlistedLabels } from './unlisted-labels.js';
import { listFlag, openWorkspace } from './workspace.js';

/** Below this many annotations an export is over before a progress bar could be read. */
const PROGRESS_FROM = 20_000;

export const command: Command = {
  name: 'export',
  summary: 'Export annotations: jsonl, csv, prodigy, doccano, label-studio, brat, w3c',
  usage: `export --format FORMAT [options]

Options
  --format, -f   ${FORMATS.join(', ')}
  --out, -o      Write to this file (a folder for brat, where it is required) instead of stdout;
                 - is stdout, a link is written through, a pipe or device streamed
  --annotator    Only this annotator's annotations (repeat for several)
  --label        Only this label, one of the project's (repeat for several)
  --article      Only this article: its id or its file (repeat for several)
  --status       Only articles the annotator marked: ${REVIEW_STATUSES.join(', ')}
  --bom          csv: start with a byte order mark, for Excel
  --raw          csv: leave cells starting with = + - @ as they are (by default they get a
                 leading ' so a spreadsheet never runs them as formulas)
  --config       label-studio: print the matching labeling config instead of the tasks
  --annotator-ids FILE
                 label-studio: the Label Studio user id of each annotator, as JSON
                 ({"alice": 2}); others get the next free numbers
  --suggestions  label-studio, prodigy: margin's suggestions for every article, scored with
                 the model the annotator taught (one --annotator, else you), without what
                 they rejected in the review: Label Studio
                 predictions (with model_version) beside the annotations; for Prodigy the
                 suggestion tasks alone, with no answer, a source for a recipe such as
                 spans.manual (not for db-in, which would accept them all)
  --story        jsonl, csv, w3c: add each annotation's story group (the same statement in
                 other outlets: a "story" field, a column, a linking body), computed over the
                 whole corpus first (seconds at 10,000 articles, so not by default)
  --corpus, -c   The corpus folder (default: seeds)
  --store, -s    The annotation store folder (default: annotations)

Offsets are Unicode code points within the article's clean text.

Examples
  $ margin export --format jsonl > annotations.jsonl
  $ margin export --format csv --bom --label claim --out claims.csv
  $ margin export --format brat --annotator alice --status done --out brat/
  $ margin export --format label-studio --config > config.xml
  $ margin export --format label-studio --suggestions --out tasks.json`,
  flags: {
    ...corpusFlags,
    store: { type: 'string', shortFlag: 's' },
    format: { type: 'string', shortFlag: 'f' },
    out: { type: 'string', shortFlag: 'o' },
    annotator: { type: 'string', isMultiple: true },
    label: { type: 'string', isMultiple: true },
    article: { type: 'string', isMultiple: true },
    status: { type: 'string', isMultiple: true },
    bom: { type: 'boolean', default: false },
    raw: { type: 'boolean', default: false },
    config: { type: 'boolean', default: false },
    annotatorIds: { type: 'string' },
    suggestions: { type: 'boolean', default: false },
    story: { type: 'boolean', default: false },
  },
  async run(_input, flags, io, output) {
    const fail = (message: string): never => {
      throw new CannotRun(message);
    };
    const format = typeof flags.format === 'string' ? flags.format : '';
    if (!isFormat(format)) {
      return fail(
        `--format must be one of ${FORMATS.join(', ')}${format ? ` (got "${format}")` : ''}`,
      );
    }
    // The project's labels (margin.json), margin's own without one.
    const project = await loadProject(flags, io);
    const LABELS = project.labels;
    const LABEL_NAMES = LABELS.map((label) => label.name);
    const given = typeof flags.out === 'string' && flags.out !== '' ? flags.out : null;
    const base = (path: string) => fromCwd(io, path);
    if (format === 'brat' && given === '-') {
      return fail('brat writes a folder, not standard output: give it with --out DIR');
    }
    // What the path is decides how it is written (out-target.ts): a link is written through, a
    // pipe or device streamed, `-` and /dev/stdout are standard output.
    const target =
      given === null || format === 'brat'
        ? null
        : await outTarget(given, base(given), stdoutDescriptor(io));
    if (target?.kind === 'refused')
      return fail(`cannot write ${oneName(given!)}: ${target.reason}`);
    const out = target?.kind === 'stdout' ? null : given;
    // Where a link leads counts as much as its name: a link beside the corpus may lead into it.
    const places = out === null ? [] : [base(out)];
    if (target?.kind === 'file') places.push(target.path);
    // The store's files are only ever written by margin, atomically and checked: an export over
    // one (or a brat folder among them) would be refused by the next command, its work lost.
    if (out && places.some((place) => isWithin(place, project.store.root))) {
      return fail(
        `--out ${oneName(out)} is inside the annotation store ${oneName(project.store.shown)}: export somewhere else`,
      );
    }
    // Every file under the corpus folder is read as an article: an export file there would
    // overwrite one (a scraped page may be gone from the web) or come back as an article itself.
    // A brat folder below it is marked as margin's own and kept out (export-sinks.ts), but not
    // the corpus folder itself, which is read whatever it holds.
    const intoCorpus =
      out !== null &&
      places.some((place) => isWithin(place, project.corpus.root)) &&
      (format !== 'brat' || isWithin(project.corpus.root, base(out)));
    if (out && intoCorpus) {
      return fail(
        `--out ${oneName(out)} is inside the corpus ${oneName(project.corpus.shown)}: its files would be read as articles; export somewhere else`,
      );
    }
    if (flags.config) {
      if (format !== 'label-studio') return fail('--config goes with --format label-studio');
      if (!out || target === null || (target.kind !== 'file' && target.kind !== 'stream')) {
        await output.out(labelStudioConfig(LABELS));
      } else await writeOrSay(output, target, out, labelStudioConfig(LABELS));
      return output.status();
    }
    if (flags.raw && format !== 'csv') return fail('--raw goes with --format csv');
    if (flags.suggestions && format !== 'label-studio' && format !== 'prodigy') {
      return fail('--suggestions goes with --format label-studio or prodigy');
    }
    // Silently leaving it out would pass for "no story groups": refused, as --suggestions.
    if (flags.story && !STORY_FORMATS.has(format)) {
      return fail(`--story goes with --format ${[...STORY_FORMATS].join(', ')}`);
    }
    if (format === 'brat' && !out) return fail('brat writes a folder: give it with --out DIR');
    // qa52: with an empty store the first write was annotation.conf, refused as "it already exists".
    const bratAt = format === 'brat' && out ? await stat(base(out)).catch(() => null) : null;
    if (bratAt && !bratAt.isDirectory()) {
      output.problem(
        `cannot write ${oneName(out!)}: it is ${notAFolder(bratAt)}; brat writes a folder`,
      );
      return output.status();
    }
    const labels = listFlag(flags.label);
    const statuses = listFlag(flags.status);
    const badStatus = statuses.find((s) => !(REVIEW_STATUSES as readonly string[]).includes(s));
    if (badStatus) {
      return fail(
        `unknown status "${badStatus}": use ${REVIEW_STATUSES.map((s) => `"${s}"`).join(', ')}`,
      );
    }
    let annotatorIds: Map<string, number> | undefined;
    if (typeof flags.annotatorIds === 'string' && flags.annotatorIds !== '') {
      if (format !== 'label-studio') return fail('--annotator-ids goes with --format label-studio');
      const text = await readFile(base(flags.annotatorIds), 'utf8').catch(() => null);
      const parsed = text === null ? null : parseAnnotatorIds(text);
      if (!parsed?.ok) {
        return fail(`${flags.annotatorIds}: ${parsed ? parsed.message : 'cannot read it'}`);
      }
      annotatorIds = parsed.ids;
    }
    // The export reads the store's index while its files are compared with it (see `heldSink`).
    // Every file compared: what an export hands to another tool must be the article's text now.
    const workspace = await openWorkspace(flags, io, output, {
      reads: true,
      behind: true,
      look: 'compare',
      // Said once the filters passed: a refused label is the one line (verify52).
      later: true,
    });
    const { corpus, repository } = workspace;
    // A label margin.json no longer lists still names the store's annotations made with it.
    const unlisted = await unlistedLabels(labels, LABEL_NAMES, workspace);
    if (unlisted.refusal) {
      await repository.close();
      return fail(unlisted.refusal);
    }
    if (workspace.missing) output.say(workspace.missing);
    for (const note of unlisted.notes) output.say(note);
    const filter: ExportFilter = {
      annotators: listFlag(flags.annotator),
      labels,
      // A file name as `ls` gives it names its article; a name of neither is kept for the
      // store's orphans (and named below when it has none).
      articles: listFlag(flags.article).map((named) => articleNamed(corpus, named, io) ?? named),
      statuses: statuses as ReviewStatus[],
    };
    const suggestions = flags.suggestions
      ? await suggestionSource(flags, io, output, workspace.project, labels)
      : undefined;
    const story =
      STORY_FORMATS.has(format) && flags.story === true
        ? await storyIds(corpus, workspace.project.store, output)
        : undefined;
    const storyOf = story?.storyOf;
    // From the index as it is when a pass starts: the second one's, if any, is the checked one.
    const optionsNow = (): ExportOptions => {
      const total = repository.annotationCount();
      return {
        labels: LABELS,
        ...(storyOf ? { storyOf } : {}),
        filter,
        bom: Boolean(flags.bom),
        raw: Boolean(flags.raw),
        annotators: repository.annotators(),
        ...(annotatorIds ? { annotatorIds } : {}),
        ...(suggestions ? { suggestions } : {}),
        total,
        onProgress: progressOnStderr(output, total),
      };
    };
    // Every annotation: from the text the store kept of each file at the last export (brat:
    // each file's .ann). Made for each pass: a format counts and hashes what it wrote (w3c's id).
    const whole =
      !suggestions && !storyOf && Object.values(filter).every((values) => values.length === 0);
    // Texts as the corpus index gives them, as JSON: for the formats that write whole texts.
    const quoted = corpus.quotedText && ((id: string) => corpus.quotedText!(id));
    // Else read from the store one article at a time, as the export writes it; with
    // suggestions, every article of the corpus is a task.
    const plain = corpus.plainText && ((id: string) => corpus.plainText!(id));
    const write = (sink: ExportSink): Promise<ExportSummary> => {
      const options = optionsNow();
      const summary = emptySummary();
      if (whole && format === 'brat') {
        const files = keptBrat(LABELS, summary, plain);
        return runKeptFiles(
          files,
          (only) => repository.rendered(files.kind, only),
          sink,
          options,
          summary,
          () => repository.madeOf(files.kind),
          () => repository.madeOfDigest(files.kind),
        );
      }
      const kept = whole ? createKeptFormat(format, options, summary, quoted) : null;
      return kept
        ? runKept(
            kept,
            repository.rendered(
              kept.kind,
              undefined,
              kept.readsText === true,
              kept.idOnly !== true,
            ),
            sink,
            options,
            summary,
          )
        : runExport(
            format,
            suggestions
              ? everyArticleEntries(workspace.corpus.articles(), repository)
              : storeEntries(repository.annotated()),
            sink,
            options,
          );
    };
    // Written once the check is over; exported again, from the index it brought up to date,
    // when it changed what the first pass read (before anything went out).
    const written = async (sink: ExportSink): Promise<ExportSummary> => {
      const held = heldSink(sink, workspace.checked);
      try {
        const summary = await write(held);
        await held.release();
        return summary;
      } catch (error) {
        if (error instanceof ReadAgain) return write(sink);
        throw error;
      }
    };
    let summary: ExportSummary;
    let folder: FolderSink | null = null;
    // A csv export is read as it goes out, for what a spreadsheet would do to it unsaid.
    const spreadsheet = format === 'csv' ? new SpreadsheetCheck() : null;
    const checked = (sink: ExportSink): ExportSink => {
      if (!spreadsheet) return sink;
      const write = sink.write.bind(sink);
      // The sink's other members (`closed`, `ready`) as they are.
      return Object.assign(Object.create(sink) as ExportSink, {
        write: (text: string | Uint8Array, shown?: boolean) => {
          spreadsheet.see(text);
          return write(text, shown);
        },
      });
    };
    try {
      if (format === 'brat') {
        folder = await folderSink(base(out!), workspace.cacheDir);
        try {
          summary = await written(folder);
          // Every file queued is written (or the first failure thrown) and the threads end.
          await folder.finish();
          summary.leftAsTheyWere = folder.left();
        } catch (error) {
          // A new folder is not left half written under the name asked for.
          await folder.abort();
          throw error;
        }
      } else if (target?.kind === 'file' || target?.kind === 'stream') {
        const file = await openOut(target);
        try {
          summary = await written(checked(file.sink));
          await file.commit();
        } catch (error) {
          await file.abort();
          throw error;
        }
      } else summary = await written(checked(stdoutSink(output)));
    } catch (error) {
      story?.close();
      // The store's check failing is no failure to write: it ends the command as an open would.
      const checkFailed = await workspace.checked.then(
        () => false,
        () => true,
      );
      await repository.close();
      if (checkFailed) throw error;
      const file = (error as { exportPath?: string }).exportPath;
      const named = out ?? 'standard output';
      cannotWrite(output, file === undefined ? named : join(named, file), error);
      return output.status();
    }
    story?.close();
    // A label the codebook no longer lists, named once the export is written: it runs beside
    // the store's check, which the notes wait for (a label filter's own notes said it already).
    if (labels.length === 0)
      for (const note of await strayLabelNotes(LABELS, workspace)) output.say(note);
    // Named once the store is checked: a name mistyped in a filter must not pass for an empty
    // selection. An article gone from the corpus still has its annotations (orphans) to export.
    const unknown = (filter.articles ?? []).filter(
      (id) => corpus.ordOf(id) === undefined && repository.list({ article: id }).length === 0,
    );
    for (const id of unknown) {
      output.problem(noArticle(corpus, id, 'the corpus or the store'));
    }
    const annotators = new Set(repository.annotators());
    const strangers = (filter.annotators ?? []).filter((name) => !annotators.has(name));
    for (const name of strangers)
      output.problem(`no annotator ${JSON.stringify(name)} in the store`);
    await repository.close();
    for (const notice of exportNotices(format, summary, out)) output.say(notice);
    for (const notice of spreadsheet?.notices() ?? []) output.warn(notice);
    if (suggestions && format === 'prodigy') {
      // `prodigy db-in` gives a task with no answer `--answer`'s default, accept (qa51 #9).
      output.say(
        "wrote the suggestion tasks alone, with no answer: give them to a recipe as its source (prodigy spans.manual DATASET FILE --label …), never to prodigy db-in, which would accept every one; the team's annotations are the export without --suggestions",
      );
    }
    // A folder new or empty before the export holds no file it did not write.
    const stale = await folder?.stale();
    if (stale) {
      if (stale.first !== null) {
        // Never deleted (they may be someone's work in brat), but brat would show them too.
        output.say(
          `${oneName(out!)} also holds ${stale.count} .ann file(s) this export did not write (an earlier export?), e.g. ${oneName(relative(base(out!), stale.first))}: brat will show them too; export into an empty folder to avoid that`,
        );
      }
    }
    // A name mistyped in a filter must not pass for an empty selection: it was a problem.
    return output.status();
  },
};

/** The formats that carry each annotation's story group. */
const STORY_FORMATS = new Set<string>(['jsonl', 'csv', 'w3c']);

/**
 * Each sentence's story group id, with every annotator's links; refused link files named. From
 * the groups kept beside the corpus index when they hold, read for the articles exported only
 * (qa53: reading every group's members took 4.2 s of CPU at 10,000 articles for two
 * annotations); else formed, every member's id at once. `close` lets go of the kept groups.
 */
async function storyIds(
  corpus: Pick<
    CorpusIndex,
    | 'articles'
    | 'article'
    | 'ordOf'
    | 'file'
    | 'generation'
    | 'hashOf'
    | 'size'
    | 'writtenSince'
    | 'lastNumber'
    | 'ids'
    | 'words'
    | 'sentenceIds'
  >,
  store: { root: string; shown: string },
  output: Output,
): Promise<{ storyOf: StoryOf; close: () => void }> {
  const lookup = (id: string) => corpus.article(id);
  const saved = savedGroupsOf(corpus);
  // Each exported article's sentence ids, not its text again (the export reads that itself).
  const sentenceIds = corpus.sentenceIds
    ? (id: string) => corpus.sentenceIds!.call(corpus, id)
    : undefined;
  const kept = await keptStoryIds(saved, lookup, store.root, store.shown, sentenceIds);
  if (kept) {
    for (const problem of kept.problems) output.problem(problem);
    return { storyOf: kept.storyOf, close: kept.close };
  }
  const { members, problems, close } = await orderedStoryClusters(
    corpus.articles(),
    lookup,
    store.root,
    { display: store.shown, ordOf: (id) => corpus.ordOf(id), saved },
  );
  for (const problem of problems) output.problem(problem);
  const ids = new Map<string, string>();
  try {
    for (const group of members()) {
      for (const member of group.members)
        ids.set(`${member.article}\u0000${member.sentence}`, group.id);
    }
  } finally {
    close();
  }
  return {
    storyOf: (article, sentence) => ids.get(`${article}\u0000${sentence}`) ?? null,
    close: () => {},
  };
}

/**
 * Writes one output file; when that fails, says which (as the user named `--out`) and why, in
 * words rather than a stack or our temp file's name, and returns false.
 */
async function writeOrSay(
  output: Output,
  target: FileTarget,
  out: string,
  content: string,
): Promise<boolean> {
  try {
    const file = await openOut(target);
    try {
      await file.sink.write(content);
      await file.commit();
    } catch (error) {
      await file.abort();
      throw error;
    }
    return true;
  } catch (error) {
    cannotWrite(output, out, error);
    return false;
  }
}

type FileTarget = Extract<OutTarget, { kind: 'file' | 'stream' }>;

/** A file written whole or not at all (atomically), or a pipe or device written as it goes. */
function openOut(target: FileTarget) {
  return target.kind === 'file'
    ? fileSink(target.path, target)
    : streamSink(target.path, target.append);
}

/** The descriptor standard output writes to, when it has one. */
function stdoutDescriptor(io: CommandIO): number | undefined {
  const fd = io.descriptors?.stdout ?? (io.stdout as { fd?: unknown }).fd;
  return typeof fd === 'number' ? fd : undefined;
}

/** What a path that is not a folder is, for brat's refusal. */
function notAFolder(found: Stats): string {
  if (found.isFile()) return 'a file';
  if (found.isFIFO()) return 'a named pipe';
  if (found.isCharacterDevice() || found.isBlockDevice()) return 'a device';
  return 'not a folder';
}

function cannotWrite(output: Output, shown: string, error: unknown): void {
  // Standard output says so itself (output.ts): one line, not two.
  if (error instanceof StdoutFailed) output.problem(error.message);
  else output.problem(`cannot write ${oneName(shown)}: ${ioReason(error)}`);
}

function progressOnStderr(output: Output, total: number) {
  const columns = output.stderrColumns;
  if (columns === null || total < PROGRESS_FROM) return undefined;
  return (done: number, all: number) => {
    // Finished: wipe the bar so the shell prompt (or the summary) starts on a clean line.
    output.progress(
      done === all ? null : progressLine('exporting', all === 0 ? 1 : done / all, columns),
    );
  };
}

/**
 * The suggestions an export adds, from the model of the one annotator it is narrowed to (else
 * `$MARGIN_ANNOTATOR` or the login name), for the labels it is narrowed to.
 */
async function suggestionSource(
  flags: Record<string, unknown>,
  io: CommandIO,
  output: Output,
  project: ProjectContext,
  labels: string[],
): Promise<SuggestionSource> {
  const annotators = listFlag(flags.annotator);
  const suggester = await openSuggester(
    { ...flags, annotator: annotators.length === 1 ? annotators[0] : undefined },
    { ...io, env: annotatorEnv(project, io.env) },
    output,
    project.store,
    project.labels,
  );
  return {
    version: suggester.version,
    of: (article) => {
      const sentences = new Map(article.sentences.map((sentence) => [sentence.id, sentence]));
      return suggester.suggest(article).flatMap((suggestion) => {
        const sentence = sentences.get(suggestion.sentence);
        if (!sentence) return [];
        return suggestion.labels
          .filter(
            (score) => score.suggested && (labels.length === 0 || labels.includes(score.label)),
          )
          .map((score) => ({
            sentence: sentence.id,
            label: score.label,
            score: score.score,
            start: sentence.start,
            end: sentence.end,
            attributes: score.attributes,
          }));
      });
    },
  };
}
