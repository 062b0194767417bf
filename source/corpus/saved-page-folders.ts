import { statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isPageName, PAGE_EXTENSIONS } from './page-extensions.js';

/**
 * "Save page as…, complete" writes `NAME.html` and, beside it, a folder of the page's resources
 * (images, scripts, style sheets, the documents of its frames and ads) named after it: `NAME_files`
 * in Chrome and in an English Firefox, localised elsewhere (`NAME-Dateien`, `NAME_fichiers`…).
 * Windows keeps the two together under the same list of suffixes ("connected files"). None of
 * that folder is an article: its scripts, styles and ad frames read as junk articles and its
 * images as warnings, so the walk skips it, silently, when the page it belongs to stands beside it.
 */
const RESOURCE_WORDS = new Set([
  'files', // Chrome (every language), Firefox and Internet Explorer in English, Japanese, Russian…
  'dateien', // German
  'fichiers', // French
  'archivos', // Spanish
  'arquivos', // Portuguese (Brazil)
  'ficheiros', // Portuguese (Portugal)
  'file', // Italian
  'bestanden', // Dutch
  'pliki', // Polish
  'soubory', // Czech
  'súbory', // Slovak
  'elemei', // Hungarian
  'dosyalar', // Turkish
  'tiedostot', // Finnish
  'filer', // Swedish, Danish, Norwegian
  'failid', // Estonian
  'faili', // Latvian
  'failai', // Lithuanian
  'bylos', // Lithuanian (older Windows)
  'datoteke', // Slovenian, Croatian
  'fajlovi', // Serbian
  'fitxers', // Catalan
  'fitxategiak', // Basque
]);

/** The page a resource folder's name would belong to (`story` for `story_files`), or null. */
function pageStem(name: string): string | null {
  const match = /^(.+)[_.-]([^_.-]+)$/u.exec(name);
  return match && RESOURCE_WORDS.has(match[2]!.toLowerCase()) ? match[1]! : null;
}

/**
 * Whether subfolder `name` of `parent` is a saved page's resources: a name ending in one of the
 * words above after `_`, `-` or `.`, with the page of the same name beside it. A folder listed
 * as a stream holds no file names, so the page is looked up (a few lookups for such names only);
 * a folder listed whole gives the stems of its pages (`pageStems`), made when first asked.
 */
export function isSavedPageResources(
  parent: string,
  name: string,
  stems?: () => ReadonlySet<string>,
): boolean {
  const stem = pageStem(name);
  if (stem === null) return false;
  if (stems) return stems().has(stem);
  return PAGE_EXTENSIONS.some((extension) =>
    [extension, extension.toUpperCase()].some((written) => {
      try {
        return statSync(join(parent, stem + written)).isFile();
      } catch {
        return false;
      }
    }),
  );
}

/** The names without their extension of the pages among a folder's files (`story.html`). */
export function pageStems(files: Iterable<string>): Set<string> {
  const stems = new Set<string>();
  for (const name of files) {
    if (isPageName(name)) stems.add(name.slice(0, -extname(name).length));
  }
  return stems;
}
