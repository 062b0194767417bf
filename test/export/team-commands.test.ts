import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as agree } from '../../source/commands/agree.js';
import { command as exportCommand } from '../../source/commands/export.js';
import { command as relabel } from '../../source/commands/relabel.js';
import { command as search } from '../../source/commands/search.js';
import { command as stats } from '../../source/commands/stats.js';
import { loadCorpus } from '../../source/corpus/index.js';
import { labelStudioConfig } from '../../source/export/label-studio-config.js';
import { openRepository } from '../../source/store/index.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import { byCodePoints } from './fixture.js';
import { run, useWorkspace } from './workspace.js';

/** alice and bob both reviewed the Unicode article; they agree on one sentence of four. */
async function twoAnnotators(dir: string) {
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const uni = articles.find((a) => a.id === 'uni')!;
  const [s0, s1, s2] = uni.sentences;
  const alice = await openRepository({ root: join(dir, 'store'), annotator: 'alice', articles });
  await alice.tag(uni, s0!.id, 'quote');
  await alice.tag(uni, s1!.id, 'event');
  await alice.tag(uni, s2!.id, 'claim');
  await alice.setStatus(uni.id, 'done');
  await alice.close();
  const bob = await openRepository({ root: join(dir, 'store'), annotator: 'bob', articles });
  await bob.tag(uni, s0!.id, 'quote');
  await bob.tag(uni, s2!.id, 'event');
  await bob.setStatus(uni.id, 'in progress');
  await bob.close();
  return { articles, uni };
}

describe('a label margin.json no longer lists', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('is still a filter of export and search, with a note, while a typo is refused', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    // The codebook dropped `event`: the store's three events are still counted and exported.
    const labels = [
      { name: 'claim', key: '1', colour: 'yellow', letter: 'C' },
      { name: 'quote', key: '2', colour: 'cyan', letter: 'Q' },
    ];
    await writeFile(join(dir, 'margin.json'), JSON.stringify({ labels }));
    const events = await run(exportCommand, dir, [], { format: 'jsonl', label: ['event'] });
    expect(events.status).toBe(0);
    expect(
      events.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).label),
    ).toEqual(['event', 'event']);
    expect(events.stderr).toBe(
      `margin export: label "event" is not in margin.json's labels; the store holds 2 annotations with it (to rename it there: margin relabel event claim (or quote))\n`,
    );
    const typo = await run(exportCommand, dir, [], { format: 'jsonl', label: ['evnt'] });
    expect([typo.status, typo.stderr]).toEqual([
      2,
      'margin export: unknown label "evnt": use claim, quote, or one the store still holds: event\n',
    ]);
    const found = await run(search, dir, ['label:event'], { json: false, limit: '20' });
    expect(found.status).toBe(0);
    expect(found.stdout.trim().split('\n')).toHaveLength(2);
    expect(found.stderr).toContain('label:event is not in margin.json');
    const none = await run(search, dir, ['label:evnt'], { json: false, limit: '20' });
    expect([none.status, none.stderr]).toEqual([
      2,
      'margin search: unknown label:evnt: use claim, quote, none, or one the store still holds: event\n',
    ]);
    // Retired into claim: the store holds no event after, and the filter refuses it again.
    const folded = await run(relabel, dir, ['event', 'claim'], { dryRun: false });
    expect([folded.status, folded.stderr]).toEqual([
      0,
      'margin relabel: renamed event → claim: 2 annotations in 2 files\n' +
        'margin relabel: review the change with git diff store, then commit it\n',
    ]);
    expect((await run(exportCommand, dir, [], { format: 'jsonl', label: ['event'] })).stderr).toBe(
      'margin export: unknown label "event": use claim, quote\n',
    );
    // A mistyped name renames nothing and says which it may have meant; so does a new name
    // one edit from the codebook's (exit 0 all the same: a second run of a rename finds none).
    const mistyped = await run(relabel, dir, ['quoet', 'claim'], { dryRun: false });
    expect([mistyped.status, mistyped.stderr]).toEqual([
      0,
      'margin relabel: renamed quoet → claim: 0 annotations in 0 files\n' +
        'margin relabel: warning: no annotation has the label quoet (did you mean "quote"?): nothing renamed\n',
    ]);
    const near = await run(relabel, dir, ['quote', 'claimm'], { dryRun: true });
    expect(near.stderr).toContain(
      `claimm is not among margin.json's labels yet (did you mean "claim"?): add it there`,
    );
  });
});

