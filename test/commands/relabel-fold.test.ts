import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../source/commands/index.js';
import { main } from '../../source/commands/main.js';
import { openRepository } from '../../source/store/index.js';
import { captureIO } from '../corpus/capture-io.js';
import { articleFromText } from '../store/articles.js';
import { useTempFolder } from '../store/temp-store.js';

const verdict = { name: 'verdict', values: ['true', 'false', 'misleading'] };
const codebook = {
  store: 'annotations',
  labels: [
    { name: 'claim', key: '1', colour: 'yellow', letter: 'C', attributes: [verdict] },
    { name: 'figure', key: '3', colour: 'green', letter: 'F', attributes: [verdict] },
  ],
};

const article = articleFromText(
  'a1',
  'Russia said on Friday it is preparing for direct talks between presidents. Two left.',
);

/** alice gave the first sentence claim `verdict=true` and figure `verdict=false`, each noted. */
async function project(dir: string, labels = codebook.labels) {
  await writeFile(join(dir, 'margin.json'), JSON.stringify({ ...codebook, labels }));
  const root = join(dir, 'annotations');
  const alice = await openRepository({ root, annotator: 'alice', articles: [article] });
  const [s0] = article.sentences;
  await alice.tag(article, s0!.id, 'claim');
  await alice.tag(article, s0!.id, 'figure');
  await alice.close();
  // Each label's own note and verdict, as the review leaves them (qa51's r5 imported them).
  const file = join(root, 'alice', 'a1.json');
  const doc = JSON.parse(await readFile(file, 'utf8'));
  const own: Record<string, [string, string]> = {
    claim: ['checked with AP', 'true'],
    figure: ['ONS says 4.1%', 'false'],
  };
  for (const annotation of doc.annotations) {
    const [note, value] = own[annotation.label]!;
    Object.assign(annotation, { note, attributes: { verdict: value } });
  }
  await writeFile(file, JSON.stringify(doc));
  return file;
}

async function relabel(dir: string, ...args: string[]) {
  const captured = captureIO(dir, {});
  const about = { version: '0.0.0', description: 'margin' };
  const status = await main(['relabel', ...args], captured.io, about, commands);
  return { status, stderr: captured.stderr() };
}

describe('margin relabel folding one label into another', () => {
  const tempFolder = useTempFolder();

  // qa51 #3: "1 annotation merged into one", and figure's verdict was gone.
  it('names each value the old label loses to the new, in the dry run too, and keeps it in the note', async () => {
    const dir = await tempFolder();
    const file = await project(dir, [codebook.labels[0]!]);
    const stored = await readFile(file, 'utf8');
    const said =
      'margin relabel: warning: alice, a1, "Russia said on Friday it is preparing f…": verdict differs: claim keeps true; figure\'s false ';
    expect(await relabel(dir, 'figure', 'claim', '-n')).toEqual({
      status: 0,
      stderr:
        'margin relabel: would rename figure → claim: 1 annotation in 1 file, 1 annotation merged into one\n' +
        `${said}would go into its note\n`,
    });
    expect(await readFile(file, 'utf8')).toBe(stored);

    expect(await relabel(dir, 'figure', 'claim')).toEqual({
      status: 0,
      stderr:
        'margin relabel: renamed figure → claim: 1 annotation in 1 file, 1 annotation merged into one\n' +
        `${said}went into its note\n` +
        'margin relabel: review the change with git diff annotations, then commit it\n',
    });
    const [annotation, ...others] = JSON.parse(await readFile(file, 'utf8')).annotations;
    expect(others).toEqual([]);
    expect([annotation.label, annotation.attributes, annotation.note]).toEqual([
      'claim',
      { verdict: 'true' },
      "checked with AP\nONS says 4.1%\nfigure's verdict: false",
    ]);
  });

  it('names an annotation it leaves under the old name, with exit status 1', async () => {
    const dir = await tempFolder();
    const file = await project(dir, [codebook.labels[0]!]);
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.annotations[0].note = 'x'.repeat(9990);
    await writeFile(file, JSON.stringify(doc));
    const result = await relabel(dir, 'figure', 'claim');
    expect(result).toEqual({
      status: 1,
      stderr:
        'margin relabel: renamed figure → claim: 0 annotations in 0 files\n' +
        'margin relabel: alice, a1, "Russia said on Friday it is preparing f…": stays figure: folded into claim, a note holds at most 10,000 characters; this one has 10,028; shorten a note or drop an attribute, then run relabel again\n',
    });
    const labels = JSON.parse(await readFile(file, 'utf8')).annotations.map(
      (a: { label: string }) => a.label,
    );
    expect(labels.sort()).toEqual(['claim', 'figure']);
  });

  // qa53 #9: `relabel claim Claim` left Claim beside claim, which margin.json itself refuses;
  // stats listed both and brat's annotation.conf declared Claim twice.
  it("refuses a new name that is one of margin.json's labels but for case, - or _", async () => {
    const dir = await tempFolder();
    const file = await project(dir);
    const before = await readFile(file, 'utf8');
    for (const [from, to] of [
      ['claim', 'Claim'],
      ['figure', 'CLAIM'],
    ] as const) {
      const result = await relabel(dir, from, to);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `margin relabel: "${to}" is claim but for case, "-", "_" or spaces, which do not count in a label's name (margin.json has claim): give it as claim, or rename the label in margin.json first\n`,
      );
    }
    expect(await readFile(file, 'utf8')).toBe(before);
    // Written as the codebook writes it, the fold goes ahead.
    expect((await relabel(dir, 'figure', 'claim')).status).toBe(0);
  });

  // qa51 #12: `relabel claim quote -n` with both still listed said nothing.
  it("warns when the label renamed is still one of margin.json's", async () => {
    const dir = await tempFolder();
    await project(dir);
    const result = await relabel(dir, 'figure', 'claim', '--dry-run');
    expect(result.status).toBe(0);
    expect(result.stderr.split('\n')).toContain(
      "margin relabel: warning: figure is still one of margin.json's labels (key 3): its key goes on making figure after the rename; rename or retire it in margin.json first",
    );
  });

  // verify51: a value outside the new label's fixed list moved across without a word.
  it("names the values the new label's fixed list lacks, and keeps them", async () => {
    const dir = await tempFolder();
    const stance = { name: 'verdict', values: ['true', 'false'] };
    const file = await project(dir, [{ ...codebook.labels[0]!, attributes: [stance] }]);
    const doc = JSON.parse(await readFile(file, 'utf8'));
    // Only the figure: a plain rename, whose value 'misleading' claim's list does not hold.
    doc.annotations = doc.annotations.filter((a: { label: string }) => a.label === 'figure');
    doc.annotations[0].attributes = { verdict: 'misleading' };
    await writeFile(file, JSON.stringify(doc));
    const warning =
      "margin relabel: warning: claim's verdict is one of true, false in margin.json, but ";
    const tail =
      " misleading (1 annotation); kept as they are (the review's editor offers only the list): change them there, or add the values to margin.json";
    const dry = await relabel(dir, 'figure', 'claim', '-n');
    expect(dry.stderr.split('\n')).toContain(`${warning}would carry${tail}`);
    const run = await relabel(dir, 'figure', 'claim');
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n')).toContain(`${warning}carries${tail}`);
    const [kept] = JSON.parse(await readFile(file, 'utf8')).annotations;
    expect([kept.label, kept.attributes]).toEqual(['claim', { verdict: 'misleading' }]);
  });
});
