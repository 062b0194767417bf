import { lstat, mkdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../source/store/index.js';
import {
  diskModelStore,
  MODEL_FILE_NAME,
  ModelChangedError,
  readModelFile,
  writeModelFile,
} from '../../source/store/model-file.js';
import { readOwnText } from '../../source/store/own-json-file.js';
import {
  analyseArticle,
  createModel,
  learnDecision,
  parseModel,
  serialiseModel,
  suggest,
} from '../../source/suggest/index.js';
import { seedArticle } from './articles.js';
import { useTempFolder } from './temp-store.js';

const LABELS = [{ name: 'claim' }, { name: 'quote' }, { name: 'event' }];

/** A model that learnt a few decisions on a seed article, and the article. */
function trainedModel() {
  const article = seedArticle();
  const analysis = analyseArticle(article);
  const model = createModel();
  for (const sentence of analysis.sentences.slice(0, 6)) {
    learnDecision(model, analysis.sentences, {
      sentence: sentence.sentence,
      label: 'claim',
      present: sentence.index % 2 === 0,
    });
  }
  return { article, analysis, model };
}

describe('the suggestion model file', () => {
  const tempFolder = useTempFolder();

  it('round-trips: the model read back scores every sentence exactly as the one saved', async () => {
    const root = await tempFolder();
    const { analysis, model } = trainedModel();
    await writeModelFile(root, 'alice', serialiseModel(model));
    const read = await readModelFile(root, 'alice', parseModel);
    if (read.kind !== 'loaded') throw new Error(`not loaded: ${JSON.stringify(read)}`);
    expect(read.value.stale).toBe(false);
    expect(suggest(analysis, read.value.model, LABELS)).toEqual(suggest(analysis, model, LABELS));
    expect(serialiseModel(read.value.model)).toBe(serialiseModel(model));
  });

  it('keeps a label, an attribute and a value named __proto__ or constructor', async () => {
    const root = await tempFolder();
    const article = seedArticle();
    const analysis = analyseArticle(article);
    const model = createModel();
    for (const label of ['__proto__', 'constructor']) {
      for (const sentence of analysis.sentences.slice(0, 4)) {
        learnDecision(model, analysis.sentences, {
          sentence: sentence.sentence,
          label,
          present: sentence.index % 2 === 0,
        });
      }
    }
    model.corrections.set('__proto__', new Map([['__proto__', 'Putin']]));
    model.corrections.set('speaker', new Map([['constructor', 'toString']]));
    await writeModelFile(root, 'alice', serialiseModel(model));
    const read = await readModelFile(root, 'alice', parseModel);
    if (read.kind !== 'loaded') throw new Error(`not loaded: ${JSON.stringify(read)}`);
    const back = read.value.model;
    expect([...back.labels.keys()].sort()).toEqual(['__proto__', 'constructor']);
    expect(back.labels.get('__proto__')?.weights).toEqual(model.labels.get('__proto__')?.weights);
    expect(back.corrections.get('__proto__')?.get('__proto__')).toBe('Putin');
    expect(back.corrections.get('speaker')?.get('constructor')).toBe('toString');
    const labels = [{ name: '__proto__' }, { name: 'constructor' }];
    expect(suggest(analysis, back, labels)).toEqual(suggest(analysis, model, labels));
  });

  it('lives in the annotator folder, where the store does not take it for an article', async () => {
    const root = await tempFolder();
    const { article, model } = trainedModel();
    await writeModelFile(root, 'alice', serialiseModel(model));
    const repository = await openRepository({ root, annotator: 'alice', articles: [article] });
    expect(repository.problems()).toEqual([]);
    expect(repository.list()).toEqual([]);
    expect((await lstat(join(root, 'alice', MODEL_FILE_NAME))).isFile()).toBe(true);
  });

  it('is not written over once a git pull changed it during the session', async () => {
    const root = await tempFolder();
    const { model } = trainedModel();
    const path = join(root, 'alice', MODEL_FILE_NAME);
    await writeModelFile(root, 'alice', serialiseModel(model));
    const session = diskModelStore(root, 'alice', 'annotations');
    expect((await session.read(parseModel)).kind).toBe('loaded');
    // The session's own writes follow one another.
    await session.write(serialiseModel(model));
    await session.write(serialiseModel(createModel()));
    // A merge leaves both sides in the file.
    const merged = `<<<<<<< HEAD\n${serialiseModel(model)}=======\n{}\n>>>>>>> origin/main\n`;
    await writeFile(path, merged);
    const refused = session.write(serialiseModel(model));
    await expect(refused).rejects.toBeInstanceOf(ModelChangedError);
    await expect(refused).rejects.toThrow(
      /^annotations\/alice\/\.suggest-model\.json: changed on disk during this session and holds unresolved git conflict markers .*git checkout --ours/,
    );
    expect(await readFile(path, 'utf8')).toBe(merged);
    // A file that appeared after the session found none is another's too.
    const fresh = await tempFolder();
    const later = diskModelStore(fresh, 'alice');
    expect((await later.read(parseModel)).kind).toBe('missing');
    await writeModelFile(fresh, 'alice', serialiseModel(model));
    await expect(later.write(serialiseModel(createModel()))).rejects.toBeInstanceOf(
      ModelChangedError,
    );
  });

  it('is missing, not refused, before the first decision', async () => {
    const root = await tempFolder();
    expect(await readModelFile(root, 'alice', parseModel)).toEqual({ kind: 'missing' });
  });

  it('names a corrupt file in one line, without quoting it', async () => {
    const root = await tempFolder();
    await mkdir(join(root, 'alice'));
    const path = join(root, 'alice', MODEL_FILE_NAME);
    await writeFile(path, '{"format": "margin-suggest-model", "version": 1, "secret');
    const read = await readModelFile(root, 'alice', parseModel, 'annotations');
    expect(read.kind).toBe('refused');
    const message = read.kind === 'refused' ? read.message : '';
    expect(message).toBe(
      'annotations/alice/.suggest-model.json: not valid JSON (at line 1, column 57)',
    );
    // JSON.parse's own message would quote the file: someone's private text, or an escape code.
    await writeFile(path, 'private words of another file\n');
    const other = await readModelFile(root, 'alice', parseModel, 'annotations');
    expect(other.kind === 'refused' && other.message).toBe(
      'annotations/alice/.suggest-model.json: not valid JSON',
    );
    await writeFile(path, '{"format": "something-else"}');
    expect(await readModelFile(root, 'alice', parseModel, 'annotations')).toEqual({
      kind: 'refused',
      message: 'annotations/alice/.suggest-model.json: not a margin-suggest-model file',
    });
  });

  it('names git conflict markers left by a merge and says what to do, leaving the file', async () => {
    const root = await tempFolder();
    const { model } = trainedModel();
    await writeModelFile(root, 'alice', serialiseModel(model));
    const path = join(root, 'alice', MODEL_FILE_NAME);
    const [head, ...rest] = (await readFile(path, 'utf8')).split('\n');
    const merged = [
      head,
      '<<<<<<< HEAD',
      ...rest.slice(0, 3),
      '=======',
      ...rest.slice(1, 4),
      '>>>>>>> origin/main',
      ...rest.slice(4),
    ].join('\n');
    await writeFile(path, merged);
    const read = await readModelFile(root, 'alice', parseModel, 'annotations');
    expect(read).toEqual({
      kind: 'refused',
      message:
        'annotations/alice/.suggest-model.json: holds unresolved git conflict markers (<<<<<<<): ' +
        'keep one side (git checkout --ours or --theirs, then git add it) or delete the file to ' +
        'start again from the rules; margin leaves it as it is',
    });
    expect(await readFile(path, 'utf8')).toBe(merged);
  });

  it('never reads or replaces a link in its place, and leaves the link as it was', async () => {
    const root = await tempFolder();
    const outside = join(await tempFolder(), 'private.json');
    await writeFile(outside, serialiseModel(trainedModel().model));
    await mkdir(join(root, 'alice'));
    const path = join(root, 'alice', MODEL_FILE_NAME);
    await symlink(outside, path);
    const read = await readModelFile(root, 'alice', parseModel, 'annotations');
    expect(read).toEqual({
      kind: 'refused',
      message: expect.stringMatching(
        /^annotations\/alice\/\.suggest-model\.json: is a symbolic link: margin never follows/,
      ),
    });
    await expect(writeModelFile(root, 'alice', serialiseModel(createModel()))).rejects.toThrow(
      /\.suggest-model\.json: is a symbolic link/,
    );
    expect(await readlink(path)).toBe(outside);
    expect(await readFile(outside, 'utf8')).toBe(serialiseModel(trainedModel().model));
  });

  it('refuses an annotator folder that is a link, for reading and for writing', async () => {
    const root = await tempFolder();
    const elsewhere = await tempFolder();
    await symlink(elsewhere, join(root, 'alice'));
    const read = await readModelFile(root, 'alice', parseModel);
    expect(read.kind).toBe('refused');
    await expect(writeModelFile(root, 'alice', serialiseModel(createModel()))).rejects.toThrow(
      /is a symbolic link/,
    );
    await expect(lstat(join(elsewhere, MODEL_FILE_NAME))).rejects.toThrow(/ENOENT/);
  });

  it('refuses something that is not a regular file', async () => {
    const root = await tempFolder();
    await mkdir(join(root, 'alice', MODEL_FILE_NAME), { recursive: true });
    const read = await readModelFile(root, 'alice', parseModel);
    expect(read.kind === 'refused' && read.message).toMatch(/is not a regular file/);
  });

  it('is refused in the words of the store’s other files, by the one shared reader', async () => {
    const root = await tempFolder();
    const path = join(root, 'alice', MODEL_FILE_NAME);
    await mkdir(join(root, 'alice'), { recursive: true });
    const kind = { name: 'model', maxBytes: 64 << 20, conflicted: 'conflicted' };
    const shared = (await readOwnText(path, kind).catch((error: Error) => error.message)) as string;
    // Too large, for a model as for the links or the rejections: "(64 MB)", one line.
    await writeFile(path, 'x'.repeat(2 << 20));
    const small = await readOwnText(path, { ...kind, maxBytes: 1 << 20 }).catch(
      (error: Error) => error.message,
    );
    expect(small).toBe('is larger than any model file margin writes (1 MB)');
    await mkdir(join(root, 'bob', MODEL_FILE_NAME), { recursive: true });
    const folder = await readModelFile(root, 'bob', parseModel);
    expect(folder.kind === 'refused' && folder.message).toBe(
      `${join(root, 'bob', MODEL_FILE_NAME)}: is not a regular file`,
    );
    expect(shared).toBeNull();
  });
});
