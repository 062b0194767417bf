// An esbuild plugin: what Ink's text helpers build when they are imported is built when first used.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const modules = fileURLToPath(new URL('node_modules/', root));
const graphemes = JSON.stringify(fileURLToPath(new URL('source/text/graphemes.ts', root)));
/**
 * The grapheme segmenter of the two helpers Ink tokenizes every line of a frame with: margin's
 * (`graphemeSegmenter`), which answers text of characters that are each a grapheme without ICU
 * and hands any other text to an `Intl.Segmenter` of graphemes, made on first use.
 */
const ownGraphemes = `import { graphemeSegmenter as __marginGraphemes } from ${graphemes};`;

/**
 * `string-width`, `wrap-ansi`, `slice-ansi` and Ink's tokenizer each make an `Intl.Segmenter`
 * at import, and `string-width` compiles `/^\p{RGI_Emoji}$/v` there too. The first segmenter loads
 * ICU's break data and the emoji pattern expands every emoji sequence: 40–70 ms before margin's
 * first frame (load 7), although a screen of one-column text never segments or tests for emoji
 * (`source/text/string-width.ts` answers it without them). Each is made on first use instead;
 * the answers are the same objects' answers. A file whose statement is no longer found fails
 * the build, so an upgrade that changes them is looked at rather than silently left eager.
 */
const LAZY = [
  {
    file: 'string-width/index.js',
    statements: [
      ['const segmenter = new Intl.Segmenter();', 'segmenter', 'new Intl.Segmenter()', 'segment'],
      [
        'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
        'rgiEmojiRegex',
        "new RegExp('^\\\\p{RGI_Emoji}$', 'v')",
        'test',
      ],
    ],
  },
  {
    file: 'wrap-ansi/index.js',
    statements: [
      ['const segmenter = new Intl.Segmenter();', 'segmenter', 'new Intl.Segmenter()', 'segment'],
    ],
  },
  {
    file: 'slice-ansi/tokenize-ansi.js',
    imports: ownGraphemes,
    statements: [
      [
        "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
        'GRAPHEME_SEGMENTER',
        '__marginGraphemes()',
        'segment',
      ],
    ],
  },
  {
    file: '@alcalzone/ansi-tokenize/build/tokenize.js',
    imports: ownGraphemes,
    statements: [
      [
        'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
        'segmenter',
        '__marginGraphemes()',
        'segment',
      ],
    ],
  },
];

/** The files this plugin changed in the last build: the bundle checks each was bundled. */
export const madeLazy = new Set();

/** Every file the plugin knows: one no longer bundled is a stale entry. */
export const lazyFiles = LAZY.map((entry) => entry.file);

const asPattern = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export const lazyAtImport = {
  name: 'lazy-at-import',
  setup(build) {
    const filter = new RegExp(
      `^${asPattern(modules)}(?:${LAZY.map((entry) => asPattern(entry.file)).join('|')})$`,
    );
    build.onLoad({ filter }, async (args) => {
      const entry = LAZY.find((each) => args.path === modules + each.file);
      let text = await readFile(args.path, 'utf8');
      for (const [statement, name, make, method] of entry.statements) {
        if (!text.includes(statement)) {
          return {
            errors: [
              {
                text: `${entry.file} no longer has "${statement}": see scripts/lazy-at-import.mjs`,
              },
            ],
          };
        }
        // The object keeps the one method the module calls, which makes the real one when first called.
        const lazy = `let ${name}$made; const ${name} = { ${method}: (value) => (${name}$made ??= ${make}).${method}(value) };`;
        text = text.replace(statement, () => lazy);
      }
      if (entry.imports) text = `${entry.imports}\n${text}`;
      madeLazy.add(entry.file);
      return { contents: text, loader: 'js' };
    });
  },
};
