import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { seedsCopyPerTest, spawnCli, storeOpened, WHOLE_SESSION } from './pty.js';

vi.setConfig({ testTimeout: WHOLE_SESSION });

const seeds = seedsCopyPerTest();

const WORDS = Array.from({ length: 300 }, (_, index) => `w${index}`);

describe('a sentence taller than the terminal, in a real one', () => {
  it('is read a page at a time with Space at 60×15, every word of it shown', async () => {
    mkdirSync(join(seeds.dir, 'tall'));
    writeFileSync(
      join(seeds.dir, 'tall', 'tall.txt'),
      `A long sentence\n\nOfficials named ${WORDS.join(' ')}.\n\nA short one after it. And another one.\n`,
    );
    const s = seeds.track(
      spawnCli(['--corpus', 'tall', '--store', 'annotations', '--annotator', 'alice'], {
        cwd: seeds.dir,
        cols: 60,
        rows: 15,
      }),
    );
    const header = (screen: string) => screen.split('\n')[0] ?? '';
    await s.waitFor(
      (t) =>
        t.includes('Enter open') &&
        storeOpened(
          t
            .split('\n')
            .filter((row) => row.trim() !== '')
            .at(-1) ?? '',
        ),
      'the list',
    );
    s.write('\r');
    await s.waitFor(
      (t) => t.includes('Officials named w0') && t.includes('Space more'),
      'the reader',
    );
    const seen = new Set<string>();
    let screen = s.screen().join('\n');
    for (let page = 0; page < 10 && screen.includes('Space more'); page += 1) {
      for (const word of screen.match(/\bw\d+\b/g) ?? []) seen.add(word);
      // A word past the last one shown: the next page has it.
      const last = Math.max(...(screen.match(/\bw\d+\b/g) ?? []).map((w) => Number(w.slice(1))));
      s.write(' ');
      await s.waitFor(
        (t) => t.includes(`w${Math.min(last + 1, 299)} `) || t.includes('w299.'),
        `the page after w${last}`,
      );
      screen = s.screen().join('\n');
      expect(header(screen), screen).toContain('sent. 1/3');
    }
    for (const word of screen.match(/\bw\d+\b/g) ?? []) seen.add(word);
    expect(WORDS.filter((word) => !seen.has(word))).toEqual([]);
    expect(screen).not.toContain('Space more');
    s.write(' ');
    await s.waitFor((t) => header(t).includes('sent. 2/3'), 'the next sentence');
  });
});
