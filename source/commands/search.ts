import { readdirSync } from 'node:fs';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { statOrNull } from '../corpus/db/stat-or-null.js';
import type { WordIndex } from '../corpus/word-index.js';
import {
  notFilterNote,
  parseQuery,
  placedFacts,
  type SearchHit,
  SearchStopped,
  searchEngine,
  storeCannotFilter,
  storeFacts,
  sureHits,
} from '../search/index.js';
import { unknownLabel } from '../search/unknown-label.js';
import { codePoints } from '../text/code-points.js';
import { oneLine, oneName, safeJson } from '../text/untrusted.js';
import { type Command, corpusFlags, storeFlags } from './command.js';
import { openProjectCorpus } from './corpus.js';
import { CannotRun, type Output } from './output.js';
import { annotatorEnv, loadProject } from './project.js';
import { slowNotice } from './search-slow.js';
import { unlistedLabels } from './unlisted-labels.js';

export const DEFAULT_CLI_LIMIT = 20;

const score = (hit: SearchHit) => Math.round(hit.score * 1000) / 1000;

/** A hit's sentence, as the answer holds it once. */
const keyOf = (hit: SearchHit) => `${hit.article}\0${hit.sentence}`;

/** The hits not among those already printed, in order. */
function unshown(hits: readonly SearchHit[], printed: readonly SearchHit[]): SearchHit[] {
  const shown = new Set(printed.map(keyOf));
  return hits.filter((hit) => !shown.has(keyOf(hit)));
}

/** Hits as lines, each ended. */
const lines = (hits: readonly SearchHit[]) => `${hits.map(line).join('\n')}\n`;

/** One hit per line, tab-separated; a sentence never holds a tab or line break that could split it. */
function line(hit: SearchHit): string {
  return [
    oneName(hit.article),
    oneName(hit.sentence),
    score(hit).toFixed(3),
    oneLine(hit.text),
  ].join('\t');
}

function json(hits: SearchHit[]): string {
  const rows = hits.map((hit) => {
    // Code points, as `show --json` and every export count: a Python or jq reader slices by them.
    const points = codePoints(hit.text);
    return {
      article: hit.article,
      sentence: hit.sentence,
      score: score(hit),
      text: hit.text,
      labels: hit.labels,
      matches: hit.matches.map(([start, end]) => [
        points.toCodePoint(start),
        points.toCodePoint(end),
      ]),
    };
  });
  return `${safeJson(rows, 2)}\n`;
}

/**
 * True when there is no store or nothing in it; refuses a store path that is a file. Looked at
 * synchronously, as the project file and the corpus are: a search waits for it anyway.
 */
function storeIsEmpty(root: string, shown: string): boolean {
  const found = statOrNull(root);
  if (!found) return true;
  if (!found.isDirectory())
    throw new CannotRun(`${shown} is not a folder, so not an annotation store`);
  let entries: string[] = [];
  try {
    entries = readdirSync(root);
  } catch {}
  return entries.every((name) => name.startsWith('.'));
}

/** The one line a search that found nothing says. */
function nothingFound(query: string): string {
  return `no sentence, title or note matches ${JSON.stringify(query)}`;
}

/** How long counting every match may take once the hits are printed (`sayHowManyMore`). */
const COUNT_MS = 500;

/**
 * The hits filled the limit: tells a person at the terminal how many sentences match in all
 * (qa52: `--limit 20` printed 20 lines where 635 matched, and nothing said so). The search's own
 * total when it ranked every match (`counted`); else counted only when stderr is a terminal, so
 * a script's search (and the bench's) costs nothing more, and at most for COUNT_MS: beyond it,
 * only that more match.
 */
function sayHowManyMore(
  output: Output,
  counted: number | undefined,
  count: (giveUp: () => boolean) => number,
  shown: number,
  limit: number,
): void {
  if (shown < limit || output.stderrColumns === null) return;
  let total: number | null = counted ?? null;
  if (counted === undefined) {
    const deadline = performance.now() + COUNT_MS;
    try {
      total = count(() => performance.now() > deadline);
    } catch (error) {
      if (!(error instanceof SearchStopped)) throw error;
    }
  }
  if (total !== null && total <= shown) return;
  output.say(
    total === null
      ? `the first ${shown} shown; more match (a higher --limit shows them)`
      : `${shown} of ${total.toLocaleString('en-US')} matching sentences shown: --limit ${total} shows them all`,
  );
}

