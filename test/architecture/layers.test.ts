import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = resolve(import.meta.dirname, '../../source');

/**
 * The direction of dependencies that ARCHITECTURE.md draws: each part may import the parts
 * listed for it, and nothing above it. `cli` is `source/cli.tsx` and `source/cli/`; `bin` is
 * `source/bin.ts`, package.json's `bin`, which runs `margin search` or `cli.js`.
 */
const ALLOWED: Record<string, readonly string[]> = {
  text: [],
  corpus: ['text'],
  store: ['corpus', 'text'],
  search: ['corpus', 'store', 'text'],
  export: ['corpus', 'store', 'search', 'text'],
  story: ['corpus', 'store', 'search', 'text'],
  suggest: ['corpus', 'store', 'text'],
  review: ['corpus', 'store', 'search', 'export', 'story', 'suggest', 'text'],
  ui: ['review', 'corpus', 'store', 'search', 'export', 'story', 'suggest', 'text'],
  commands: [
    'ui',
    'review',
    'corpus',
    'store',
    'search',
    'export',
    'story',
    'suggest',
    'text',
    'project',
  ],
  project: ['store', 'text'],
  cli: ['commands', 'text'],
  bin: ['cli', 'commands'],
};

/** Packages that draw: only the UI (and the command that starts it, lazily) may load them. */
const DRAWING = new Set(['ink', 'react', 'ink-testing-library']);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function partOf(file: string): string {
  const path = relative(SOURCE, file);
  return path.includes('/') ? path.split('/')[0]! : path.replace(/\.tsx?$/, '');
}

const SPECIFIER =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

interface Edge {
  file: string;
  specifier: string;
  target: string;
}

function imports(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = (match[1] ?? match[2])!;
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      edges.push({
        file,
        specifier,
        target: relative(SOURCE, target).startsWith('..') ? '' : partOf(target),
      });
    } else {
      edges.push({ file, specifier, target: `package:${specifier.split('/')[0]}` });
    }
  }
  return edges;
}

const files = sourceFiles(SOURCE);

describe('the direction of dependencies', () => {
  it('finds the imports it checks (the scanner itself works)', () => {
    const review = imports(join(SOURCE, 'review/controller.ts'));
    expect(review.map((edge) => edge.target)).toContain('store');
    expect(files.length).toBeGreaterThan(100);
  });

  it('has every part of source/ in its table', () => {
    const parts = new Set(files.map(partOf));
    expect([...parts].filter((part) => !(part in ALLOWED))).toEqual([]);
  });

  it('never imports upwards: each part only from the parts below it', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const part = partOf(file);
      for (const edge of imports(file)) {
        if (edge.target.startsWith('package:') || edge.target === part) continue;
        if (!ALLOWED[part]?.includes(edge.target)) {
          wrong.push(
            `${relative(SOURCE, file)} imports ${edge.specifier} (${part} → ${edge.target})`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('draws only in ui/: no Ink or React below it', () => {
    const wrong = files.flatMap((file) => {
      const part = partOf(file);
      if (part === 'ui') return [];
      return imports(file)
        .filter((edge) => DRAWING.has(edge.target.replace('package:', '')))
        .map((edge) => `${relative(SOURCE, file)} imports ${edge.specifier}`);
    });
    expect(wrong).toEqual([]);
  });
});
