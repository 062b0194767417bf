import iconv from 'iconv-lite';

/**
 * The character encoding a page declares for itself, read as browsers do (the WHATWG "prescan"):
 * in its first 1024 bytes, a `<meta charset>`, a `<meta http-equiv="Content-Type"
 * content="…; charset=…">`, or an XML declaration's `encoding`. Returns an iconv-lite name, 'utf-8'
 * for any UTF-8 label, or null when nothing usable is declared. Comments are skipped, so a
 * commented-out meta declares nothing.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString('latin1')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  const xml = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (xml) {
    const name = encodingName(xml[1]!);
    if (name) return name;
  }
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (!direct) continue;
    // `charset=` inside content="text/html; charset=…" counts only with http-equiv, as browsers
    // read it; a bare `<meta charset=…>` always counts.
    const bare = /\scharset\s*=/i.test(tag.replace(/"[^"]*"|'[^']*'/g, '""'));
    if (!bare && !/http-equiv\s*=\s*["']?\s*content-type/i.test(tag)) continue;
    const name = encodingName(direct[1]!);
    if (name) return name;
  }
  return null;
}

/**
 * Labels browsers read as another encoding than their name says (the WHATWG Encoding Standard):
 * Latin-1 and ASCII pages are decoded as Windows-1252, Latin-5 as Windows-1254, and so on. A page
 * cannot declare UTF-16 in its own text: that declaration means UTF-8.
 */
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  iso8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  latin5: 'windows-1254',
  'tis-620': 'windows-874',
  'iso-8859-11': 'windows-874',
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  'euc-kr': 'cp949',
  'ks_c_5601-1987': 'cp949',
  'x-sjis': 'shift_jis',
  'utf-16': 'utf-8',
  'utf-16le': 'utf-8',
  'utf-16be': 'utf-8',
  'x-user-defined': 'windows-1252',
};

function encodingName(label: string): string | null {
  const lower = label.trim().toLowerCase();
  if (lower === 'utf-8' || lower === 'utf8' || lower === 'unicode-1-1-utf-8') return 'utf-8';
  const name = ALIASES[lower] ?? lower;
  if (name === 'utf-8') return name;
  return iconv.encodingExists(name) ? name : null;
}

/**
 * The bytes of what a page says, without its markup: scripts, styles, comments and tags are
 * ASCII that outweighs the text and leads statistical detection to Windows-1252 whatever the
 * page's language. Entities go too. Bytes stay bytes: the page's encoding is not known yet.
 */
export function textBytes(bytes: Uint8Array): Uint8Array {
  const raw = Buffer.from(bytes).toString('latin1');
  if (!/<[a-z!/]/i.test(raw)) return bytes;
  const text = raw
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:#\d+|#x[\da-f]+|\w+);/gi, ' ')
    .split(/\s+/)
    // Words of ASCII alone (menus, "Section 12", figures) say nothing of the encoding and,
    // repeated, drown the words that do.
    .filter((word) => /[\x80-\xff]/.test(word))
    .join(' ');
  return Buffer.from(text, 'latin1');
}
