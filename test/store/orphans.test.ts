import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { command } from '../../source/commands/orphans.js';
import { runCommand } from '../../source/commands/run.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { useTempFolder } from './temp-store.js';

const COUNCIL = [
  'The council met on Tuesday to vote on the budget.',
  'The mayor said the plan would cut waiting times by half.',
  'Residents protested outside the town hall for two hours.',
].join(' ');

async function run(cwd: string, args: Record<string, unknown>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => {
    out += chunk;
  });
  stderr.on('data', (chunk) => {
    err += chunk;
  });
  const status = await runCommand(
    command,
    [],
    { corpus: 'corpus', store: 'annotations', json: false, ...args },
    {
      stdout,
      stderr,
      stdin: new PassThrough(),
      env: { XDG_CACHE_HOME: join(cwd, 'cache'), MARGIN_ANNOTATOR: 'tester' },
      cwd,
    },
  );
  return { status, out, err };
}

describe('margin orphans', () => {
  const tempFolder = useTempFolder();

  async function corpusWithTags() {
    const cwd = await tempFolder();
    await mkdir(join(cwd, 'corpus'));
    await writeFile(join(cwd, 'corpus', 'council.txt'), `${COUNCIL}\n`);
    const { articles } = await loadCorpus(join(cwd, 'corpus'), { cacheDir: null });
    const council = articles[0]!;
    expect(council.sentences.map((sentence) => sentence.text)).toHaveLength(3);
    for (const annotator of ['ana', 'ben']) {
      const repo = await openRepository({ root: join(cwd, 'annotations'), annotator, articles });
      await repo.tag(council, council.sentences[1]!.id, 'claim');
      await repo.tag(council, council.sentences[2]!.id, 'event');
      await repo.close();
    }
    return cwd;
  }

  it('says so when every annotation is placed', async () => {
    const cwd = await corpusWithTags();
    expect(await run(cwd, {})).toEqual({
      status: 0,
      out: 'No orphans among 4 annotations in annotations.\n',
      err: '',
    });
  });

  it('lists the annotations whose sentence was removed from the text', async () => {
    const cwd = await corpusWithTags();
    await writeFile(
      join(cwd, 'corpus', 'council.txt'),
      `${COUNCIL.replace('The mayor said the plan would cut waiting times by half. ', '')}\n`,
    );
    expect(await run(cwd, {})).toEqual({
      status: 0,
      out: [
        'ARTICLE  ANNOTATOR  LABEL  QUOTE',
        'council  ana        claim  The mayor said the plan would cut waiting times by half.',
        'council  ben        claim  The mayor said the plan would cut waiting times by half.',
        '',
      ].join('\n'),
      err: '',
    });
    const json = await run(cwd, { json: true, annotator: 'ben' });
    expect(JSON.parse(json.out)).toEqual([
      {
        article: 'council',
        annotator: 'ben',
        label: 'claim',
        id: expect.any(String),
        quote: 'The mayor said the plan would cut waiting times by half.',
        note: null,
        created: expect.any(String),
      },
    ]);
  });

  it('names a refused store file and exits 1', async () => {
    const cwd = await corpusWithTags();
    await writeFile(join(cwd, 'annotations', 'ben', 'council.json'), '{}');
    const result = await run(cwd, {});
    expect(result).toEqual({
      status: 1,
      out: 'No orphans among 2 annotations in annotations.\n',
      err: 'margin orphans: annotations/ben/council.json: not a margin annotations file (no "schema": "margin.annotations")\n',
    });
  });
});
