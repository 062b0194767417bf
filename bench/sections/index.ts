import type { BenchSection } from '../types.js';

/**
 * Every benchmark section, by the name `--only` takes. Imports are lazy so that a section's
 * dependencies load only in the process that runs it. Add one line per section.
 */
export const sections: Record<string, () => Promise<BenchSection>> = {};
