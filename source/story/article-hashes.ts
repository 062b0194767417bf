/**
 * The articles' text hashes that kept groups are stored with, gathered while the groups are
 * formed and read once they are kept. The corpus index's hashes are sha-256 in 64 hex digits:
 * held as strings in a `Map` by article, 100,000 of them stood through the grouping on the main
 * thread's heap (such a `Map` alone holds 18 MiB, this 4); here each is 32 bytes of one array.
 * A hash of any other form (an empty one, for an article read without the index) is kept as
 * it is.
 */

const HEX = /^[0-9a-f]{64}$/;
const BYTES = 32;

/** A lower-case hex digit's value, from its UTF-16 unit. */
function digit(unit: number): number {
  return unit <= 57 ? unit - 48 : unit - 87;
}

/** What `ArticleHashes` holds, as a message to another thread carries it (`packed`, `from`). */
export interface PackedHashes {
  ids: string[];
  bytes: Uint8Array;
  others: Map<number, string>;
}

export class ArticleHashes implements Iterable<[string, string]> {
  private ids: string[] = [];
  private bytes: Uint8Array = new Uint8Array(BYTES * 1024);
  private readonly others = new Map<number, string>();

  /** The hashes `packed` holds (as another thread sent them). */
  static from(packed: PackedHashes): ArticleHashes {
    const hashes = new ArticleHashes();
    hashes.ids = packed.ids;
    hashes.bytes = packed.bytes;
    for (const [at, hash] of packed.others) hashes.others.set(at, hash);
    return hashes;
  }

  /** The hashes as they are held, for another thread (`from`): no string made per hash. */
  get packed(): PackedHashes {
    const bytes = this.bytes.subarray(0, BYTES * this.ids.length);
    return { ids: this.ids, bytes, others: this.others };
  }

  get size(): number {
    return this.ids.length;
  }

  /** Adds article `id`'s hash (an article given twice is given twice: the file keeps the later). */
  set(id: string, hash: string): void {
    const at = this.ids.length;
    this.ids.push(id);
    if (!HEX.test(hash)) {
      this.others.set(at, hash);
      return;
    }
    if ((at + 1) * BYTES > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    const base = at * BYTES;
    for (let i = 0; i < BYTES; i++) {
      this.bytes[base + i] =
        (digit(hash.charCodeAt(i * 2)) << 4) | digit(hash.charCodeAt(i * 2 + 1));
    }
  }

  /** Article `at`'s hash (in the order they were added), as it was given. */
  hashAt(at: number): string {
    const other = this.others.get(at);
    if (other !== undefined) return other;
    let hex = '';
    const base = at * BYTES;
    for (let i = 0; i < BYTES; i++) hex += this.bytes[base + i]!.toString(16).padStart(2, '0');
    return hex;
  }

  *[Symbol.iterator](): Iterator<[string, string]> {
    for (let at = 0; at < this.ids.length; at++) yield [this.ids[at]!, this.hashAt(at)];
  }
}
