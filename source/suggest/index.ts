/**
 * margin's suggestion engine: rules propose claims, quotes (with their speaker) and events (with
 * when and where) for every sentence, and a small model learns from each decision of the
 * reviewer. Pure: no files of the user's (only WordNet's, read from its package), no UI. Load
 * it lazily (`loadSuggestions()` from `./lazy.js`) so a review's first frame does not wait for it.
 */
export { analyseArticle, analyseInSteps } from './analyse.js';
export { FEATURE_VERSION } from './features.js';
export {
  cloneModel,
  createModel,
  type LabelModel,
  learn,
  learnCorrection,
  learnDecision,
  learnLabels,
  observe,
  type SuggestModel,
  UNTAGGED_WEIGHT,
  UNTAUGHT_PRIOR,
  withRules,
} from './model.js';
export { BASE, RULES, type Rule } from './rules.js';
export {
  MODEL_FORMAT,
  MODEL_VERSION,
  type ModelFile,
  ModelFileError,
  parseModel,
  serialiseModel,
} from './serialise.js';
export { byUncertainty, DOUBT, suggest, THRESHOLD } from './suggest.js';
export type * from './types.js';
