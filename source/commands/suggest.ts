import { stat } from 'node:fs/promises';
import type { Article } from '../corpus/types.js';
import type { Suggestion } from '../suggest/index.js';
import { oneLine, oneName, safeJson } from '../text/untrusted.js';
import { truncate } from '../text/width.js';
import { articleNamed, noArticle } from './article-named.js';
import { type Command, corpusFlags, storeFlags } from './command.js';
import { openProjectCorpus } from './corpus.js';
import { CannotRun } from './output.js';
import { annotatorEnv, loadProject } from './project.js';
import { openSuggester } from './suggestion-model.js';
import { listFlag } from './workspace.js';

/** One line of `--json`: a suggested label of one sentence. */
export interface SuggestionRow {
  article: string;
  sentence: string;
  label: string;
  score: number;
  attributes: Record<string, string>;
}

const rounded = (score: number) => Math.round(score * 1000) / 1000;

export function suggestionRows(article: Article, suggestions: Suggestion[]): SuggestionRow[] {
  return suggestions.flatMap((suggestion) =>
    suggestion.labels
      .filter((score) => score.suggested)
      .map((score) => ({
        article: article.id,
        sentence: suggestion.sentence,
        label: score.label,
        score: rounded(score.score),
        attributes: score.attributes,
      })),
  );
}

/** The readable report of one article: its heading, then one line per suggested label. */
function report(article: Article, rows: SuggestionRow[], width: number): string {
  const title = oneLine(article.title ?? article.sentences[0]?.text ?? '');
  const head = truncate(`${oneName(article.id)}  ${title}`, width);
  if (rows.length === 0) return `${head}\n  no suggestions\n\n`;
  const text = new Map(article.sentences.map((sentence) => [sentence.id, sentence.text]));
  const lines = rows.map((row) => {
    const attributes = Object.entries(row.attributes)
      .map(([key, value]) => `${oneLine(key)}: ${oneLine(value)}`)
      .join(', ');
    const said = attributes ? ` (${attributes})` : '';
    const what = `  ${oneLine(row.label).padEnd(6)} ${row.score.toFixed(2)}${said}  `;
    return truncate(`${what}${oneLine(text.get(row.sentence) ?? '')}`, width);
  });
  return `${head}\n${lines.join('\n')}\n\n`;
}

export const command: Command = {
  name: 'suggest',
  summary:
    'Suggested labels per sentence (quotes with their speaker), from rules and what was learnt',
  usage: `suggest [--json] [--article ID]... [--corpus DIR] [--store DIR] [--annotator NAME]

Prints the labels margin suggests for every sentence, with their score (0–1) and attributes
(the speaker of a quote, the claimant of a claim, when and where of an event). Suggestions use
what the annotator's decisions in the review taught (annotations/NAME/.suggest-model.json),
or the rules alone when there is none, and leave out the labels that annotator rejected in the
review (annotations/NAME/.suggest-rejections.json). A suggestion is never an annotation.

Options
  --json           One JSON object per line: {"article","sentence","label","score","attributes"}
  --article ID     Only this article: its id or its file (repeatable)
  --corpus, -c     The corpus folder (default: seeds)
  --store, -s      The annotation store folder (default: annotations)
  --annotator      Whose model and rejections (default: $MARGIN_ANNOTATOR, or you)

Examples
  $ margin suggest --article 001_d7fb493d5d978b6e
  $ margin suggest --json | jq 'select(.label == "quote") | .attributes.speaker'`,
  flags: {
    ...corpusFlags,
    ...storeFlags,
    json: { type: 'boolean', default: false },
    article: { type: 'string', isMultiple: true },
  },
  async run(_input, flags, io, output) {
    // Suggestions read the corpus and the annotator's model; the store's annotations never.
    const project = await loadProject(flags, io);
    if ((await stat(project.store.root).catch(() => null))?.isDirectory() === false) {
      throw new CannotRun(
        `${oneName(project.store.shown)} is not a folder, so not an annotation store`,
      );
    }
    const corpus = await openProjectCorpus(project, io, output);
    const wanted = listFlag(flags.article).flatMap((named) => {
      const id = articleNamed(corpus, named, io);
      if (id === undefined) output.problem(noArticle(corpus, named));
      return id === undefined ? [] : [id];
    });
    if (wanted.length === 0 && listFlag(flags.article).length > 0) return output.status();
    const chosen: Iterable<Article> =
      wanted.length === 0
        ? corpus.articles()
        : wanted.flatMap((id) => {
            const article = corpus.article(id);
            return article ? [article] : [];
          });
    const suggester = await openSuggester(
      flags,
      { ...io, env: annotatorEnv(project, io.env) },
      output,
      project.store,
      project.labels,
    );
    const width = output.columns ?? Number.POSITIVE_INFINITY;
    async function* lines(): AsyncGenerator<string> {
      for (const article of chosen) {
        const rows = suggestionRows(article, suggester.suggest(article));
        if (flags.json) {
          if (rows.length > 0) yield `${rows.map((row) => safeJson(row)).join('\n')}\n`;
        } else yield report(article, rows, width);
      }
    }
    try {
      await output.out(lines());
    } finally {
      corpus.close();
    }
    return output.status();
  },
};
