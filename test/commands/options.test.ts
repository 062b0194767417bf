import { describe, expect, it } from 'vitest';
import { expandHelp, missingValue, unknownOption } from '../../source/commands/options.js';

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

describe('missingValue', () => {
  it('names an option that takes a value and was given none, as typed', () => {
    expect(missingValue(['-c'], flags)).toBe('-c');
    expect(missingValue(['--json', '--corpus'], flags)).toBe('--corpus');
    expect(missingValue(['-c', '--json'], flags)).toBe('-c');
    expect(missingValue(['-n', '-c', 'x'], flags)).toBe('-n');
    expect(missingValue(['--corpus', '--', 'a'], flags)).toBe('--corpus');
  });

  it('takes an empty value after =, a negative number, - and anything after --', () => {
    expect(missingValue(['--corpus=', '-n', '-3', '-c', '-'], flags)).toBeUndefined();
    expect(missingValue(['--json', 'a', '--', '-c'], flags)).toBeUndefined();
    expect(missingValue(['--bogus', '--json'], flags)).toBeUndefined();
  });

  it('in free text, a word with one dash may be the value (-Putin)', () => {
    expect(missingValue(['-c', '-Putin'], flags, true)).toBeUndefined();
    expect(missingValue(['Witkoff', '-c'], flags, true)).toBe('-c');
  });
});

describe('expandHelp', () => {
  it('reads -h as --help, except after -- or where a command owns the letter', () => {
    expect(expandHelp(['-h', '--', '-h'], flags)).toEqual(['--help', '--', '-h']);
    const own = { header: { type: 'string', shortFlag: 'h' } } as const;
    expect(expandHelp(['-h', 'x'], own)).toEqual(['-h', 'x']);
  });
});
