import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readStoryLinks, saveStoryLink } from '../../source/store/index.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'margin-links-'));
  made.push(dir);
  return dir;
}

const x = { article: 'a1', sentence: 's1' };
const y = { article: 'a2', sentence: 's2' };
const z = { article: 'a3', sentence: 's3' };

describe('every annotator’s story links', () => {
  it('applies the later decision on a pair, whoever made it', async () => {
    const store = await scratch();
    // alice unlinks, then bob links the same pair (the other way round) after pulling hers.
    await saveStoryLink(store, 'alice', { kind: 'unlink', a: x, b: y }, new Date('2026-12-01'));
    await saveStoryLink(store, 'bob', { kind: 'link', a: y, b: x }, new Date('2026-12-02'));
    await saveStoryLink(store, 'bob', { kind: 'link', a: x, b: z }, new Date('2026-12-02'));
    expect((await readStoryLinks(store)).links).toEqual([
      { kind: 'link', a: y, b: x },
      { kind: 'link', a: x, b: z },
    ]);
    // Then carol unlinks it again: her decision is the latest.
    await saveStoryLink(store, 'carol', { kind: 'unlink', a: x, b: y }, new Date('2026-12-03'));
    expect((await readStoryLinks(store)).links).toEqual([
      { kind: 'link', a: x, b: z },
      { kind: 'unlink', a: x, b: y },
    ]);
  });

  it('keeps the unlink of two decisions made at the same instant', async () => {
    const store = await scratch();
    const at = new Date('2026-12-01T10:00:00Z');
    await saveStoryLink(store, 'alice', { kind: 'link', a: x, b: y }, at);
    await saveStoryLink(store, 'bob', { kind: 'unlink', a: x, b: y }, at);
    expect((await readStoryLinks(store)).links).toEqual([{ kind: 'unlink', a: x, b: y }]);
  });

  it('says what to do with a file git left in conflict, and never writes over it', async () => {
    const store = await scratch();
    await mkdir(join(store, 'alice'), { recursive: true });
    const path = join(store, 'alice', '.story-links.json');
    await writeFile(
      path,
      '{\n<<<<<<< HEAD\n  "links": []\n=======\n  "links": [1]\n>>>>>>> origin/main\n}\n',
    );
    const { links, problems } = await readStoryLinks(store);
    expect(links).toEqual([]);
    expect(problems).toEqual([
      `${path}: holds unresolved git conflict markers (<<<<<<<): keep the links of both sides ` +
        '(one entry per pair, the later "created"), then git add it; margin leaves it as it is; ignored',
    ]);
    await expect(saveStoryLink(store, 'alice', { kind: 'link', a: x, b: y })).rejects.toThrow(
      /conflict markers/,
    );
  });

  it('says a newer margin wrote a file, as a store file does, and never writes over it', async () => {
    const store = await scratch();
    await mkdir(join(store, 'alice'), { recursive: true });
    const path = join(store, 'alice', '.story-links.json');
    const newer = '{"schema":"margin.story-links","version":2,"annotator":"alice","links":[]}\n';
    await writeFile(path, newer);
    expect((await readStoryLinks(store)).problems).toEqual([
      `${path}: schema version 2 is newer than this margin understands (1); upgrade margin to use it; ignored`,
    ]);
    await expect(saveStoryLink(store, 'alice', { kind: 'link', a: x, b: y })).rejects.toThrow(
      /is newer than this margin/,
    );
    expect(await readFile(path, 'utf8')).toBe(newer);
  });

  it('calls no version newer that is not a whole number', async () => {
    const store = await scratch();
    await mkdir(join(store, 'alice'), { recursive: true });
    const path = join(store, 'alice', '.story-links.json');
    await writeFile(path, '{"schema":"margin.story-links","version":1e400,"links":[]}\n');
    // Before: "schema version Infinity is newer than this margin understands".
    expect((await readStoryLinks(store)).problems).toEqual([
      `${path}: does not match the story links schema: version: Invalid input: expected 1; ignored`,
    ]);
  });
});
