import { isAbsolute, join } from 'node:path';
import { readArticle } from '../corpus/load.js';
import type { Article } from '../corpus/types.js';
import type { Command } from './command.js';
import { safeJson, visible } from './visible.js';

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

/** `margin show --json`: exactly the fields the issue names, in its order. */
export function articleJson(article: Article): string {
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
      start,
      end,
    })),
    warnings: article.warnings,
  });
}

export const command: Command = {
  name: 'show',
  summary: 'Print one article as the reviewer sees it: metadata and clean text',
  usage: `show FILE [--json]

Options
  --json  Print one JSON object: id, path, title, date, byline, source, text, sentences, warnings

Examples
  $ margin show seeds/001_d7fb493d5d978b6e.txt
  $ margin show page.html --json`,
  flags: {
    json: { type: 'boolean', default: false },
  },
  async run(input, flags, io) {
    if (input.length !== 1) {
      io.stderr.write('margin show: name exactly one file (margin show FILE)\n');
      return 2;
    }
    const file = input[0]!;
    const target = isAbsolute(file) ? file : join(io.cwd, file);
    let article: Article;
    try {
      article = await readArticle(target);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // The reader names the path it opened; show the one the user typed.
      const message = reason.startsWith(target) ? file + reason.slice(target.length) : reason;
      io.stderr.write(`margin show: ${visible(message)}\n`);
      return 1;
    }
    article = { ...article, path: file };
    if (flags.json) {
      io.stdout.write(`${articleJson(article)}\n`);
    } else {
      io.stdout.write(visible(renderArticle(article)));
    }
    for (const warning of article.warnings) {
      io.stderr.write(`margin show: ${visible(file)}: ${warning}\n`);
    }
    return 0;
  },
};