/** Rounds of searching again after hits came from files changed in place, before saying so. */
const ROUNDS = 3;

/**
 * Searches, then makes sure no hit comes from text that changed: commands look only at folder
 * times (a file added, removed or renamed changes them; 100,000 stats would cost more than the
 * whole search), so a file edited in place is caught here instead. The hits' files are compared
 * with the index (a stat each), any changed one is read again and the search runs again on the
 * new text. What this leaves is a file edited in place to hold the query while no hit came from
 * it: `margin index` and the review compare every file.
 */
async function confirmedSearch(
  corpus: CorpusIndex,
  search: () => SearchHit[],
  output: Output,
  changed: () => Promise<void> = async () => undefined,
): Promise<SearchHit[]> {
  for (let round = 1; ; round++) {
    const hits = search();
    if (!corpus.confirm || (await corpus.confirm(hits.map((hit) => hit.article)))) return hits;
    if (round === ROUNDS) {
      output.warn(
        'articles changed on disk while searching: some hits may come from their old text. Search again, or run margin index.',
      );
      return hits;
    }
    await changed();
  }
}

/**
 * The hits with their labels from the store, whose index is brought up to the files of the
 * hits' articles alone (each annotator's; a file changed behind the index is read again): a
 * hit's labels are those of its own article's files. Closes the corpus index.
 */
async function labelled(
  hits: readonly SearchHit[],
  corpus: CorpusIndex,
  flags: Record<string, unknown>,
  io: Parameters<Command['run']>[2],
  output: Output,
  annotator: string | undefined,
): Promise<SearchHit[]> {
  const { openWorkspace } = await import('./workspace.js');
  const workspace = await openWorkspace(flags, io, output, {
    annotator,
    corpus,
    only: [...new Set(hits.map((hit) => hit.article))],
  }).catch((error: unknown) => {
    corpus.close();
    throw error;
  });
  const facts = storeFacts(workspace.repository);
  try {
    return hits.map((hit) => ({ ...hit, labels: [...facts.labels!(hit.article, hit.sentence)] }));
  } finally {
    corpus.close();
    await workspace.repository.close();
  }
}

