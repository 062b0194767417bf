import { EventEmitter } from 'node:events';

/**
 * A terminal for rendering the real review screen in process, shared by the component tests and
 * the benchmark: Ink writes frames into `frames`, keys are written into the fake stdin as a
 * terminal would deliver them.
 */
export class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  frames: string[] = [];
  #waiting: Array<() => void> = [];
  constructor(
    public columns: number,
    public rows: number,
    /** Keep only the count of frames (the benchmark writes thousands). */
    private readonly keep = true,
  ) {
    super();
  }
  count = 0;
  write = (frame: string) => {
    this.count += 1;
    if (this.keep) this.frames.push(frame);
    for (const resolve of this.#waiting.splice(0)) resolve();
    return true;
  };
  /** Resolves at the next frame Ink writes. */
  next(): Promise<void> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  /** Delivers `data` as one chunk, as a terminal does with keys typed or pasted together. */
  write(data: string) {
    this.data = data;
    this.emit('readable');
  }
  read = () => {
    const data = this.data;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}