describe('a label renamed on one clone and still used on another (qa58 #10)', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('is named by stats, agree and export with the rename to run, without a filter naming it', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    // alice's clone renamed claim to assertion, keeping its rules; bob's claim came with his pull.
    const labels = [
      { name: 'assertion', key: '1', colour: 'yellow', letter: 'A', rules: 'claim' },
      { name: 'quote', key: '2', colour: 'cyan', letter: 'Q' },
      { name: 'event', key: '3', colour: 'magenta', letter: 'E' },
    ];
    await writeFile(join(dir, 'margin.json'), JSON.stringify({ labels }));
    const said =
      `label "claim" is not in margin.json's labels; the store holds 1 annotation with it (alice), ` +
      'counted as a label of its own: margin relabel claim assertion renames it\n';
    const counted = await run(stats, dir, [], { json: false });
    expect([counted.status, counted.stderr]).toEqual([0, `margin stats: ${said}`]);
    expect((await run(agree, dir, [], { json: true })).stderr).toBe(`margin agree: ${said}`);
    const exported = await run(exportCommand, dir, [], { format: 'jsonl' });
    expect([exported.status, exported.stderr]).toEqual([0, `margin export: ${said}`]);
    // Renamed, nothing is said.
    await run(relabel, dir, ['claim', 'assertion'], { dryRun: false });
    expect((await run(stats, dir, [], { json: false })).stderr).toBe('');
    expect((await run(exportCommand, dir, [], { format: 'jsonl' })).stderr).toBe('');
  });
});

describe('the rename margin names for a label the codebook lost (tidy59)', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('is a command to run, made of the codebook’s labels, never NEW', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    // claim renamed assertion without its rules: no label inherits claim's.
    const labels = [
      { name: 'assertion', key: '1', colour: 'yellow', letter: 'A' },
      { name: 'quote', key: '2', colour: 'cyan', letter: 'Q' },
      { name: 'event', key: '3', colour: 'magenta', letter: 'E' },
    ];
    await writeFile(join(dir, 'margin.json'), JSON.stringify({ labels }));
    const counted = await run(stats, dir, [], { json: false });
    expect(counted.stderr).toBe(
      `margin stats: label "claim" is not in margin.json's labels; the store holds 1 annotation with it (alice), ` +
        'counted as a label of its own: margin relabel claim assertion (or quote, event) renames it\n',
    );
    const filtered = await run(exportCommand, dir, [], { format: 'jsonl', label: ['claim'] });
    expect(filtered.stderr).toContain(
      '(to rename it there: margin relabel claim assertion (or quote, event))',
    );
    // A rename given one name, or three, says what to run.
    const one = await run(relabel, dir, ['claim'], { dryRun: false });
    expect([one.status, one.stderr]).toEqual([
      2,
      'margin relabel: give the new name after claim: margin relabel claim assertion (or quote, event)\n',
    ]);
    const three = await run(relabel, dir, ['old', 'claim', 'new'], { dryRun: false });
    expect([three.status, three.stderr]).toEqual([
      2,
      "margin relabel: relabel renames one label at a time: give OLD and NEW, not 3 names (old claim new); a label's name has no spaces\n",
    ]);
    const none = await run(relabel, dir, [], { dryRun: false });
    expect(none.stderr).toContain('margin relabel OLD NEW, as in margin relabel opinion view');
  });
});

