import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as exportCommand } from '../../source/commands/export.js';
import { command as importCommand } from '../../source/commands/import.js';
import { command as suggestCommand } from '../../source/commands/suggest.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { codePoints } from '../../source/export/offsets.js';
import { openRepository, saveRejection } from '../../source/store/index.js';
import { run, useWorkspace } from './workspace.js';

const SEED = '001_d7fb493d5d978b6e';

interface Row {
  sentence: string;
  label: string;
  score: number;
  attributes: Record<string, string>;
}

/** What `margin suggest --json` says about the seed: the yardstick the exports must match. */
async function suggested(dir: string): Promise<Row[]> {
  const { stdout } = await run(suggestCommand, dir, [], { json: true, article: [SEED] });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Row);
}

async function seedArticle(dir: string) {
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  return { articles, seed: articles.find((article) => article.id === SEED)! };
}

describe('exports with --suggestions', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('label-studio: one prediction per article, a scored region per suggested label', async () => {
    const dir = await workspace();
    const { seed } = await seedArticle(dir);
    const rows = await suggested(dir);
    const result = await run(exportCommand, dir, [], {
      format: 'label-studio',
      suggestions: true,
      article: [SEED],
    });
    expect(result.status).toBe(0);
    // Nobody annotated the seed: the task is there for its predictions.
    const tasks = JSON.parse(result.stdout) as Array<{
      data: { article: string; text: string };
      annotations: unknown[];
      predictions: Array<{
        model_version: string;
        score: number;
        result: Array<{
          type: string;
          value: { start: number; end: number; text: unknown; labels?: string[] };
          score?: number;
          from_name: string;
        }>;
      }>;
    }>;
    expect(tasks.map((task) => [task.data.article, task.annotations])).toEqual([[SEED, []]]);
    const [prediction] = tasks[0]!.predictions;
    expect(prediction?.model_version).toBe('margin-suggest-r0');
    const regions = prediction!.result.filter((region) => region.type === 'labels');
    const points = codePoints(seed.text);
    expect(
      regions.map((region) => [region.value.start, region.value.labels?.[0], region.score]),
    ).toEqual(
      rows.map((row) => {
        const sentence = seed.sentences.find((s) => s.id === row.sentence)!;
        return [
          points.toCodePoint(sentence.start),
          row.label.replace(/^./, (c) => c.toUpperCase()),
          row.score,
        ];
      }),
    );
    const speakers = prediction!.result
      .filter((region) => region.from_name === 'attr_speaker')
      .map((region) => (region.value.text as string[])[0]);
    expect(speakers).toContain('Dmitry Peskov');
  });

  // qa51 #9: suggestion tasks had no answer beside the answered ones in one file, and
  // `prodigy db-in` gives such a task its --answer, accept by default.
  it('prodigy: the tasks of suggested spans alone, with no answer, and a line saying what for', async () => {
    const dir = await workspace();
    const { articles, seed } = await seedArticle(dir);
    const alice = await openRepository({ root: join(dir, 'store'), annotator: 'alice', articles });
    await alice.tag(seed, seed.sentences[0]!.id, 'claim');
    await alice.close();
    const rows = await suggested(dir);
    const result = await run(exportCommand, dir, [], {
      format: 'prodigy',
      suggestions: true,
      article: [SEED],
    });
    expect(result.status).toBe(0);
    const tasks = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(tasks.map((task) => task.answer)).toEqual([undefined]);
    const proposal = tasks[0] as {
      spans: Array<{ label: string; meta: { score: number; attributes?: Record<string, string> } }>;
      meta: { model_version: string };
    };
    expect(proposal.meta.model_version).toBe('margin-suggest-r0');
    expect(
      proposal.spans.map((span) => [span.label, span.meta.score, span.meta.attributes ?? {}]),
    ).toEqual(rows.map((row) => [row.label.toUpperCase(), row.score, row.attributes]));
    expect(result.stderr).toBe(
      "margin export: wrote the suggestion tasks alone, with no answer: give them to a recipe as its source (prodigy spans.manual DATASET FILE --label …), never to prodigy db-in, which would accept every one; the team's annotations are the export without --suggestions\n",
    );
    // Without the flag, alice's answered task alone.
    const answered = await run(exportCommand, dir, [], { format: 'prodigy', article: [SEED] });
    expect(
      answered.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).answer),
    ).toEqual(['accept']);
    expect(answered.stderr).toBe('');
  });

  // qa57 #5: a suggestion rejected in the review came back the next day and in Label Studio.
  it('leaves out what the annotator rejected in the review, and only for that annotator', async () => {
    const dir = await workspace();
    const { seed } = await seedArticle(dir);
    const before = await suggested(dir);
    const peskov = before.find((row) => row.attributes.speaker === 'Dmitry Peskov')!;
    // `r` in tester's review (MARGIN_ANNOTATOR in these runs) wrote this.
    await saveRejection(join(dir, 'store'), 'tester', {
      article: SEED,
      sentence: peskov.sentence,
      labels: [peskov.label],
      rejected: true,
    });
    const kept = before.filter((row) => row !== peskov);
    expect(await suggested(dir)).toEqual(kept);
    const start = (row: Row) =>
      codePoints(seed.text).toCodePoint(seed.sentences.find((s) => s.id === row.sentence)!.start);
    const studio = await run(exportCommand, dir, [], {
      format: 'label-studio',
      suggestions: true,
      article: [SEED],
    });
    expect(studio.status).toBe(0);
    const [task] = JSON.parse(studio.stdout) as Array<{
      predictions: Array<{
        result: Array<{ type: string; value: { start: number; labels?: string[] } }>;
      }>;
    }>;
    const regions = task!.predictions[0]!.result.filter((region) => region.type === 'labels');
    expect(regions.map((region) => [region.value.start, region.value.labels?.[0]])).toEqual(
      kept.map((row) => [start(row), row.label.replace(/^./, (c) => c.toUpperCase())]),
    );
    const prodigy = await run(exportCommand, dir, [], {
      format: 'prodigy',
      suggestions: true,
      article: [SEED],
    });
    const [proposal] = prodigy.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { spans: Array<{ start: number; label: string }> });
    expect(proposal!.spans.map((span) => [span.start, span.label])).toEqual(
      kept.map((row) => [start(row), row.label.toUpperCase()]),
    );
    // A teammate's suggestions are not narrowed by tester's rejections.
    const bobs = await run(suggestCommand, dir, [], {
      json: true,
      article: [SEED],
      annotator: 'bob',
    });
    expect(bobs.stdout).toContain(`"sentence":"${peskov.sentence}","label":"quote"`);
  });

  it('imports back as the annotations alone: suggestions never become annotations', async () => {
    const dir = await workspace();
    const { articles, seed } = await seedArticle(dir);
    const alice = await openRepository({ root: join(dir, 'store'), annotator: 'alice', articles });
    await alice.tag(seed, seed.sentences[0]!.id, 'claim');
    await alice.close();
    const imports = async (format: string, stdout: string) =>
      (await run(importCommand, dir, ['-'], { format, store: `copy-${format}` }, stdout)).stdout;
    const studio = await run(exportCommand, dir, [], { format: 'label-studio', suggestions: true });
    // qa53 #10: the predictions were counted as "rejected, ignored or cancelled task(s)
    // skipped", though the same tasks' annotations were imported.
    const left = /^(\d+) suggestions? left out \(what a model proposed is not an annotation\)$/;
    const summary = (stdout: string) => stdout.trim().split(', ');
    const studioSummary = summary(await imports('label-studio', studio.stdout));
    expect(studioSummary.slice(0, 3)).toEqual(['1 imported', '0 duplicates skipped', '0 errors']);
    expect(studioSummary.filter((part) => left.test(part))).toHaveLength(1);
    expect(studioSummary.join(', ')).not.toContain('task');
    // Prodigy's suggestion tasks come in a file of their own: none of them is imported.
    const prodigy = await run(exportCommand, dir, [], { format: 'prodigy', suggestions: true });
    const prodigySummary = summary(await imports('prodigy', prodigy.stdout));
    expect(prodigySummary.slice(0, 3)).toEqual(['0 imported', '0 duplicates skipped', '0 errors']);
    expect(prodigySummary.filter((part) => left.test(part))).toHaveLength(1);
    expect(prodigySummary.join(', ')).not.toContain('task');
  });

  it("keeps to a project's codebook: tasks name only the config's labels and controls", async () => {
    const dir = await workspace();
    const label = (name: string, key: string, letter: string, attributes: unknown[] = []) => ({
      name,
      key,
      colour: 'green',
      letter,
      description: name,
      attributes,
    });
    const codebook = [
      label('claim', '1', 'C'),
      label('quote', '2', 'Q', [{ name: 'speaker', values: ['Dmitry Peskov', 'nobody'] }]),
      label('statistic', '4', 'S'),
    ];
    await writeFile(
      join(dir, 'margin.json'),
      JSON.stringify({ corpus: 'corpus', store: 'store', labels: codebook }),
    );
    const rows = await suggested(dir);
    expect(new Set(rows.map((row) => row.label))).toEqual(new Set(['claim', 'quote']));
    const config = await run(exportCommand, dir, [], { format: 'label-studio', config: true });
    const result = await run(exportCommand, dir, [], {
      format: 'label-studio',
      suggestions: true,
      article: [SEED],
    });
    const [task] = JSON.parse(result.stdout) as Array<{
      predictions: Array<{
        result: Array<{ type: string; from_name: string; value: Record<string, unknown> }>;
      }>;
    }>;
    const regions = task!.predictions[0]!.result;
    const declaredLabels = [...config.stdout.matchAll(/<Label value="([^"]+)"/g)].map((m) => m[1]);
    const controls = new Map(
      [...config.stdout.matchAll(/<(Choices|TextArea) name="([^"]+)"/g)].map((m) => [
        m[2],
        m[1]!.toLowerCase(),
      ]),
    );
    for (const region of regions) {
      if (region.type === 'labels') {
        expect(declaredLabels).toContain((region.value.labels as string[])[0]);
      } else expect(controls.get(region.from_name)).toBe(region.type);
    }
    expect(regions).toContainEqual(
      expect.objectContaining({
        from_name: 'attr_speaker',
        type: 'choices',
        value: expect.objectContaining({ choices: ['Dmitry Peskov'] }),
      }),
    );
  });

  it('is refused with a format that has no place for proposals', async () => {
    const dir = await workspace();
    const result = await run(exportCommand, dir, [], { format: 'csv', suggestions: true });
    expect(result).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin export: --suggestions goes with --format label-studio or prodigy\n',
    });
  });
});
