import type { ArticleMadeOf, RenderedArticle } from '../store/types.js';
import { visible } from '../text/untrusted.js';
import type { KeptFile, KeptFiles } from './brat-kept.js';
import { createWriter, type Format } from './formats.js';
import {
  type ArticleEntry,
  type ArticleStream,
  compileFilter,
  type ExportFilter,
  groupByAnnotator,
  missingArticle,
  type SelectedArticle,
  selectArticle,
} from './model.js';
import {
  type ExportFile,
  type ExportSummary,
  emptySummary,
  type KeptFormat,
  type WriterOptions,
} from './writer.js';

/**
 * Where an export goes; the command provides it (stdout, a file, a folder). Each write is awaited,
 * so a slow reader slows the export down instead of letting output pile up in memory.
 */
export interface ExportSink {
  /**
   * `shown`: the text went through `visible` already (a sink that escapes need not again).
   * Bytes (UTF-8) are always shown already: they are written as they are. The caller may write
   * other bytes into them once the returned promise resolves: a sink that keeps them copies them.
   */
  write(text: string | Uint8Array, shown?: boolean): Promise<void>;
  /**
   * A file of a format that writes a folder (brat), relative to it, `/`-separated; `tag`: what
   * it was made from (`KeptFile`), for `held` to find next time, with `note`, what the format
   * keeps beside it (no spaces or line breaks).
   */
  writeFile(
    relativePath: string,
    content: string | Uint8Array,
    tag?: string,
    note?: string,
  ): Promise<void>;
  /**
   * Resolves once `held` may be asked: whether it may find any file held. A sink without it
   * writes every file.
   */
  ready?(): Promise<boolean>;
  /**
   * When the last export into the folder wrote this file from what `tag` says it is made of now
   * (and, as far as is known yet, the disk bears out that it is as written then): the note it
   * kept beside it ('' for none). The file then need not be made: `leave` it. Null: it is to be
   * written.
   */
  held?(relativePath: string, tag: string): string | null;
  /** Leaves a file `held` found as it is: written by this export as far as anyone can tell. */
  leave?(relativePath: string): void;
  /**
   * Waits until every file left is checked on disk; the paths of those the disk did not bear
   * out (edited, replaced or removed by hand), no longer left: to be written.
   */
  settle?(): Promise<string[]>;
  /** What the last export into the folder said of itself (`say`), if anything. */
  lastSaid?(): string | null;
  /**
   * Leaves every file the last export made from what it recorded (a `tag`), as `leave` does one
   * by one: once it is known that this export makes each of them from the same.
   */
  holdAll?(): void;
  /** What this export says of itself, for the next export into the folder (`lastSaid`). */
  say?(text: string): void;
  /** True once the reader went away (`| head`): the export stops early, quietly. */
  readonly closed?: boolean;
}

export interface ExportOptions extends WriterOptions {
  filter?: ExportFilter;
  /** How many annotations the stream holds, when the source knows: for the progress bar. */
  total?: number;
  /** Called now and then with the number of annotations read. */
  onProgress?: (done: number, total: number) => void;
}

/** Text is handed to the sink in pieces of about this size: few writes, little held. */
const FLUSH_AT = 1 << 20;
/**
 * While a piece is being written, the export lets the write go on (`nextTurn`) after each
 * article once it has made about this much since the last turn: a pipe's buffer or less, so the
 * reader finds the pipe full, for about 8,000 turns in 500 MB.
 */
const TURN_EVERY = 64 * 1024;
/** Progress is reported every this many annotations (and at the end). */
const PROGRESS_EVERY = 5000;

/**
 * Streams `source` through the format's writer into `sink`, article by article: what is held at
 * any time is one article's annotations and at most one piece of output, whatever the size of
 * the store, and the first lines are out before the last article is read.
 */
export async function runExport(
  format: Format,
  source: ArticleStream,
  sink: ExportSink,
  options: ExportOptions,
): Promise<ExportSummary> {
  const summary = emptySummary();
  const writer = createWriter(format, options, summary);
  const filter = compileFilter(options.filter);
  const files: ExportFile[] = [];
  const writeFiles = async () => {
    for (const file of files) await sink.writeFile(file.path, file.content);
    files.length = 0;
  };
  let pending = writer.start();
  let read = 0;
  const progress = progressEvery(options);
  for await (const entry of source) {
    read += entry.annotations.length;
    const selected =
      selectArticle(entry, filter) ??
      (options.suggestions ? unannotated(entry, filter.articles) : null);
    if (selected) {
      summary.articles++;
      summary.annotations += selected.entries.length;
      pending += writer.article(selected, files);
      await writeFiles();
      if (pending.length >= FLUSH_AT) {
        await sink.write(pending);
        pending = '';
        if (sink.closed) return summary;
      }
    }
    progress(read);
  }
  pending += writer.end(files);
  await writeFiles();
  if (pending !== '') await sink.write(pending);
  options.onProgress?.(read, read);
  return summary;
}

