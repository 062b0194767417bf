/**
 * Postings gathered in memory until they are written as a segment: one flat log of (word,
 * number) pairs in typed arrays rather than an array per word, so a few million postings cost
 * 8 bytes each and nothing for the garbage collector to trace. Numbers arrive ascending per word
 * (articles are written in key order), so a counting sort by word keeps each list ascending.
 */
export class HeldPostings {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private counts = new Int32Array(1024);
  private readonly logs = [new GrowingPairs(), new GrowingPairs()] as const;

  /** Postings held (sentences and titles). */
  get size(): number {
    return this.logs[0].length + this.logs[1].length;
  }

  get empty(): boolean {
    return this.words.length === 0;
  }

  /** Sentence `key` holds `word` (kind 0), or article `number`'s title does (kind 1). */
  add(word: string, number: number, kind: 0 | 1): void {
    const id = this.id(word);
    this.logs[kind].push(id, number);
    this.counts[id * 2 + kind]!++;
  }

  /** Sentence keys `base + sentences[from..to)` (ascending) hold `word`. */
  addSentences(word: string, base: number, sentences: Uint32Array, from: number, to: number): void {
    const id = this.id(word);
    const log = this.logs[0];
    for (let i = from; i < to; i++) log.push(id, base + sentences[i]!);
    this.counts[id * 2]! += to - from;
  }

  /** An article held here was removed before being written: its counts go (its keys stay, dead). */
  uncount(word: string, sentences: number, titles: number): void {
    const id = this.ids.get(word);
    if (id === undefined) return;
    this.counts[id * 2]! -= sentences;
    this.counts[id * 2 + 1]! -= titles;
  }

  /** Every word with its count changes and its lists, ascending. */
  *entries(): Generator<{ word: string; sentences: number; titles: number; lists: Uint32Array[] }> {
    const sorted = [this.logs[0].byWord(this.words.length), this.logs[1].byWord(this.words.length)];
    // In word order: the segment's rows then go into the table in key order.
    const order = Array.from(this.words.keys()).sort((x, y) =>
      this.words[x]! < this.words[y]! ? -1 : 1,
    );
    for (const id of order) {
      yield {
        word: this.words[id]!,
        sentences: this.counts[id * 2]!,
        titles: this.counts[id * 2 + 1]!,
        lists: sorted.map(({ starts, values }) => values.subarray(starts[id]!, starts[id + 1]!)),
      };
    }
  }

  clear(): void {
    this.ids.clear();
    this.words.length = 0;
    this.counts = new Int32Array(1024);
    for (const log of this.logs) log.clear();
  }

  private id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
      if (id * 2 + 2 > this.counts.length) {
        const bigger = new Int32Array(this.counts.length * 2);
        bigger.set(this.counts);
        this.counts = bigger;
      }
    }
    return id;
  }
}

class GrowingPairs {
  ids = new Uint32Array(1 << 16);
  values = new Uint32Array(1 << 16);
  length = 0;

  push(id: number, value: number): void {
    if (this.length === this.ids.length) {
      const ids = new Uint32Array(this.ids.length * 2);
      ids.set(this.ids);
      const values = new Uint32Array(this.values.length * 2);
      values.set(this.values);
      this.ids = ids;
      this.values = values;
    }
    this.ids[this.length] = id;
    this.values[this.length] = value;
    this.length++;
  }

  /** The values grouped by word id, each group in the order pushed: `values[starts[id]..starts[id+1]]`. */
  byWord(words: number): { starts: Uint32Array; values: Uint32Array } {
    const starts = new Uint32Array(words + 1);
    for (let i = 0; i < this.length; i++) starts[this.ids[i]! + 1]!++;
    for (let id = 0; id < words; id++) starts[id + 1]! += starts[id]!;
    const fill = starts.slice(0, words);
    const values = new Uint32Array(this.length);
    for (let i = 0; i < this.length; i++) values[fill[this.ids[i]!]!++] = this.values[i]!;
    return { starts, values };
  }

  clear(): void {
    this.ids = new Uint32Array(1 << 16);
    this.values = new Uint32Array(1 << 16);
    this.length = 0;
  }
}
