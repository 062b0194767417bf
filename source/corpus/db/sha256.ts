import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * SHA-256 of a string's UTF-8 bytes, as hex: the same digest as `node:crypto`'s, without loading
 * it. The corpus index's file is named by this hash of the corpus path on every command, and
 * `margin search`, run again and again as a person types, needs nothing else of `node:crypto`,
 * whose load (its modules and OpenSSL's binding) cost 4-7 ms of CPU of each search process
 * (load 7-9). `@noble/hashes` (audited, pure JavaScript) rather than a digest written here.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
