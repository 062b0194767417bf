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
