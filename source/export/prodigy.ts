import { createHash } from 'node:crypto';
import { safeJson } from '../text/untrusted.js';
import type { QuotedText } from './article-text.js';
import { keptTextLines } from './kept-text-lines.js';
import { type Entry, groupByAnnotator } from './model.js';
import { spanOf } from './spans.js';
import { suggestedSpans } from './suggested-spans.js';
import type { ExportSummary, FormatWriter, KeptFormat, WriterOptions } from './writer.js';

/** A span as Prodigy reads it; `meta` carries what Prodigy has no field for, for the way back. */
interface ProdigySpan {
  start: number;
  end: number;
  label: string;
  meta?: { note?: string; attributes?: Record<string, string>; score?: number };
}

/**
 * Prodigy tasks, one JSON line per article and annotator: `text`, `spans` (code point offsets,
 * as Python indexes `str`; labels upper case, as Prodigy recipes spell them; a span's note and
 * attributes in its `meta`), `meta` (shown under the task) and `answer: "accept"`, then the keys
 * Prodigy's database keeps per example: `_input_hash` (of the text), `_task_hash` (of the text
 * and spans), `_annotator_id` and `_session_id` (the annotator's name, as a Prodigy session would
 * write its own). Orphans have no span in the current text: they are counted in `meta.orphans`
 * instead, and a task left with no span at all is not written. With `suggestions`, each
 * article's task of suggested spans instead, with no `answer`: a stream for a recipe.
 */
export function prodigyWriter(
  summary: { skippedOrphans: number },
  options: Pick<WriterOptions, 'suggestions'> = {},
): FormatWriter {
  return {
    start: () => '',
    article({ article, entries, status }) {
      // With suggestions, their tasks alone: a task with no `answer` in the same file as the
      // answered ones would be accepted by `prodigy db-in` (its `--answer` defaults to accept),
      // every proposal then passing for the team's annotation (qa51 #9).
      if (options.suggestions) return suggestionTask(article, options.suggestions);
      let out = '';
      let inputHash: number | null = null;
      for (const { annotator, entries: own } of groupByAnnotator(entries)) {
        const { spans, orphans } = prodigySpans(own);
        summary.skippedOrphans += orphans;
        // An accepted task without spans would teach Prodigy "nothing to find here".
        if (spans.length === 0) continue;
        const meta = {
          ...articleMeta(article),
          annotator,
          status: status(annotator),
          ...(orphans > 0 ? { orphans } : {}),
        };
        inputHash ??= hash32(article.text);
        out += `${safeJson({
          text: article.text,
          spans,
          meta,
          answer: 'accept',
          _input_hash: inputHash,
          _task_hash: taskHash(inputHash, spans),
          _annotator_id: annotator,
          _session_id: annotator,
        })}\n`;
      }
      return out;
    },
    end: () => '',
  };
}

/** One annotator's entries as Prodigy spans; orphans have none and are counted instead. */
function prodigySpans(own: readonly Entry[]): { spans: ProdigySpan[]; orphans: number } {
  const spans: ProdigySpan[] = [];
  let orphans = 0;
  for (const entry of own) {
    const span = spanOf(entry);
    if (!span) {
      orphans++;
      continue;
    }
    const { note, attributes } = entry.annotation;
    const meta = {
      ...(note ? { note } : {}),
      ...(attributes && Object.keys(attributes).length > 0 ? { attributes } : {}),
    };
    spans.push({
      start: span.start,
      end: span.end,
      label: entry.annotation.label.toUpperCase(),
      ...(Object.keys(meta).length > 0 ? { meta } : {}),
    });
  }
  return { spans, orphans };
}

/**
 * Prodigy's export of every annotation (no filter, no suggestions) as kept between exports (see
 * `keptTextLines`): per file its task but the text and the article's part of `meta`. The hashes
 * are kept too: a file's rendering holds only while its placements are confirmed on the text
 * it was made from, and the input hash is that text's.
 */
export function keptProdigy(
  summary: Pick<ExportSummary, 'skippedOrphans' | 'overlapping'>,
  quoted?: QuotedText,
): KeptFormat {
  // The input hash of the article last rendered: its files share it.
  let hashed: { article: Entry['article']; hash: number } | null = null;
  return keptTextLines(
    {
      kind: 'prodigy 1',
      render(article, own, status) {
        const { spans, orphans } = prodigySpans(own);
        if (spans.length === 0) return { orphans, overlapping: false, members: null };
        if (hashed?.article !== article) hashed = { article, hash: hash32(article.text) };
        const inputHash = hashed.hash;
        const annotator = own[0]!.annotation.annotator;
        const meta = { annotator, status, ...(orphans > 0 ? { orphans } : {}) };
        const task = {
          answer: 'accept',
          _input_hash: inputHash,
          _task_hash: taskHash(inputHash, spans),
          _annotator_id: annotator,
          _session_id: annotator,
        };
        return {
          orphans,
          overlapping: false,
          members: {
            before: `"spans":${safeJson(spans)}`,
            after: `${safeJson(meta).slice(1)},${safeJson(task).slice(1)}`,
          },
        };
      },
      articleMembers: (article) => `"meta":${safeJson(articleMeta(article)).slice(0, -1)}`,
    },
    summary,
    quoted,
  );
}

/** What a task's `meta` says of its article: the id, and the title, source and date it has. */
function articleMeta(article: Entry['article']): Record<string, string | number> {
  const meta: Record<string, string | number> = { article: article.id };
  if (article.title !== null) meta.title = article.title;
  if (article.source !== null) meta.source = article.source;
  if (article.date !== null) meta.date = article.date;
  return meta;
}

/** Prodigy's `_task_hash`: of the input hash and the spans. */
function taskHash(inputHash: number, spans: readonly ProdigySpan[]): number {
  return hash32(
    `${inputHash}\u0000${spans.map((s) => `${s.start}:${s.end}:${s.label}`).join(' ')}`,
  );
}

/** A signed 32-bit integer, as Prodigy's own hashes are. */
function hash32(text: string): number {
  return createHash('sha256').update(text).digest().readInt32BE(0);
}

/**
 * margin's suggestions for an article as one Prodigy task with no `answer`: the reviewer gives it
 * in Prodigy (as `ner.correct` presents a model's spans). Each span's `meta` holds its score and
 * attributes; the task's `meta` the model and the mean score, which Prodigy shows and sorts by.
 */
function suggestionTask(
  article: Parameters<FormatWriter['article']>[0]['article'],
  source: NonNullable<WriterOptions['suggestions']>,
): string {
  const suggested = suggestedSpans(article, source);
  if (suggested.length === 0) return '';
  const spans: ProdigySpan[] = suggested.map((span) => ({
    start: span.start,
    end: span.end,
    label: span.label.toUpperCase(),
    meta: {
      score: span.score,
      ...(Object.keys(span.attributes).length > 0 ? { attributes: span.attributes } : {}),
    },
  }));
  const meta = articleMeta(article);
  meta.model_version = source.version;
  const score = suggested.reduce((sum, span) => sum + span.score, 0) / suggested.length;
  meta.score = Math.round(score * 1000) / 1000;
  const inputHash = hash32(article.text);
  return `${safeJson({ text: article.text, spans, meta, _input_hash: inputHash, _task_hash: taskHash(inputHash, spans) })}\n`;
}
