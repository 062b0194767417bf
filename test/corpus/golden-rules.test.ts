import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreGoldenRules } from '../../bench/quality/golden-rules.js';

// The shared benchmarks sit beside the repository (`../shared/benchmarks`); a checkout elsewhere
// has none, and then the regression guard below is skipped, saying so.
const root = fileURLToPath(new URL('../../', import.meta.url));
const rulesFile = path.resolve(root, '../shared/benchmarks/golden-rules/en.jsonl');
const present = existsSync(rulesFile);
const guard = present ? describe : describe.skip;

guard(
  `pragmatic_segmenter's 52 English Golden Rules (${present ? rulesFile : `skipped: ${rulesFile} is absent`})`,
  () => {
    it('pass at least 51', () => {
      const score = scoreGoldenRules(rulesFile);
      const failing = score.failures
        .map(
          ({ n, name, expected, got }) =>
            `  rule ${n} (${name}): expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`,
        )
        .join('\n');
      expect(score.total).toBe(52);
      expect(
        score.passed,
        `${score.passed} of 52 pass; failing:\n${failing}`,
      ).toBeGreaterThanOrEqual(51);
    });
  },
);

describe('scoreGoldenRules', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'margin-golden-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, lines: string[]) => {
    const file = path.join(dir, name);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };

  it('counts whole-list matches, compares sentences on one line and names each failure', () => {
    const file = write('rules.jsonl', [
      JSON.stringify({ n: 1, name: 'two', text: 'One. Two.', sentences: ['One.', 'Two.'] }),
      JSON.stringify({
        n: 2,
        name: 'wrapped',
        text: 'It was a cold \nnight.',
        sentences: ['It was a cold night.'],
      }),
      JSON.stringify({ n: 3, name: 'wrong', text: 'One. Two.', sentences: ['One. Two.'] }),
    ]);
    expect(scoreGoldenRules(file)).toEqual({
      passed: 2,
      total: 3,
      failures: [{ n: 3, name: 'wrong', expected: ['One. Two.'], got: ['One.', 'Two.'] }],
    });
  });

  it('names the file and line of a case it cannot read', () => {
    const file = write('bad.jsonl', [
      JSON.stringify({ n: 1, name: 'ok', text: 'A.', sentences: ['A.'] }),
      JSON.stringify({ n: 2, name: 'no sentences', text: 'B.' }),
    ]);
    expect(() => scoreGoldenRules(file)).toThrow(
      `${file}:2: expected {"n","name","text","sentences"}`,
    );
  });
});
