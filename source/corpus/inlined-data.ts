/**
 * Inlined resources of a saved page: `data:image/png;base64,iVBOR…` in `src`, `srcset`, CSS
 * `url()` or Markdown's `![](…)`. Their payload is no text; a page saved whole is mostly that.
 */

const DATA = Buffer.from('data:');

/** Payloads shorter than this stay: a 1×1 spacer costs nothing, and nothing is gained. */
const MIN_PAYLOAD = 256;

/** The longest `media/type;charset=x;base64` header looked at before the comma. */
const MAX_HEADER = 200;

/** Bytes of a media type and its parameters: letters, digits, `/+.-_;=`. */
function isHeaderByte(byte: number): boolean {
  return (
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2f ||
    byte === 0x2b ||
    byte === 0x2e ||
    byte === 0x2d ||
    byte === 0x5f ||
    byte === 0x3b ||
    byte === 0x3d
  );
}

/** Where a payload ends: a quote, a bracket, a tag, an entity (`&quot;`) or white space. */
function endsPayload(byte: number): boolean {
  return (
    byte === 0x22 || // "
    byte === 0x27 || // '
    byte === 0x29 || // )
    byte === 0x3c || // <
    byte === 0x3e || // >
    byte === 0x26 || // &
    byte === 0x20 ||
    byte === 0x0a ||
    byte === 0x0d ||
    byte === 0x09
  );
}

/**
 * The bytes with every long `data:` payload removed (`data:image/png;base64,` stays, so the
 * markup around it still parses). One pass with the native search; the bytes themselves when
 * there is nothing to remove.
 */
export function dropInlinedData(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let at = buffer.indexOf(DATA);
  if (at < 0) return bytes;
  const kept: Buffer[] = [];
  let from = 0;
  while (at >= 0) {
    let comma = at + DATA.length;
    const limit = Math.min(buffer.length, comma + MAX_HEADER);
    while (comma < limit && isHeaderByte(buffer[comma]!)) comma++;
    if (comma >= buffer.length || buffer[comma] !== 0x2c) {
      at = buffer.indexOf(DATA, at + DATA.length);
      continue;
    }
    let end = comma + 1;
    while (end < buffer.length && !endsPayload(buffer[end]!)) end++;
    if (end - comma - 1 >= MIN_PAYLOAD) {
      kept.push(buffer.subarray(from, comma + 1));
      from = end;
    }
    at = buffer.indexOf(DATA, end);
  }
  if (from === 0) return bytes;
  kept.push(buffer.subarray(from));
  return Buffer.concat(kept);
}
