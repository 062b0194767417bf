import type { BenchSection } from '../types.js';

/**
 * Every benchmark section, by the name `--only` takes, in the order they run. Imports are lazy
 * so that a section's dependencies load only in the process that runs it. Add one line per
 * section: `name: () => import('./name.js').then((m) => m.section),`
 */
export const sections: Record<string, () => Promise<BenchSection>> = {
  generate: () => import('./generate.js').then((m) => m.section),
  pipeline: () => import('./pipeline.js').then((m) => m.section),
  search: () => import('./search.js').then((m) => m.section),
  store: () => import('./store.js').then((m) => m.section),
  export: () => import('./export.js').then((m) => m.section),
  ui: () => import('./ui.js').then((m) => m.section),
  suggest: () => import('./suggest.js').then((m) => m.section),
  story: () => import('./story.js').then((m) => m.section),
  quality: () => import('./quality.js').then((m) => m.section),
  scale: () => import('./scale.js').then((m) => m.section),
};