/**
 * The export of every annotation (no filter, no story) in a format that keeps its text per file
 * (all but brat) from the store's kept renderings of `format.kind`: an article whose files'
 * text is kept is written from it, with no document read or placed; any other is rendered and
 * its text kept for the next export.
 */
export async function runKept(
  format: KeptFormat,
  source: Iterable<RenderedArticle>,
  sink: ExportSink,
  options: Pick<ExportOptions, 'total' | 'onProgress'>,
  /** The summary the format counts its skipped orphans in, when it does. */
  summary: ExportSummary = emptySummary(),
): Promise<ExportSummary> {
  const all = compileFilter();
  // UTF-8 throughout: kept text comes as bytes and goes out as it is.
  const pending: Uint8Array[] = [];
  let size = 0;
  // Bytes made since the loop last let a write in flight go on (`TURN_EVERY`).
  let sinceTurn = 0;
  const add = (bytes: Uint8Array | readonly Uint8Array[]) => {
    const before = size;
    if (bytes instanceof Uint8Array) {
      pending.push(bytes);
      size += bytes.length;
    } else {
      for (const part of bytes) {
        pending.push(part);
        size += part.length;
      }
    }
    sinceTurn += size - before;
  };
  const out = oneWriteAhead(sink);
  const pieces = twoPieces();
  const flush = async () => {
    const bytes = pieces.next(size);
    let at = 0;
    for (const part of pending) {
      bytes.set(part, at);
      at += part.length;
    }
    pending.length = 0;
    size = 0;
    sinceTurn = 0;
    await out.write(bytes);
  };
  const start = format.start();
  if (start !== '') add(Buffer.from(visible(start)));
  const progress = progressEvery(options);
  for (const each of source) {
    if (each.kept) {
      const article = each.article ?? missingArticle(each.id);
      const { bytes, lines } = format.fromKept(article, each.kept, each.quoted);
      add(bytes);
      summary.annotations += lines;
    } else if (each.annotated) {
      const selected = placedAgain(each, all);
      if (!selected) continue;
      const text = format.article(selected, each.quoted);
      add(
        typeof text === 'string'
          ? Buffer.from(text)
          : Buffer.from(text.buffer, text.byteOffset, text.byteLength),
      );
      summary.annotations += selected.entries.length;
      for (const { annotator, entries } of groupByAnnotator(selected.entries)) {
        each.keep(annotator, format.keep(entries, selected.status(annotator)));
      }
    }
    summary.articles++;
    if (size >= FLUSH_AT) {
      await flush();
      if (sink.closed) {
        await out.written();
        return summary;
      }
    } else if (sinceTurn >= TURN_EVERY && out.busy) {
      sinceTurn = 0;
      await nextTurn();
    }
    progress(summary.annotations);
  }
  const end = format.end();
  if (end !== '') add(Buffer.from(visible(end)));
  // Every line was made visible: the article's fields here, the rest as it was kept.
  if (size > 0) await flush();
  await out.written();
  options.onProgress?.(summary.annotations, summary.annotations);
  return summary;
}

/**
 * The buffers `runKept` makes its pieces in, in turn: the sink is done with one once its write
 * resolved, which `oneWriteAhead` awaits before the write after it, so the third piece goes into
 * the first one's buffer. A new buffer for every megabyte cost more than the rest of a Prodigy
 * export's copying (the kernel's zeroed pages and the collector's work on 821 MB of them).
 */
function twoPieces(): { next(size: number): Buffer } {
  const buffers = [Buffer.alloc(0), Buffer.alloc(0)];
  let turn = 0;
  return {
    next(size) {
      turn ^= 1;
      // Room for a piece and a long article more; a longer one (rare) makes a longer buffer.
      if (buffers[turn]!.length < size) {
        buffers[turn] = Buffer.allocUnsafe(Math.max(size, 2 * FLUSH_AT));
      }
      return buffers[turn]!.subarray(0, size);
    },
  };
}

/**
 * Writes bytes already made visible to `sink` while the next piece is made: `write` waits for
 * the write before (so at most two pieces are held) and starts this one. Awaiting each write
 * whole left the export idle while a pipe's reader took the piece, 64 KB at a time (a sixth of
 * a Label Studio export's time at 100,000 articles). `written`: once the last one is out.
 */
