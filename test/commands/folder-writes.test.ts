import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileNotWritten, folderWrites } from '../../source/commands/folder-writes.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'margin-folder-writes-'));
  made.push(dir);
  return dir;
}

describe('folderWrites', () => {
  it('writes every file queued, text or bytes, in folders it makes, on several threads', async () => {
    const dir = await folder();
    const writes = folderWrites(2);
    const expected = new Map<string, string>();
    // Enough files and bytes for several batches per thread.
    for (let i = 0; i < 1500; i++) {
      const name = join(dir, ['alice', 'bob', 'carol/deep'][i % 3]!, `${i}.txt`);
      const text = `${i} 😀 ${'x'.repeat(i * 7)}\n`;
      expected.set(name, text);
      await writes.write(name, i % 2 === 0 ? text : Buffer.from(text));
    }
    // Written twice: the last content stays.
    const twice = join(dir, 'alice', '0.txt');
    await writes.write(twice, 'again\n');
    expected.set(twice, 'again\n');
    await writes.finish();
    for (const [name, text] of expected) expect(await readFile(name, 'utf8')).toBe(text);
    // No temp file left behind.
    const names = [
      ...(await readdir(join(dir, 'alice'))),
      ...(await readdir(join(dir, 'bob'))),
      ...(await readdir(join(dir, 'carol', 'deep'))),
    ];
    expect(names.filter((name) => name.startsWith('.'))).toEqual([]);
    expect(names).toHaveLength(1500);
  });

  it('throws the failure of the first file queued that failed, and writes the others', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'plain'), 'a file');
    const writes = folderWrites(2);
    await writes.write(join(dir, 'ok', 'a.txt'), 'a');
    for (let i = 0; i < 50; i++) await writes.write(join(dir, 'plain', `${i}.txt`), 'x');
    for (let i = 0; i < 50; i++) await writes.write(join(dir, `plain${i}`, 'sub', 'b.txt'), 'x');
    const failure = await writes.finish().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(FileNotWritten);
    expect((failure as FileNotWritten).file).toBe(join(dir, 'plain', '0.txt'));
    // mkdir's word for a file in the way (the command says "a part of its path is a file").
    expect(['EEXIST', 'ENOTDIR']).toContain((failure as FileNotWritten).code);
    expect(await readFile(join(dir, 'ok', 'a.txt'), 'utf8')).toBe('a');
  });
});
