import type { Command } from './command.js';

/**
 * Every command, loaded only when it runs: `margin show` must not pay for Ink and React.
 * Add a command by adding a line here; `margin --help` lists them in this order.
 */
export const commands: Record<string, () => Promise<Command>> = {
  show: async () => (await import('./show.js')).command,
  list: async () => (await import('./list.js')).command,
};
