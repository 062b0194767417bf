import type { AnyFlags } from 'meow';

export interface ParsedLine {
  input: string[];
  flags: Record<string, unknown>;
}

const toCamel = (name: string) =>
  name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * A command line parsed as meow parses it, for the plain forms nearly every command line is made
 * of: `--name value`, `--name=value`, `-x value`, `--flag`, `--no-flag`, words, `--`. Anything
 * else gives null and is left to meow: `--help` and `--version` (meow prints them), a flag given
 * twice (meow refuses it), a missing value, grouped short flags, a word that looks like a
 * negative number. Why not meow every time: evaluating meow and its dependencies costs about
 * 70 ms, half of what `margin search` may take in all (test/commands/flags.test.ts holds the two
 * to the same answers).
 */
export function plainFlags(argv: readonly string[], specs: AnyFlags): ParsedLine | null {
  const shorts = new Map<string, string>();
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.isRequired || spec.choices || spec.aliases?.length) return null;
    if (spec.type !== 'string' && spec.type !== 'boolean') return null;
    if (spec.isMultiple && spec.default !== undefined) return null;
    if (spec.shortFlag) shorts.set(spec.shortFlag, name);
  }
  const input: string[] = [];
  const flags: Record<string, unknown> = {};
  const set = (name: string, value: unknown): boolean => {
    const spec = specs[name]!;
    if (spec.isMultiple) {
      flags[name] = [...((flags[name] as unknown[] | undefined) ?? []), value];
      return true;
    }
    if (name in flags) return false;
    flags[name] = value;
    return true;
  };
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--') {
      input.push(...argv.slice(index + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      input.push(token);
      continue;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (token.startsWith('--')) {
      const at = token.indexOf('=');
      const written = at < 0 ? token.slice(2) : token.slice(2, at);
      inline = at < 0 ? undefined : token.slice(at + 1);
      name = toCamel(written);
      if (!(name in specs) && written.startsWith('no-')) {
        const negated = toCamel(written.slice(3));
        if (specs[negated]?.type !== 'boolean' || inline !== undefined) return null;
        if (!set(negated, false)) return null;
        continue;
      }
    } else if (token.length === 2) name = shorts.get(token[1]!);
    if (name === undefined || name === 'help' || name === 'version') return null;
    const spec = specs[name];
    if (!spec) return null;
    if (spec.type === 'boolean') {
      if (inline !== undefined || !set(name, true)) return null;
      continue;
    }
    const value = inline ?? argv[++index];
    if (value === undefined || (inline === undefined && value.startsWith('-'))) return null;
    if (!set(name, value)) return null;
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (name in flags) continue;
    if (spec.isMultiple) flags[name] = [];
    else if (spec.default !== undefined) flags[name] = spec.default;
    else if (spec.type === 'boolean') flags[name] = false;
  }
  return { input, flags };
}
