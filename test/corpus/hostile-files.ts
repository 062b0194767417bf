import type { Random } from '../helpers/random.js';

/** One generated corpus file: its name and bytes, and what kind of hostility it carries. */
export interface HostileFile {
  name: string;
  bytes: Uint8Array;
  kind: string;
}

const PROSE = [
  'Negotiators met in Geneva on Tuesday, officials said.',
  'The talks will resume on Friday, both delegations confirmed.',
  '“We are cautiously optimistic,” a spokesman told reporters.',
  'Прокуратура открыла дело, сообщили в ведомстве.',
  '東京で会談が行われたと政府関係者が述べた。',
  'قال المتحدث إن المحادثات ستستمر.',
  'The minister said 3.5 million people were affected by the floods.',
];

// Sizes stay moderate: this is about what hostile bytes do, not how fast (the bench measures that).

/** What a title or a line of text is spiked with: escapes, bidi, C1, zero widths. */
const SPIKES = [
  '\x1b]0;pwned\x07',
  '\x1b[2J\x1b[H',
  '\x1b[31mred\x1b[0m',
  '\x9b31m',
  '\x1bP+q\x1b\\',
  '\u202eevil\u202c',
  '\u2066iso\u2069',
  '\x07\x08\x7f',
  '\u200b\ufeff',
  '\r',
  '\x00',
];

/** The same, as HTML character references, which a parser decodes past the byte sanitiser. */
const REFERENCE_SPIKES = [
  '&#27;]0;pwned&#7;',
  '&#x1b;[2J',
  '&#x9b;31m',
  '&#x202e;evil&#x202c;',
  '&#xD800;',
  '&#xDFFF;x',
  '&#55296;&#56320;',
  '&#x110000;',
  '&#0;',
  '&#x7f;&#x85;',
  '&#xFEFF;',
  '&#65535;',
];

const NAME_SPIKES = [
  'new\nline',
  'esc\x1b]0;x\x07',
  'csi\x1b[31m',
  'bidi\u202etxt',
  'tab\there',
  'cr\rname',
  'bell\x07',
  'c1\u0085',
  'space name',
  'émigré',
  '人民',
  '-dash',
];

const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.txt', '.html', '', '.markdown'];

function prose(random: Random, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i += 1) out.push(random.pick(PROSE));
  return out.join(' ');
}