export const command: Command = {
  name: 'search',
  summary: 'Fuzzy search of sentences, titles and notes, best first, like the review UI’s /',
  usage: `search QUERY... [options]

The words of QUERY must all match, in any order, each allowing a letter or two of difference.
  "exact phrase"          these words in this order (quote it for the shell: '"a phrase"')
  -word, -"a phrase"      leave out sentences containing it
  label:quote|claim|event|none   annotator:NAME   source:NAME
  status:done|in-progress|unreviewed   (as the --annotator sees it)

Prints one line per hit: article, sentence id, score (0–1, higher is better), sentence,
separated by tabs. Exits 0 when something was found (even when some corpus or store files
could not be read: they are named on stderr), 1 when nothing was found (said on stderr), 2 when
it could not search at all: a bad query, a missing corpus folder, a corpus or store path that is
a file. A - before a number is its sign: '-3.5%' finds -3.5% and −3,5 % first, then 3.5%.

Options
  --json           Print a JSON array of {article, sentence, score, text, labels, matches}; each
                   match is [start, end) in code points of text, as the exports count
  --limit, -n N    At most N hits (default ${DEFAULT_CLI_LIMIT})
  --corpus, -c     The corpus folder (default: seeds)
  --store, -s      The annotation store folder (default: annotations)
  --annotator      Whose review status status: filters on (default: $MARGIN_ANNOTATOR, or you)

Examples
  $ margin search Witkov
  $ margin search '"cautiously optimistic"' --json
  $ margin search --limit 5 'Zelensky label:quote -Putin'
  $ margin search -- Witkoff -Putin`,
  freeText: true,
  flags: {
    ...corpusFlags,
    ...storeFlags,
    json: { type: 'boolean', default: false },
    // Read as text, so a bad value is quoted as typed rather than as NaN.
    limit: { type: 'string', default: String(DEFAULT_CLI_LIMIT), shortFlag: 'n' },
  },
  async run(input, flags, io, output) {
    const query = input.join(' ').trim();
    if (!query) throw new CannotRun('no query given. Run `margin search --help` for the syntax.');
    const limit = /^\s*\d+\s*$/.test(String(flags.limit)) ? Number(flags.limit) : Number.NaN;
    if (!Number.isInteger(limit) || limit < 1) {
      throw new CannotRun(
        `--limit must be a whole number of at least 1, not ${String(flags.limit)}`,
      );
    }
    const project = await loadProject(flags, io);
    const labels = project.labels.map((label) => label.name);
    const parsed = parseQuery(query, labels);
    if (parsed.problems.length > 0) throw new CannotRun(parsed.problems.join('; '));
    // Words are letters and digits: `...` or `"` alone would silently find nothing.
    const texts = [...parsed.words, ...parsed.phrases, ...parsed.excluded];
    if (parsed.filters.length === 0 && !texts.some((text) => /[\p{L}\p{N}]/u.test(text))) {
      throw new CannotRun(
        `nothing to search for in ${JSON.stringify(query)}: a query needs a word, a "phrase" or a filter`,
      );
    }
    const { store } = project;
    // Said at the terminal once a search has read for a while (a phrase of common words).
    const slow = slowNotice(output, parsed.phrases);
    // How many match in all, as the last search said when it ranked every match (`onTotal`):
    // not counted again once the hits are printed.
    let counted: number | undefined;
    const options = (words: WordIndex) => {
      counted = undefined;
      return {
        limit,
        labels,
        giveUp: slow(words),
        onTotal: (total: number) => {
          counted = total;
        },
      };
    };
    let hits: SearchHit[];
    // Hits already printed, the first of the answer, before the store's check was over.
    let printed: SearchHit[] = [];
    // Whether hits were printed from the store's index before every store file was compared.
    let printedAsIs = false;
    // Whether the check of every file then found one changed, which the answer may reorder.
    let changedBehind = false;
    if (storeIsEmpty(store.root, store.shown)) {
      if (parsed.unlisted.length > 0) {
        throw new CannotRun(unknownLabel(`label:${parsed.unlisted[0]}`, [...labels, 'none']));
      }
      // No annotations to read: the store's code (and its validation) need not even load.
      const index = await openProjectCorpus(project, io, output);
      try {
        // A new engine each round: what it keeps of the word index was read before the change.
        hits = await confirmedSearch(
          index,
          () => searchEngine(index.words).search(query, placedFacts([]), options(index.words)),
          output,
        );
        if (!flags.json && hits.length > 0) {
          printed = hits;
          await output.out(lines(hits));
          sayHowManyMore(
            output,
            counted,
            (giveUp) => searchEngine(index.words).count(query, placedFacts([]), { labels, giveUp }),
            hits.length,
            limit,
          );
        }
      } finally {
        index.close();
      }
    } else {
      const { resolveAnnotator } = await import('../store/index.js');
      const { openWorkspace } = await import('./workspace.js');
      let annotator: string | undefined;
      try {
        annotator = resolveAnnotator(
          flags.annotator as string | undefined,
          annotatorEnv(project, io.env),
        );
      } catch {
        // Nobody to ask about: status: then reads the store's default reader.
      }
      // A person meets the first lines. Those no store file can change (`sureHits`) are searched
      // from the corpus alone and printed before the store opens; the rest wait for every store
      // file to be compared with the store's index (a second at 200,000 files). The check's
      // threads are not started before: when those hits fill the limit, their boot cost 40-60 ms
      // of CPU and 60-90 ms of wall time (load 13) for nothing.
      let opened: CorpusIndex | undefined;
      if (storeCannotFilter(parsed) && parsed.unlisted.length === 0) {
        const index = await openProjectCorpus(project, io, output);
        opened = index;
        let early: SearchHit[];
        try {
          early = await confirmedSearch(
            index,
            () => searchEngine(index.words).search(query, placedFacts([]), options(index.words)),
            output,
          );
        } catch (error) {
          index.close();
          throw error;
        }
        const sure = sureHits(parsed, early);
        if (flags.json) {
          // Those hits fill the limit: the answer is theirs whatever the store holds, and of the
          // store it shows only their labels, which their articles' files alone decide. Those
          // files are compared with the index (a stat each), not the 211,258 of a team's store.
          if (sure.length === limit) {
            hits = await labelled(sure, index, flags, io, output, annotator);
            await output.out(json(hits));
            return 0;
          }
        } else {
          printed = sure;
          const wanted =
            printed.length === 0 || (await output.out(`${printed.map(line).join('\n')}\n`));
          // The reader has gone (`| head -1`), or the limit is reached by hits no store file can
          // change: the store would add nothing to the answer, and it is not opened. (Its refused
          // files are then not named: this answer read nothing of the store.)
          if (!wanted || printed.length === limit) {
            if (wanted) {
              sayHowManyMore(
                output,
                counted,
                (giveUp) =>
                  searchEngine(index.words).count(query, placedFacts([]), { labels, giveUp }),
                printed.length,
                limit,
              );
            }
            index.close();
            return 0;
          }
        }
      }
      // The store answers from its index at once while its files are compared with it on
      // other threads: the search overlaps that check instead of waiting for it.
      const workspace = await openWorkspace(flags, io, output, {
        annotator,
        behind: true,
        // `--json` is read whole, and waits for the check of every file anyway; so does a label
        // margin.json does not list (`unlistedLabels`), to tell it from a typo.
        asIs: !flags.json && parsed.unlisted.length === 0,
        corpus: opened,
      }).catch((error: unknown) => {
        opened?.close();
        throw error;
      });
      const { corpus, repository } = workspace;
      // A label margin.json no longer lists still names the store's annotations made with it.
      const unlisted = await unlistedLabels(
        parsed.unlisted,
        [...labels, 'none'],
        workspace,
        (name) => `label:${name}`,
      );
      if (unlisted.refusal) {
        corpus.close();
        await repository.close();
        throw new CannotRun(unlisted.refusal);
      }
      for (const note of unlisted.notes) output.say(note);
      // Each hit's files compared with the index, and the search run again while that found
      // one changed (an edit in place): true once the hits are all their files' own.
      const hitsConfirmed = async () => {
        for (let round = 1; round <= ROUNDS; round++) {
          const articles = [...new Set(hits.map((hit) => hit.article))];
          if (!(await repository.checkArticles(articles))) return true;
          hits = await searched();
        }
        return false;
      };
      const searched = () =>
        confirmedSearch(
          corpus,
          () =>
            searchEngine(corpus.words).search(query, storeFacts(repository), options(corpus.words)),
          output,
          // Annotations already placed on the old text are placed again on the new.
          () => repository.open(corpus),
        );
      try {
        hits = await searched();
        if (workspace.asIs && (await hitsConfirmed())) {
          // No store file was added, removed or renamed since the last check of every file, and
          // the hits' own files are as the index holds them: the answer is printed now, while
          // the check of the other files (a stat each, 211,258 in a team's store) goes on.
          const early = unshown(hits, printed).slice(0, limit - printed.length);
          if (early.length > 0) {
            printedAsIs = true;
            const wanted = await output.out(lines(early));
            printed = [...printed, ...early];
            // The reader has gone (`| head -1`): nothing more is wanted.
            if (!wanted) return 0;
          }
        }
        workspace.beginCheck();
        // A store file changed behind the index: the answer is the files' own, searched again.
        if (await workspace.checked) {
          hits = await searched();
          changedBehind = printedAsIs;
        }
        if (!flags.json) {
          // The answer begins with them (`sureHits`, and the hits confirmed before the store's
          // check was over); should the corpus or a store file have changed meanwhile, what was
          // printed stands and the rest follows it.
          const rest = unshown(hits, printed).slice(0, limit - printed.length);
          if (rest.length > 0) await output.out(lines(rest));
          const answer = hits.slice(0, limit);
          hits = [...printed, ...rest];
          if (changedBehind && hits.map(keyOf).join('\n') !== answer.map(keyOf).join('\n')) {
            output.warn(
              'store files edited in place since margin last compared them changed this answer after its first lines were printed: the same search again gives it in order.',
            );
          }
          // Counted while the corpus and the store are still open.
          sayHowManyMore(
            output,
            counted,
            (giveUp) =>
              searchEngine(corpus.words).count(query, storeFacts(repository), { labels, giveUp }),
            hits.length,
            limit,
          );
        }
      } finally {
        corpus.close();
        await repository.close();
      }
    }
    if (flags.json) await output.out(json(hits));
    // Nothing found is said in one line (qa56 #5: `-3.5%` exited 1 in silence); stdout stays
    // empty, as grep's, or `[]`.
    if (hits.length === 0) output.say(notFilterNote(parsed) ?? nothingFound(query));
    return hits.length > 0 ? 0 : 1;
  },
};
