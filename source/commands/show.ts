import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { buildArticle } from '../corpus/article.js';
import { articleId, byCodePoint } from '../corpus/files.js';
import { ioReason } from '../corpus/io-reason.js';
import { readArticle } from '../corpus/load.js';
import { bytesToSource, MAX_PAGE_BYTES, outsideReason } from '../corpus/read.js';
import type { Article } from '../corpus/types.js';
import { articleCodePoints } from '../export/offsets.js';
import { oneName, safeJson } from '../text/untrusted.js';
import { wrapLines } from '../text/wrap-lines.js';
import { type Command, type CommandIO, corpusFlags } from './command.js';
import { CannotRun, type Output } from './output.js';
import { fromCwd } from './paths.js';

/** The article as the reviewer reads it: header lines, a blank line, then the paragraphs. */
export function renderArticle(article: Article): string {
  const header: string[] = [];
  if (article.title) header.push(article.title);
  if (article.source) header.push(`Source: ${article.source}`);
  if (article.date) header.push(`Date: ${article.date}`);
  if (article.byline) header.push(`By: ${article.byline}`);
  const body = article.text === '' ? '(no article text found)' : article.text;
  return header.length > 0 ? `${header.join('\n')}\n\n${body}\n` : `${body}\n`;
}

/**
 * `renderArticle` as a person reads it: at a terminal each paragraph wraps at words, where the
 * terminal cut words at its edge; piped, each paragraph stays one line.
 */
function readable(article: Article, output: Output): string {
  const columns = output.columns;
  return columns === null ? renderArticle(article) : wrapLines(renderArticle(article), columns);
}

/** `margin show --json`: exactly the fields the issue names, in its order. */
export function articleJson(article: Article): string {
  // Code points, as every export counts: a Python or jq reader slices the text by them.
  const points = articleCodePoints(article);
  return safeJson({
    id: article.id,
    path: article.path,
    title: article.title,
    date: article.date,
    byline: article.byline,
    source: article.source,
    text: article.text,
    sentences: article.sentences.map(({ id, paragraph, text, start, end }) => ({
      id,
      paragraph,
      text,
      start: points.toCodePoint(start),
      end: points.toCodePoint(end),
    })),
    warnings: article.warnings,
  });
}

export const command: Command = {
  name: 'show',
  summary: 'Print one article as the reviewer sees it: metadata and clean text',
  usage: `show FILE|ID [--json] [--corpus DIR]

FILE may be - for standard input. An article's id, as margin list prints it, names its file in
the corpus folder.

Options
  --json        Print one JSON object: id, path, title, date, byline, source, text, sentences, warnings.
                A sentence's start and end count code points of text, as every export
                does and as Python and jq slice strings (an emoji counts as one)
  --corpus, -c  The corpus folder an id is looked up in (default: seeds)

Examples
  $ margin show seeds/001_d7fb493d5d978b6e.txt
  $ margin show 001_d7fb493d5d978b6e
  $ margin show page.html --json
  $ curl -s https://example.com/story | margin show -`,
  flags: {
    json: { type: 'boolean', default: false },
    ...corpusFlags,
  },
  async run(input, flags, io, output) {
    if (input.length !== 1) throw new CannotRun('name exactly one file (margin show FILE)');
    let file = input[0]!;
    if (file === '-') return showStandardInput(io, output, Boolean(flags.json));
    let target = fromCwd(io, file);
    // Like a missing corpus folder, a file that cannot be reached (missing, a file where a folder
    // of its path should be, a folder not open to us) leaves nothing to show: the command cannot
    // run, said in the words every command uses. A file that is there but is no article (an
    // image, an empty page) is refused input: status 1.
    let folder = false;
    try {
      folder = statSync(target).isDirectory();
      // A file there but not open to us is as unreachable as a missing one.
      accessSync(target, constants.R_OK);
    } catch (error) {
      // No such file: an article id as `list` prints it names its file in the corpus (qa53).
      const named =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? await corpusFileOf(file, flags, io)
          : null;
      if (named === null) throw new CannotRun(`${oneName(file)}: ${ioReason(error, 'file')}`);
      target = named.path;
      file = relative(io.cwd, named.path) || named.path;
      // An id names an article of the corpus, and a link out of it is none (qa58 #9); a file
      // named by its path is the user's own choice.
      const outside = outsideReason(named.root, named.path);
      if (outside !== null) {
        output.problem(`${oneName(file)}: ${outside}`);
        return output.status();
      }
    }
    // A folder is no file to show, as a missing file is none (qa52: status 1 against 2).
    if (folder) {
      throw new CannotRun(
        `${oneName(file)}: it is a folder; margin show prints one file (margin list -c ${oneName(file)} lists a folder)`,
      );
    }
    let article: Article;
    try {
      article = await readArticle(target);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // The reader names the path it opened; show the one the user typed.
      output.problem(
        reason.startsWith(target) ? oneName(file) + reason.slice(target.length) : reason,
      );
      return output.status();
    }
    article = { ...article, path: file };
    await output.out(flags.json ? `${articleJson(article)}\n` : readable(article, output));
    for (const warning of article.warnings) output.warn(`${oneName(file)}: ${warning}`);
    return output.status();
  },
};

/**
 * `margin show -`: the article piped in, as a file of no extension would be read (its format
 * told by its content), named `-`. Read up to one byte past the file limit, which refuses it.
 */
async function showStandardInput(io: CommandIO, output: Output, json: boolean): Promise<number> {
  if (io.stdin.isTTY) {
    throw new CannotRun(
      '- reads the article from standard input: pipe one in (margin show - < page.html)',
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    size += bytes.length;
    if (size > MAX_PAGE_BYTES) break;
  }
  let article: Article;
  try {
    article = buildArticle('-', '-', bytesToSource('-', Buffer.concat(chunks)));
  } catch (error) {
    output.problem(error instanceof Error ? error.message : String(error));
    return output.status();
  }
  await output.out(json ? `${articleJson(article)}\n` : readable(article, output));
  for (const warning of article.warnings) output.warn(`-: ${warning}`);
  return output.status();
}

/**
 * The file of the corpus whose article id is `id` (its path from the corpus folder without the
 * extension), or null: the names in its folder are compared, the corpus itself is not read.
 */
async function corpusFileOf(
  id: string,
  flags: Record<string, unknown>,
  io: CommandIO,
): Promise<{ path: string; root: string } | null> {
  if (id === '' || id.startsWith('/') || id.split('/').includes('..')) return null;
  let corpus: { root: string; shown: string };
  try {
    const { loadProject } = await import('./project.js');
    corpus = (await loadProject(flags, io)).corpus;
  } catch {
    return null;
  }
  // A corpus named with --corpus that is not there is said so, as every command says it; the
  // default one missing leaves the name a file that is not there.
  if (typeof flags.corpus === 'string' && flags.corpus !== '') {
    let folder: ReturnType<typeof statSync> | undefined;
    try {
      folder = statSync(corpus.root);
    } catch {
      throw new CannotRun(`corpus folder not found: ${oneName(corpus.shown)}`);
    }
    if (!folder.isDirectory()) {
      throw new CannotRun(`corpus is not a folder: ${oneName(corpus.shown)}`);
    }
  }
  const { root } = corpus;
  const folder = dirname(join(root, id));
  const name = basename(id);
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return null;
  }
  const file = entries
    .filter((entry) => entry !== name && articleId(entry) === name)
    .sort(byCodePoint)[0];
  return file === undefined ? null : { path: join(folder, file), root };
}