describe('an annotator whose file holds git conflict markers (qa58 #11)', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('is named in agree as unread, not as one who only opened articles', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    const file = join(dir, 'store', 'alice', 'uni.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, `<<<<<<< HEAD\n${text}=======\n${text}>>>>>>> origin/main\n`);
    const result = await run(agree, dir, [], { json: false });
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(
      'margin agree: agreement needs two annotators; the store has only bob who decided something ' +
        '(alice: files margin could not read, named above)',
    );
    expect(lines.slice(0, -1).join('\n')).toContain('uni.json');
  });
});

describe('margin stats', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('draws labels, progress and annotators as bars', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    const result = await run(stats, dir, [], { json: false });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('5 annotations on 6 articles by 2 annotators');
    expect(lines.slice(2, 6)).toEqual([
      'Labels',
      `  claim  ${'█'.repeat(25).padEnd(50)} 1`,
      `  quote  ${'██████████████████████████████████████████████████'} 2`,
      `  event  ${'██████████████████████████████████████████████████'} 2`,
    ]);
    // 80 columns: the bar takes what the names and counts leave; 1 of 6 articles is 5 of 29 cells.
    expect(lines.slice(7, 11)).toEqual([
      'Review progress (█ done, ▒ in progress, · unreviewed)',
      '  articles  █████························  1 done · 0 in progress · 5 unreviewed',
      '  alice     █████························  1 done · 0 in progress · 5 unreviewed',
      '  bob       ▒▒▒▒▒························  0 done · 1 in progress · 5 unreviewed',
    ]);
  });

  it('names an untitled article by its opening words, as list does; the JSON keeps no title', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    const picture = (await run(stats, dir, [], { json: false })).stdout.split('\n');
    // Seed 000 has no headline: list shows "Russia said on Friday it is preparing…".
    const row = picture.find((line) => line.includes('000_4b207f45d15cbf96')) ?? '';
    expect(row).toMatch(/^ {2}Russia said on Friday it is pre… +0 {2}000_4b207f45d15cbf96$/);
    const report = JSON.parse((await run(stats, dir, [], { json: true })).stdout);
    expect(
      report.perArticle.find((a: { article: string }) => a.article === '000_4b207f45d15cbf96'),
    ).toMatchObject({ title: null });
  });

  it('gives every count as JSON', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    const report = JSON.parse((await run(stats, dir, [], { json: true })).stdout);
    expect(report.labels).toEqual([
      { label: 'claim', count: 1 },
      { label: 'quote', count: 2 },
      { label: 'event', count: 2 },
    ]);
    expect(report.annotators[1]).toEqual({
      annotator: 'bob',
      annotations: 2,
      labels: { claim: 0, quote: 1, event: 1 },
      progress: { done: 0, inProgress: 1, opened: 0, unreviewed: 5 },
    });
    expect(report.perArticle[0]).toMatchObject({
      article: 'uni',
      annotations: 5,
      statuses: { alice: 'done', bob: 'in progress' },
    });
  });
});

