/**
 * MHTML (`.mhtml`, `.mht`): a page saved as one file (Chrome's and Edge's "Save as single file",
 * Internet Explorer's "Web Archive"), a MIME `multipart/related` message whose first `text/html`
 * part is the page, quoted-printable or base64, the rest its images, styles and frames.
 *
 * Read by hand rather than with a MIME library: the small, well-kept one (postal-mime) parses
 * only asynchronously, and files are cleaned synchronously on worker threads. Only what a saved
 * page uses is read: the top headers, the boundary, each part's headers, its encoding.
 */

const CR = 0x0d;
const LF = 0x0a;
const EQUALS = 0x3d;

/** Headers of a MIME entity, folded lines unfolded, names lower-cased. */
export function headersOf(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** A parameter of a header value: `boundary` of `multipart/related; boundary="----abc"`. */
export function parameter(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * Where the headers from `from` end: the first empty line before `to`. Looked for within the
 * part alone: a file with CRLF lines has no `\n\n`, and each part looked to the file's end.
 */
export function headerEnd(
  bytes: Buffer,
  from: number,
  to = bytes.length,
): { end: number; body: number } | null {
  const part = bytes.subarray(from, to);
  const crlf = part.indexOf('\r\n\r\n', 0, 'latin1');
  const lf = part.indexOf('\n\n', 0, 'latin1');
  if (crlf < 0 && lf < 0) return null;
  if (lf < 0 || (crlf >= 0 && crlf < lf)) return { end: from + crlf, body: from + crlf + 4 };
  return { end: from + lf, body: from + lf + 2 };
}

/** Quoted-printable to bytes: `=3D` is `=`, a `=` at a line's end joins it to the next. */
export function decodeQuotedPrintable(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte !== EQUALS) {
      out[length++] = byte;
      continue;
    }
    // A soft line break, with trailing white space allowed before it.
    let j = i + 1;
    while (j < bytes.length && (bytes[j] === 0x20 || bytes[j] === 0x09)) j++;
    if (bytes[j] === CR && bytes[j + 1] === LF) {
      i = j + 1;
      continue;
    }
    if (bytes[j] === LF) {
      i = j;
      continue;
    }
    const hex = bytes.toString('latin1', i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out[length++] = Number.parseInt(hex, 16);
      i += 2;
      continue;
    }
    out[length++] = byte;
  }
  return out.subarray(0, length);
}

export function decodeBody(body: Buffer, encoding: string): Buffer {
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.toString('latin1'), 'base64');
  return body;
}

/** The page of an HTML part, its charset declared in its first bytes when the part names one. */
export function page(headers: Map<string, string>, body: Buffer): Buffer {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const html = decodeBody(body, encoding);
  const charset = parameter(headers.get('content-type') ?? '', 'charset');
  if (!charset || !/^[\w.:-]{1,40}$/.test(charset)) return html;
  return Buffer.concat([Buffer.from(`<meta charset="${charset}">`), html]);
}

const isHtml = (headers: Map<string, string>) =>
  /^\s*text\/html\b/i.test(headers.get('content-type') ?? '');

/**
 * The HTML of the page an MHTML file holds (undecoded: its charset is read as a page's is), or
 * null when it holds none.
 */
export function mhtmlPage(input: Uint8Array): Buffer | null {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.length);
  const top = headerEnd(bytes, 0);
  if (!top) return null;
  const headers = headersOf(bytes.toString('latin1', 0, top.end));
  const type = headers.get('content-type') ?? '';
  if (isHtml(headers)) return page(headers, bytes.subarray(top.body));
  const boundary = /^\s*multipart\//i.test(type) ? parameter(type, 'boundary') : null;
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  let at = bytes.indexOf(delimiter, top.body);
  while (at >= 0) {
    const start = at + delimiter.length;
    // `--boundary--` closes the message.
    if (bytes[start] === 0x2d && bytes[start + 1] === 0x2d) return null;
    const next = bytes.indexOf(delimiter, start);
    const end = next < 0 ? bytes.length : next;
    const part = headerEnd(bytes, start, end);
    if (!part) return null;
    const partHeaders = headersOf(bytes.toString('latin1', start, part.end));
    if (isHtml(partHeaders)) {
      // The line break before the next delimiter belongs to it.
      let bodyEnd = end;
      if (bytes[bodyEnd - 1] === LF) bodyEnd--;
      if (bytes[bodyEnd - 1] === CR) bodyEnd--;
      return page(partHeaders, bytes.subarray(part.body, Math.max(part.body, bodyEnd)));
    }
    at = next;
  }
  return null;
}
