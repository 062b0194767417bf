/**
 * Where the LSH bands' orders stand once built (`LshIndex`): each band's nodes sorted by band
 * value, which only an update reads (to find the bucket of a new sentence), a few entries at a
 * time. At 100,000 articles they are 14 arrays of 1.8 million nodes, 103 MB that stayed in the
 * process's memory for updates that a command (`margin index --story`, `margin story`) never
 * makes. A large index keeps them in a file (`OrderFile`): written band by band as the build
 * goes, so only one band's order is in memory at a time, and read back a block at a time (the
 * system's page cache keeps what is read often, and gives it up under pressure). A small index
 * keeps them in memory (`OrderArrays`), as reading a file would gain it nothing.
 */
import { ScratchFile } from './scratch-file.js';

/** Said when the unlinked file of the bands' orders cannot be read back in full. */
const LOST = 'the story index lost its bands file';

export interface BandOrders {
  /** Entries per band (every band has the built nodes, in its own order). */
  readonly length: number;
  /** Band `band`'s entry `at`. */
  at(band: number, at: number): number;
  /** Keeps band `band`'s order (read no further by the caller, who may write over it). */
  put(band: number, order: Int32Array): void;
  /** Bytes held in the process's memory. */
  readonly bytes: number;
  /** Gives back what it holds (the file is closed); nothing is read afterwards. */
  close(): void;
}

export class OrderArrays implements BandOrders {
  private readonly orders: Int32Array[] = [];
  constructor(readonly length: number) {}

  at(band: number, at: number): number {
    return this.orders[band]![at]!;
  }

  put(band: number, order: Int32Array): void {
    this.orders[band] = order;
  }

  get bytes(): number {
    return this.orders.reduce((sum, order) => sum + order.byteLength, 0);
  }

  close(): void {
    this.orders.length = 0;
  }
}

/** Entries read from the file at a time (1 KB): a bucket's search reads one or two blocks. */
const BLOCK = 256;

export class OrderFile implements BandOrders {
  private file: ScratchFile | null;
  /** Per band, the block last read and where it starts (-1: none). */
  private readonly blocks: Int32Array[];
  private readonly blockStart: Int32Array;

  /** A file in `folder` (default: the system's temporary folder), gone once closed. */
  constructor(
    readonly length: number,
    bands: number,
    folder?: string,
  ) {
    this.file = new ScratchFile('bands', LOST, folder);
    this.blocks = Array.from({ length: bands }, () => new Int32Array(BLOCK));
    this.blockStart = new Int32Array(bands).fill(-1);
  }

  at(band: number, at: number): number {
    const start = at - (at % BLOCK);
    const block = this.blocks[band]!;
    if (this.blockStart[band] !== start) {
      const count = Math.min(BLOCK, this.length - start);
      const bytes = new Uint8Array(block.buffer, 0, count * 4);
      this.file!.read(bytes, (band * this.length + start) * 4);
      this.blockStart[band] = start;
    }
    return block[at - start]!;
  }

  /** Band `band`'s whole order, read back. */
  band(band: number): Int32Array {
    const order = new Int32Array(this.length);
    this.file!.read(new Uint8Array(order.buffer), band * this.length * 4);
    return order;
  }

  put(band: number, order: Int32Array): void {
    const bytes = new Uint8Array(order.buffer, order.byteOffset, this.length * 4);
    this.file!.write(bytes, band * this.length * 4);
    this.blockStart[band] = -1;
  }

  get bytes(): number {
    return this.blocks.length * BLOCK * 4;
  }

  close(): void {
    this.file?.close();
    this.file = null;
  }
}
