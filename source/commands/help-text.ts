/**
 * A command's usage as the project in this folder makes it: the corpus and store margin.json
 * names, and its labels, in place of the built-in defaults the usage is written with. Help that
 * said `--corpus (default: seeds)` and `--label … (claim, quote, event)` in a project of
 * `articles` and an `opinion` label told the reviewer what margin would not do.
 */
import type { CommandIO } from './command.js';
import { loadProject } from './project.js';

export async function projectUsage(usage: string, argv: string[], io: CommandIO): Promise<string> {
  let context: Awaited<ReturnType<typeof loadProject>>;
  try {
    context = await loadProject({ project: projectFlag(argv) }, io);
  } catch {
    // A project file that cannot be read is the command's to report, not help's.
    return usage;
  }
  if (!context.file) return usage;
  const names = context.labels.map((label) => label.name);
  const text = usage
    .replaceAll('(default: seeds)', `(default: ${context.corpus.shown})`)
    .replaceAll('(default: annotations)', `(default: ${context.store.shown})`)
    .replaceAll('(claim, quote, event)', `(${names.join(', ')})`)
    .replaceAll('label:quote|claim|event|none', `label:${[...names, 'none'].join('|')}`);
  // The examples too: `margin search 'Zelensky label:quote'` copied from the help in a project
  // without quotes was refused ("unknown label:quote").
  const retired = ['claim', 'quote', 'event'].filter((name) => !names.includes(name));
  const first = names[0];
  if (first === undefined || retired.length === 0) return text;
  const example = new RegExp(`(label:|--label )(?:${retired.join('|')})\\b`, 'g');
  return text.replace(example, (_, before: string) => `${before}${first}`);
}

/** `--project FILE` or `--project=FILE` as typed, if given. */
function projectFlag(argv: string[]): string | undefined {
  for (let at = 0; at < argv.length; at++) {
    const token = argv[at]!;
    if (token === '--') return undefined;
    if (token === '--project') return argv[at + 1];
    if (token.startsWith('--project=')) return token.slice('--project='.length);
  }
  return undefined;
}

/**
 * The usage with a `--project` line among its options, for a command that takes one and does
 * not say so itself (qa52: `relabel --help` and most others never named it).
 */
export function withProjectOption(usage: string): string {
  if (/^\s*--project\b/m.test(usage)) return usage;
  const options = usage.search(/^Options$/m);
  if (options < 0) return usage;
  const end = usage.indexOf('\n\n', options);
  const block = end < 0 ? usage.slice(options) : usage.slice(options, end);
  // Aligned with the block's descriptions: the column where the first option's text starts.
  const column = /^( *--[\w-]+(?:, -\w)?(?: [A-Z]+)? +)/m.exec(
    block.slice('Options'.length + 1),
  )?.[1]?.length;
  const at = column ?? 0;
  // With its value's name where the column leaves room for it, as the others show theirs.
  const flag = at >= '  --project FILE'.length + 2 ? '  --project FILE' : '  --project';
  const line = `${flag.padEnd(Math.max(at, flag.length + 2))}The project file (default: margin.json here or in a folder above)`;
  return end < 0 ? `${usage}\n${line}` : `${usage.slice(0, end)}\n${line}${usage.slice(end)}`;
}