function spiked(random: Random, text: string, spikes = SPIKES): string {
  const words = text.split(' ');
  for (let i = random.int(1, 4); i > 0; i -= 1) {
    words.splice(random.int(0, words.length), 0, random.pick(spikes));
  }
  return words.join(' ');
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i += 1) {
    const code = units.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = code & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function page(random: Random, title: string, body: string): string {
  return `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="${random.pick(REFERENCE_SPIKES)}Site"></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

/** Makers of each kind of hostile file; each returns text or bytes for the generated name. */
const MAKERS: Array<[string, (random: Random) => string | Uint8Array]> = [
  ['random bytes', (random) => random.bytes(random.int(1, 4096))],
  [
    'truncated UTF-8',
    (random) => {
      const bytes = utf8(prose(random, random.int(2, 12)));
      return bytes.slice(0, random.int(1, bytes.length));
    },
  ],
  [
    'invalid UTF-8 inside text',
    (random) => {
      const text = utf8(prose(random, 6));
      const bad = random.pick([
        [0xff, 0xfe],
        [0xc3, 0x28],
        [0xe2, 0x82],
        [0xed, 0xa0, 0x80],
        [0xc0, 0xaf],
      ]);
      const at = random.int(0, text.length);
      return concat(text.slice(0, at), Uint8Array.from(bad), text.slice(at));
    },
  ],
  [
    'UTF-16',
    (random) => {
      const bytes = utf16(prose(random, random.int(2, 8)), random.chance(0.5), random.chance(0.6));
      return random.chance(0.4) ? bytes.slice(0, bytes.length - 1) : bytes;
    },
  ],
  ['UTF-8 with BOM', (random) => utf8(`\ufeff${spiked(random, prose(random, 5))}`)],
  [
    'NUL bytes',
    (random) => {
      const text = prose(random, 5);
      return utf8(random.chance(0.5) ? text.replace(/ /g, '\x00') : spiked(random, text, ['\x00']));
    },
  ],
  [
    'huge line',
    (random) =>
      random.chance(0.5)
        ? 'x'.repeat(random.int(20_000, 100_000))
        : `${prose(random, 2)} ${'word '.repeat(random.int(2_000, 10_000))}`,
  ],
  [
    'one-word lines',
    (random) => `${prose(random, 3)}\n${'word\n'.repeat(random.int(2_000, 10_000))}`,
  ],
  [
    'deeply nested HTML',
    (random) => {
      const depth = random.int(500, 5_000);
      const tag = random.pick(['div', 'span', 'p', 'b', 'table', 'li']);
      return `<html><body>${`<${tag}>`.repeat(depth)}${prose(random, 3)}${random.chance(0.5) ? `</${tag}>`.repeat(depth) : ''}</body></html>`;
    },
  ],
  [
    'unclosed markup',
    (random) => {
      const opener = random.pick([
        '<!--',
        '<![CDATA[',
        '<script>',
        '<style>',
        '<p',
        '<a href="',
        '<title>',
        '<!',
      ]);
      return page(
        random,
        prose(random, 1),
        `<p>${prose(random, 3)}</p>${opener}${prose(random, 4)}`,
      );
    },
  ],
  [
    'script and style bombs',
    (random) => {
      const bomb = random
        .pick(['</scr', '<script>', 'var a="</p>";', '/* */', '<!--'])
        .repeat(random.int(200, 3_000));
      return page(
        random,
        'Bombs',
        `<script>${bomb}</script><style>${bomb}</style><p>${prose(random, 4)}</p>`,
      );
    },
  ],
  [
    'escapes and bidi in title and text',
    (random) =>
      page(
        random,
        spiked(random, prose(random, 1), [...SPIKES, ...REFERENCE_SPIKES]),
        `<p>${spiked(random, prose(random, 4), [...SPIKES, ...REFERENCE_SPIKES])}</p><p>${spiked(random, prose(random, 3), REFERENCE_SPIKES)}</p>`,
      ),
  ],
  [
    'escapes in Markdown',
    (random) =>
      `# ${spiked(random, prose(random, 1))}\n\n${spiked(random, prose(random, 5))}\n\n${spiked(random, prose(random, 3))}\n`,
  ],
  [
    'escapes in plain text',
    (random) => `${spiked(random, prose(random, 1))}\n\n${spiked(random, prose(random, 6))}\n`,
  ],
  ['zero bytes', () => new Uint8Array(0)],
  ['only white space', (random) => ' \n\t\r\n'.repeat(random.int(1, 100))],
  [
    'lone surrogates by reference',
    (random) =>
      page(
        random,
        `&#xD800;${prose(random, 1)}`,
        `<p>${prose(random, 2)} &#xD83D; &#xDE00; &#55357;${prose(random, 2)}</p>`,
      ),
  ],
  [
    'a clean article',
    (random) =>
      `${prose(random, 1)}\n\n${prose(random, random.int(3, 10))}\n\n${prose(random, 4)}\n`,
  ],
];

/** `count` hostile files, the same for the same random source. */
export function hostileFiles(random: Random, count: number): HostileFile[] {
  const files: HostileFile[] = [];
  for (let index = 0; index < count; index += 1) {
    const [kind, make] = MAKERS[index % MAKERS.length]!;
    const made = make(random);
    const bytes = typeof made === 'string' ? utf8(made) : made;
    const stem = random.chance(0.25) ? `${random.pick(NAME_SPIKES)}-${index}` : `file-${index}`;
    files.push({
      name: `${String(index).padStart(3, '0')}-${stem}${random.pick(EXTENSIONS)}`,
      bytes,
      kind,
    });
  }
  return files;
}
