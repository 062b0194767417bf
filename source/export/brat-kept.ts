import { encodeName } from '../store/index.js';
import type { LabelSet } from '../store/labels.js';
import type { ArticleMadeOf } from '../store/types.js';
import { type BratAnn, bratAnn, bratConf } from './brat.js';
import { bratName, bratPath } from './brat-names.js';
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
  /** What the export keeps beside the file (`heldNote`: of an `.ann`, what it declares). */
  note?: string;
}

/** Finds a file the last export made from `tag` and left as it was: its note (`ExportSink.held`). */
export interface HeldFiles {
  held(path: string, tag: string): string | null;
  leave(path: string): void;
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
  /**
   * The article's files when the last export made every one of them from what they would be
   * made from now and each is as it was left (`held`): they are left, what they hold counted
   * from their notes, and the number of their annotations returned. Null (nothing left, nothing
   * counted): the article is to be read and written.
   */
  fromHeld(article: ArticleMadeOf, held: HeldFiles): number | null;
  /** The paths of the article's files (those `fromHeld` would leave). */
  pathsOf(article: ArticleMadeOf): string[];
  /** What the files so far declare for `annotation.conf` (each `.ann`'s own field, distinct). */
  declared(): string[];
  /** Declares what `declared` gave, for files left without being looked at one by one. */
  declareAll(declared: readonly string[]): void;
  /** The files after the last article (`annotation.conf`). */
  end(files: KeptFile[]): void;
}

/**
 * An `.ann` file's note in the manifest: its number of annotations and of orphans and what
 * `annotation.conf` declares of it (the kept rendering's own field), `,`-separated, with `%`
 * and spaces escaped (a record's fields hold none; JSON holds no line break).
 */
function heldNote(annotations: number, orphans: number, own: string): string {
  return `${annotations},${orphans},${own.replace(/[% ]/g, (c) => (c === '%' ? '%25' : '%20'))}`;
}

function fromNote(note: string): { annotations: number; orphans: number; own: string } | null {
  const first = note.indexOf(',');
  const second = note.indexOf(',', first + 1);
  if (first < 0 || second < 0) return null;
  const annotations = Number(note.slice(0, first));
  const orphans = Number(note.slice(first + 1, second));
  if (!Number.isInteger(annotations) || !Number.isInteger(orphans)) return null;
  const own = note.slice(second + 1).replace(/%2[05]/g, (c) => (c === '%20' ? ' ' : '%'));
  return { annotations, orphans, own };
}

export function keptBrat(
  labels: LabelSet,
  summary: Pick<ExportSummary, 'skippedOrphans' | 'articleFiles'>,
  plain?: PlainText,
): KeptFiles {
  const conf = bratConf(labels);
  // What annotation.conf was told of, by the kept field's text: most files declare the same.
  const declared = new Set<string>();
  const declare = (own: string) => {
    if (declared.has(own)) return;
    declared.add(own);
    const [usedLabels, values] = JSON.parse(own) as [BratAnn['labels'], BratAnn['values']];
    conf.add({ labels: usedLabels, values });
  };
  // Each annotator's folder, as `bratPath` names it: a few annotators, 211,000 files.
  const folders = new Map<string, string>();
  const folderOf = (annotator: string) => {
    let folder = folders.get(annotator);
    if (folder === undefined) {
      folder = encodeName(annotator);
      folders.set(annotator, folder);
    }
    return folder;
  };
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
        const declares = own.toString('utf8');
        declare(declares);
        if (rest.length === 0) continue;
        const path = bratPath(annotator, article.id);
        // Both made from the kept rendering and the text it was placed on (`madeFrom`); the
        // .ann keeps what it counts and declares beside it, for `fromHeld`.
        const tag = madeFrom ? { tag: madeFrom } : {};
        files.push({ path: `${path}.txt`, content: text, ...tag });
        files.push({
          path: `${path}.ann`,
          content: rest,
          ...tag,
          ...(madeFrom ? { note: heldNote(annotations, orphans, declares) } : {}),
        });
        summary.articleFiles++;
      }
      return count;
    },
    fromHeld(article, held) {
      const found: Array<{ path: string; annotations: number; orphans: number; own: string }> = [];
      const name = bratName(article.id);
      for (const { annotator, madeFrom } of article.files) {
        if (madeFrom === null) return null;
        const path = `${folderOf(annotator)}/${name}`;
        // A file of orphans alone has no .ann to keep a note beside: its article is read.
        const note = held.held(`${path}.ann`, madeFrom);
        const counted = note === null ? null : fromNote(note);
        if (counted === null || held.held(`${path}.txt`, madeFrom) === null) return null;
        found.push({ path, ...counted });
      }
      let count = 0;
      for (const { path, annotations, orphans, own } of found) {
        held.leave(`${path}.txt`);
        held.leave(`${path}.ann`);
        count += annotations;
        summary.skippedOrphans += orphans;
        declare(own);
        summary.articleFiles++;
      }
      return count;
    },
    pathsOf(article) {
      const name = bratName(article.id);
      return article.files.flatMap(({ annotator }) => {
        const path = `${folderOf(annotator)}/${name}`;
        return [`${path}.txt`, `${path}.ann`];
      });
    },
    declared: () => [...declared],
    declareAll(all) {
      for (const own of all) declare(own);
    },
    end(files) {
      files.push({ path: 'annotation.conf', content: conf.text() });
      files.push({ path: 'visual.conf', content: conf.visual() });
    },
  };
}
