import { cp, mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { command as indexCommand } from '../../source/commands/index-command.js';
import { runCommand } from '../../source/commands/run.js';
import { command } from '../../source/commands/story.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository, saveStoryLink } from '../../source/store/index.js';
import { SavedGroups } from '../../source/story/index.js';
import { captureIO } from '../corpus/capture-io.js';

const root = join(import.meta.dirname, '../..');
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'margin-story-'));
  made.push(dir);
  return dir;
}

interface JsonGroup {
  id: string;
  kind: string | null;
  members: Array<{
    article: string;
    sentence: string;
    source: string | null;
    text: string;
    labels: string[];
  }>;
  differences: Array<{ kind: string; values: Array<{ member: number; text: string }> }>;
}

async function story(flags: Record<string, unknown> = {}, store?: string, columns?: number) {
  const dir = await scratch();
  const captured = captureIO(root, { XDG_CACHE_HOME: join(dir, 'cache') }, columns);
  const status = await runCommand(
    command,
    [],
    {
      corpus: 'seeds',
      store: store ?? join(dir, 'annotations'),
      json: false,
      minSources: '2',
      label: [],
      ...flags,
    },
    captured.io,
  );
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

const parse = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JsonGroup);

const groupWith = (groups: JsonGroup[], text: string) =>
  groups.find((group) => group.members.some((member) => member.text.includes(text)));

