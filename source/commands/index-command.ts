import { defaultCacheDir } from '../corpus/cache.js';
import { indexFile } from '../corpus/db/open.js';
import { safeJson } from '../text/untrusted.js';
import { type Command, corpusFlags } from './command.js';
import { openCorpus } from './corpus.js';
import { loadProject } from './project.js';

const plural = (count: number, word: string) =>
  `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

export const command: Command = {
  name: 'index',
  summary: 'Bring the corpus index up to the folder: read new and changed files, drop removed ones',
  usage: `index [--corpus DIR] [--json]

margin keeps the cleaned corpus and its search index in one file under your cache folder
($XDG_CACHE_HOME/margin, or ~/.cache/margin), built on first use. Other commands look only at
folders whose modification time changed (files added, removed or renamed); this one also
compares the size and modification time of every file, which catches files edited in place.
Deleting the index loses nothing: the next command builds it again.

Options
  --corpus, -c  The corpus folder (default: the project file's, else seeds)
  --json        Print a summary: corpus, articles, problems, read, removed, seconds, index

Examples
  $ margin index --corpus ~/articles
  $ margin index --json`,
  flags: {
    ...corpusFlags,
    json: { type: 'boolean', default: false },
  },
  async run(_input, flags, io, output) {
    const { corpus: place } = await loadProject(flags, io);
    const corpus = place.shown;
    const started = performance.now();
    const { index, refreshed, shown } = await openCorpus(corpus, io, output, 'full', place.root);
    const problems = index.problems();
    const articles = index.size();
    index.close();
    for (const problem of problems) output.problem(shown(problem.message));
    const seconds = Math.round(performance.now() - started) / 1000;
    const read = refreshed?.read ?? 0;
    const removed = refreshed?.removed ?? 0;
    if (flags.json) {
      const file = indexFile(defaultCacheDir(io.env), place.root);
      const summary = {
        corpus,
        articles,
        problems: problems.length,
        read,
        removed,
        seconds,
        index: file,
      };
      await output.out(`${safeJson(summary, 2)}\n`);
    } else {
      const busy = refreshed?.refreshed === false ? ' (another margin was indexing it)' : '';
      output.say(
        `${corpus}: ${plural(articles, 'article')}, ${plural(problems.length, 'problem')}; read ${plural(read, 'file')}, dropped ${removed} in ${seconds} s${busy}`,
      );
    }
    return output.status();
  },
};
