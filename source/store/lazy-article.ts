import type { ArticleSummary } from '../corpus/corpus-index.js';
import type { Article } from '../corpus/types.js';

/** What an article's stand-in holds before its text is read: the summary's fields. */
export type ArticleHead = Pick<ArticleSummary, 'ord' | 'title' | 'date' | 'byline' | 'source'>;

/**
 * The fields of a summary an article's stand-in keeps: what exports write of every article. An
 * export holds one of these per annotated article (its order), so the rest (the path, the
 * warnings, the opening words) is left behind and read with the text when asked for.
 */
export function headOf(summary: ArticleHead): ArticleHead {
  const { ord, title, date, byline, source } = summary;
  return { ord, title, date, byline, source };
}

/**
 * An article whose path, warnings, text, sentences and hash are read on first use: an export of
 * kept placements writes the title, source and date of each article and never needs its text
 * (reading 100,000 texts took most of an export's time), while a format that does (a task with
 * the whole text) still gets it. `read` returns undefined when the article went from the corpus
 * in between: it then has no text, like an article the corpus lost. A class, not an object with
 * getters: one such object per article cost more than the rest of its line.
 */
export class LazyArticle implements Article {
  readonly title: string | null;
  readonly date: string | null;
  readonly byline: string | null;
  readonly source: string | null;
  private full: Article | undefined;

  constructor(
    readonly id: string,
    head: ArticleHead,
    private readonly read: () => Article | undefined,
  ) {
    this.title = head.title;
    this.date = head.date;
    this.byline = head.byline;
    this.source = head.source;
  }

  get path(): string {
    return this.load().path;
  }

  get warnings(): string[] {
    return this.load().warnings;
  }

  get text(): string {
    return this.load().text;
  }

  get sentences(): Article['sentences'] {
    return this.load().sentences;
  }

  get hash(): string {
    return this.load().hash;
  }

  private load(): Article {
    this.full ??= this.read() ?? {
      id: this.id,
      path: '',
      title: this.title,
      date: this.date,
      byline: this.byline,
      source: this.source,
      warnings: [],
      text: '',
      sentences: [],
      hash: '',
    };
    return this.full;
  }
}
