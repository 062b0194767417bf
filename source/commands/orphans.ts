import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import stringWidth from 'string-width';
import { defaultCacheDir, loadCorpus } from '../corpus/index.js';
import { sanitizeLine } from '../corpus/sanitize.js';
import { openRepository, resolveAnnotator } from '../store/index.js';
import type { PlacedAnnotation } from '../store/types.js';
import { type Command, corpusFlags, storeFlags } from './command.js';
import { safeJson, visible } from './visible.js';

interface Orphan {
  article: string;
  annotator: string;
  label: string;
  id: string;
  quote: string;
  note: string | null;
  created: string;
}

function toOrphan(annotation: PlacedAnnotation): Orphan {
  return {
    article: annotation.article,
    annotator: annotation.annotator,
    label: annotation.label,
    id: annotation.id,
    quote: annotation.anchor.quote,
    note: annotation.note ?? null,
    created: annotation.created,
  };
}

/** Aligned columns; the quote is cut to the terminal width when there is one. */
export function renderOrphans(orphans: Orphan[], width: number | null): string {
  const header = { article: 'ARTICLE', annotator: 'ANNOTATOR', label: 'LABEL', quote: 'QUOTE' };
  const rows = orphans.map((orphan) => ({
    article: sanitizeLine(orphan.article),
    annotator: sanitizeLine(orphan.annotator),
    label: orphan.label,
    quote: sanitizeLine(orphan.quote),
  }));
  const all = [header, ...rows];
  const widths = (['article', 'annotator', 'label'] as const).map((key) =>
    Math.max(...all.map((row) => stringWidth(row[key]))),
  );
  const lines = all.map((row) => {
    const line = [row.article, row.annotator, row.label]
      .map((cell, index) => cell + ' '.repeat(widths[index]! - stringWidth(cell)))
      .join('  ');
    return cut(`${line}  ${row.quote}`, width);
  });
  return `${lines.join('\n')}\n`;
}

function cut(text: string, width: number | null): string {
  if (width === null || stringWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (stringWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

function tryResolveAnnotator(env: NodeJS.ProcessEnv): string {
  try {
    return resolveAnnotator(undefined, env);
  } catch {
    return 'margin';
  }
}

export const command: Command = {
  name: 'orphans',
  summary: 'List annotations whose sentence is no longer in the article text',
  usage: `orphans [--corpus DIR] [--store DIR] [--annotator NAME] [--json]

Options
  --corpus, -c   The corpus folder (default: seeds)
  --store, -s    The annotation store (default: annotations)
  --annotator    Only this annotator's orphans (default: everyone's)
  --json         Print a JSON array: article, annotator, label, id, quote, note, created

An orphan is an annotation that could not be placed on its article's current text, not even
approximately, or whose article is gone from the corpus. It is kept in the store, never deleted.

Examples
  $ margin orphans
  $ margin orphans --corpus ~/articles --store ~/articles-annotations --json`,
  flags: {
    ...corpusFlags,
    ...storeFlags,
    json: { type: 'boolean', default: false },
  },
  async run(_input, flags, io) {
    const corpus = String(flags.corpus);
    const store = String(flags.store);
    const corpusRoot = isAbsolute(corpus) ? corpus : join(io.cwd, corpus);
    const storeRoot = isAbsolute(store) ? store : join(io.cwd, store);
    const only = typeof flags.annotator === 'string' ? flags.annotator : undefined;
    const fail = (message: string) => {
      io.stderr.write(`margin orphans: ${visible(message)}\n`);
      return 2;
    };

    // The corpus first: a mistyped --corpus must not pass for an empty store.
    let load: Awaited<ReturnType<typeof loadCorpus>>;
    try {
      load = await loadCorpus(corpusRoot, { cacheDir: defaultCacheDir(io.env) });
    } catch (error) {
      return fail(
        (error instanceof Error ? error.message : String(error)).replace(corpusRoot, () => corpus),
      );
    }
    const info = await stat(storeRoot).catch(() => null);
    if (info && !info.isDirectory())
      return fail(`${store} is not a folder, so not an annotation store`);
    if (!info) {
      if (flags.json) io.stdout.write('[]\n');
      else io.stdout.write(`No annotations: ${visible(store)} does not exist.\n`);
      for (const problem of load.problems) {
        io.stderr.write(
          `margin orphans: ${visible(problem.message.replace(corpusRoot, () => corpus))}\n`,
        );
      }
      return load.problems.length > 0 ? 1 : 0;
    }
    const repository = await openRepository({
      root: storeRoot,
      // Only read here: any name will do when the login name cannot be found.
      annotator: only ?? tryResolveAnnotator(io.env),
      articles: load.articles,
    });
    try {
      const annotations = repository.list(only === undefined ? {} : { annotator: only });
      const orphans = annotations
        .filter((annotation) => annotation.placement === null)
        .map(toOrphan);
      if (flags.json) io.stdout.write(`${safeJson(orphans, 2)}\n`);
      else if (orphans.length === 0) {
        io.stdout.write(`No orphans among ${annotations.length} annotations in ${store}.\n`);
      } else {
        const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : null;
        io.stdout.write(renderOrphans(orphans, width));
      }
      const problems = [
        ...load.problems.map((problem) => problem.message.replace(corpusRoot, () => corpus)),
        ...repository.problems().map((problem) => problem.message.replace(storeRoot, () => store)),
      ];
      for (const problem of problems) io.stderr.write(`margin orphans: ${visible(problem)}\n`);
      return problems.length > 0 ? 1 : 0;
    } finally {
      await repository.close();
    }
  },
};
