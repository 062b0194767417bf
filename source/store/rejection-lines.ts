/** The labels rejected on one sentence of one article. */
export interface Rejection {
  article: string;
  sentence: string;
  labels: string[];
}

/** A change to the file: `labels` rejected on the sentence (`rejected`), or no longer (undo). */
export interface RejectionChange extends Rejection {
  rejected: boolean;
}

/** One line of the file, its text made once (at 100,000 lines, making them all was 0.3–1.4 s). */
interface Line extends Rejection {
  text?: string;
}

/** Lines of the file's text handed to the writer at a time: each part a fraction of a ms to make. */
const LINES_PER_PART = 2000;

const before = (a: Rejection, article: string, sentence: string) =>
  a.article !== article ? a.article < article : a.sentence < sentence;
const inOrder = (a: Rejection, b: Rejection) =>
  before(a, b.article, b.sentence) ? -1 : before(b, a.article, a.sentence) ? 1 : 0;
/** More changes at once than this are applied through a map (`applyAll`). */
const MANY = 64;

/**
 * An annotator's rejections in the file's order (by article, then sentence), each line's text
 * kept once made: a change is a binary search and one splice, and writing the file joins the
 * kept lines. At a reviewer's year of rejections (100,000) sorting, copying and serialising the
 * whole list on every `r` cost a third of a second to more than a second of the main thread.
 */
export class RejectionLines {
  readonly #lines: Line[] = [];

  /** From a list in any order (a file edited by hand, a merge); a sentence's lines are joined. */
  constructor(rejections: readonly Rejection[] = []) {
    const sorted = [...rejections].sort(inOrder);
    for (const { article, sentence, labels } of sorted) {
      const last = this.#lines.at(-1);
      if (last && last.article === article && last.sentence === sentence) {
        last.labels = [...new Set([...last.labels, ...labels])];
      } else this.#lines.push({ article, sentence, labels: [...labels] });
    }
  }

  get size(): number {
    return this.#lines.length;
  }

  /** The first line not before (article, sentence). */
  #find(article: string, sentence: string): number {
    let low = 0;
    let high = this.#lines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (before(this.#lines[middle]!, article, sentence)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Labels added to the sentence's, or taken away; a line left with none goes. */
  apply(change: RejectionChange): void {
    const at = this.#find(change.article, change.sentence);
    const found = this.#lines[at];
    const here = found?.article === change.article && found.sentence === change.sentence;
    const had = here ? found.labels : [];
    const labels = change.rejected
      ? [...had, ...change.labels.filter((label) => !had.includes(label))]
      : had.filter((label) => !change.labels.includes(label));
    const line = { article: change.article, sentence: change.sentence, labels };
    if (here) {
      if (labels.length > 0) this.#lines[at] = line;
      else this.#lines.splice(at, 1);
    } else if (labels.length > 0) this.#lines.splice(at, 0, line);
  }

  /**
   * The changes, in order. Many at once (a killed review's journal, a first write of a long
   * list) are applied to a map and sorted once: a splice each into 100,000 lines was seconds.
   */
  applyAll(changes: readonly RejectionChange[]): void {
    if (changes.length <= MANY) {
      for (const change of changes) this.apply(change);
      return;
    }
    const byKey = new Map<string, Line>();
    const keyOf = (line: Rejection) => `${line.article}\u0000${line.sentence}`;
    for (const line of this.#lines) byKey.set(keyOf(line), line);
    for (const change of changes) {
      const key = keyOf(change);
      const had = byKey.get(key)?.labels ?? [];
      const labels = change.rejected
        ? [...had, ...change.labels.filter((label) => !had.includes(label))]
        : had.filter((label) => !change.labels.includes(label));
      if (labels.length > 0) {
        byKey.set(key, { article: change.article, sentence: change.sentence, labels });
      } else byKey.delete(key);
    }
    const lines = [...byKey.values()].sort(inOrder);
    this.#lines.length = 0;
    for (const line of lines) this.#lines.push(line);
  }

  /** The rejections, in the file's order. */
  list(): Rejection[] {
    return this.#lines.map(({ article, sentence, labels }) => ({ article, sentence, labels }));
  }

  /**
   * The lines of the file's `rejections` array, a part of some thousand lines at a time, each
   * line's text made when first asked for: the writer makes the next part only once the last is
   * written, so the work is spread between keys.
   */
  *parts(): Generator<string, void, void> {
    const lines = this.#lines;
    for (let start = 0; start < lines.length; start += LINES_PER_PART) {
      const end = Math.min(start + LINES_PER_PART, lines.length);
      let part = '';
      for (let at = start; at < end; at += 1) {
        const line = lines[at]!;
        line.text ??= `    ${JSON.stringify({ article: line.article, sentence: line.sentence, labels: [...line.labels].sort() })}`;
        part += at === lines.length - 1 ? `${line.text}\n` : `${line.text},\n`;
      }
      yield part;
    }
  }
}
