import { describe, expect, it } from 'vitest';
import {
  FingerprintMap,
  Int32List,
  RESERVED_FROM,
  Uint32List,
} from '../../source/story/growable.js';
import { EdgeLog, SetAside } from '../../source/story/set-aside.js';

describe('what a build sets aside', () => {
  it('gives an own list’s memory back at once and reads it back whole', () => {
    const nodes = new Int32List(1024, true);
    const hashes = new Uint32List(1024, true);
    const count = (RESERVED_FROM / 4) * 2;
    for (let i = 0; i < count; i++) {
      nodes.push(i * 3 - 7);
      hashes.push((0xfedc_ba98 + i) >>> 0);
    }
    // Grown in this thread's own memory, which can be given back (not shared memory).
    const buffer = nodes.data.buffer as ArrayBuffer;
    expect(buffer).not.toBeInstanceOf(SharedArrayBuffer);
    const aside = new SetAside();
    expect(aside.put(nodes, Int32Array)).toBe(true);
    expect(aside.put(hashes, Uint32Array)).toBe(true);
    expect(buffer.byteLength).toBe(0);
    expect(nodes.data.length).toBe(0);
    expect(nodes.length).toBe(count);
    aside.takeBack(nodes);
    expect(nodes.data[count - 1]).toBe((count - 1) * 3 - 7);
    expect(hashes.data.length).toBe(0);
    aside.restore();
    expect(hashes.data[5]).toBe((0xfedc_ba98 + 5) >>> 0);
    // Read back with room to grow, and grown as before.
    nodes.push(11);
    expect(nodes.data[count]).toBe(11);
  });

  it('writes a growing list aside a block at a time, and reads it back whole', () => {
    const grown = () => {
      const list = new Int32List(1024, true);
      const aside = new SetAside();
      for (let i = 0; i < 5000; i++) {
        list.push(i * 7 - 3);
        if (list.length - list.base === 1000) expect(aside.spill(list)).toBe(true);
      }
      // Only the entries since the last block stand in memory.
      expect(list.base).toBe(5000);
      for (let i = 5000; i < 5300; i++) list.push(i * 7 - 3);
      expect(list.base).toBe(5000);
      return { list, aside };
    };
    const whole = (list: Int32List) => Array.from(list.data.subarray(0, list.length));
    const expected = Array.from({ length: 5300 }, (_, i) => i * 7 - 3);
    // Read back with the rest from memory, or set aside whole with the rest first.
    const restored = grown();
    restored.aside.restore();
    expect(restored.list.base).toBe(0);
    expect(whole(restored.list)).toEqual(expected);
    const put = grown();
    expect(put.aside.put(put.list, Int32Array)).toBe(true);
    expect(put.list.data.length).toBe(0);
    put.aside.takeBack(put.list);
    expect(whole(put.list)).toEqual(expected);
    put.list.push(1);
    expect(put.list.data[5300]).toBe(1);
  });

  it('reads a map back with its slots as they were', () => {
    const high = new Uint32List();
    const low = new Uint32List();
    const map = new FingerprintMap(
      (node) => high.data[node]!,
      (node) => low.data[node]!,
    );
    for (let node = 0; node < 300_000; node++) {
      high.push(node * 7919);
      low.push(node ^ 0x5555);
      map.set(node * 7919, node ^ 0x5555, node);
    }
    const slots = map.length;
    const aside = new SetAside();
    aside.put(map, Int32Array, true);
    aside.restore();
    expect(map.length).toBe(slots);
    for (const node of [0, 1, 77_777, 299_999])
      expect(map.get(node * 7919, node ^ 0x5555)).toBe(node);
    expect(map.get(12, 34)).toBe(-1);
  });

  it('logs edges in the order found, in a file or in memory', () => {
    const found = (log: EdgeLog) => {
      // Past one chunk of the log.
      for (let i = 0; i < 70_000; i++) log.add(i, i * 2 + 1, (i % 97) / 97);
      const out: number[] = [];
      log.replay((a, b, score) => out.push(a, b, score));
      return out;
    };
    const aside = new SetAside();
    const inFile = found(new EdgeLog(aside));
    aside.restore();
    const inMemory = found(new EdgeLog(null));
    expect(inFile).toEqual(inMemory);
    expect(inFile.length).toBe(3 * 70_000);
    expect(inFile.slice(3 * 69_999)).toEqual([69_999, 139_999, Math.fround((69_999 % 97) / 97)]);
  });
});
