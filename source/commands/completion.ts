import { FORMATS } from '../export/formats.js';
import { IMPORT_FORMATS } from '../export/import-formats.js';
import type { Command } from './command.js';
import { commands } from './index.js';
import { optionNames } from './options.js';
import { CannotRun } from './output.js';
import { loadProject } from './project.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** Every command and the long options each takes, read from the commands themselves. */
async function commandOptions(): Promise<
  Array<{ name: string; summary: string; options: string[] }>
> {
  const out = [];
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    out.push({ name, summary: command.summary, options: optionNames(command.flags).sort() });
  }
  return out;
}

// Names are margin's own (commands, options, formats): plain words, safe in any shell quote.
const words = (list: readonly string[]) => list.join(' ');

function bash(all: Awaited<ReturnType<typeof commandOptions>>): string {
  const cases = all
    .map(({ name, options }) => `    ${name}) opts="${words(options)}" ;;`)
    .join('\n');
  return `# margin completion for bash: source it, or save it as
# ~/.local/share/bash-completion/completions/margin
_margin() {
  local cur prev cmd opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmd=review
  if [[ \${COMP_CWORD} -gt 1 && \${COMP_WORDS[1]} != -* ]]; then cmd="\${COMP_WORDS[1]}"; fi
  case "$prev" in
    --format|-f)
      if [[ $cmd == import ]]; then COMPREPLY=($(compgen -W "${words(IMPORT_FORMATS)}" -- "$cur"));
      else COMPREPLY=($(compgen -W "${words(FORMATS)}" -- "$cur")); fi
      return ;;
    --label) COMPREPLY=($(compgen -W "$(margin completion --labels 2>/dev/null)" -- "$cur")); return ;;
    --corpus|-c|--store|-s|--out|-o) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --project|--annotator-ids) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    completion) COMPREPLY=($(compgen -W "${words(SHELLS)}" -- "$cur")); return ;;
  esac
  if [[ \${COMP_CWORD} -eq 1 && $cur != -* ]]; then
    COMPREPLY=($(compgen -W "${words(all.map((c) => c.name))} help" -- "$cur"))
    return
  fi
  case "$cmd" in
${cases}
    *) opts="" ;;
  esac
  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur"));
  else COMPREPLY=($(compgen -f -- "$cur")); fi
}
complete -o filenames -F _margin margin
`;
}

function zsh(all: Awaited<ReturnType<typeof commandOptions>>): string {
  const names = all
    .map(({ name, summary }) => `    '${name}:${summary.replace(/[':]/g, ' ')}'`)
    .join('\n');
  const cases = all
    .map(({ name, options }) => `    ${name}) opts=(${words(options)}) ;;`)
    .join('\n');
  return `#compdef margin
# margin completion for zsh: save it as _margin in a folder of your $fpath
_margin() {
  local cmd=review
  local -a opts commands
  commands=(
${names}
  )
  if (( CURRENT == 2 )) && [[ $words[2] != -* ]]; then
    _describe 'margin command' commands
    return
  fi
  [[ $words[2] != -* ]] && cmd=$words[2]
  case $words[CURRENT-1] in
    --format|-f)
      if [[ $cmd == import ]]; then compadd ${words(IMPORT_FORMATS)}; else compadd ${words(FORMATS)}; fi
      return ;;
    --label) compadd -- \${(f)"$(margin completion --labels 2>/dev/null)"}; return ;;
    --corpus|-c|--store|-s|--out|-o) _files -/; return ;;
    --project|--annotator-ids) _files; return ;;
  esac
  case $cmd in
    completion) compadd ${words(SHELLS)}; return ;;
${cases}
  esac
  if [[ $PREFIX == -* ]]; then compadd -- $opts; else _files; fi
}
compdef _margin margin
`;
}

function fish(all: Awaited<ReturnType<typeof commandOptions>>): string {
  const lines = [
    '# margin completion for fish: save it as ~/.config/fish/completions/margin.fish',
    'complete -c margin -f',
    `set -l margin_commands ${words(all.map((c) => c.name))}`,
  ];
  for (const { name, summary } of all) {
    lines.push(
      `complete -c margin -n "not __fish_seen_subcommand_from $margin_commands" -a ${name} -d '${summary.replace(/'/g, ' ')}'`,
    );
  }
  for (const { name, options } of all) {
    for (const option of options) {
      lines.push(
        `complete -c margin -n "__fish_seen_subcommand_from ${name}" -l ${option.slice(2)}`,
      );
    }
  }
  lines.push(
    `complete -c margin -n "__fish_seen_subcommand_from export" -l format -x -a "${words(FORMATS)}"`,
    `complete -c margin -n "__fish_seen_subcommand_from import" -l format -x -a "${words(IMPORT_FORMATS)}"`,
    `complete -c margin -n "__fish_seen_subcommand_from export" -l label -x -a "(margin completion --labels 2>/dev/null)"`,
    `complete -c margin -n "__fish_seen_subcommand_from completion" -a "${words(SHELLS)}"`,
    'complete -c margin -l corpus -s c -r -a "(__fish_complete_directories)"',
    'complete -c margin -l store -s s -r -a "(__fish_complete_directories)"',
    'complete -c margin -l project -r -F',
    '',
  );
  return lines.join('\n');
}

export const command: Command = {
  name: 'completion',
  summary: 'Print a shell completion script: bash, zsh or fish',
  usage: `completion bash|zsh|fish

Prints a script that completes margin's commands, options, export and import formats, folders,
and the labels of the project you are in (asked of margin as you type, so they follow
margin.json).

Examples
  $ margin completion bash > ~/.local/share/bash-completion/completions/margin
  $ margin completion zsh > ~/.zfunc/_margin
  $ margin completion fish > ~/.config/fish/completions/margin.fish`,
  flags: {
    labels: { type: 'boolean', default: false },
    project: { type: 'string' },
  },
  async run(input, flags, io, output) {
    if (flags.labels) {
      // Asked by the scripts while completing `--label`: the project's label names.
      const { labels } = await loadProject(flags, io);
      await output.out(`${labels.map((label) => label.name).join('\n')}\n`);
      return output.status();
    }
    const shell = input[0];
    if (!SHELLS.includes(shell as Shell) || input.length > 1) {
      throw new CannotRun(
        `give one shell: ${SHELLS.join(', ')}${shell ? ` (got "${shell}")` : ''}`,
      );
    }
    const all = await commandOptions();
    const script = shell === 'bash' ? bash(all) : shell === 'zsh' ? zsh(all) : fish(all);
    await output.out(script);
    return output.status();
  },
};
