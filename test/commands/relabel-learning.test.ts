import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../source/commands/index.js';
import { main } from '../../source/commands/main.js';
import { readRejections, saveRejection, writeModelFile } from '../../source/store/index.js';
import {
  analyseArticle,
  createModel,
  learn,
  parseModel,
  serialiseModel,
} from '../../source/suggest/index.js';
import { captureIO } from '../corpus/capture-io.js';
import { seedArticle } from '../helpers/articles.js';

const scratch = await mkdtemp(join(tmpdir(), 'margin-relabel-learning-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
const about = { version: '0.0.0', description: 'margin' };
const SEED = '001_d7fb493d5d978b6e';

/** The project folder with the seeds and a codebook whose quote is `entry`. */
async function project(name: string, entry: Record<string, unknown>) {
  const folder = join(scratch, name);
  await cp(fileURLToPath(new URL('../../seeds', import.meta.url)), join(folder, 'articles'), {
    recursive: true,
  });
  await writeFile(
    join(folder, 'margin.json'),
    JSON.stringify({
      corpus: 'articles',
      labels: [
        { name: 'statistic', key: '4', colour: 'green', letter: 'S' },
        { key: '2', colour: 'cyan', letter: 'Q', attributes: [{ name: 'speaker' }], ...entry },
      ],
    }),
  );
  await mkdir(join(folder, 'annotations', 'alice'), { recursive: true });
  return folder;
}

async function run(folder: string, ...args: string[]) {
  const captured = captureIO(folder, { MARGIN_ANNOTATOR: 'alice' });
  const status = await main(args, captured.io, about, commands);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

describe('a renamed rule label', () => {
  it('keeps its rules and speakers when margin.json says "rules": "quote"', async () => {
    // qa57: renamed to citation, every quote suggestion and speaker was gone (`no suggestions`).
    const plain = await project('plain', { name: 'citation' });
    expect((await run(plain, 'suggest', '--article', SEED)).stdout).toContain('no suggestions');
    const kept = await project('kept', { name: 'citation', rules: 'quote' });
    const { stdout } = await run(kept, 'suggest', '--json', '--article', SEED);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { label: string; attributes: Record<string, string> });
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((line) => line.label))).toEqual(new Set(['citation']));
    expect(lines.some((line) => line.attributes.speaker === 'Dmitry Peskov')).toBe(true);
  });

  it('refuses a "rules" that names no rules margin has', async () => {
    const folder = await project('bad', { name: 'citation', rules: 'quotes' });
    const { status, stderr } = await run(folder, 'suggest', '--article', SEED);
    expect(status).toBe(2);
    expect(stderr).toContain('labels[1].rules');
    expect(stderr).toContain('claim, quote, event');
  });

  it('has relabel move what the model learnt with the annotations, and say how to keep the rules', async () => {
    const folder = await project('moved', { name: 'citation' });
    const taught = createModel();
    const sentences = analyseArticle(seedArticle(`${SEED}.txt`)).sentences;
    for (const sentence of sentences.slice(0, 6)) learn(taught, sentence, 'quote', false);
    await writeModelFile(join(folder, 'annotations'), 'alice', serialiseModel(taught));
    const learnt = taught.labels.get('quote');
    const { status, stderr } = await run(folder, 'relabel', 'quote', 'citation');
    expect(status).toBe(0);
    expect(stderr).toContain('moved what one suggestion model learnt of quote to citation');
    expect(stderr).toContain(
      'citation has no suggestion rules of its own: to suggest it by quote\'s rules (and its speaker), give its entry in margin.json "rules": "quote"',
    );
    const file = join(folder, 'annotations', 'alice', '.suggest-model.json');
    const { model } = parseModel(await readFile(file, 'utf8'));
    expect([...model.labels.keys()]).toEqual(['citation']);
    expect(model.labels.get('citation')?.weights).toEqual(learnt?.weights);
  });

  it('has relabel keep a rejected suggestion rejected under the new name', async () => {
    const folder = await project('rejected', { name: 'citation', rules: 'quote' });
    const before = await run(folder, 'suggest', '--json', '--article', SEED);
    // Rejected in the review while the codebook still called it quote.
    const quote = JSON.parse(before.stdout.split('\n')[0]!) as { sentence: string; label: string };
    expect(quote.label).toBe('citation');
    const store = join(folder, 'annotations');
    await saveRejection(store, 'alice', {
      article: SEED,
      sentence: quote.sentence,
      labels: ['quote', 'claim'],
      rejected: true,
    });
    const dry = await run(folder, 'relabel', '--dry-run', 'quote', 'citation');
    expect(dry.stderr).toContain('would rename quote to citation in one rejected suggestion');
    const { status, stderr } = await run(folder, 'relabel', 'quote', 'citation');
    expect(status).toBe(0);
    expect(stderr).toContain('renamed quote to citation in one rejected suggestion');
    expect(await readRejections(store, 'alice')).toEqual({
      kind: 'loaded',
      rejections: [{ article: SEED, sentence: quote.sentence, labels: ['citation', 'claim'] }],
    });
    const after = await run(folder, 'suggest', '--json', '--article', SEED);
    expect(after.stdout).not.toContain(`"sentence":"${quote.sentence}"`);
  });
});
