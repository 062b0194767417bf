/**
 * An email saved as a file (`.eml`: Thunderbird's, Apple Mail's and Outlook's "Save as", a
 * newsletter kept as a source): a MIME message whose body is a part, or parts within parts
 * (`multipart/mixed` holding `multipart/alternative` holding text and HTML). Before, it was read
 * as plain text: the text part and then the HTML part with its quoted-printable left in
 * (`Wedne= sday`, `=E2=80=9C`), no title, date or source (qa59 #5).
 *
 * The HTML part is the article, as a reader sees the message; the text part where there is none.
 * The subject is the title, the sender's name the source, the date line the date. Read with the
 * MIME helpers of MHTML, which is the same format (`mhtml.ts` says why no MIME library).
 */
import iconv from 'iconv-lite';
import type { FrontMatter } from './markdown.js';
import { decodeBody, headerEnd, headersOf, page, parameter } from './mhtml.js';

export interface EmailBody {
  /** The body's bytes: HTML with its charset declared, or UTF-8 text. */
  bytes: Buffer;
  html: boolean;
  given: FrontMatter;
}

interface Part {
  headers: Map<string, string>;
  body: Buffer;
}

/** Parts nested deeper than this are not looked into: a message is not a maze. */
const MAX_DEPTH = 8;

const typeOf = (headers: Map<string, string>) =>
  (headers.get('content-type') ?? 'text/plain').trim().toLowerCase();

/** The parts of a multipart body between its boundaries, each with its headers. */
function partsOf(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break;
    const next = body.indexOf(delimiter, start);
    const end = next < 0 ? body.length : next;
    const head = headerEnd(body, start, end);
    if (head) {
      let bodyEnd = end;
      if (body[bodyEnd - 1] === 0x0a) bodyEnd--;
      if (body[bodyEnd - 1] === 0x0d) bodyEnd--;
      parts.push({
        headers: headersOf(body.toString('latin1', start, head.end)),
        body: body.subarray(head.body, Math.max(head.body, bodyEnd)),
      });
    }
    at = next;
  }
  return parts;
}

/** The first HTML part, else the first plain text part, that is not an attachment. */
function bodyPart(part: Part, depth: number): { html: Part | null; text: Part | null } {
  const type = typeOf(part.headers);
  const attachment = /^\s*attachment\b/i.test(part.headers.get('content-disposition') ?? '');
  if (type.startsWith('multipart/')) {
    const boundary = parameter(part.headers.get('content-type') ?? '', 'boundary');
    if (!boundary || depth >= MAX_DEPTH) return { html: null, text: null };
    let html: Part | null = null;
    let text: Part | null = null;
    for (const inner of partsOf(part.body, boundary)) {
      const found = bodyPart(inner, depth + 1);
      html ??= found.html;
      text ??= found.text;
      if (html) break;
    }
    return { html, text };
  }
  if (attachment) return { html: null, text: null };
  if (type.startsWith('text/html')) return { html: part, text: null };
  if (type.startsWith('text/plain')) return { html: null, text: part };
  return { html: null, text: null };
}

/** A text part decoded to UTF-8 by its declared charset (iconv-lite knows the mail ones). */
function textBytes(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  const bytes = decodeBody(part.body, encoding);
  const charset = parameter(part.headers.get('content-type') ?? '', 'charset');
  if (!charset || !iconv.encodingExists(charset) || /^(?:utf-?8|us-ascii)$/i.test(charset)) {
    return bytes;
  }
  return Buffer.from(iconv.decode(bytes, charset), 'utf8');
}

/**
 * A header's encoded words (RFC 2047) decoded: `=?UTF-8?Q?Fed_holds_rates_=E2=80=94?=`,
 * `=?iso-8859-1?B?…?=`; white space between two encoded words is dropped, as the RFC says.
 */
export function decodeHeader(value: string): string {
  const word = /=\?([^?\s]+)\?([bq])\?([^?\s]*)\?=/gi;
  return value
    .replace(/(=\?[^?\s]+\?[bq]\?[^?\s]*\?=)\s+(?==\?)/gi, '$1')
    .replace(word, (whole, charset: string, kind: string, text: string) => {
      const name = charset.split('*')[0]!;
      if (!iconv.encodingExists(name)) return whole;
      const bytes =
        kind.toLowerCase() === 'b'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9a-f]{2})/gi, (_, hex: string) =>
                  String.fromCharCode(Number.parseInt(hex, 16)),
                ),
              'latin1',
            );
      return iconv.decode(bytes, name);
    });
}

/** The sender's name (`Morning Briefing <news@…>`), else the address's domain. */
function senderOf(from: string): string | null {
  const decoded = decodeHeader(from).trim();
  const named = /^"?([^"<]*?)"?\s*<[^>]*>$/.exec(decoded);
  if (named?.[1]?.trim()) return named[1].trim();
  const domain = /@([\w.-]+)>?\s*$/.exec(decoded)?.[1];
  return domain ? domain.replace(/^(?:mail|news|email|e|info|newsletter)\./i, '') : null;
}

/** The message's article: its body and what its headers say, or null when it holds no text. */
export function emailBody(input: Uint8Array): EmailBody | null {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.length);
  const top = headerEnd(bytes, 0);
  if (!top) return null;
  const headers = headersOf(bytes.toString('latin1', 0, top.end));
  const found = bodyPart({ headers, body: bytes.subarray(top.body) }, 0);
  const chosen = found.html ?? found.text;
  if (!chosen) return null;
  const subject = headers.get('subject');
  const date = headers.get('date');
  const from = headers.get('from');
  const given: FrontMatter = {
    title: subject ? decodeHeader(subject).trim() || null : null,
    date: date?.trim() || null,
    byline: null,
    source: from ? senderOf(from) : null,
    url: null,
  };
  if (found.html) return { bytes: page(found.html.headers, found.html.body), html: true, given };
  return { bytes: textBytes(chosen), html: false, given };
}
