import type { Command } from './command.js';

/**
 * Every command, loaded only when it runs: `margin show` must not pay for Ink and React.
 * Add a command by adding a line here; `margin --help` lists them in this order.
 */
export const commands: Record<string, () => Promise<Command>> = {
  review: async () => (await import('./review.js')).command,
  show: async () => (await import('./show.js')).command,
  list: async () => (await import('./list.js')).command,
  index: async () => (await import('./index-command.js')).command,
  split: async () => (await import('./split.js')).command,
  orphans: async () => (await import('./orphans.js')).command,
  export: async () => (await import('./export.js')).command,
  import: async () => (await import('./import.js')).command,
  search: async () => (await import('./search.js')).command,
  suggest: async () => (await import('./suggest.js')).command,
  stats: async () => (await import('./stats.js')).command,
  agree: async () => (await import('./agree.js')).command,
  relabel: async () => (await import('./relabel.js')).command,
  init: async () => (await import('./init.js')).command,
  completion: async () => (await import('./completion.js')).command,
  story: async () => (await import('./story.js')).command,
};
