import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRejections, saveRejection } from '../../source/store/index.js';
import { useTempFolder } from './temp-store.js';

describe("an annotator's rejected suggestions", () => {
  const scratch = useTempFolder();

  it('are written at once, read back, and taken back label by label', async () => {
    const store = await scratch();
    expect(await readRejections(store, 'alice')).toEqual({ kind: 'missing' });
    await saveRejection(store, 'alice', {
      article: 'b',
      sentence: 's2',
      labels: ['quote', 'claim'],
      rejected: true,
    });
    await saveRejection(store, 'alice', {
      article: 'a',
      sentence: 's9',
      labels: ['event'],
      rejected: true,
    });
    expect(await readRejections(store, 'alice')).toEqual({
      kind: 'loaded',
      rejections: [
        { article: 'a', sentence: 's9', labels: ['event'] },
        { article: 'b', sentence: 's2', labels: ['claim', 'quote'] },
      ],
    });
    // One line a sentence, sorted: a git diff shows the rejections made.
    const path = join(store, 'alice', '.suggest-rejections.json');
    expect(await readFile(path, 'utf8')).toBe(
      '{\n  "schema": "margin.suggest-rejections",\n  "version": 1,\n  "annotator": "alice",\n' +
        '  "rejections": [\n' +
        '    {"article":"a","sentence":"s9","labels":["event"]},\n' +
        '    {"article":"b","sentence":"s2","labels":["claim","quote"]}\n' +
        '  ]\n}\n',
    );
    // Undo of one rejection takes back its labels only.
    await saveRejection(store, 'alice', {
      article: 'b',
      sentence: 's2',
      labels: ['quote'],
      rejected: false,
    });
    await saveRejection(store, 'alice', {
      article: 'a',
      sentence: 's9',
      labels: ['event'],
      rejected: false,
    });
    expect(await readRejections(store, 'alice')).toEqual({
      kind: 'loaded',
      rejections: [{ article: 'b', sentence: 's2', labels: ['claim'] }],
    });
    // A teammate's are their own.
    expect(await readRejections(store, 'bob')).toEqual({ kind: 'missing' });
  });

  it('says what to do with a file git left in conflict, and never writes over it', async () => {
    const store = await scratch();
    await mkdir(join(store, 'alice'));
    const path = join(store, 'alice', '.suggest-rejections.json');
    const conflicted =
      '{\n  "rejections": [\n<<<<<<< HEAD\n    {"article":"a","sentence":"s1","labels":["quote"]}\n' +
      '=======\n    {"article":"a","sentence":"s2","labels":["claim"]}\n>>>>>>> origin/main\n  ]\n}\n';
    await writeFile(path, conflicted);
    expect(await readRejections(store, 'alice', 'ann')).toEqual({
      kind: 'refused',
      message:
        'ann/alice/.suggest-rejections.json: holds unresolved git conflict markers (<<<<<<<): ' +
        'keep the lines of both sides (one line per sentence, with the labels of both), then git ' +
        'add it; margin leaves it as it is',
    });
    await expect(
      saveRejection(store, 'alice', {
        article: 'a',
        sentence: 's3',
        labels: ['quote'],
        rejected: true,
      }),
    ).rejects.toThrow(/conflict markers/);
    expect(await readFile(path, 'utf8')).toBe(conflicted);
  });

  it("refuses another annotator's file, a newer margin's and a link, and leaves them", async () => {
    const store = await scratch();
    await mkdir(join(store, 'alice'));
    const path = join(store, 'alice', '.suggest-rejections.json');
    const bobs =
      '{"schema":"margin.suggest-rejections","version":1,"annotator":"bob","rejections":[]}\n';
    await writeFile(path, bobs);
    expect(await readRejections(store, 'alice')).toEqual({
      kind: 'refused',
      message: `${path}: holds the rejections of another annotator, not alice's`,
    });
    await writeFile(path, bobs.replace('"version":1', '"version":2'));
    expect(await readRejections(store, 'alice')).toEqual({
      kind: 'refused',
      message: `${path}: schema version 2 is newer than this margin understands (1); upgrade margin to use it`,
    });
    await writeFile(join(store, 'elsewhere.json'), bobs);
    await mkdir(join(store, 'carol'));
    await symlink(join(store, 'elsewhere.json'), join(store, 'carol', '.suggest-rejections.json'));
    const linked = await readRejections(store, 'carol');
    expect(linked.kind).toBe('refused');
    await expect(
      saveRejection(store, 'carol', {
        article: 'a',
        sentence: 's1',
        labels: ['quote'],
        rejected: true,
      }),
    ).rejects.toThrow(/link/);
    expect(await readFile(join(store, 'elsewhere.json'), 'utf8')).toBe(bobs);
  });

  it('reads a file changed behind it again before the next change (a git pull)', async () => {
    const store = await scratch();
    const change = (sentence: string) =>
      saveRejection(store, 'alice', { article: 'a', sentence, labels: ['quote'], rejected: true });
    await change('s1');
    // The other machine's rejection arrives with a pull: the file is replaced.
    const path = join(store, 'alice', '.suggest-rejections.json');
    await writeFile(
      path,
      (await readFile(path, 'utf8')).replace(
        '"labels":["quote"]}',
        '"labels":["quote"]},\n    {"article":"b","sentence":"s7","labels":["event"]}',
      ),
    );
    await change('s2');
    expect(await readRejections(store, 'alice')).toEqual({
      kind: 'loaded',
      rejections: [
        { article: 'a', sentence: 's1', labels: ['quote'] },
        { article: 'a', sentence: 's2', labels: ['quote'] },
        { article: 'b', sentence: 's7', labels: ['event'] },
      ],
    });
  });

  it('makes no file to take back what it never held', async () => {
    const store = await scratch();
    await saveRejection(store, 'alice', {
      article: 'a',
      sentence: 's1',
      labels: ['quote'],
      rejected: false,
    });
    expect(await readRejections(store, 'alice')).toEqual({ kind: 'missing' });
  });
});
