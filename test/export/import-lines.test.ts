import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as importCommand } from '../../source/commands/import.js';
import {
  lineBatches,
  MAX_LINE_CHARS,
  parseLineBatches,
} from '../../source/commands/import-lines.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { parseImport } from '../../source/export/import-formats.js';
import type { ImportContext } from '../../source/export/import-jsonl.js';
import { RefusedLines } from '../../source/export/refused-lines.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import { run, useWorkspace } from './workspace.js';

async function* inPieces(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

describe('margin import reads a file of lines a batch at a time', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('gives what one parse of the whole text gives, whatever the pieces and batches', async () => {
    const dir = await workspace();
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const uni = articles.find((a) => a.id === 'uni')!;
    const line = (label: string, at: number, status: string) =>
      JSON.stringify({
        article: 'uni',
        annotator: 'alice',
        label,
        text: uni.sentences[at]!.text,
        start: 0,
        end: 1,
        status,
      });
    // Blank lines, CRLF, a byte-order mark, bad lines and two statuses for one article.
    const text = [
      '',
      line('claim', 0, 'done'),
      '{"article": "uni"',
      '   ',
      `\uFEFF${line('quote', 1, 'in progress')}`,
      'not json',
      line('event', 1, 'done'),
    ].join('\r\n');
    let ids = 0;
    const context = (): ImportContext => {
      ids = 0;
      return {
        articles: { get: (id) => articles.find((a) => a.id === id), values: () => articles },
        labels: DEFAULT_LABELS,
        newId: () => `id-${++ids}`,
        now: '2026-12-05T21:00:00.000Z',
        fallbackAnnotator: 'alice',
      };
    };
    const whole = parseImport('jsonl', { kind: 'text', text }, context());
    expect(whole.errors.map((error) => error.line)).toEqual([3, 6]);
    for (const [piece, batch] of [
      [1, 1],
      [2, 7],
      [5, 1000],
    ] as const) {
      const parsed = await parseLineBatches(
        lineBatches(inPieces(text, piece), batch),
        (batchText, batchContext) =>
          parseImport('jsonl', { kind: 'text', text: batchText }, batchContext),
        context(),
        new RefusedLines(Number.POSITIVE_INFINITY),
      );
      const { refused, ...rest } = parsed;
      expect({ ...rest, errors: refused.listed() }).toEqual(whole);
    }
  });

  it('names a line longer than any margin writes and imports the others', async () => {
    const dir = await workspace();
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const uni = articles.find((a) => a.id === 'uni')!;
    const line = (at: number) =>
      JSON.stringify({
        article: 'uni',
        annotator: 'alice',
        label: 'claim',
        text: uni.sentences[at]!.text,
        start: 0,
        end: 1,
      });
    // Read whole, the long line was held (a 200 MB line took 469 MB) and was "not valid JSON".
    const long = `{"article": "uni", "note": "${'x'.repeat(MAX_LINE_CHARS)}`;
    await writeFile(join(dir, 'in.jsonl'), [line(0), long, line(1)].join('\n'));
    const result = await run(importCommand, dir, ['in.jsonl'], { format: 'jsonl' });
    expect(result.stderr).toBe(
      'margin import: in.jsonl:2: longer than 16 M characters, more than any line margin writes; skipped\n',
    );
    expect(result.stdout).toBe('2 imported, 0 duplicates skipped, 1 error\n');
    expect(result.status).toBe(1);
  });
});
