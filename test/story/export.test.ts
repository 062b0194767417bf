import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as exportCommand } from '../../source/commands/export.js';
import { command as indexCommand } from '../../source/commands/index-command.js';
import { command as storyCommand } from '../../source/commands/story.js';
import { keptStoryIds, savedGroupsOf } from '../../source/commands/story-groups.js';
import { openCorpusIndex } from '../../source/corpus/db/open.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository, readStoryLinks, saveStoryLink } from '../../source/store/index.js';
import { SavedGroups, storyKey } from '../../source/story/index.js';
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

describe('an export reading the kept groups article by article', () => {
  const workspace = useWorkspace();

  it('gives an article asked for again, after the others pushed it out, the same group', async () => {
    const dir = await tagged(workspace);
    expect((await run(indexCommand, dir, [], { story: true, json: false })).status).toBe(0);
    const { index: corpus } = await openCorpusIndex(join(dir, 'corpus'), {
      cacheDir: join(dir, 'cache', 'margin'),
    });
    try {
      const remark = (prefix: string) => {
        const article = [...corpus.articles()].find((a) => a.id.startsWith(prefix))!;
        const sentence = article.sentences.find((s) => s.text.includes('cautiously optimistic'))!;
        return [article.id, sentence.id] as const;
      };
      const [first, second] = [remark('000_'), remark('001_')];
      // One article's ids held at a time: asking for 001 lets go of 000's.
      const kept = await keptStoryIds(
        savedGroupsOf(corpus),
        (id) => corpus.article(id),
        join(dir, 'store'),
        'store',
        undefined,
        1,
      );
      expect(kept).not.toBeNull();
      try {
        const group = kept!.storyOf(...first);
        expect(group).toMatch(/^story-[0-9a-f]{12}$/);
        expect(kept!.storyOf(...second)).toBe(group);
        expect(kept!.storyOf(...first)).toBe(group);
        expect(kept!.storyOf(first[0], 'no-such-sentence')).toBeNull();
      } finally {
        kept!.close();
      }
    } finally {
      corpus.close();
    }
  });
});

describe('an unlink in the story panel (qa51)', () => {
  const workspace = useWorkspace();
  // The seeds' first sentence of 000 (The National), its version in 001 (The Moscow Times) and
  // in 002: 001 and 002 are the closer pair, so 001 – 002 was joined first.
  const OURS = 'Russia said on Friday it is preparing for direct talks';
  const KEPT = 'Russian and U.S. officials will organize a meeting';
  const REJECTED = 'Russian President Vladimir Putin held a meeting with the United States envoy';

  for (const kept of [false, true]) {
    it(`takes the rejected version out, 000 keeps 001, in export and margin story alike${kept ? ' (kept groups)' : ''}`, async () => {
      const dir = await workspace();
      const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: join(dir, 'cache') });
      const at = (prefix: string, words: string) => {
        const article = articles.find((a) => a.id.startsWith(prefix))!;
        return { article, sentence: article.sentences.find((s) => s.text.startsWith(words))! };
      };
      const ours = at('000_', OURS);
      const kept001 = at('001_', KEPT);
      const rejected = at('002_', REJECTED);
      const repository = await openRepository({
        root: join(dir, 'store'),
        annotator: 'ana',
        articles,
      });
      await repository.tag(ours.article, ours.sentence.id, 'claim');
      await repository.tag(kept001.article, kept001.sentence.id, 'claim');
      await repository.tag(rejected.article, rejected.sentence.id, 'event');
      await repository.close();
      if (kept) {
        const indexed = await run(indexCommand, dir, [], { story: true, json: false });
        expect(indexed.status).toBe(0);
      }
      await saveStoryLink(join(dir, 'store'), 'ana', {
        kind: 'unlink',
        a: { article: ours.article.id, sentence: ours.sentence.id },
        b: { article: rejected.article.id, sentence: rejected.sentence.id },
      });
      const exported = await run(exportCommand, dir, [], { format: 'jsonl', story: true });
      expect(exported.status).toBe(0);
      const records = exported.stdout
        .trim()
        .split('\n')
        .map(
          (line) => JSON.parse(line) as { article: string; label: string; story: string | null },
        );
      const storyOf = (label: string, article: string) =>
        records.find((r) => r.label === label && r.article === article)!.story;
      const group = storyOf('claim', ours.article.id);
      expect(group).toMatch(/^story-[0-9a-f]{12}$/);
      expect(storyOf('claim', kept001.article.id)).toBe(group);
      expect(storyOf('event', rejected.article.id)).not.toBe(group);
      const told = await run(storyCommand, dir, [], { json: true, minSources: '1', label: [] });
      const groups = told.stdout
        .trim()
        .split('\n')
        .map(
          (line) =>
            JSON.parse(line) as {
              id: string;
              members: Array<{ article: string; sentence: string }>;
            },
        );
      const shown = groups.find((g) => g.id === group)!;
      expect(shown.members.map((m) => [m.article, m.sentence])).toEqual([
        [ours.article.id, ours.sentence.id],
        [kept001.article.id, kept001.sentence.id],
      ]);
    });
  }
});

