import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, RULES } from '../../source/suggest/index.js';

const page = readFileSync(
  join(import.meta.dirname, '..', '..', 'docs', 'readme', 'suggest.md'),
  'utf8',
);
const signed = (weight: number): string => (weight > 0 ? `+${weight}` : String(weight));

describe('docs/readme/suggest.md', () => {
  it('lists every rule with its weight and meaning', () => {
    for (const rule of RULES) {
      expect(page).toContain(`| \`${rule.name}\` | ${signed(rule.weight)} | ${rule.means} |`);
    }
  });

  it('gives each label its start', () => {
    for (const [label, start] of Object.entries(BASE)) {
      expect(page).toContain(`| ${label} | start | ${start} | before any rule |`);
    }
  });
});
