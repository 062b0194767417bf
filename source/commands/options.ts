import type { AnyFlags } from 'meow';
import { didYouMean } from '../search/closest.js';

const toCamel = (name: string) =>
  name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The long and short names a command's flags answer to, and which of them take a value. */
function namesOf(flags: AnyFlags) {
  const long = new Set<string>(['help', 'version']);
  const short = new Set<string>();
  const valueTaking = new Set<string>();
  for (const [name, spec] of Object.entries(flags)) {
    const takes = spec.type !== 'boolean';
    for (const each of [name, ...(spec.aliases ?? [])]) {
      long.add(each);
      if (takes) valueTaking.add(each);
    }
    if (spec.shortFlag) {
      short.add(spec.shortFlag);
      if (takes) valueTaking.add(spec.shortFlag);
    }
  }
  return { long, short, valueTaking };
}

/** The long options a command takes, as typed (`--annotator-ids`), for "did you mean". */
export function optionNames(flags: AnyFlags): string[] {
  const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return [...namesOf(flags).long].map((name) => `--${kebab(name)}`);
}

/** ` (did you mean "--format"?)` for an unknown option, or nothing. */
export function optionGuess(written: string, flags: AnyFlags): string {
  const bare = written.replace(/=.*$/, '');
  return bare.startsWith('--') ? didYouMean(bare, optionNames(flags)) : '';
}

/**
 * `-h` means `--help` on every command, as it does for `margin -h`, unless a command gives the
 * letter to one of its own flags.
 */
export function expandHelp(argv: string[], flags: AnyFlags): string[] {
  if (namesOf(flags).short.has('h')) return argv;
  const end = argv.indexOf('--');
  return argv.map((token, index) =>
    token === '-h' && (end < 0 || index < end) ? '--help' : token,
  );
}

/**
 * The first option the command does not know, as typed (without any `=value`), or undefined.
 * For a free-text command (`search`) a word with one dash (`-Putin`) is query text, but one with
 * two (`--limt`) is a mistyped option: no query word starts with `--`.
 */
export function unknownOption(
  argv: string[],
  flags: AnyFlags,
  freeText = false,
): string | undefined {
  const { long, short, valueTaking } = namesOf(flags);
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--') return undefined;
    const option = /^(--?)([^=]+)(=.*)?$/.exec(token);
    if (!option || /^-\d/.test(token)) continue;
    const [, dashes, written, value] = option;
    if (dashes === '--') {
      const name = toCamel(written!);
      const bare = name.startsWith('no') ? toCamel(written!.replace(/^no-/, '')) : name;
      if (!long.has(name) && !long.has(bare)) return `--${written}`;
      if (!value && valueTaking.has(name)) index++;
      continue;
    }
    const letter = written![0]!;
    if (!short.has(letter)) {
      if (freeText) continue;
      return `-${written}`;
    }
    // `-n 5`; `-n5` carries its value.
    if (!value && written!.length === 1 && valueTaking.has(letter)) index++;
  }
  return undefined;
}

/** ` (did you mean "export"?)` for an unknown command, or nothing. */
export function commandGuess(written: string, names: readonly string[]): string {
  return didYouMean(written, names);
}

/**
 * The first option that takes a value but was given none, as typed, or undefined: the last word
 * of the line, or one followed by another option (`-c --json`). meow reads it as an empty value,
 * which every command takes for the option left out: `list -c` listed the default corpus (or
 * said `seeds` was not found) instead of saying what was missing. `--name=` is a value, if an
 * empty one; a negative number (`-5`) and `-` (standard input) are values. For a free-text
 * command a word with one dash may be query text, so only `--` ends a value there.
 */
export function missingValue(
  argv: string[],
  flags: AnyFlags,
  freeText = false,
): string | undefined {
  const { long, short, valueTaking } = namesOf(flags);
  const isOption = (token: string | undefined) =>
    token !== undefined &&
    token !== '-' &&
    !/^-\d/.test(token) &&
    (freeText ? token.startsWith('--') : token.startsWith('-'));
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--') return undefined;
    const option = /^(--?)([^=]+)(=.*)?$/.exec(token);
    if (!option || option[3] !== undefined || /^-\d/.test(token)) continue;
    const [, dashes, written] = option;
    const name = dashes === '--' ? toCamel(written!) : written!;
    const known = dashes === '--' ? long.has(name) : written!.length === 1 && short.has(name);
    if (!known || !valueTaking.has(name)) continue;
    const next = argv[index + 1];
    if (next === undefined || next === '--' || isOption(next)) return token;
    index++;
  }
  return undefined;
}