describe('margin agree', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('reports kappa with units and lists the disagreements', async () => {
    const dir = await workspace();
    const { uni } = await twoAnnotators(dir);
    const result = await run(agree, dir, [], { json: true });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.method).toBe('cohen-kappa');
    expect(report.overall.units).toBe(uni.sentences.length);
    expect(report.disagreements).toEqual([
      {
        article: 'uni',
        sentence: uni.sentences[1]!.id,
        text: uni.sentences[1]!.text,
        labels: { alice: ['event'], bob: [] },
      },
      {
        article: 'uni',
        sentence: uni.sentences[2]!.id,
        text: uni.sentences[2]!.text,
        labels: { alice: ['claim'], bob: ['event'] },
      },
    ]);
    const text = (await run(agree, dir, [], { json: false })).stdout;
    expect(text).toContain(
      "Cohen's kappa between alice, bob, on sentences of 1 article they reviewed",
    );
    expect(text).toContain(`  ${uni.sentences[2]!.text}\n    alice: claim\n    bob: event\n`);
  });

  it('says so when there is only one annotator', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    const result = await run(agree, dir, [], { json: false, annotator: ['alice', 'zoe'] });
    expect(result.stderr).toBe('margin agree: no annotator "zoe" in the store\n');
    expect(result.status).toBe(2);
  });

  it('shows an annotator name from the store with its escape sequences made visible', async () => {
    const dir = await workspace();
    const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
    const uni = articles.find((a) => a.id === 'uni')!;
    for (const annotator of ['alice', 'b\u001b[31mob']) {
      const repository = await openRepository({ root: join(dir, 'store'), annotator, articles });
      await repository.tag(uni, uni.sentences[0]!.id, 'quote');
      await repository.setStatus(uni.id, 'done');
      await repository.close();
    }
    const both = await run(agree, dir, [], { json: false });
    expect(both.stdout).not.toContain('\u001b');
    expect(both.stdout).toContain("Cohen's kappa between alice, b\\u001b[31mob, on sentences");
    const one = await run(agree, dir, [], { json: false, annotator: ['b\u001b[31mob'] });
    expect(one.stderr).toBe(
      'margin agree: agreement needs two annotators; --annotator names only b\\u001b[31mob (the store also has alice)\n',
    );
    const missing = await run(agree, dir, [], { json: false, annotator: ['alice', 'z\u001b[2J'] });
    expect(missing.stderr).toBe('margin agree: no annotator "z\\u001b[2J" in the store\n');
  });
});

describe('an article only opened', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  /** carol opened the article alice and bob reviewed (Enter in the list) and left it. */
  async function carolOpens(dir: string) {
    const setUp = await twoAnnotators(dir);
    const carol = await openRepository({
      root: join(dir, 'store'),
      annotator: 'carol',
      articles: setUp.articles,
    });
    await carol.setStatus(setUp.uni.id, 'in progress');
    await carol.close();
    return setUp;
  }

  it('is no "nothing here" in agree: left out, and the report says so', async () => {
    const dir = await workspace();
    const { articles, uni } = await carolOpens(dir);
    const pair = { json: true, annotator: ['alice', 'carol'] };
    const report = JSON.parse((await run(agree, dir, [], pair)).stdout);
    // Counted, each of carol's sentences was "none" against alice's tags (qa55 #4: kappa 0.000).
    expect(report).toMatchObject({ articles: 0, onlyOpened: { carol: 1 }, disagreements: [] });
    expect(report.overall.units).toBe(0);
    const picture = await run(agree, dir, [], { json: false, annotator: ['alice', 'carol'] });
    expect(picture.stdout.split('\n').slice(0, 2)).toEqual([
      "Cohen's kappa between alice, carol, on sentences of 0 articles they reviewed",
      'Left out as only opened (in progress with nothing tagged, not marked done): carol 1 article',
    ]);
    // Named with the two others, alice's and bob's units stand as they were; carol's are no
    // values.
    const everyone = { json: true, annotator: ['alice', 'bob', 'carol'] };
    const three = JSON.parse((await run(agree, dir, [], everyone)).stdout);
    expect(three).toMatchObject({ method: 'krippendorff-alpha', articles: 1 });
    expect(three.onlyOpened).toEqual({ carol: 1 });
    expect(three.overall.units).toBe(uni.sentences.length);
    expect(Object.keys(three.disagreements[0].labels)).toEqual(['alice', 'bob']);
    // Unnamed, the store's annotators who decided something are compared: carol, who only
    // opened the article, is neither compared nor named among them (qa57 #13).
    const store = JSON.parse((await run(agree, dir, [], { json: true })).stdout);
    expect(store).toMatchObject({
      annotators: ['alice', 'bob'],
      method: 'cohen-kappa',
      undecided: ['carol'],
    });
    expect(store.overall.units).toBe(uni.sentences.length);
    const said = (await run(agree, dir, [], { json: false })).stdout.split('\n').slice(0, 2);
    expect(said).toEqual([
      "Cohen's kappa between alice, bob, on sentences of 1 article they reviewed",
      'Not compared, having decided nothing (only opened articles): carol',
    ]);
    // Marked done with nothing in it, it says "nothing here" and counts.
    const carol = await openRepository({ root: join(dir, 'store'), annotator: 'carol', articles });
    await carol.setStatus(uni.id, 'done');
    await carol.close();
    const done = JSON.parse((await run(agree, dir, [], pair)).stdout);
    expect(done).toMatchObject({ articles: 1, onlyOpened: {} });
    expect(done.overall.units).toBe(uni.sentences.length);
  });

  it('is counted apart in stats, not as work in progress', async () => {
    const dir = await workspace();
    await carolOpens(dir);
    const lines = (await run(stats, dir, [], { json: false })).stdout.split('\n');
    const progress = lines.indexOf(
      'Review progress (█ done, ▒ in progress, · unreviewed or only opened)',
    );
    expect(progress).toBeGreaterThan(0);
    expect(
      lines.slice(progress + 1, progress + 5).map((line) => line.replace(/ +[█▒·]+ +/, ' | ')),
    ).toEqual([
      '  articles | 1 done · 0 in progress · 5 unreviewed',
      '  alice | 1 done · 0 in progress · 5 unreviewed',
      '  bob | 0 done · 1 in progress · 5 unreviewed',
      '  carol | 0 done · 0 in progress · 1 only opened · 5 unreviewed',
    ]);
    // Drawn as unreviewed: no ▒ for carol.
    expect(lines[progress + 4]).not.toContain('▒');
    const report = JSON.parse((await run(stats, dir, [], { json: true })).stdout);
    expect(
      report.annotators.find((a: { annotator: string }) => a.annotator === 'carol'),
    ).toMatchObject({
      annotations: 0,
      progress: { done: 0, inProgress: 0, opened: 1, unreviewed: 5 },
    });
    // The store's status is kept as it is where an article's statuses are listed.
    expect(report.perArticle[0].statuses).toEqual({
      alice: 'done',
      bob: 'in progress',
      carol: 'in progress',
    });
  });
});