function oneWriteAhead(sink: ExportSink): {
  write(bytes: Uint8Array): Promise<void>;
  written(): Promise<void>;
  /** Whether the last write is still going on. */
  readonly busy: boolean;
} {
  let last: Promise<void> = Promise.resolve();
  let busy = false;
  return {
    async write(bytes) {
      await last;
      busy = true;
      last = sink.write(bytes, true);
      const over = () => {
        busy = false;
      };
      // Its failure is thrown by the next `write` or by `written`, not left unhandled meanwhile.
      last.then(over, over);
    },
    written: () => last,
    get busy() {
      return busy;
    },
  };
}

/**
 * A turn of the event loop, for a write in flight to go on. A pipe's stream takes what its
 * buffer holds (64-200 KB) at once and the rest only from the event loop; the loop that makes
 * the next piece never gave it a turn, so the reader emptied the pipe and waited while the piece
 * was made, and the export then waited for the reader.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * brat's export of every annotation (no filter) from the store's kept renderings, as `runKept`
 * writes the formats of one text: an article whose files are kept is written from them, any
 * other is rendered and kept for the next export. Its files go to the sink as they come.
 *
 * Into the folder of an earlier export (`madeOf` given, a sink that finds files `held`), an
 * article whose every file the last export made from what it would be made from now, and left
 * as it was, is neither read nor rendered: what its files hold of the summary and of
 * `annotation.conf` comes from the notes kept beside them. The rest are read (`source(only)`)
 * and written as above. Reading each file's kept rendering only to find it the same took about
 * a second of a re-export at 100,000 articles, looking each up in the manifest another.
 */
export async function runKeptFiles(
  format: KeptFiles,
  source: (only?: ReadonlySet<string>) => Iterable<RenderedArticle>,
  sink: ExportSink,
  options: Pick<ExportOptions, 'total' | 'onProgress'>,
  summary: ExportSummary = emptySummary(),
  madeOf?: () => Iterable<ArticleMadeOf>,
  madeOfDigest?: () => string | null,
): Promise<ExportSummary> {
  const all = compileFilter();
  const files: KeptFile[] = [];
  const { held, leave, settle } = sink;
  const holding =
    madeOf !== undefined &&
    held !== undefined &&
    leave !== undefined &&
    settle !== undefined &&
    sink.ready !== undefined &&
    (await sink.ready());
  const heldFiles = holding
    ? { held: held!.bind(sink), leave: leave!.bind(sink) }
    : { held: () => null, leave: () => {} };
  const progress = progressEvery(options);
  // What every file is made from now, as one digest (after `ready`: the store is checked), and
  // whether every article's files were made from what they were made of (each with its tag):
  // then the next export that finds the same digest makes the same files.
  const digest = sink.say ? (madeOfDigest?.() ?? null) : null;
  let madeAsTagged = digest !== null;
  // After the checks, the paths of the files to write again alone.
  let only: Set<string> | null = null;
  const writeFiles = async () => {
    for (const file of files) {
      if (only ? !only.has(file.path) : file.tag && heldFiles.held(file.path, file.tag) !== null) {
        if (!only) heldFiles.leave(file.path);
        continue;
      }
      if (!file.tag) madeAsTagged = false;
      const content = typeof file.content === 'function' ? file.content() : file.content;
      await sink.writeFile(file.path, content, file.tag, file.note);
    }
    files.length = 0;
  };
  const pass = async (articles: Iterable<RenderedArticle>) => {
    for (const each of articles) {
      if (each.kept) {
        const article = each.article ?? missingArticle(each.id);
        summary.annotations += format.fromKept(article, each.kept, files);
      } else if (each.annotated) {
        madeAsTagged = false;
        const selected = placedAgain(each, all);
        if (!selected) continue;
        format.article(selected, files);
        summary.annotations += selected.entries.length;
        for (const { annotator, entries } of groupByAnnotator(selected.entries)) {
          each.keep(annotator, format.keep(entries));
        }
      }
      summary.articles++;
      await writeFiles();
      progress(summary.annotations);
    }
  };
  // The articles whose files are not all held, to read; null: every article.
  let unheld: Set<string> | null = null;
  const same = holding ? sameAsLast(sink.lastSaid?.() ?? null, digest) : null;
  if (same && sink.holdAll) {
    // Every file as the last export made it, from the same: none is looked at one by one (1.4
    // s of the main thread's CPU at 211,000 files); the disk's check still applies (`settle`).
    sink.holdAll();
    summary.articles += same.articles;
    summary.annotations += same.annotations;
    summary.skippedOrphans += same.skippedOrphans;
    summary.articleFiles += same.articleFiles;
    format.declareAll(same.declared);
    progress(summary.annotations);
    unheld = new Set();
  } else if (holding) {
    unheld = new Set();
    for (const article of madeOf!()) {
      const annotations = format.fromHeld(article, heldFiles);
      if (annotations === null) unheld.add(article.id);
      else {
        summary.annotations += annotations;
        summary.articles++;
        progress(summary.annotations);
      }
    }
  }
  if (unheld === null || unheld.size > 0) await pass(source(unheld ?? undefined));
  if (holding) {
    // Files left whose check on disk failed (edited or removed by hand): made again from their
    // articles and written, alone, not counted again (what they hold was counted).
    const failed = await settle!();
    if (failed.length > 0) {
      only = new Set(failed);
      const owners = new Set<string>();
      for (const article of madeOf!()) {
        if (format.pathsOf(article).some((path) => only!.has(path))) owners.add(article.id);
      }
      const counted = { ...summary };
      await pass(source(owners));
      Object.assign(summary, counted);
      only = null;
    }
  }
  // What the files were made from, said before `end` (annotation.conf is made anew each time).
  if (digest !== null && madeAsTagged) {
    const said: Said = {
      digest,
      articles: summary.articles,
      annotations: summary.annotations,
      skippedOrphans: summary.skippedOrphans,
      articleFiles: summary.articleFiles,
      declared: format.declared(),
    };
    sink.say!(JSON.stringify(said));
  }
  format.end(files);
  await writeFiles();
  options.onProgress?.(summary.annotations, summary.annotations);
  return summary;
}

