import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as importCommand } from '../../source/commands/import.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { MAX_ELEMENT_CHARS } from '../../source/export/document-reader.js';
import { run, useWorkspace } from './workspace.js';

describe('margin import of a whole-document format, read a piece at a time', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('names a Label Studio task longer than any margin writes and imports the others', async () => {
    const dir = await workspace();
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const uni = articles.find((a) => a.id === 'uni')!;
    const task = (label: string) =>
      JSON.stringify({
        data: { text: uni.text, article: 'uni' },
        annotations: [
          {
            annotator: 'alice',
            result: [
              {
                from_name: 'label',
                type: 'labels',
                value: { start: 0, end: 3, labels: [label] },
              },
            ],
          },
        ],
      });
    // Read whole, the long task was held with the rest (a 300 MB export peaked at 2.5 GB).
    const long = `{"data": {"text": "${'x'.repeat(MAX_ELEMENT_CHARS)}"}}`;
    await writeFile(
      join(dir, 'tasks.json'),
      `[\n${task('claim')},\n${long},\n${task('quote')}\n]\n`,
    );
    const result = await run(importCommand, dir, ['tasks.json'], { format: 'label-studio' });
    expect(result.stderr).toBe(
      'margin import: tasks.json:3: longer than 16 M characters, more than any task margin writes; skipped\n',
    );
    expect(result.stdout).toBe('2 imported, 0 duplicates skipped, 1 error\n');
    expect(result.status).toBe(1);
  });
});
