import { join } from 'node:path';
import stringWidth from 'string-width';
import { defaultCacheDir } from '../corpus/cache.js';
import { loadCorpus } from '../corpus/load.js';
import type { Article } from '../corpus/types.js';
import { oneLine, safeJson } from '../text/untrusted.js';
import { padEnd, truncate } from '../text/width.js';
import { type Command, corpusFlags } from './command.js';
import { CannotRun } from './output.js';
import { loadProject } from './project.js';

/** The title, or the opening words of the first sentence when the article has none. */
export function displayTitle(article: Article, words = 8): string {
  if (article.title) return article.title;
  const first = article.sentences[0]?.text ?? '';
  const list = first.split(/\s+/).filter(Boolean);
  if (list.length <= words) return first;
  return `${list.slice(0, words).join(' ')}…`;
}

const GAP = '  ';
const SOURCE_MAX = 24;

/** Aligned columns; with `width`, the title column shrinks so that no line is longer. */
export function renderTable(articles: Article[], width: number | null): string {
  const rows = articles.map((article) => ({
    id: oneLine(article.id),
    title: oneLine(displayTitle(article)),
    date: article.date ?? '-',
    source: truncate(oneLine(article.source ?? '-'), SOURCE_MAX),
    count: String(article.sentences.length),
  }));
  const header = { id: 'ID', title: 'TITLE', date: 'DATE', source: 'SOURCE', count: 'SENTENCES' };
  const all = [header, ...rows];
  const col = (key: keyof typeof header) => Math.max(...all.map((row) => stringWidth(row[key])));
  const idWidth = col('id');
  const dateWidth = col('date');
  const sourceWidth = col('source');
  const countWidth = col('count');
  let titleWidth = col('title');
  if (width !== null) {
    const fixed = idWidth + dateWidth + sourceWidth + countWidth + GAP.length * 4;
    titleWidth = Math.max(5, Math.min(titleWidth, width - fixed));
  }
  const lines = all.map((row) => {
    const line = [
      padEnd(row.id, idWidth),
      padEnd(truncate(row.title, titleWidth), titleWidth),
      padEnd(row.date, dateWidth),
      padEnd(row.source, sourceWidth),
      row.count.padStart(countWidth),
    ].join(GAP);
    return width === null ? line : truncate(line, width);
  });
  return `${lines.join('\n')}\n`;
}

export const command: Command = {
  name: 'list',
  summary: 'List the articles of the corpus: id, title, date, source, sentence count',
  usage: `list [--corpus DIR] [--json]

Options
  --corpus, -c  The corpus folder (default: seeds)
  --json        Print a JSON array: id, path, title, date, byline, source, sentences, warnings

Examples
  $ margin list
  $ margin list --corpus ~/articles --json`,
  flags: {
    ...corpusFlags,
    json: { type: 'boolean', default: false },
  },
  async run(_input, flags, io, output) {
    const { corpus: place } = await loadProject(flags, io);
    const corpus = place.shown;
    const root = place.root;
    let load: Awaited<ReturnType<typeof loadCorpus>>;
    try {
      load = await loadCorpus(root, { cacheDir: defaultCacheDir(io.env) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new CannotRun(message.replace(root, () => corpus));
    }
    // Paths as the user would type them: under the --corpus they gave, not the absolute root.
    const prefix = join(corpus, 'x').slice(0, -1);
    const shown = (text: string) => text.replaceAll(join(root, 'x').slice(0, -1), () => prefix);
    if (flags.json) {
      const rows = load.articles.map((article) => ({
        id: article.id,
        path: shown(article.path),
        title: article.title,
        date: article.date,
        byline: article.byline,
        source: article.source,
        sentences: article.sentences.length,
        warnings: article.warnings,
      }));
      await output.out(`${safeJson(rows, 2)}\n`);
    } else if (load.articles.length === 0) {
      output.say(`no articles in ${corpus}`);
    } else {
      await output.out(renderTable(load.articles, output.columns));
    }
    for (const problem of load.problems) output.problem(shown(problem.message));
    return output.status();
  },
};
