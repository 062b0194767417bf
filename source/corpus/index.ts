export { CLEANER_VERSION } from './article.js';
export { defaultCacheDir } from './cache.js';
export { type LoadOptions, type LoadProgress, loadCorpus, readArticle } from './load.js';
export { FileRefusedError, MAX_FILE_BYTES } from './read.js';
export { sanitizeText } from './sanitize.js';
export { splitSentences } from './sentences.js';
export type * from './types.js';
