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
  return usage
    .replaceAll('(default: seeds)', `(default: ${context.corpus.shown})`)
    .replaceAll('(default: annotations)', `(default: ${context.store.shown})`)
    .replaceAll('(claim, quote, event)', `(${names.join(', ')})`)
    .replaceAll('label:quote|claim|event|none', `label:${[...names, 'none'].join('|')}`);
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