describe('the groups a review placed its links on (verify51)', () => {
  const workspace = useWorkspace();

  it('are what margin story and export --story give, not the corpus formed again', async () => {
    const dir = await workspace();
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: join(dir, 'cache') });
    const at = (prefix: string, words: string) => {
      const article = articles.find((a) => a.id.startsWith(prefix))!;
      const index = article.sentences.findIndex((s) => s.text.startsWith(words));
      return { article, sentence: article.sentences[index]!, index };
    };
    const ours = at('000_', 'Russia said on Friday it is preparing for direct talks');
    const moscow = at('001_', 'Russian and U.S. officials will organize a meeting');
    const second = at('002_', 'Russian President Vladimir Putin held a meeting');
    const repository = await openRepository({
      root: join(dir, 'store'),
      annotator: 'ana',
      articles,
    });
    await repository.tag(ours.article, ours.sentence.id, 'claim');
    await repository.close();
    expect((await run(indexCommand, dir, [], { story: true, json: false })).status).toBe(0);
    const unlink = {
      kind: 'unlink' as const,
      a: { article: ours.article.id, sentence: ours.sentence.id },
      b: { article: moscow.article.id, sentence: moscow.sentence.id },
    };
    await saveStoryLink(join(dir, 'store'), 'ana', unlink);
    // As a review places it without forming the group again (past `regroup`'s limit): 001
    // taken out, 000 keeps 002. Formed again, the engine leaves 000 alone.
    const cache = join(dir, 'cache');
    const file = readdirSync(cache, { recursive: true, encoding: 'utf8' }).find((name) =>
      name.endsWith('.sqlite.story'),
    )!;
    const saved = SavedGroups.read(join(cache, file))!;
    const { generation } = saved.basis()!;
    saved.close();
    const { links } = await readStoryLinks(join(dir, 'store'));
    SavedGroups.place(
      join(cache, file),
      [
        {
          kind: 'unlink',
          a: { article: ours.article.id, sentence: ours.index },
          b: { article: moscow.article.id, sentence: moscow.index },
        },
      ],
      storyKey(generation, links),
    );
    const exported = await run(exportCommand, dir, [], { format: 'jsonl', story: true });
    const record = JSON.parse(exported.stdout.trim().split('\n')[0]!) as { story: string | null };
    expect(record.story).toMatch(/^story-[0-9a-f]{12}$/);
    const told = await run(storyCommand, dir, [], { json: true, minSources: '1', label: [] });
    const shown = told.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; members: Array<{ article: string }> })
      .find((g) => g.id === record.story)!;
    expect(shown.members.map((m) => m.article)).toEqual([ours.article.id, second.article.id]);
  });
});

describe('margin story --label (qa51)', () => {
  const workspace = useWorkspace();

  it('takes a label margin.json no longer lists while the store holds it, as export does', async () => {
    const dir = await tagged(workspace);
    // The codebook dropped `quote`: the store's two quotes are still there.
    const labels = [
      { name: 'claim', key: '1', colour: 'yellow', letter: 'C' },
      { name: 'event', key: '3', colour: 'green', letter: 'E' },
    ];
    await writeFile(join(dir, 'margin.json'), JSON.stringify({ labels }));
    const flags = { json: true, minSources: '2', label: ['quote'] };
    const quotes = await run(storyCommand, dir, [], flags);
    expect(quotes.status).toBe(0);
    expect(quotes.stderr).toBe(
      `margin story: label "quote" is not in margin.json's labels; the store holds 2 annotations with it (to rename it there: margin relabel quote claim (or event))\n`,
    );
    const groups = quotes.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { members: Array<{ text: string; labels: string[] }> });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.members[0]!.text).toContain('cautiously optimistic');
    const exported = await run(exportCommand, dir, [], { format: 'jsonl', label: ['quote'] });
    expect(exported.status).toBe(0);
    const typo = await run(storyCommand, dir, [], { ...flags, label: ['quot'] });
    expect([typo.status, typo.stdout, typo.stderr]).toEqual([
      2,
      '',
      'margin story: unknown label "quot": use claim, event, or one the store still holds: quote\n',
    ]);
  });
});
