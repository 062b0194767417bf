import { describe, expect, it } from 'vitest';
import { expandHelp, unknownOption } from '../../source/commands/options.js';

const flags = {
  corpus: { type: 'string', default: 'seeds', shortFlag: 'c' },
  json: { type: 'boolean', default: false },
  limit: { type: 'number', default: 20, shortFlag: 'n' },
  dryRun: { type: 'boolean', default: false },
} as const;

describe('unknownOption', () => {
  it('names the first option the command does not know, as typed', () => {
    expect(unknownOption(['a', '--jsno'], flags)).toBe('--jsno');
    expect(unknownOption(['--bogus=4'], flags)).toBe('--bogus');
    expect(unknownOption(['-x'], flags)).toBe('-x');
    expect(unknownOption(['-xc', 'dir'], flags)).toBe('-xc');
  });

  it('knows every spelling of the own flags, help, version and negated booleans', () => {
    expect(
      unknownOption(
        ['--json', '--no-json', '--dry-run', '--help', '--version', '-c', 'x', '--limit=3', '-n5'],
        flags,
      ),
    ).toBeUndefined();
  });

  it('does not read a value, a negative number or anything after -- as an option', () => {
    expect(unknownOption(['--corpus', '--odd-name', '-n', '-3', 'a'], flags)).toBeUndefined();
    expect(unknownOption(['--', '--bogus', '-x'], flags)).toBeUndefined();
  });

  it('in free text, one dash starts a word (-Putin) but two are a mistyped option', () => {
    expect(unknownOption(['Witkoff', '-Putin', '-"White'], flags, true)).toBeUndefined();
    expect(unknownOption(['Witkoff', '--limt', '3'], flags, true)).toBe('--limt');
  });
});

describe('expandHelp', () => {
  it('reads -h as --help, except after -- or where a command owns the letter', () => {
    expect(expandHelp(['-h', '--', '-h'], flags)).toEqual(['--help', '--', '-h']);
    const own = { header: { type: 'string', shortFlag: 'h' } } as const;
    expect(expandHelp(['-h', 'x'], own)).toEqual(['-h', 'x']);
  });
});
