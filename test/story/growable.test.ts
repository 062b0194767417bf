import { describe, expect, it } from 'vitest';
import {
  Float32List,
  Int32List,
  RESERVED_FROM,
  residentBytes,
  Uint32List,
} from '../../source/story/growable.js';

describe('growable lists', () => {
  it('grow in place once large, keeping every value', () => {
    const list = new Int32List();
    const count = (RESERVED_FROM / 4) * 3;
    for (let i = 0; i < count; i++) list.push(i * 7 - 5);
    const buffer = list.data.buffer;
    expect(buffer).toBeInstanceOf(SharedArrayBuffer);
    for (let i = 0; i < count; i++) list.push(1 - 3 * i);
    // Grown where it stood: no copy, the same memory.
    expect(list.data.buffer).toBe(buffer);
    expect(list.length).toBe(2 * count);
    // One assertion over millions of values: one `expect` each took 17 s of the suite.
    let changed = -1;
    for (let i = 0; i < count && changed === -1; i++) {
      if (list.data[i] !== i * 7 - 5 || list.data[count + i] !== 1 - 3 * i) changed = i;
    }
    expect(changed, 'the first index whose value changed').toBe(-1);
    // Spare room is not resident, and the trim for the workers copies nothing.
    expect(residentBytes(list)).toBe(list.length * 4);
    list.trim(true);
    expect(list.data.buffer).toBe(buffer);
    expect(list.data[2 * count - 1]).toBe(1 - 3 * (count - 1));
  });

  it('keep small lists ordinary arrays, trimmed and shared as before', () => {
    const list = new Uint32List();
    for (let i = 0; i < 5000; i++) list.push(i);
    expect(list.data.buffer).toBeInstanceOf(ArrayBuffer);
    list.trim(true);
    expect(list.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(list.data.subarray(0, 3))).toEqual([0, 1, 2]);
    expect(list.data[4999]).toBe(4999);
  });

  it('grow float lists in place too', () => {
    const list = new Float32List();
    const count = RESERVED_FROM / 2;
    for (let i = 0; i < count; i++) list.push(i / 4);
    const buffer = list.data.buffer;
    for (let i = 0; i < count; i++) list.push(i / 8);
    expect(list.data.buffer).toBe(buffer);
    list.trim();
    expect(list.data.buffer).toBe(buffer);
    expect(list.data[count - 1]).toBe((count - 1) / 4);
    expect(list.data[2 * count - 1]).toBe((count - 1) / 8);
  });
});
