/**
 * Numbers words straight from a sentence's characters. Building the index meets millions of
 * words but only a hundred thousand distinct ones: hashing the characters in place and comparing
 * with the stored word avoids making a substring (and garbage) for every occurrence. ASCII
 * upper case is folded while hashing, so plain-ASCII sentences need no lower-cased copy.
 */
export class Interner {
  readonly words: string[] = [];
  private hashes: number[] = [];
  private slots = new Int32Array(1 << 16).fill(-1);

  /** The id of `text.slice(start, end)` lower-cased, adding it when new. */
  id(text: string, start: number, end: number): number {
    let hash = SEED;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ lower(text.charCodeAt(i)), PRIME);
    return this.hashed(text, start, end, hash);
  }

  /**
   * The ids of the words of a plain-ASCII text, in order: the same words `eachWordSpan` finds,
   * in one pass that classifies, folds and hashes each character.
   */
  eachAsciiWord(text: string, visit: (id: number) => void): void {
    let start = -1;
    let hash = SEED;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? lower(text.charCodeAt(i)) : 32;
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
        if (start < 0) {
          start = i;
          hash = SEED;
        }
        hash = Math.imul(hash ^ code, PRIME);
      } else if (start >= 0) {
        visit(this.hashed(text, start, i, hash));
        start = -1;
      }
    }
  }

  private hashed(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === -1) return this.add(text.slice(start, end).toLowerCase(), hash, slot);
      if (this.hashes[id] === hash && same(this.words[id]!, text, start, end)) return id;
    }
  }

  private add(word: string, hash: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    this.slots[slot] = id;
    // Kept at most half full, so probes stay short.
    if (this.words.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, id) => {
      let slot = hash & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    });
    this.slots = slots;
  }
}

// FNV-1a.
const SEED = 0x811c9dc5;
const PRIME = 0x01000193;

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function same(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) !== lower(text.charCodeAt(start + i))) return false;
  }
  return true;
}
