import { extname } from 'node:path';

/**
 * Extensions of pages, in lower case: files that may carry their images inlined (`data:` URIs,
 * so they are read up to a larger size and measured without them), and that a browser's "Save
 * page as…, complete" or a converter (pandoc, nbconvert, Quarto) writes beside a folder of
 * their resources (`NAME_files`).
 */
export const PAGE_EXTENSIONS: readonly string[] = [
  '.html',
  '.htm',
  '.xhtml',
  '.shtml',
  '.md',
  '.markdown',
  '.svg',
  '.mhtml',
  '.mht',
  // An email's attachments are parts beside its body, not read; its body is measured alone.
  '.eml',
];

const pages = new Set(PAGE_EXTENSIONS);

/** Whether a file name or path has a page's extension, in any case (`PAGE.HTM`). */
export function isPageName(name: string): boolean {
  return pages.has(extname(name).toLowerCase());
}
