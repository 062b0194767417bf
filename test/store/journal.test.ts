import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../source/store/format.js';
import {
  fingerprintOfFile,
  Journal,
  leftJournals,
  pruneJournals,
  storeFilePath,
  unwrittenIn,
} from '../../source/store/journal.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'margin-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('the review journal', () => {
  it('holds a change from append until done, then is gone', () => {
    const root = join(dir, 'ann');
    const journal = new Journal(join(dir, 'journal'), root, 'alice');
    const a = journal.append('a1', { kind: 'toggle', label: 'claim' });
    const b = journal.append('a1', { kind: 'toggle', label: 'quote' });
    const lines = readFileSync(journal.path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    // The first change of a run says what the file was (none yet); the one behind it does not.
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ t: 'e', article: 'a1', base: null });
    expect(JSON.parse(lines[1] ?? '')).not.toHaveProperty('base');
    journal.done(a, 'a1');
    expect(unwrittenIn(readFileSync(journal.path, 'utf8'))).toEqual([
      expect.objectContaining({ article: 'a1', changes: [expect.objectContaining({ seq: b })] }),
    ]);
    journal.done(b, 'a1');
    expect(readFileSync(journal.path, 'utf8')).toBe('');
    expect(journal.pending).toBe(0);
    // At the end of the process with nothing left: gone.
    journal.close();
    expect(existsSync(journal.path)).toBe(false);
  });

  it('reads what a killed process left: what each article expects, past a cut last line', () => {
    const text = [
      { t: 'e', seq: 1, article: 'a', base: 'f0', at: 'x', change: 1 },
      { t: 'e', seq: 2, article: 'a', at: 'x', change: 2 },
      { t: 'e', seq: 3, article: 'b', base: null, at: 'x', change: 3 },
      { t: 'd', seq: 1, article: 'a', fp: 'f1' },
      { t: 'w', article: 'a', fp: 'f2' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    // The kill cut the last line in the middle: that change was never drawn.
    const left = unwrittenIn<number>(`${text}\n{"t":"e","seq":4,"arti`);
    expect(left).toEqual([
      { article: 'a', expected: 'f1', landing: ['f2'], changes: [{ seq: 2, at: 'x', change: 2 }] },
      { article: 'b', expected: null, landing: [], changes: [{ seq: 3, at: 'x', change: 3 }] },
    ]);
  });

  it("takes over only journals whose process is gone, of this annotator's", () => {
    const folder = join(dir, 'journal');
    mkdirSync(folder);
    const line = `${JSON.stringify({ t: 'e', seq: 1, article: 'a', base: null, at: 'x', change: 1 })}\n`;
    const dead = deadPid();
    writeFileSync(join(folder, `alice.${dead}.jsonl`), line);
    // A second window of alice's, still running (this process), and bob's.
    writeFileSync(join(folder, `alice.${process.ppid}.jsonl`), line);
    writeFileSync(join(folder, `bob.${dead}.jsonl`), line);
    const left = leftJournals<number>(folder, 'alice');
    expect(left.map((each) => each.pid)).toEqual([dead]);
    expect(left[0]?.unwritten.map((each) => each.article)).toEqual(['a']);
  });

  it('notes the text a write is about to put in place, only while a change waits', () => {
    const root = join(dir, 'ann');
    const journal = new Journal(join(dir, 'journal'), root, 'alice');
    const file = storeFilePath(root, 'alice', 'a1');
    mkdirSync(join(root, 'alice'), { recursive: true });
    writeFileSync(file, 'old');
    const seq = journal.append('a1', 'tag');
    journal.writing('alice', 'a1', fingerprint('new'));
    journal.writing('bob', 'a1', 'not-ours');
    const [each] = unwrittenIn(readFileSync(journal.path, 'utf8'));
    expect(each?.expected).toBe(fingerprint('old'));
    expect(each?.landing).toEqual([fingerprint('new')]);
    journal.done(seq, 'a1');
    journal.writing('alice', 'a1', 'after');
    expect(readFileSync(journal.path, 'utf8')).toBe('');
  });

  it('notes a burst written together in one line, with the text the store said it wrote', () => {
    const root = join(dir, 'ann');
    const journal = new Journal(join(dir, 'journal'), root, 'alice');
    const file = storeFilePath(root, 'alice', 'a1');
    mkdirSync(join(root, 'alice'), { recursive: true });
    writeFileSync(file, 'old');
    const a = journal.append('a1', 'tag 1');
    const b = journal.append('a1', 'tag 2');
    const c = journal.append('a1', 'tag 3');
    // The store writes the first two together; the file is not read again for them.
    journal.writing('alice', 'a1', fingerprint('two tags'));
    journal.done([a, b], 'a1');
    const lines = readFileSync(journal.path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.filter((line) => line.t === 'd')).toEqual([
      { t: 'd', seq: b, article: 'a1', fp: fingerprint('two tags') },
    ]);
    expect(unwrittenIn(readFileSync(journal.path, 'utf8'))).toEqual([
      expect.objectContaining({
        expected: fingerprint('two tags'),
        changes: [expect.objectContaining({ seq: c })],
      }),
    ]);
    expect(journal.pending).toBe(1);
    journal.done([c], 'a1');
    expect(journal.pending).toBe(0);
  });

  it('prunes empty journals of gone processes and empty folders, nothing else', () => {
    const cache = join(dir, 'cache');
    const top = join(cache, 'journal');
    const dead = deadPid();
    mkdirSync(join(top, 'emptied'), { recursive: true });
    writeFileSync(join(top, 'emptied', `alice.${dead}.jsonl`), '');
    mkdirSync(join(top, 'none'));
    mkdirSync(join(top, 'holding'));
    const line = `${JSON.stringify({ t: 'e', seq: 1, article: 'a', base: null, at: 'x', change: 1 })}\n`;
    writeFileSync(join(top, 'holding', `alice.${dead}.jsonl`), line);
    writeFileSync(join(top, 'holding', `bob.${dead}.jsonl`), '');
    writeFileSync(join(top, 'holding', `alice.${dead}.a.kept.json`), '{}');
    // A review still running (this process's parent) with nothing pending yet.
    mkdirSync(join(top, 'live'));
    writeFileSync(join(top, 'live', `alice.${process.ppid}.jsonl`), '');
    pruneJournals(cache);
    expect(readdirSync(top).sort()).toEqual(['holding', 'live']);
    expect(readdirSync(join(top, 'holding')).sort()).toEqual([
      `alice.${dead}.a.kept.json`,
      `alice.${dead}.jsonl`,
    ]);
    expect(readdirSync(join(top, 'live'))).toEqual([`alice.${process.ppid}.jsonl`]);
  });

  it('reads no FIFO or link planted under a store name (a key would wait for ever)', () => {
    const fifo = join(dir, 'fifo.json');
    spawnSync('mkfifo', [fifo]);
    expect(fingerprintOfFile(fifo)).toMatch(/^not a store file/);
    symlinkSync(fifo, join(dir, 'link.json'));
    expect(fingerprintOfFile(join(dir, 'link.json'))).toBe('a link');
    expect(fingerprintOfFile(join(dir, 'none.json'))).toBeNull();
  });
});