describe('margin story', () => {
  it('prints one JSON group per line with its members and differences, largest first', async () => {
    const result = await story({ json: true });
    expect(result.status).toBe(0);
    const groups = parse(result.stdout);
    expect(groups.length).toBeGreaterThan(2);
    for (let i = 1; i < groups.length; i++) {
      expect(groups[i - 1]!.members.length).toBeGreaterThanOrEqual(groups[i]!.members.length);
    }
    const witkov = groupWith(groups, 'gave Witkov')!;
    expect(Object.keys(witkov)).toEqual(['id', 'kind', 'members', 'differences']);
    expect(Object.keys(witkov.members[0]!)).toEqual([
      'article',
      'sentence',
      'source',
      'date',
      'text',
      'labels',
    ]);
    expect(witkov.members.some((m) => m.text.includes('provided Witkoff'))).toBe(true);
    const names = witkov.differences.find((d) => d.kind === 'name');
    expect(names?.values.map((v) => v.text)).toEqual(expect.arrayContaining(['Witkoff', 'Witkov']));
  });

  it('keeps groups with a member of the given label, and shows the labels', async () => {
    const dir = await scratch();
    const store = join(dir, 'annotations');
    const { articles } = await loadCorpus(join(root, 'seeds'), { cacheDir: join(dir, 'cache') });
    const article = articles.find((a) => a.id.startsWith('000_'))!;
    const sentence = article.sentences.find((s) => s.text.includes('cautiously optimistic'))!;
    const repository = await openRepository({ root: store, annotator: 'ana', articles });
    await repository.tag(article, sentence.id, 'quote');
    await repository.close();
    const all = parse((await story({ json: true }, store)).stdout);
    const quotes = parse((await story({ json: true, label: ['quote'] }, store)).stdout);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.members.find((m) => m.article === article.id)?.labels).toEqual(['quote']);
    expect(all.length).toBeGreaterThan(quotes.length);
    // Peskov's remark is told by three outlets (000, 001, and 002, which names none), and so
    // are his word on Trump's position, Trump's reaction and the Kremlin's word on talks;
    // nothing by four.
    const three = parse((await story({ json: true, minSources: '3' }, store)).stdout);
    expect(three.length).toBeLessThan(all.length);
    expect(three.every((group) => group.members.length === 3)).toBe(true);
    expect(groupWith(three, 'cautiously optimistic')).toBeDefined();
    expect(groupWith(three, 'identified with President')).toBeDefined();
    expect((await story({ json: true, minSources: '4' }, store)).stdout).toBe('');
    // qa51 #13: "no group of sentences reported by several outlets" after --min-sources 99.
    expect((await story({ minSources: '99' }, store)).stderr).toBe(
      'margin story: no group of sentences reported by 99 or more outlets\n',
    );
    expect((await story({ minSources: '4', label: ['quote'] }, store)).stderr).toBe(
      'margin story: no group of sentences reported by 4 or more outlets with a member labelled quote\n',
    );
  });

  it('names each group by the codebook’s labels, never by one it lacks (qa57 #4)', async () => {
    const dir = await scratch();
    const store = join(dir, 'annotations');
    const project = join(dir, 'margin.json');
    await writeFile(
      project,
      JSON.stringify({
        labels: [
          { name: 'statistic', key: '4', colour: 'green', letter: 'S' },
          { name: 'quote', key: '2', colour: 'cyan', letter: 'Q' },
        ],
      }),
    );
    // margin's own codebook calls some groups event by their wording.
    const own = parse((await story({ json: true }, store)).stdout);
    const event = own.find((group) => group.kind === 'event')!;
    const { articles } = await loadCorpus(join(root, 'seeds'), { cacheDir: join(dir, 'cache') });
    const tagged = event.members[0]!;
    const article = articles.find((a) => a.id === tagged.article)!;
    const repository = await openRepository({ root: store, annotator: 'ana', articles });
    await repository.tag(article, tagged.sentence, 'statistic');
    await repository.close();
    const json = parse((await story({ json: true, project }, store)).stdout);
    // The team's label the member carries, not the wording's "event".
    expect(groupWith(json, tagged.text)!.kind).toBe('statistic');
    // Groups nobody labelled: a quotation is the codebook's quote; claim and event are no kind.
    const kinds = new Set(json.map((group) => group.kind));
    expect([...kinds].filter((kind) => !['statistic', 'quote', null].includes(kind))).toEqual([]);
    expect(kinds.has(null)).toBe(true);
    const labelled = parse(
      (await story({ json: true, project, label: ['statistic'] }, store)).stdout,
    );
    expect(labelled.map((group) => group.kind)).toEqual(['statistic']);
    const report = (await story({ project }, store)).stdout;
    expect(report).toMatch(/^story-\w+ {2}statistic · /m);
    expect(report).not.toMatch(/^story-\w+ {2}(claim|event) · /m);
  });

  it('respects a reviewer’s unlink and link, and names a refused links file', async () => {
    const dir = await scratch();
    const store = join(dir, 'annotations');
    const before = parse((await story({ json: true }, store)).stdout);
    const peskov = groupWith(before, 'cautiously optimistic')!;
    const [a, b] = peskov.members;
    await saveStoryLink(store, 'ana', {
      kind: 'unlink',
      a: { article: a!.article, sentence: a!.sentence },
      b: { article: b!.article, sentence: b!.sentence },
    });
    const { articles } = await loadCorpus(join(root, 'seeds'), { cacheDir: join(dir, 'cache') });
    const hope = articles
      .flatMap((article) => article.sentences.map((s) => ({ article: article.id, s })))
      .find(({ s }) => s.text.includes('some room for cautious hope'))!;
    await saveStoryLink(store, 'ben', {
      kind: 'link',
      a: { article: a!.article, sentence: a!.sentence },
      b: { article: hope.article, sentence: hope.s.id },
    });
    await mkdir(join(store, 'cy'), { recursive: true });
    await writeFile(join(store, 'cy', '.story-links.json'), '{"schema": "margin.story-links"');
    const result = await story({ json: true }, store);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `margin story: ${join(store, 'cy', '.story-links.json')}: is not valid JSON; ignored\n`,
    );
    const linked = groupWith(parse(result.stdout), 'some room for cautious hope')!;
    expect(linked.members.map((m) => m.article)).toContain(a!.article);
    expect(linked.members.map((m) => m.article)).not.toContain(b!.article);
  });

  it('refuses a links file that is a symbolic link, naming it', async () => {
    const dir = await scratch();
    const store = join(dir, 'annotations');
    await mkdir(join(store, 'ana'), { recursive: true });
    await writeFile(join(dir, 'elsewhere.json'), '{}');
    await symlink(join(dir, 'elsewhere.json'), join(store, 'ana', '.story-links.json'));
    const result = await story({ json: true }, store);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/ana\/\.story-links\.json: is a symbolic link: .*; ignored\n$/);
    await expect(
      saveStoryLink(store, 'ana', {
        kind: 'link',
        a: { article: 'x', sentence: 's1' },
        b: { article: 'y', sentence: 's1' },
      }),
    ).rejects.toThrow(/is a symbolic link/);
  });

  it('reads as a report: outlets, differing details marked in colour, text escaped', async () => {
    const plain = await story({});
    expect(plain.stdout).toContain('differ (name): Witkoff ≠ Witkov');
    expect(plain.stdout).not.toContain('\x1b');
    const coloured = await story({}, undefined, 120);
    expect(coloured.stdout).toContain('\x1b[1;33mWitkov\x1b[0m');
  });

  it('wraps its long lines at words under their indent at a terminal, and not when piped', async () => {
    const plain = await story({});
    const narrow = await story({}, undefined, 60);
    const visible = (text: string) => text.replace(/\x1b\[[\d;]*m/g, '');
    const lines = visible(narrow.stdout).split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(60);
    // A member's sentence goes on under its own four spaces, a whole word on each line.
    const at = lines.findIndex((line) => line.startsWith('    “When Mr Witkoff brings'));
    expect(lines[at + 1]).toMatch(/^ {4}\S/);
    expect(
      lines
        .slice(at, at + 4)
        .join(' ')
        .replace(/ +/g, ' '),
    ).toContain('we will determine the timing of a conversation');
    expect(visible(narrow.stdout).replace(/\s+/g, ' ')).toBe(plain.stdout.replace(/\s+/g, ' '));
    expect(plain.stdout).toMatch(/^ {4}.{100,}$/m);
  });

  it('refuses a bad --min-sources or --label', async () => {
    expect((await story({ minSources: 'two' })).stderr).toBe(
      'margin story: --min-sources must be a whole number of at least 1, not two\n',
    );
    const label = await story({ label: ['opinion'] });
    expect(label.status).toBe(2);
    // The store is read first (a label it still holds is taken): here it has none yet.
    expect(label.stderr.split('\n').at(-2)).toBe(
      'margin story: unknown label "opinion": use claim, quote, event',
    );
  });
});

