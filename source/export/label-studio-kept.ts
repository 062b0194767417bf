import { declaredAttributes } from '../store/labels.js';
import { safeJson } from '../text/untrusted.js';
import { type QuotedText, textJson } from './article-text.js';
import { annotatorIdMap, studioAnnotation } from './label-studio.js';
import { compare, type Entry, groupByAnnotator } from './model.js';
import type { ExportSummary, KeptFormat, WriterOptions } from './writer.js';

/** One file's annotation of its task as kept: `entries`, `orphans`, the JSON, tab-separated. */
const TAB = 0x09;
const TASK_END = Buffer.from(']}');

/**
 * Label Studio's export of every annotation (no filter, no suggestions) as kept between exports
 * (see `keptLines`): per file, the number of its annotations and of its orphans, then its
 * annotator's annotation of the task as JSON from `"annotator"` on, made visible (empty when
 * every one is an orphan). What depends on more than the file is made at each export: the
 * `completed_by` (numbered over every annotator of the store and `--annotator-ids`), the text
 * (read from the corpus as JSON, see `textJson`), the article's fields and `data.annotators`.
 * The bytes are the writer's (label-studio.ts), as `safeJson` writes a task in one piece.
 */
export function keptLabelStudio(
  options: WriterOptions,
  summary: Pick<ExportSummary, 'skippedOrphans'>,
  quoted?: QuotedText,
): KeptFormat {
  const declared = declaredAttributes(options.labels);
  const idOf = annotatorIdMap(options.annotators ?? [], options.annotatorIds);
  let first = true;
  // The files of the article last rendered, for `keep`: rendered once, not twice.
  let rendered = new Map<Entry['annotation'], string>();

  /** A file's annotation of its task (empty: only orphans), and its text as kept. */
  const render = (annotator: string, own: readonly Entry[]) => {
    const { annotation, orphans } = studioAnnotation(annotator, own, declared);
    const json = annotation ? safeJson(annotation).slice(1) : '';
    return { orphans, json, kept: `${own.length}\t${orphans}\t${json}` };
  };

  /**
   * The task of the article from its annotators' annotations, in name order, in parts (the
   * text is copied once, into the piece written); none: no task.
   */
  const task = (
    article: Entry['article'],
    annotations: ReadonlyArray<{ annotator: string; json: Uint8Array }>,
    given: Uint8Array | undefined,
  ): Uint8Array[] => {
    if (annotations.length === 0) return [];
    const names: Array<[string, string]> = [];
    const parts: Uint8Array[] = [];
    for (const { annotator, json } of annotations) {
      const id = idOf(annotator);
      names.push([String(id), annotator]);
      parts.push(Buffer.from(`${parts.length === 0 ? '' : ','}{"completed_by":${id},`), json);
    }
    const fields = safeJson({
      article: article.id,
      title: article.title,
      source: article.source,
      date: article.date,
      annotators: Object.fromEntries(names),
    });
    const head = `${first ? '\n' : ',\n'}{"data":{"text":`;
    first = false;
    return [
      Buffer.from(head),
      textJson(article, quoted, given),
      Buffer.from(`,${fields.slice(1)},"annotations":[`),
      ...parts,
      TASK_END,
    ];
  };

  return {
    kind: `label-studio 1 ${JSON.stringify([...declared.values()].map((a) => [a.name, a.values ? 1 : 0]))}`,
    readsText: true,
    start: () => '[',
    end: () => (first ? ']\n' : '\n]\n'),
    article(selected, given) {
      rendered = new Map();
      const annotations: Array<{ annotator: string; json: Uint8Array }> = [];
      for (const { annotator, entries } of groupByAnnotator(selected.entries)) {
        const { orphans, json, kept } = render(annotator, entries);
        summary.skippedOrphans += orphans;
        rendered.set(entries[0]!.annotation, kept);
        if (json !== '') annotations.push({ annotator, json: Buffer.from(json) });
      }
      return Buffer.concat(task(selected.article, annotations, given));
    },
    keep(entries) {
      // Rendered by `article` just before; a file it did not render is rendered here.
      const [head] = entries;
      if (!head) return '';
      return rendered.get(head.annotation) ?? render(head.annotation.annotator, entries).kept;
    },
    fromKept(article, kept, given) {
      const files =
        kept.length > 1 ? [...kept].sort((a, b) => compare(a.annotator, b.annotator)) : kept;
      const annotations: Array<{ annotator: string; json: Uint8Array }> = [];
      let lines = 0;
      for (const { annotator, text } of files) {
        const bytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
        const t1 = bytes.indexOf(TAB);
        const t2 = bytes.indexOf(TAB, t1 + 1);
        lines += Number(bytes.toString('latin1', 0, t1));
        summary.skippedOrphans += Number(bytes.toString('latin1', t1 + 1, t2));
        if (t2 + 1 < bytes.length) annotations.push({ annotator, json: bytes.subarray(t2 + 1) });
      }
      return { bytes: task(article, annotations, given), lines };
    },
  };
}
