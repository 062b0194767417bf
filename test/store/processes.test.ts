import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { openRepository } from '../../source/store/index.js';
import { patience } from '../helpers/patience.js';
import { articleFromText } from './articles.js';
import { childBundle } from './child-bundle.js';
import { useTempFolder } from './temp-store.js';

const taggerScript = childBundle('tagger');

function makeArticles(count: number, sentences: number): Article[] {
  return Array.from({ length: count }, (_, a) =>
    articleFromText(
      `article-${a}`,
      Array.from(
        { length: sentences },
        (_, s) => `Sentence number ${s} of article ${a} says something.`,
      ).join(' '),
    ),
  );
}

interface Tagger {
  child: ChildProcess;
  confirmed: string[];
  /** With `ready: true`: resolves once the child has opened the store; `go` starts its tagging. */
  ready: Promise<void>;
  go: () => void;
  /** Resolves with the exit code (null when killed). */
  exited: Promise<number | null>;
  stderr: () => string;
}

function startTagger(options: Record<string, unknown>, onLine?: () => void): Tagger {
  const child = spawn(process.execPath, [taggerScript(), JSON.stringify(options)], {
    stdio: [options.ready ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const confirmed: string[] = [];
  let pending = '';
  let errors = '';
  let opened: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    opened = resolve;
  });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    if (lines[0] === 'ready') {
      lines.shift();
      opened();
    }
    confirmed.push(...lines);
    if (lines.length > 0) onLine?.();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      opened();
      resolve(code);
    }),
  );
  const go = () => child.stdin?.end('go\n');
  return { child, confirmed, ready, go, exited, stderr: () => errors };
}

async function storeFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true });
  return entries.map((entry) => join(root, entry)).filter((path) => path.endsWith('.json'));
}

describe('several processes on one store', () => {
  const tempFolder = useTempFolder();

  it(
    'loses no confirmed tag and tears no file when killed at random moments',
    async () => {
      const root = await tempFolder();
      const articles = makeArticles(4, 150);
      const articlesPath = join(root, '..', `${root.split('/').pop()}-articles.json`);
      await writeFile(articlesPath, JSON.stringify(articles));
      const confirmed = new Set<string>();
      let next = 0;
      // Each kill is a new process: 30 kill every kind of moment (before, inside and after a
      // write) many times over, and keep the suite within 5 minutes on 2 cores.
      const KILLS = 30;

      for (let kill = 0; kill < KILLS; kill += 1) {
        const delay = Math.random() * 40;
        let timer: NodeJS.Timeout | undefined;
        const tagger = startTagger(
          { root, annotator: 'crash', articles: articlesPath, from: next, to: next + 10_000 },
          () => {
            timer ??= setTimeout(() => tagger.child.kill('SIGKILL'), delay);
          },
        );
        const code = await tagger.exited;
        clearTimeout(timer);
        expect(code, tagger.stderr()).toBeNull();
        for (const id of tagger.confirmed) confirmed.add(id);
        // Each new child starts after the tags the last one confirmed; one that was in flight may
        // have been written too, and is simply tagged again (a no-op) or skipped.
        next += tagger.confirmed.length;

        const held = new Set<string>();
        for (const file of await storeFiles(root)) {
          const doc = JSON.parse(await readFile(file, 'utf8'));
          for (const annotation of doc.annotations) held.add(annotation.id);
        }
        const missing = [...confirmed].filter((id) => !held.has(id));
        expect(missing, `after kill ${kill + 1}`).toEqual([]);
      }

      const repo = await openRepository({ root, annotator: 'check', articles });
      expect(repo.problems()).toEqual([]);
      expect(repo.list({ annotator: 'crash' }).length).toBeGreaterThanOrEqual(confirmed.size);
      expect(confirmed.size).toBeGreaterThan(KILLS);
      const leftovers = (await readdir(join(root, 'crash'))).filter((name) =>
        name.endsWith('.tmp'),
      );
      expect(leftovers).toEqual([]);
    },
    patience(40_000),
  );

  it(
    'keeps all 300 tags when two processes of one annotator tag one article at once',
    async () => {
      const root = await tempFolder();
      const articles = makeArticles(1, 334);
      const articlesPath = join(root, '..', `${root.split('/').pop()}-one.json`);
      await writeFile(articlesPath, JSON.stringify(articles));
      // Both open the store, then tag together: every one of their writes meets the other's,
      // where a child that started late used to find the other halfway through its tags.
      const options = { root, annotator: 'twin', articles: articlesPath, ready: true };
      const first = startTagger({ ...options, from: 0, to: 150 });
      const second = startTagger({ ...options, from: 150, to: 300 });
      await Promise.all([first.ready, second.ready]);
      first.go();
      second.go();
      expect(await first.exited, first.stderr()).toBe(0);
      expect(await second.exited, second.stderr()).toBe(0);

      const doc = JSON.parse(await readFile(join(root, 'twin', 'article-0.json'), 'utf8'));
      const ids = new Set(doc.annotations.map((annotation: { id: string }) => annotation.id));
      expect(ids.size).toBe(300);
      expect([...first.confirmed, ...second.confirmed].every((id) => ids.has(id))).toBe(true);
      expect(await readdir(join(root, 'twin'))).toEqual(['article-0.json']);
    },
    patience(20_000),
  );
});