describe('margin story, formed once per state of the corpus and the links', () => {
  it('reads back the groups it kept, places a link made since, and forms them again when an article changes or a formed-with link is taken back', async () => {
    const dir = await scratch();
    const corpus = join(dir, 'corpus');
    // Their times kept: a file written in the last 1.5 s is read again by the next look that
    // compares it (story's does), which would form the groups again.
    await cp(join(root, 'seeds'), corpus, { recursive: true, preserveTimestamps: true });
    const store = join(dir, 'annotations');
    const cache = join(dir, 'cache');
    const run = async () => {
      const captured = captureIO(root, { XDG_CACHE_HOME: cache });
      const flags = { corpus, store, json: true, minSources: '2', label: [] };
      await runCommand(command, [], flags, captured.io);
      return parse(captured.stdout());
    };
    const formed = await run();
    const kept = (await readdir(cache, { recursive: true })).filter((f) => f.endsWith('.story'));
    expect(kept).toHaveLength(1);
    const file = join(cache, kept[0]!);
    // Kept groups that could not have been formed from these articles: if they are printed,
    // they were read back, not formed again.
    const peskov = groupWith(formed, 'cautiously optimistic')!;
    const witkov = groupWith(formed, 'gave Witkov')!;
    const saved = SavedGroups.read(file)!;
    const basis = saved.basis()!;
    const clusters = [...saved.clusters()];
    // The texts' hashes as kept: links are placed only on articles as they were formed from.
    const ids = new Set(clusters.flatMap((c) => c.members.map((m) => m.article)));
    const hashes = [...ids].map((id): [string, string] => [id, saved.hashOf(id)!]);
    saved.close();
    const position = (group: JsonGroup, n: number) =>
      clusters
        .find((c) => c.id === group.id)!
        .members.find((m) => m.article === group.members[n]!.article)!;
    const odd = {
      id: 'odd',
      anchor: position(peskov, 0),
      members: [position(peskov, 0), position(witkov, 1)],
    };
    SavedGroups.save(file, basis, [odd], hashes);
    const read = await run();
    expect(read).toHaveLength(1);
    expect(read[0]!.members.map((m) => m.text)).toEqual([
      peskov.members[0]!.text,
      witkov.members[1]!.text,
    ]);
    // An unlink saved since: placed on the kept groups, not the corpus formed again for it
    // (qa53: 53 s at 10,000 articles). The odd group's two sentences, formed again apart, say
    // nothing alike: the group ends, and nothing else is printed.
    const unlink = {
      kind: 'unlink' as const,
      a: { article: peskov.members[0]!.article, sentence: peskov.members[0]!.sentence },
      b: { article: witkov.members[1]!.article, sentence: witkov.members[1]!.sentence },
    };
    await saveStoryLink(store, 'ana', unlink);
    expect(await run()).toEqual([]);
    // Taken back (an undo): the group as it was kept.
    await saveStoryLink(store, 'ana', { ...unlink, kind: 'forget' });
    expect((await run()).map((group) => group.members.map((m) => m.text))).toEqual([
      [peskov.members[0]!.text, witkov.members[1]!.text],
    ]);
    // A link the groups were formed with taken back: formed again, without it.
    SavedGroups.save(file, { ...basis, links: [unlink] }, [odd], hashes);
    const unlinked = await run();
    expect(unlinked.length).toBeGreaterThan(1);
    expect(groupWith(unlinked, 'gave Witkov')).toBeDefined();
    SavedGroups.save(file, SavedGroups.read(file)!.basis()!, [odd], hashes);
    expect(await run()).toHaveLength(1);
    // An article added: formed again.
    await writeFile(join(corpus, '005_later.txt'), 'Later\n\nA sentence that arrived later.\n');
    const changed = await run();
    expect(changed.length).toBeGreaterThan(1);
    expect(groupWith(changed, 'gave Witkov')).toBeDefined();
  });
});

