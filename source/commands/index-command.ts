import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defaultCacheDir } from '../corpus/cache.js';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { indexFile } from '../corpus/db/open.js';
import { NOT_ARTICLES } from '../corpus/files.js';
import { holdYoungGeneration } from '../story/lean-heaps.js';
import { safeJson } from '../text/untrusted.js';
import { type Command, corpusFlags, storeFlags } from './command.js';
import { namedProblem, openCorpus } from './corpus.js';
import { CannotRun, type Output } from './output.js';
import { loadProject } from './project.js';
import { keepGroups, type StoryStage, savedGroupsOf, storyArticlesOf } from './story-groups.js';
import { StageLine } from './story-progress.js';

const plural = (count: number, word: string) =>
  `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

export const command: Command = {
  name: 'index',
  summary: 'Bring the corpus index up to the folder: read new and changed files, drop removed ones',
  usage: `index [--corpus DIR] [--story] [--json]

margin keeps the cleaned corpus and its search index in one file under your cache folder
($XDG_CACHE_HOME/margin, or ~/.cache/margin), built on first use. Other commands look only at
folders whose modification time changed (files added, removed or renamed); this one also
compares the size and modification time of every file, which catches files edited in place.
Deleting the index loses nothing: the next command builds it again.

--story also forms the story groups (the same statement across outlets) and keeps them beside
the index, as margin story does: the review shows the groups kept, article by article (a
corpus of up to 3,000 articles it can also group itself, in seconds).

Options
  --corpus, -c  The corpus folder (default: seeds)
  --story       Also form and keep the story groups, with the reviewers' links in --store
  --store, -s   The annotation store folder, for --story (default: annotations)
  --json        Print a summary: corpus, articles, problems, skipped, read, removed, seconds, index
                (and story: groups, formed, kept, seconds; placed: articles written since
                placed on the kept groups, and seconds)

Examples
  $ margin index --corpus ~/articles
  $ margin index --json
  $ margin index --story`,
  flags: {
    ...corpusFlags,
    ...storeFlags,
    story: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  async run(_input, flags, io, output) {
    // Before the check, which would grow it: see `holdYoungGeneration`.
    if (flags.story === true) holdYoungGeneration();
    const { corpus: place, store } = await loadProject(flags, io);
    const corpus = place.shown;
    const started = performance.now();
    const { index, refreshed, shown } = await openCorpus(
      corpus,
      io,
      output,
      'compare',
      place.root,
      store.root,
      flags.story === true,
    );
    const problems = index.problems();
    const articles = index.size();
    for (const problem of problems) output.problem(shown(namedProblem(problem)));
    // A store or a cache in the corpus is skipped by its mark; a mark in a folder of articles
    // would hide them, so each is named here, where every folder is looked at.
    const skipped = refreshed?.skipped ?? [];
    for (const folder of skipped) {
      output.say(
        `${join(corpus, folder)}: skipped, marked as margin's own (${NOT_ARTICLES}); delete the mark to read its files`,
      );
    }
    const seconds = Math.round(performance.now() - started) / 1000;
    let story: StorySummary | null = null;
    let keptStale: 'engine' | 'corpus' | null = null;
    try {
      if (flags.story) story = await keepStory(index, store, output);
      else keptStale = await keptOlder(index);
    } finally {
      index.close();
    }
    const read = refreshed?.read ?? 0;
    const removed = refreshed?.removed ?? 0;
    if (flags.json) {
      const file = indexFile(defaultCacheDir(io.env), place.root);
      const summary = {
        corpus,
        articles,
        problems: problems.length,
        skipped,
        read,
        removed,
        seconds,
        index: file,
        ...(story ? { story } : {}),
      };
      await output.out(`${safeJson(summary, 2)}\n`);
    } else {
      const busy = refreshed?.refreshed === false ? ' (another margin was indexing it)' : '';
      output.say(
        `${corpus}: ${plural(articles, 'article')}, ${plural(problems.length, 'problem')}; read ${plural(read, 'file')}, dropped ${removed} in ${seconds} s${busy}`,
      );
      if (story) {
        const { placed } = story;
        output.say(
          !story.formed
            ? placed
              ? `story: ${plural(placed.articles, 'article')} added, changed or removed placed on the ${plural(story.groups, 'kept group')} in ${placed.seconds} s`
              : `story: ${plural(story.groups, 'group')} already kept for this corpus and its links`
            : story.kept
              ? `story: ${plural(story.groups, 'group')} formed and kept in ${story.seconds} s${story.why ? ` (${story.why})` : ''}`
              : `story: ${plural(story.groups, 'group')} formed in ${story.seconds} s, not kept (above)`,
        );
      }
      if (keptStale) {
        output.say(
          keptStale === 'engine'
            ? 'story: the kept groups were formed by another version of margin; margin index --story forms them again'
            : 'story: the kept groups are older than the corpus; margin index --story brings them up to it',
        );
      }
    }
    return output.status();
  },
};

