import { defaultCacheDir } from '../corpus/cache.js';
import type { DiskCorpusIndex } from '../corpus/db/disk-index.js';
import { indexFile, openCorpusIndex } from '../corpus/db/open.js';
import { afterOthers } from '../corpus/db/others.js';
import type { RefreshProgress, RefreshSummary } from '../corpus/db/refresh.js';
import type { ScanMode } from '../corpus/db/scan.js';
import { ioReason } from '../corpus/io-reason.js';
import type { FileProblem } from '../corpus/types.js';
import { groupedDigits } from '../text/grouped-digits.js';
import stringWidth from '../text/string-width.js';
import { namedMessage, oneName } from '../text/untrusted.js';
import { truncateStart } from '../text/width.js';
import type { CommandIO } from './command.js';
import { CannotRun, type Output } from './output.js';
import { markOwnFolders } from './own-folders.js';
import { fromCwd, shownUnder } from './paths.js';

export interface OpenedCorpus {
  index: DiskCorpusIndex;
  refreshed: RefreshSummary | null;
  /** A message with paths as the user typed them: under the --corpus they gave. */
  shown: (text: string) => string;
}

/**
 * A file's problem for one line, its name escaped as a name (`oneName`): runs of spaces kept, a
 * line break shown as `\n`, so the path can be copied back into `margin show` or `rm`.
 */
export function namedProblem(problem: FileProblem): string {
  return namedMessage(problem);
}

/**
 * The project's corpus index, brought up to its folder (`quick`, or `compare` for a command that
 * takes seconds anyway), its unreadable articles named: what every command reading a project's
 * corpus opens.
 */
export async function openProjectCorpus(
  project: { corpus: { shown: string; root: string }; store: { root: string } },
  io: CommandIO,
  output: Output,
  mode: ScanMode = 'quick',
): Promise<DiskCorpusIndex> {
  const { index, shown } = await openCorpus(
    project.corpus.shown,
    io,
    output,
    mode,
    project.corpus.root,
    project.store.root,
  );
  for (const problem of index.problems()) output.problem(shown(namedProblem(problem)));
  return index;
}

/** Progress lines at most this often: a terminal redraw costs more than a file. */
const PROGRESS_MS = 100;

/**
 * Opens the corpus index of `--corpus`, first bringing it up to the folder: a `quick` look
 * (folders whose time changed) for most commands, a `compare` one (every file's size and time)
 * for `margin index`, `export` and `story`. Reading shows a progress bar on a terminal's stderr. A missing corpus folder,
 * or one that is a file, is `CannotRun`. `store`, the store folder (absolute), is marked as no
 * articles first (`markOwnFolders`), as is the cache.
 */
export async function openCorpus(
  corpus: string,
  io: CommandIO,
  output: Output,
  mode: ScanMode = 'quick',
  root = fromCwd(io, corpus),
  store: string | null = null,
  // A quick look answers from the whole index; so does a full one that forms story groups,
  // which need every article (refused before, as if the cache folder could not be written).
  waitForOthers = mode !== 'full',
): Promise<OpenedCorpus> {
  const shown = shownUnder(root, corpus);
  let last = 0;
  // Not `performance.now()`, which loads perf_hooks (refresh.ts says why).
  const started = Date.now();
  const cacheDir = defaultCacheDir(io.env);
  markOwnFolders(cacheDir, store);
  try {
    const { index, refreshed } = await openCorpusIndex(root, {
      cacheDir,
      refresh: mode,
      // No terminal to draw on, no line to make.
      ...(output.stderrColumns === null
        ? {}
        : {
            onProgress: ({ done, total }: RefreshProgress) => {
              const now = Date.now();
              if (now - last < PROGRESS_MS && done < total) return;
              last = now;
              output.progress(
                progressLine(corpus, done, total, now - started, output.stderrColumns ?? 80),
              );
            },
          }),
    });
    output.progress(null);
    const done = waitForOthers ? await othersIndexed(index, refreshed, output, corpus) : refreshed;
    return { index, refreshed: done, shown };
  } catch (error) {
    output.progress(null);
    // SQLite's own words ("database or disk is full") named neither the file nor whose it is.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('SQLITE_')) {
      throw new CannotRun(
        `the corpus index ${oneName(indexFile(cacheDir, root))}: ${ioReason(error, 'file')}`,
      );
    }
    throw new CannotRun(shown(error instanceof Error ? error.message : String(error)));
  }
}

/**
 * Another margin is indexing this corpus (a first run, a `margin index`): its index is half
 * written, and a command answering from it would answer wrongly (two exports started at once on
 * a new corpus: one took an annotation for an orphan). So a command waits for it, and says so;
 * `margin index` itself says it found one at work (see index-command.ts).
 */
async function othersIndexed(
  index: DiskCorpusIndex,
  refreshed: RefreshSummary | null,
  output: Output,
  corpus: string,
): Promise<RefreshSummary | null> {
  if (refreshed === null) return null;
  return afterOthers(index, refreshed, {
    waiting: () => output.say(`another margin is indexing ${corpus}: waiting for it`),
  });
}

const BAR = 24;
const MIN_BAR = 6;
/** Columns of the folder's name kept before the bar is shortened. */
const FOLDER_AT_LEAST = 12;

/**
 * `indexing FOLDER [###---] 1,577 of 10,000 files · 22 s left` in `columns`: a long folder
 * gives up its start ("…/2025/corpus"), where the counts are what the line is for.
 */
export function progressLine(
  corpus: string,
  done: number,
  total: number,
  ms: number,
  columns: number,
): string {
  const rate = ms > 500 ? done / (ms / 1000) : 0;
  const left = rate > 0 ? ` · ${Math.ceil((total - done) / rate)} s left` : '';
  const counts = `${groupedDigits(done)} of ${groupedDigits(total)} files${left}`;
  // The bar gives way before the folder's last dozen columns do.
  const free = columns - 1 - 'indexing '.length - ' [] '.length - counts.length - FOLDER_AT_LEAST;
  const bar = Math.max(MIN_BAR, Math.min(BAR, free));
  const filled = Math.round((bar * done) / Math.max(1, total));
  const rest = ` [${'#'.repeat(filled)}${'-'.repeat(bar - filled)}] ${counts}`;
  const room = columns - 1 - 'indexing '.length - stringWidth(rest);
  return `indexing ${truncateStart(corpus, room)}${rest}`;
}