describe('margin index --story', () => {
  it('says in one line that groups it formed could not be kept, and why', async () => {
    const dir = await scratch();
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    const store = join(dir, 'annotations');
    const index = async (story: boolean, json = false) => {
      const captured = captureIO(root, env);
      const flags = { corpus: 'seeds', store, story, json };
      const status = await runCommand(indexCommand, [], flags, captured.io);
      return { status, stdout: captured.stdout(), stderr: captured.stderr() };
    };
    await index(false);
    const cache = join(dir, 'cache', 'margin');
    const indexName = (await readdir(cache)).find((name) => name.endsWith('.sqlite'))!;
    // A folder where the kept groups go: the save cannot be renamed over it (as a full or
    // read-only disk refuses it), and before it said "formed and kept" all the same.
    const kept = join(cache, `${indexName}.story`);
    await mkdir(kept);
    const refused = await index(true);
    const lines = refused.stderr.split('\n');
    expect(lines[0]).toBe(
      `margin index: the story groups could not be kept in ${kept}: it is a folder`,
    );
    expect(lines[1]).toMatch(/^margin index: seeds: 5 articles, /);
    expect(lines[2]).toMatch(
      /^margin index: story: \d+ groups formed in [\d.]+ s, not kept \(above\)$/,
    );
    expect(lines).toHaveLength(4);
    expect(refused.status).toBe(1);
    const json = JSON.parse((await index(true, true)).stdout) as { story: { kept: boolean } };
    expect(json.story).toMatchObject({ formed: true, kept: false });
    // Nothing half-written left beside it.
    expect((await readdir(cache)).filter((name) => name.includes('.tmp'))).toEqual([]);

    // margin story prints the groups all the same, and says the next run forms them again.
    const captured = captureIO(root, env);
    const flags = { corpus: 'seeds', store, json: true, minSources: '2', label: [] };
    const status = await runCommand(command, [], flags, captured.io);
    expect(captured.stderr()).toContain(
      `\nmargin story: warning: the story groups could not be kept in ${kept}: it is a folder\n`,
    );
    expect(parse(captured.stdout()).length).toBeGreaterThan(0);
    expect(status).toBe(0);
  });

  it('forms and keeps the groups once, and says so', async () => {
    const dir = await scratch();
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    const store = join(dir, 'annotations');
    const index = async (json = false) => {
      const captured = captureIO(root, env);
      const flags = { corpus: 'seeds', store, story: true, json };
      const status = await runCommand(indexCommand, [], flags, captured.io);
      return { status, stdout: captured.stdout(), stderr: captured.stderr() };
    };
    const first = await index();
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(
      /^margin index: seeds: 5 articles, .*\nmargin index: story: \d+ groups formed and kept in [\d.]+ s\n$/,
    );
    const again = await index(true);
    const summary = JSON.parse(again.stdout) as { story: { groups: number; formed: boolean } };
    expect(summary.story).toMatchObject({ formed: false });
    expect(summary.story.groups).toBeGreaterThan(2);
    const kept = (await readdir(join(dir, 'cache'), { recursive: true })).filter((f) =>
      f.endsWith('.story'),
    );
    expect(kept).toHaveLength(1);
    // Plain margin index after the corpus changed: says the kept groups are older.
    const corpus = join(dir, 'corpus');
    await cp(join(root, 'seeds'), corpus, { recursive: true });
    // Written well before the index, so that it need not read them again to be sure.
    const before = new Date(Date.now() - 3_600_000);
    for (const name of await readdir(corpus)) await utimes(join(corpus, name), before, before);
    await utimes(corpus, before, before);
    const plain = async () => {
      const captured = captureIO(root, env);
      await runCommand(indexCommand, [], { corpus, store, story: false, json: false }, captured.io);
      return captured.stderr();
    };
    await runCommand(
      indexCommand,
      [],
      { corpus, store, story: true, json: false },
      captureIO(root, env).io,
    );
    expect(await plain()).not.toContain('story:');
    await writeFile(join(corpus, '005_later.txt'), 'Later\n\nA sentence that arrived later.\n');
    expect(await plain()).toContain(
      'margin index: story: the kept groups are older than the corpus; margin index --story brings them up to it\n',
    );
    // Groups an earlier engine formed: named as such, not as a corpus that changed.
    await runCommand(
      indexCommand,
      [],
      { corpus, store, story: true, json: false },
      captureIO(root, env).io,
    );
    expect(await plain()).not.toContain('story:');
    for (const name of await readdir(join(dir, 'cache'), { recursive: true })) {
      if (!name.endsWith('.story')) continue;
      const db = new Database(join(dir, 'cache', name));
      db.prepare("UPDATE meta SET value = 'an earlier engine' WHERE key = 'key'").run();
      db.close();
    }
    expect(await plain()).toContain(
      'margin index: story: the kept groups were formed by another version of margin; margin index --story forms them again\n',
    );
  });
});
