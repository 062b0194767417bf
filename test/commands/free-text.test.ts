import { describe, expect, it } from 'vitest';
import { separateFreeText } from '../../source/commands/free-text.js';

const flags = {
  corpus: { type: 'string', default: 'seeds', shortFlag: 'c' },
  json: { type: 'boolean', default: false },
  limit: { type: 'number', default: 20, shortFlag: 'n' },
} as const;

describe('separateFreeText', () => {
  it('keeps an exclusion word as input instead of reading it as short options', () => {
    expect(separateFreeText(['Witkoff', '-Putin', '--json'], flags)).toEqual([
      '--json',
      '--',
      'Witkoff',
      '-Putin',
    ]);
  });

  it('keeps the values of options that take one, in every spelling', () => {
    expect(
      separateFreeText(['-n', '3', 'a', '--corpus', 'dir', '--limit=4', '-c', 'x', 'b'], flags),
    ).toEqual(['-n', '3', '--corpus', 'dir', '--limit=4', '-c', 'x', '--', 'a', 'b']);
  });

  it('knows negated booleans, help and version', () => {
    expect(separateFreeText(['--no-json', '--help', 'q'], flags)).toEqual([
      '--no-json',
      '--help',
      '--',
      'q',
    ]);
  });

  it('passes everything after -- through as words, in order', () => {
    expect(separateFreeText(['--json', '--', '--limit', '-x'], flags)).toEqual([
      '--json',
      '--',
      '--limit',
      '-x',
    ]);
  });

  it('adds nothing when there are no words', () => {
    expect(separateFreeText(['--json'], flags)).toEqual(['--json']);
  });
});
