import { ioReason } from '../corpus/io-reason.js';

/**
 * The one line for an annotator folder the store cannot list: the store's reading and the story
 * links' reading both name it, in these words, so a command that meets it twice says it once.
 */
export const unreadableFolderLine = (shown: string, error: unknown): string =>
  `${shown}: folder cannot be read (${ioReason(error)}); its files are left out`;
