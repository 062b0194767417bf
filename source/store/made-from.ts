/**
 * A short token for what a kept rendering was made from: the format's kind, the store file's
 * fingerprint (the SHA-1 of its bytes) and the key of the article it was placed on (its content
 * key: text, sentences and the fields an export writes, not the cleaner's version). Two FNV-1a
 * hashes of them, forwards and backwards, as 16 hex digits: an export records it beside each
 * file it writes (brat's manifest) and, finding it again, need not make the file to know it
 * would be the same. Two different inputs share a token by chance once in 2^64; no spaces, so a
 * manifest's record keeps it as a field.
 */
export function madeFrom(kind: string, fingerprint: string | null, placedOn: string): string {
  const text = `${kind}\u0000${fingerprint ?? ''}\u0000${placedOn}`;
  let forth = 0x811c9dc5;
  let back = 0x811c9dc5;
  for (let i = 0, j = text.length - 1; i < text.length; i++, j--) {
    forth = Math.imul(forth ^ text.charCodeAt(i), 0x01000193);
    back = Math.imul(back ^ text.charCodeAt(j), 0x01000193);
  }
  return (forth >>> 0).toString(16).padStart(8, '0') + (back >>> 0).toString(16).padStart(8, '0');
}
