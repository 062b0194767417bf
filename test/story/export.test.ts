import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as exportCommand } from '../../source/commands/export.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { run, useWorkspace } from '../export/workspace.js';

/** Tags Peskov's remark in 000 and in 001 (one story group) and a sentence only 000 has (none). */
async function tagged(workspace: () => Promise<string>): Promise<string> {
  const dir = await workspace();
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: join(dir, 'cache') });
  const repository = await openRepository({ root: join(dir, 'store'), annotator: 'ana', articles });
  for (const article of articles.filter((a) => /^00[01]_/.test(a.id))) {
    const remark = article.sentences.find((s) => s.text.includes('cautiously optimistic'))!;
    await repository.tag(article, remark.id, 'quote');
  }
  const first = articles.find((a) => a.id.startsWith('000_'))!;
  const alone = first.sentences.find((s) => s.text.includes('justified its 2022 invasion'))!;
  await repository.tag(first, alone.id, 'claim');
  await repository.close();
  return dir;
}

describe('exports name the story group of each annotation’s sentence', () => {
  const workspace = useWorkspace();

  it('jsonl: a story field, the same id for the same statement, null for none', async () => {
    const dir = await tagged(workspace);
    const result = await run(exportCommand, dir, [], { format: 'jsonl', story: true });
    expect(result.status).toBe(0);
    const records = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { label: string; story: string | null });
    const quotes = records.filter((r) => r.label === 'quote');
    expect(quotes).toHaveLength(2);
    expect(quotes[0]!.story).toMatch(/^story-[0-9a-f]{12}$/);
    expect(quotes[1]!.story).toBe(quotes[0]!.story);
    expect(records.find((r) => r.label === 'claim')!.story).toBeNull();
    const without = await run(exportCommand, dir, [], { format: 'jsonl', story: false });
    expect(without.stdout).not.toContain('"story"');
  });

  it('csv: a story column after orphan', async () => {
    const dir = await tagged(workspace);
    const result = await run(exportCommand, dir, [], { format: 'csv', story: true });
    const [header, ...rows] = result.stdout.trim().split('\r\n');
    const columns = header!.split(',');
    expect(columns[columns.indexOf('orphan') + 1]).toBe('story');
    expect(rows.filter((row) => /,story-[0-9a-f]{12},/.test(row))).toHaveLength(2);
  });

  it('w3c: members of one group link to one resource', async () => {
    const dir = await tagged(workspace);
    const result = await run(exportCommand, dir, [], { format: 'w3c', story: true });
    const collection = JSON.parse(result.stdout) as {
      first: {
        items: Array<{ body: Array<{ purpose: string; source?: string; value?: string }> }>;
      };
    };
    const links = collection.first.items.map(
      (item) => item.body.find((body) => body.purpose === 'linking')?.source,
    );
    const stories = links.filter((link) => link !== undefined);
    expect(stories).toHaveLength(2);
    expect(stories[0]).toMatch(/^urn:margin:story:story-[0-9a-f]{12}$/);
    expect(stories[1]).toBe(stories[0]);
  });
});
