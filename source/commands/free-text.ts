import type { AnyFlags } from 'meow';

const toCamel = (name: string) =>
  name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * For commands whose input is free text (a search query), moves every word that is not one of
 * the command's own options behind `--`, keeping the words' order. Without this the parser would
 * read the exclusion `-Putin` as the short options -P -u -t -i -n and refuse them.
 */
export function separateFreeText(argv: string[], flags: AnyFlags): string[] {
  const valueTaking = new Set<string>();
  const known = new Set<string>(['help', 'version']);
  for (const [name, spec] of Object.entries(flags)) {
    const names = [name, ...(spec.shortFlag ? [spec.shortFlag] : []), ...(spec.aliases ?? [])];
    for (const each of names) {
      known.add(each);
      if (spec.type !== 'boolean') valueTaking.add(each);
    }
  }
  const options: string[] = [];
  const words: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index]!;
    if (token === '--') {
      words.push(...argv.slice(index + 1));
      break;
    }
    const option = /^(--?)([^=]+)(=.*)?$/.exec(token);
    const name = option ? toCamel(option[2]!) : undefined;
    const bare =
      name?.startsWith('no') && option?.[1] === '--'
        ? toCamel(option[2]!.replace(/^no-/, ''))
        : name;
    if (!option || !name || !(known.has(name) || (bare !== undefined && known.has(bare)))) {
      words.push(token);
      continue;
    }
    options.push(token);
    if (!option[3] && valueTaking.has(name) && index + 1 < argv.length)
      options.push(argv[++index]!);
  }
  return words.length > 0 ? [...options, '--', ...words] : options;
}
