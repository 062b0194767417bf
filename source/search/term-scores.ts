/**
 * Per-sentence scratch space for one query term: which sentences it matched, how well, and
 * whether in the sentence's own text. Allocated once per engine (a query touching 300,000
 * sentences must not allocate 300,000-entry arrays on every keystroke); a generation stamp
 * marks what the current term wrote, so nothing needs clearing between terms.
 */
export class TermScores {
  readonly score: Float32Array;
  readonly inText: Uint8Array;
  private readonly stamp: Uint32Array;
  private readonly touched: Uint32Array;
  private count = 0;
  private generation = 0;

  constructor(private readonly size: number) {
    this.score = new Float32Array(size);
    this.inText = new Uint8Array(size);
    this.stamp = new Uint32Array(size);
    this.touched = new Uint32Array(size);
  }

  begin(): void {
    this.count = 0;
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
  }

  has(sentence: number): boolean {
    return this.stamp[sentence] === this.generation;
  }

  mark(sentence: number, score: number, inText: boolean): void {
    if (this.stamp[sentence] !== this.generation) {
      this.stamp[sentence] = this.generation;
      this.score[sentence] = score;
      this.inText[sentence] = inText ? 1 : 0;
      this.touched[this.count++] = sentence;
    } else {
      if (score > this.score[sentence]!) this.score[sentence] = score;
      if (inText) this.inText[sentence] = 1;
    }
  }

  /** `mark` for a whole posting list: the hot loop of a search, kept free of calls. */
  markAll(postings: Uint32Array, from: number, to: number, score: number): void {
    const { stamp, touched, generation } = this;
    const scores = this.score;
    const inText = this.inText;
    for (let p = from; p < to; p++) {
      const sentence = postings[p]!;
      if (stamp[sentence] !== generation) {
        stamp[sentence] = generation;
        scores[sentence] = score;
        inText[sentence] = 1;
        touched[this.count++] = sentence;
      } else {
        if (score > scores[sentence]!) scores[sentence] = score;
        inText[sentence] = 1;
      }
    }
  }

  /** The marked sentences, ascending. */
  sorted(): Uint32Array {
    // Past a sixteenth of the corpus, one sweep over the stamps beats sorting what was touched.
    if (this.count * 16 < this.size) return this.touched.slice(0, this.count).sort();
    const out = new Uint32Array(this.count);
    let length = 0;
    for (let sentence = 0; sentence < this.size; sentence++) {
      if (this.stamp[sentence] === this.generation) out[length++] = sentence;
    }
    return out;
  }
}
