// An esbuild plugin: the bundles give margin's string width (source/text/string-width.ts) to Ink
// and its helpers in place of `string-width`.
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const own = fileURLToPath(new URL('source/text/string-width.ts', root));

/**
 * Ink draws a frame by measuring every line, and every character it places, with `string-width`,
 * which segments graphemes for any text beyond ASCII: the curly quotes of titles and the screen's
 * `·` and `│` made that about a third of a keypress's frame. margin's own function gives the same
 * answers (a test checks every character it counts itself) without segmenting texts of one-column
 * characters. Every copy is replaced, also the older one Ink's `wrap-ansi` has of its own: Ink then
 * wraps lines with the widths it measures them with, and that copy's emoji pattern (`emoji-regex`,
 * 40 ms to compile at import under load) is not in the bundle.
 */
/** The modules whose `string-width` was replaced: the bundle checks Ink's drawing is among them. */
export const replacedFor = new Set();

export const fastStringWidth = {
  name: 'fast-string-width',
  setup(build) {
    build.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.importer === own || args.pluginData === fastStringWidth) return undefined;
      const found = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: fastStringWidth,
      });
      if (found.errors.length > 0) return { errors: found.errors };
      replacedFor.add(args.importer);
      return { path: own };
    });
  },
};
