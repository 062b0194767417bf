import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../source/commands/suggest.js';
import { writeModelFile } from '../../source/store/model-file.js';
import {
  analyseArticle,
  createModel,
  learnDecision,
  serialiseModel,
} from '../../source/suggest/index.js';
import { run, useWorkspace } from '../export/workspace.js';
import { seedArticle } from '../helpers/articles.js';

const SEED = '001_d7fb493d5d978b6e';

interface Row {
  article: string;
  sentence: string;
  label: string;
  score: number;
  attributes: Record<string, string>;
}

const rows = (stdout: string): Row[] =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Row);

describe('margin suggest', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('prints one JSON object per suggested label, quotes with their speaker', async () => {
    const dir = await workspace();
    const result = await run(command, dir, [], { json: true, article: [SEED] });
    expect(result.status).toBe(0);
    const printed = rows(result.stdout);
    for (const row of printed) {
      expect(Object.keys(row)).toEqual(['article', 'sentence', 'label', 'score', 'attributes']);
      expect(row.article).toBe(SEED);
      expect(row.score).toBeGreaterThanOrEqual(0.5);
    }
    const article = seedArticle(`${SEED}.txt`);
    const peskov = article.sentences.find((s) => s.text.startsWith('“When Mr. Witkoff presents'))!;
    expect(printed).toContainEqual({
      article: SEED,
      sentence: peskov.id,
      label: 'quote',
      score: expect.closeTo(1, 2),
      attributes: { speaker: 'Dmitry Peskov' },
    });
  });

  // qa52 #8: the file name `ls` shows was "no article", with no next step.
  it('takes an article named by its file, from here or from the corpus, and guesses a cut id', async () => {
    const dir = await workspace();
    const byId = await run(command, dir, [], { json: true, article: [SEED] });
    for (const named of [`${SEED}.txt`, `corpus/${SEED}.txt`, join(dir, 'corpus', `${SEED}.txt`)]) {
      const result = await run(command, dir, [], { json: true, article: [named] });
      expect([named, result.status, result.stdout]).toEqual([named, 0, byId.stdout]);
    }
    const cut = await run(command, dir, [], { json: true, article: ['001'] });
    expect([cut.status, cut.stdout, cut.stderr]).toEqual([
      1,
      '',
      `margin suggest: no article "001" in the corpus (did you mean ${SEED}?)\n`,
    ]);
    // verify52: a file name names that file; the article read from `.txt` is not `.md`'s.
    const other = await run(command, dir, [], { json: true, article: [`${SEED}.md`] });
    expect([other.status, other.stdout, other.stderr]).toEqual([
      1,
      '',
      `margin suggest: no article "${SEED}.md" in the corpus (did you mean ${SEED}.txt?)\n`,
    ]);
  });

  it('scores with what the annotator taught, when their model is in the store', async () => {
    const dir = await workspace();
    const article = seedArticle(`${SEED}.txt`);
    const analysis = analyseArticle(article);
    const before = rows((await run(command, dir, [], { json: true, article: [SEED] })).stdout);
    const quote = before.find((row) => row.label === 'quote')!;
    // A reviewer who never takes these for quotes.
    const model = createModel();
    for (let i = 0; i < 30; i += 1) {
      for (const row of before.filter((r) => r.label === 'quote')) {
        learnDecision(model, analysis.sentences, {
          sentence: row.sentence,
          label: 'quote',
          present: false,
        });
      }
    }
    await writeModelFile(join(dir, 'store'), 'tester', serialiseModel(model));
    const after = rows((await run(command, dir, [], { json: true, article: [SEED] })).stdout);
    // Lowered, not taken away: a label never accepted keeps the rules' surest suggestions.
    const lowered = after.find((row) => row.sentence === quote.sentence && row.label === 'quote');
    expect(lowered?.score ?? 0).toBeLessThan(quote.score);
    expect(after).not.toEqual(before);
    // Someone else's model is not used.
    const other = rows(
      (await run(command, dir, [], { json: true, article: [SEED], annotator: 'bob' })).stdout,
    );
    expect(other).toEqual(before);
  });

  it('names a refused model file, suggests from the rules and exits 1', async () => {
    const dir = await workspace();
    await mkdir(join(dir, 'store', 'tester'), { recursive: true });
    await writeFile(join(dir, 'outside.json'), '{}');
    await symlink(join(dir, 'outside.json'), join(dir, 'store', 'tester', '.suggest-model.json'));
    const rules = await run(command, dir, [], { json: true, article: [SEED], annotator: 'bob' });
    const result = await run(command, dir, [], { json: true, article: [SEED] });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^margin suggest: store\/tester\/\.suggest-model\.json: is a symbolic link: .*; suggesting from the rules alone\n$/,
    );
    expect(result.stdout).toBe(rules.stdout);
  });

  it('names a rejections file git left in conflict, gives every suggestion and exits 1', async () => {
    const dir = await workspace();
    const before = await run(command, dir, [], { json: true, article: [SEED] });
    await mkdir(join(dir, 'store', 'tester'), { recursive: true });
    const [first] = rows(before.stdout);
    const line = (labels: string) =>
      `    {"article":"${SEED}","sentence":"${first!.sentence}","labels":[${labels}]}`;
    await writeFile(
      join(dir, 'store', 'tester', '.suggest-rejections.json'),
      `{\n  "schema": "margin.suggest-rejections",\n  "version": 1,\n  "annotator": "tester",\n  "rejections": [\n<<<<<<< HEAD\n${line(`"${first!.label}"`)}\n=======\n${line('"quote"')}\n>>>>>>> theirs\n  ]\n}\n`,
    );
    const result = await run(command, dir, [], { json: true, article: [SEED] });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'margin suggest: store/tester/.suggest-rejections.json: holds unresolved git conflict markers (<<<<<<<): keep the lines of both sides (one line per sentence, with the labels of both), then git add it; margin leaves it as it is; the suggestions it rejects are given until then\n',
    );
    expect(result.stdout).toBe(before.stdout);
  });

  it('reads as a report, one line per suggested label, and names an unknown article', async () => {
    const dir = await workspace();
    const result = await run(command, dir, [], { article: [SEED, 'nosuch'] });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('margin suggest: no article "nosuch" in the corpus\n');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^001_d7fb493d5d978b6e {2}Putin-Trump Meeting Dates/);
    expect(lines).toContain(
      '  quote  1.00 (speaker: Dmitry Peskov)  “When Mr. Witkoff presents all the information to President Trump, we will determine the timing of a conversation [between Trump and Putin],” Kremlin spokesman Dmitry Peskov told reporters.',
    );
  });

  it('never lets a control character of an article reach the terminal', async () => {
    const dir = await workspace();
    await writeFile(
      join(dir, 'corpus', 'evil.txt'),
      '“We will win \u001b[31mtoday,” said Mayor Jane \u001b]0;x\u0007Doe on Monday.\n',
    );
    const result = await run(command, dir, [], {});
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const json = await run(command, dir, [], { json: true });
    expect(json.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
