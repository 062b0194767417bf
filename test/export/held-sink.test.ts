import { describe, expect, it } from 'vitest';
import { heldSink, ReadAgain } from '../../source/commands/export-sinks.js';
import type { ExportSink } from '../../source/export/stream.js';

function recording(): ExportSink & { parts: string[] } {
  const parts: string[] = [];
  return {
    parts,
    async write(text) {
      parts.push(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
    },
    async writeFile(path, content) {
      parts.push(`${path}:${content}`);
    },
  };
}

/** A check that ends when told to, with whether it changed the index. */
function pendingCheck() {
  let end = (_changed: boolean) => {};
  const checked = new Promise<boolean>((done) => {
    end = done;
  });
  return { checked, end };
}

describe('an export held until the store is checked', () => {
  it('holds what is written until the check ends, then writes it in order', async () => {
    const sink = recording();
    const { checked, end } = pendingCheck();
    const held = heldSink(sink, checked, 100);
    await held.write('a');
    await held.write('b');
    expect(sink.parts).toEqual([]);
    end(false);
    await checked;
    await held.write('c');
    await held.release();
    expect(sink.parts).toEqual(['a', 'b', 'c']);
  });

  it("holds a copy of bytes, which are the writer's again once written", async () => {
    const sink = recording();
    const { checked, end } = pendingCheck();
    const held = heldSink(sink, checked, 100);
    const bytes = Buffer.from('first');
    await held.write(bytes, true);
    bytes.write('again');
    end(false);
    await held.release();
    expect(sink.parts).toEqual(['first']);
  });

  it('waits for the check once it holds its limit', async () => {
    const sink = recording();
    const { checked, end } = pendingCheck();
    const held = heldSink(sink, checked, 3);
    await held.write('ab');
    let wrote = false;
    const third = held.write('cd').then(() => {
      wrote = true;
    });
    await new Promise((done) => setImmediate(done));
    expect(wrote).toBe(false);
    end(false);
    await third;
    expect(sink.parts).toEqual(['ab', 'cd']);
  });

  it('writes nothing and says so when the check changed the index', async () => {
    const sink = recording();
    const { checked, end } = pendingCheck();
    const held = heldSink(sink, checked, 100);
    await held.write('stale');
    end(true);
    await expect(held.release()).rejects.toBeInstanceOf(ReadAgain);
    await expect(heldSink(sink, checked).writeFile('a.ann', 'x')).rejects.toBeInstanceOf(ReadAgain);
    expect(sink.parts).toEqual([]);
  });
});
