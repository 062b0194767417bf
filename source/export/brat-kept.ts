import type { LabelSet } from '../store/labels.js';
import { type BratAnn, bratAnn, bratConf } from './brat.js';
import { bratPath } from './brat-names.js';
import { inAnnotatorOrder, keptFields, keptText } from './kept-fields.js';
import { type Entry, groupByAnnotator, type SelectedArticle } from './model.js';
import type { ExportSummary } from './writer.js';

/** The article's clean text as UTF-8, by id (the corpus's `plainText`), when it gives it. */
export type PlainText = (id: string) => Uint8Array | undefined;

/** A file of brat's export, as `KeptFiles` makes it. */
export interface KeptFile {
  path: string;
  /** Its content, or how to get it: an article's text is read only for a file written. */
  content: string | Uint8Array | (() => string | Uint8Array);
  /**
   * What it was made from (the kept rendering's `madeFrom`), when made from a kept rendering: a
   * file the last export into the folder made from the same is the same, and need not be made.
   */
  tag?: string;
}

/**
 * brat's export of every annotation (no filter) as kept between exports, as the formats of one
 * text keep theirs (`KeptFormat`): per file, the number of its annotations and of its orphans,
 * the labels and attribute values it uses (JSON, for `annotation.conf`), then its `.ann` text,
 * tab-separated (JSON never holds a raw tab; the `.ann` text is last and empty when every
 * annotation is an orphan). A file unchanged since is then neither read nor placed, and its
 * `.txt` is the article's text as the corpus gives it in UTF-8, never decoded: reading and
 * placing 211,000 documents took most of a brat export's CPU at 100,000 articles.
 */
export interface KeptFiles {
  kind: string;
  /** The article's files from its annotations (rendered); files are added to `files`. */
  article(selected: SelectedArticle, files: KeptFile[]): void;
  /** One annotator's entries of one article (in `byPosition` order), as kept. */
  keep(entries: readonly Entry[]): string;
  /** The article's files from its files' kept texts; returns how many annotations they hold. */
  fromKept(
    article: Entry['article'],
    kept: ReadonlyArray<{ annotator: string; text: Uint8Array; madeFrom?: string }>,
    files: KeptFile[],
  ): number;
  /** The files after the last article (`annotation.conf`). */
  end(files: KeptFile[]): void;
}

export function keptBrat(
  labels: LabelSet,
  summary: Pick<ExportSummary, 'skippedOrphans' | 'articleFiles'>,
  plain?: PlainText,
): KeptFiles {
  const conf = bratConf(labels);
  // The files of the article last rendered, for `keep`: rendered once, not twice.
  let rendered = new Map<Entry['annotation'], string>();
  const keptOf = (entries: readonly Entry[], file: BratAnn) =>
    keptText(
      entries.length,
      file.orphans,
      JSON.stringify([file.labels, file.values]),
      file.ann ?? '',
    );
  /** The article's text once per article, whatever the number of its annotators. */
  const textOf = (article: Entry['article']) => {
    let text: Uint8Array | string | undefined;
    return () => {
      text ??= plain?.(article.id) ?? article.text;
      return text;
    };
  };

  return {
    kind: 'brat 1',
    article({ article, entries }, files) {
      rendered = new Map();
      const text = textOf(article);
      for (const { annotator, entries: own } of groupByAnnotator(entries)) {
        const file = bratAnn(own);
        summary.skippedOrphans += file.orphans;
        conf.add(file);
        rendered.set(own[0]!.annotation, keptOf(own, file));
        if (file.ann === null) continue;
        const path = bratPath(annotator, article.id);
        files.push({ path: `${path}.txt`, content: text() });
        files.push({ path: `${path}.ann`, content: file.ann });
        summary.articleFiles++;
      }
    },
    keep(entries) {
      const [head] = entries;
      if (!head) return '';
      return rendered.get(head.annotation) ?? keptOf(entries, bratAnn(entries));
    },
    fromKept(article, kept, files) {
      const text = textOf(article);
      let count = 0;
      for (const { annotator, text: keptText, madeFrom } of inAnnotatorOrder(kept)) {
        const { annotations, orphans, own, rest } = keptFields(keptText);
        count += annotations;
        summary.skippedOrphans += orphans;
        const [usedLabels, values] = JSON.parse(own.toString('utf8')) as [
          BratAnn['labels'],
          BratAnn['values'],
        ];
        conf.add({ labels: usedLabels, values });
        if (rest.length === 0) continue;
        const path = bratPath(annotator, article.id);
        // Both made from the kept rendering and the text it was placed on (`madeFrom`).
        const tag = madeFrom ? { tag: madeFrom } : {};
        files.push({ path: `${path}.txt`, content: text, ...tag });
        files.push({ path: `${path}.ann`, content: rest, ...tag });
        summary.articleFiles++;
      }
      return count;
    },
    end(files) {
      files.push({ path: 'annotation.conf', content: conf.text() });
    },
  };
}