describe('margin export to files', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('writes a brat folder whose offsets select the sentences of the real article', async () => {
    const dir = await workspace();
    const { uni } = await twoAnnotators(dir);
    const result = await run(exportCommand, dir, [], { format: 'brat', out: 'brat' });
    expect(result.stderr).toBe(
      'margin export: wrote 2 article(s), annotation.conf and visual.conf to brat\n',
    );
    const txt = await readFile(join(dir, 'brat', 'bob', 'uni.txt'), 'utf8');
    expect(txt).toBe(uni.text);
    const ann = await readFile(join(dir, 'brat', 'bob', 'uni.ann'), 'utf8');
    for (const line of ann.trimEnd().split('\n')) {
      const [, type, text] = line.split('\t') as [string, string, string];
      const [, start, end] = type.split(' ');
      expect(byCodePoints(txt, Number(start), Number(end))).toBe(text);
    }
    expect(ann.split('\n').length).toBe(3);

    // Again with one annotator: alice's folder is written anew; bob's earlier one is kept and named.
    const again = await run(exportCommand, dir, [], {
      format: 'brat',
      out: 'brat',
      annotator: ['alice'],
    });
    expect(again.stderr).toBe(
      'margin export: wrote 1 article(s), annotation.conf and visual.conf to brat\n' +
        'margin export: 4 file(s) already held the same and were left as they were\n' +
        'margin export: brat also holds 1 .ann file(s) this export did not write (an earlier export?), e.g. bob/uni.ann: brat will show them too; export into an empty folder to avoid that\n',
    );
    expect(await readFile(join(dir, 'brat', 'bob', 'uni.ann'), 'utf8')).toBe(ann);
  });

  it('refuses brat without --out and a label neither the codebook nor the store holds', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    expect((await run(exportCommand, dir, [], { format: 'brat' })).stderr).toBe(
      'margin export: brat writes a folder: give it with --out DIR\n',
    );
    expect((await run(exportCommand, dir, [], { format: 'csv', label: ['opinion'] })).stderr).toBe(
      'margin export: unknown label "opinion": use claim, quote, event\n',
    );
    expect((await run(exportCommand, dir, [], { format: 'jsonl', raw: true })).stderr).toBe(
      'margin export: --raw goes with --format csv\n',
    );
    for (const format of ['prodigy', 'doccano', 'label-studio', 'brat']) {
      const refused = await run(exportCommand, dir, [], { format, story: true, out: 'x' });
      expect(refused).toEqual({
        status: 2,
        stdout: '',
        stderr: 'margin export: --story goes with --format jsonl, csv, w3c\n',
      });
    }
  });

  it('writes the label-studio config to --out when given one', async () => {
    const dir = await workspace();
    const result = await run(exportCommand, dir, [], {
      format: 'label-studio',
      config: true,
      out: 'config.xml',
    });
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(await readFile(join(dir, 'config.xml'), 'utf8')).toBe(labelStudioConfig(DEFAULT_LABELS));
  });

  it('says in words why --out cannot be written, naming it as given', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    await mkdir(join(dir, 'taken'));
    expect(await run(exportCommand, dir, [], { format: 'jsonl', out: 'taken' })).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin export: cannot write taken: it is a folder; this format writes one file\n',
    });
    await writeFile(join(dir, 'plain'), 'a file');
    expect(await run(exportCommand, dir, [], { format: 'brat', out: 'plain' })).toEqual({
      status: 1,
      stdout: '',
      stderr: 'margin export: cannot write plain: it is a file; brat writes a folder\n',
    });
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('says so, and exits 1, when a filter names an annotator or article nobody has', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    const result = await run(exportCommand, dir, [], {
      format: 'jsonl',
      annotator: ['alcie'],
      article: ['nope'],
    });
    expect(result.stderr).toBe(
      'margin export: no article "nope" in the corpus or the store\nmargin export: no annotator "alcie" in the store\n',
    );
    expect(result.stdout).toBe('');
    expect(result.status).toBe(1);
  });

  it('escapes C1 controls and bidi overrides in a filter it cannot match', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    const result = await run(exportCommand, dir, [], {
      format: 'jsonl',
      annotator: ['al\u009bce'],
      article: ['no\u202epe'],
    });
    expect(result.stderr).toBe(
      'margin export: no article "no\\u202epe" in the corpus or the store\nmargin export: no annotator "al\\u009bce" in the store\n',
    );
  });

  it('writes csv to --out with the filters applied', async () => {
    const dir = await workspace();
    await twoAnnotators(dir);
    const result = await run(exportCommand, dir, [], {
      format: 'csv',
      out: 'out.csv',
      annotator: ['bob'],
      status: ['in progress'],
      bom: true,
    });
    expect(result.status).toBe(0);
    const csv = await readFile(join(dir, 'out.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFid,article,')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(3);
    expect(csv).toContain(',bob,quote,');
    // Written beside and renamed (the store's atomic write): no temp file is left.
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('margin stats on one article whose file name holds an escape sequence', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('says "1 article" and shows the id escaped, as list and search do', async () => {
    const dir = await workspace();
    const corpus = join(dir, 'one');
    await mkdir(corpus);
    await writeFile(
      join(corpus, 'x\u001b[31mred.txt'),
      'Talks resumed in Geneva on Monday after a long pause. Both sides met for six hours.\n',
    );
    const result = await run(stats, dir, [], { json: false, corpus: 'one' });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('0 annotations on 1 article by 0 annotators');
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('x\\u001b[31mred');
    expect(result.stdout).not.toMatch(/\bxred\b/);
  });
});
