import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { helpGroups } from '../../source/review/keymap.js';

// Table cells are padded when the file is formatted: compare with runs of spaces collapsed.
const README = readFileSync(
  new URL('../../docs/readme/review.md', import.meta.url),
  'utf8',
).replace(/ {2,}/g, ' ');

it('documents every row of the keymap as the help shows it', () => {
  for (const { group, rows } of helpGroups()) {
    expect(README).toContain(`| **${group}** | |`);
    for (const row of rows) {
      const keys = row.keys
        .split(' ')
        .map((key) => `\`${key}\``)
        .join(' ');
      expect(README).toContain(`| ${keys} | ${row.description} |`);
    }
  }
});