/**
 * Forms the story groups and keeps them beside the index, unless those kept already hold for
 * this state of the corpus and the links. Only the positions: nothing is described.
 */
async function keepStory(
  index: CorpusIndex,
  store: { root: string; shown: string },
  output: Output,
): Promise<StorySummary> {
  const started = performance.now();
  const place = savedGroupsOf(index);
  if (!place)
    throw new CannotRun(
      'the story groups are kept beside the corpus index, which is not on disk here (is the cache folder writable?)',
    );
  const line = StageLine.on(output, started);
  let kept: Awaited<ReturnType<typeof keepGroups>>;
  try {
    kept = await keepGroups(storyArticlesOf(index), place, {
      storeRoot: store.root,
      display: store.shown,
      workers: availableParallelism(),
      articleOf: (id) => index.article(id),
      ...(line ? { onStage: (stage: StoryStage) => line.show(stage) } : {}),
    });
  } finally {
    line?.end();
  }
  const { groups, formed, problems, notKept, articles } = kept;
  for (const problem of problems) output.problem(problem);
  // What was asked for is not done: a problem (exit 1), where the forming is not lost.
  if (notKept) output.problem(notKept);
  const seconds = formed ? Math.round(performance.now() - started) / 1000 : 0;
  const placed =
    articles && 'placed' in articles && !formed && articles.placed > 0
      ? {
          placed: {
            articles: articles.placed,
            seconds: Math.round(articles.seconds * 1000) / 1000,
          },
        }
      : {};
  const why =
    articles && 'tooMany' in articles && formed
      ? {
          why: articles.since
            ? `${plural(articles.tooMany, 'article')} added, changed or removed since they were formed: past ${articles.bound.toLocaleString('en-US')} they are formed again, not placed`
            : `${plural(articles.tooMany, 'article')} added, changed or removed at once: past ${articles.bound} they are formed again, not placed`,
        }
      : {};
  return { groups, formed, kept: notKept === undefined, seconds, ...placed, ...why };
}

/** What `margin index --story` did: the groups kept, formed or with articles placed on them. */
interface StorySummary {
  groups: number;
  formed: boolean;
  kept: boolean;
  seconds: number;
  /** Articles written since the groups were kept, placed on them without forming them again. */
  placed?: { articles: number; seconds: number };
  /** Why they were formed again rather than placed on. */
  why?: string;
}

/**
 * Why the story groups kept for this corpus (someone asked for them once) no longer hold:
 * another version of margin formed them, or its articles changed since (the review then leaves
 * changed articles out of them). Null when they hold or none are kept.
 */
async function keptOlder(index: CorpusIndex): Promise<'engine' | 'corpus' | null> {
  const place = savedGroupsOf(index);
  if (!place) return null;
  const { SavedGroups } = await import('../story/index.js');
  const kept = SavedGroups.read(place.file);
  const basis = kept?.basis() ?? null;
  const thisEngine = kept?.formedByThisEngine() ?? false;
  kept?.close();
  if (!kept || !basis) return null;
  if (!thisEngine) return 'engine';
  if (basis.generation === place.generation) return null;
  // Files read again without changing: the groups hold still, under the new generation.
  const renewed = SavedGroups.renew(
    place.file,
    { generation: place.generation, links: basis.links },
    place,
  );
  return renewed ? null : 'corpus';
}
