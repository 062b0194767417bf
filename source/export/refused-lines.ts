import { byPlace, type ImportError } from './import-errors.js';

/**
 * An import's refused lines as they are found, without holding them all: the first `keep` in
 * the order of the input (file, then line; of one place, in the order found) are held and the
 * rest only counted, so memory does not grow with a file wrong throughout (a million refused
 * lines held came to 420–490 MB). Given `onFound`, each is handed on at once and none is held:
 * for an input whose refused lines are found in their order.
 */
export class RefusedLines {
  /** Every refused line pushed, listed or not. */
  count = 0;
  private readonly kept: ImportError[] = [];

  constructor(
    private readonly keep: number,
    private readonly onFound?: (error: ImportError) => void,
  ) {}

  push(error: ImportError): void {
    this.count++;
    if (this.onFound) {
      this.onFound(error);
      return;
    }
    const { kept } = this;
    if (kept.length >= this.keep && byPlace(error, kept[kept.length - 1]!) >= 0) return;
    // After every kept one of its place or before it: the order a stable sort gives.
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (byPlace(error, kept[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    kept.splice(low, 0, error);
    if (kept.length > this.keep) kept.pop();
  }

  pushAll(errors: Iterable<ImportError>): void {
    for (const error of errors) this.push(error);
  }

  /** The refused lines held, in the order of the input. */
  listed(): readonly ImportError[] {
    return this.kept;
  }
}