/**
 * What an export of every file made from what it was made of says of itself in the folder's
 * manifest: the digest of what its files were made from (`Repository.madeOfDigest`), its
 * summary and what its `.ann` files declare for `annotation.conf`.
 */
interface Said {
  digest: string;
  articles: number;
  annotations: number;
  skippedOrphans: number;
  articleFiles: number;
  declared: string[];
}

/** What the last export said, when it made its files from what `digest` says they are made of now. */
function sameAsLast(text: string | null, digest: string | null): Said | null {
  if (text === null || digest === null) return null;
  let said: Partial<Said>;
  try {
    said = JSON.parse(text) as Partial<Said>;
  } catch {
    return null;
  }
  const counts = [said.articles, said.annotations, said.skippedOrphans, said.articleFiles];
  if (
    said.digest !== digest ||
    !counts.every((count) => Number.isSafeInteger(count) && count! >= 0) ||
    !Array.isArray(said.declared) ||
    !said.declared.every((own) => typeof own === 'string')
  ) {
    return null;
  }
  return said as Said;
}

/** An article whose kept rendering could not serve: its annotations as placed now, selected. */
function placedAgain(
  each: RenderedArticle,
  all: ReturnType<typeof compileFilter>,
): SelectedArticle | null {
  const { annotated } = each;
  if (!annotated) return null;
  const article = annotated.article ?? missingArticle(each.id);
  return selectArticle(
    { article, annotations: annotated.annotations, status: annotated.status },
    all,
  );
}

/** Reports `done` to `onProgress` once it has grown by `PROGRESS_EVERY` since the last report. */
function progressEvery(options: Pick<ExportOptions, 'total' | 'onProgress'>) {
  let reported = 0;
  return (done: number) => {
    if (!options.onProgress || done - reported < PROGRESS_EVERY) return;
    reported = done;
    options.onProgress(done, Math.max(done, options.total ?? 0));
  };
}

/** The whole export in memory: tests and small exports. */
export async function exportToMemory(
  format: Format,
  source: ArticleStream,
  options: ExportOptions,
): Promise<{ text: string; files: Map<string, string>; summary: ExportSummary }> {
  let text = '';
  const files = new Map<string, string>();
  const summary = await runExport(
    format,
    source,
    {
      write: async (part) => {
        text += typeof part === 'string' ? part : Buffer.from(part).toString('utf8');
      },
      writeFile: async (path, content) => {
        files.set(path, typeof content === 'string' ? content : Buffer.from(content).toString());
      },
    },
    options,
  );
  return { text, files, summary };
}

/**
 * With suggestions, an article nobody annotated is still a task: what margin suggests for it is
 * the point of exporting them. An article gone from the corpus has no text to suggest on.
 */
function unannotated(entry: ArticleEntry, articles: Set<string> | null): SelectedArticle | null {
  if (entry.article.sentences.length === 0) return null;
  if (articles && !articles.has(entry.article.id)) return null;
  return { article: entry.article, entries: [], status: (annotator) => entry.status(annotator) };
}
