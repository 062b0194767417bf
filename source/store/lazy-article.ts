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
 * getters of its own: one such object per article cost more than the rest of its line.
 *
 * `head` null: a format that writes of an article its id (and text) alone (doccano, W3C) reads
 * no headline; the title and the rest are then read with the text, should anything ask.
 */
export class LazyArticle implements Article {
  private full: Article | undefined;

  constructor(
    readonly id: string,
    private readonly head: ArticleHead | null,
    private readonly read: () => Article | undefined,
  ) {}

  get title(): string | null {
    return this.head ? this.head.title : this.load().title;
  }

  get date(): string | null {
    return this.head ? this.head.date : this.load().date;
  }

  get byline(): string | null {
    return this.head ? this.head.byline : this.load().byline;
  }

  get source(): string | null {
    return this.head ? this.head.source : this.load().source;
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
      title: this.head?.title ?? null,
      date: this.head?.date ?? null,
      byline: this.head?.byline ?? null,
      source: this.head?.source ?? null,
      warnings: [],
      text: '',
      sentences: [],
      hash: '',
    };
    return this.full;
  }
}
