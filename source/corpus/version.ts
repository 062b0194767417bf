/**
 * The version of the cleaning rules. Bump it whenever the clean text of any file may change:
 * cached articles made by another version are rebuilt. Its own module, so that opening the
 * corpus index does not load the cleaner.
 */
export const CLEANER_VERSION = 21;
