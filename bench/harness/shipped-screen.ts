/**
 * The review screen as `margin review` runs it, for the keypress timing: `npm run prebench`
 * replaces this module's compiled file with a bundle made with the CLI's own settings
 * (scripts/bundle-bench.mjs: production React, margin's string width for Ink), so the timing
 * is of the shipped screen, not of the modules tsc emits.
 */
export { render } from 'ink';
export { createElement } from 'react';
export { buildArticle } from '../../source/corpus/article.js';
export { bytesToSource } from '../../source/corpus/read.js';
export { ReviewController } from '../../source/review/controller.js';
export { initialState } from '../../source/review/state.js';
export {
  createMemoryRepository,
  diskRejectionStore,
  openRepository,
} from '../../source/store/index.js';
export { Journal } from '../../source/store/journal.js';
export { App } from '../../source/ui/components/App.js';
export { makeTheme } from '../../source/ui/theme.js';
