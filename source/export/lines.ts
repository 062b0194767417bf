/** Lines joined in batches of this many. */
const BATCH = 2048;

/**
 * Collects output lines and joins them in batches. Keeping 300,000 separately built strings
 * alive until one final join makes the garbage collector copy each of them (and the pieces they
 * were concatenated from) again and again; joining every few thousand leaves it a few hundred
 * flat strings to keep, which halves the time of a large export.
 */
export class LineBuffer {
  private readonly chunks: string[] = [];
  private batch: string[] = [];

  /** `separator` goes between lines: `\n` for JSON Lines, `,\n` inside a JSON array. */
  constructor(private readonly separator = '\n') {}

  get isEmpty(): boolean {
    return this.chunks.length === 0 && this.batch.length === 0;
  }

  push(line: string): void {
    this.batch.push(line);
    if (this.batch.length === BATCH) {
      this.chunks.push(this.batch.join(this.separator));
      this.batch = [];
    }
  }

  /**
   * Every line, separated, as a few large strings to write one after the other: an export of
   * 300,000 annotations never needs to exist as one 400 MB string.
   */
  parts(): string[] {
    if (this.batch.length > 0) {
      this.chunks.push(this.batch.join(this.separator));
      this.batch = [];
    }
    const parts: string[] = [];
    this.chunks.forEach((chunk, index) => {
      if (index > 0) parts.push(this.separator);
      parts.push(chunk);
    });
    return parts;
  }
}

/** Items one per line: valid JSON that stays greppable and diffable, and fast to write when large. */
export function jsonArray(items: LineBuffer): string[] {
  return items.isEmpty ? ['[]\n'] : ['[\n', ...items.parts(), '\n]\n'];
}

/** JSON Lines: one item per line, each line ended. */
export function jsonLines(items: LineBuffer): string[] {
  return items.isEmpty ? [] : [...items.parts(), '\n'];
}
