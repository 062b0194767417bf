import { statSync } from 'node:fs';
import { join } from 'node:path';

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

/** Extensions browsers write a saved page with. */
const PAGE_EXTENSIONS = ['.html', '.htm', '.xhtml', '.shtml', '.HTML', '.HTM'];

/**
 * Whether subfolder `name` of `parent` is a saved page's resources: a name ending in one of the
 * words above after `_`, `-` or `.`, with the page of the same name beside it. A few lookups for
 * such names only, so that a folder listed as a stream need not hold its file names.
 */
export function isSavedPageResources(parent: string, name: string): boolean {
  const match = /^(.+)[_.-]([^_.-]+)$/u.exec(name);
  if (!match || !RESOURCE_WORDS.has(match[2]!.toLowerCase())) return false;
  return PAGE_EXTENSIONS.some((extension) => {
    try {
      return statSync(join(parent, match[1]! + extension)).isFile();
    } catch {
      return false;
    }
  });
}
