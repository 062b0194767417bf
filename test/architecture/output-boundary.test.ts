import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = resolve(import.meta.dirname, '../../source');

/**
 * The only places that may write to the process's streams. Everything a command says or prints
 * goes through `commands/output.ts`, which escapes control characters with the one policy of
 * `text/untrusted.ts`; the review screen draws through Ink, whose stdout `ui/anchored-stdout.ts`
 * wraps, and `ui/screen.ts` switches the alternate screen and reports a crash. `cli/main.ts`
 * hands the streams to the commands.
 */
const WRITERS = new Set([
  'commands/output.ts',
  'ui/anchored-stdout.ts',
  'ui/screen.ts',
  'cli/main.ts',
]);

/** Ways to reach a terminal without the boundary. */
const DIRECT = /\b(?:stdout|stderr)\.write\(|\bconsole\.\w+\(|\bprocess\.(?:stdout|stderr)\b/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('one boundary for untrusted text', () => {
  it('recognises a direct write (the scan itself works)', () => {
    expect(DIRECT.test('io.stderr.write(message)')).toBe(true);
    expect(DIRECT.test('console.error(error)')).toBe(true);
    expect(DIRECT.test('output.say(message)')).toBe(false);
  });

  it('lets no code outside the boundary write to stdout or stderr', () => {
    const direct = sourceFiles(SOURCE).flatMap((file) => {
      const name = relative(SOURCE, file);
      if (WRITERS.has(name)) return [];
      return readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          DIRECT.test(line) && !line.trim().startsWith('//')
            ? [`${name}:${index + 1}: ${line.trim()}`]
            : [],
        );
    });
    expect(direct).toEqual([]);
  });
});
