import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { articleId } from '../corpus/files.js';
import { oneName } from '../text/untrusted.js';
import type { CommandIO } from './command.js';

/**
 * The id of the article a user named on the command line: its id, or its file as `ls` and tab
 * completion give it (a name with its extension, a path from here or from the corpus folder).
 * qa52: `--article 001_d7fb493d5d978b6e.txt` and `seeds/001_….txt` were "no article". A file
 * name names that file only: `001_….md` is not the article read from `001_….txt` (verify52).
 */
export function articleNamed(
  corpus: CorpusIndex,
  named: string,
  io: CommandIO,
): string | undefined {
  if (corpus.ordOf(named) !== undefined) return named;
  const paths: string[] = [];
  const fromRoot = relative(corpus.root, resolve(io.cwd, named));
  if (fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot))
    paths.push(fromRoot.split(sep).join('/'));
  paths.push(named);
  for (const path of paths) {
    const id = articleId(path);
    if (id === path || pathOf(corpus, id) === path) {
      if (corpus.ordOf(id) !== undefined) return id;
    }
  }
  return undefined;
}

/** The file an article was read from, from the corpus folder with `/`; undefined for none. */
function pathOf(corpus: CorpusIndex, id: string): string | undefined {
  const ord = corpus.ordOf(id);
  const path = ord === undefined ? undefined : corpus.summaries(ord, ord + 1)[0]?.path;
  return path === undefined ? undefined : relative(corpus.root, path).split(sep).join('/');
}

/** Ids shown in a guess at most; the corpus is read only on this error's path. */
const GUESSES = 3;

/**
 * The problem line of an article not found: with the ids that begin with what was typed (`001`
 * for `001_d7fb493d5d978b6e`), which the list and the review show cut.
 */
export function noArticle(corpus: CorpusIndex, named: string, where = 'the corpus'): string {
  const found: string[] = [];
  const step = 4096;
  for (let from = 0; from < corpus.size() && found.length <= GUESSES; from += step) {
    for (const { id } of corpus.summaries(from, from + step)) {
      if (named !== '' && id.startsWith(named)) found.push(id);
      if (found.length > GUESSES) break;
    }
  }
  // A file name with another extension than the article's own: its file is the guess.
  const file = found.length === 0 ? pathOf(corpus, articleId(named)) : undefined;
  if (file !== undefined) found.push(file);
  const shown = found
    .slice(0, GUESSES)
    .map((id) => oneName(id))
    .join(', ');
  const guess =
    found.length === 0 ? '' : ` (did you mean ${shown}${found.length > GUESSES ? ', …' : ''}?)`;
  return `no article "${oneName(named)}" in ${where}${guess}`;
}
