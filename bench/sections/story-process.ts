/**
 * The story groups as a person forms them: `margin index --story` as a process (the built CLI)
 * on the scale section's generated corpus of the same size and its warm corpus index, the
 * groups kept from any run before deleted so that they are formed. What the engine's in-process
 * rows leave out is in it: the corpus index's articles read from SQLite, the lexicons, the
 * groups made and kept beside the index, the process's own start and its threads.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { indexFile } from '../../source/corpus/db/open.js';
import { prepareWorkspace } from '../generate.js';
import { CLI, runProcess } from '../harness/cli-process.js';
import type { measurements } from '../measure.js';
import type { BenchContext } from '../types.js';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Forms and keeps the story groups of the scale corpus of `size` articles as a process; the
 * rows the targets attach to from 100,000 articles (≤ 60 s on 2 cores, ≤ 400 MB).
 */
export async function storyAsProcess(
  size: number,
  context: BenchContext,
  m: ReturnType<typeof measurements>,
): Promise<void> {
  const label = count(size);
  // The scale section's corpus, cache and store folders, named as it names them.
  const workspace = await prepareWorkspace({
    quick: false,
    dir: path.resolve(context.workDir, '..'),
    articles: size,
    log: context.log,
  });
  const corpus = workspace.corpusDir;
  const cacheHome = path.join(workspace.workDir, 'scale-cache');
  const store = path.join(workspace.workDir, 'story-process-store');
  // As scale.ts: Node's reading of the VM's extra certificates is none of margin's time.
  const { NODE_EXTRA_CA_CERTS: _certificates, ...inherited } = process.env;
  const env = { ...inherited, XDG_CACHE_HOME: cacheHome };
  context.log(`${label}: the scale corpus's index brought up to date (not measured)`);
  const brought = await runProcess(CLI, ['index', '--corpus', corpus, '--json'], env);
  if (brought.status !== 0 && brought.status !== 1)
    throw new Error(`margin index failed (${brought.status}): ${brought.stderr}`);
  const kept = `${indexFile(path.join(cacheHome, 'margin'), corpus)}.story`;
  await rm(kept, { force: true });
  await rm(store, { recursive: true, force: true });
  const loadBefore = loadavg()[0]!;
  context.log(`${label}: margin index --story as a process (load ${loadBefore.toFixed(1)})`);
  const run = await runProcess(
    CLI,
    ['index', '--story', '--corpus', corpus, '--store', store, '--json'],
    env,
    true,
  );
  const loadAfter = loadavg()[0]!;
  if (run.status !== 0)
    throw new Error(`margin index --story failed (${run.status}): ${run.stderr}`);
  const summary = JSON.parse(run.stdout ?? '') as {
    seconds: number;
    story?: { groups: number; formed: boolean; seconds: number };
  };
  if (!summary.story?.formed) throw new Error('margin index --story found groups kept: not formed');
  const target = size >= 100_000;
  m.value(`index --story, ${label} articles, as a process`, run.ms / 1000, 's', {
    ...(target ? { target: '≤ 60 s on 2 cores' } : {}),
    note: `margin index --story --json on the scale corpus's warm index, the groups formed and kept: ${count(summary.story.groups)} groups; CPU ${(run.cpuMs / 1000).toFixed(1)} s (user + system, every thread); the index's own check ${summary.seconds} s, the story ${summary.story.seconds} s; load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`,
  });
  m.value(`index --story peak RSS, ${label} articles, as a process`, run.peakRssMB, 'MB', {
    ...(target ? { target: '≤ 400 MB' } : {}),
    note: 'the process’s peak resident memory (VmHWM), by the harness',
  });
  await placingAsProcess(label, { corpus, cacheHome, store, env }, workspace.workDir, context, m);
  await rm(store, { recursive: true, force: true });
}

/**
 * One article added to the corpus whose groups were just formed and kept, and `margin index
 * --story` as a process: the article placed on the kept groups (issue #15: ≤ 1 s), not every
 * group formed again. On a copy, so that the scale corpus (which other sections and runs read)
 * is never written: the corpus's files as hard links, its index, kept groups and lexicons copied
 * under the corpus's new name, brought up to the copy's folders first (not measured). The added
 * article is a copy of one of the corpus's (an agency copy: every sentence has its original).
 */
async function placingAsProcess(
  label: string,
  formed: { corpus: string; cacheHome: string; store: string; env: NodeJS.ProcessEnv },
  workDir: string,
  context: BenchContext,
  m: ReturnType<typeof measurements>,
): Promise<void> {
  const dir = path.join(workDir, 'story-added');
  await rm(dir, { recursive: true, force: true });
  try {
    const corpus = path.join(dir, 'corpus');
    await mkdir(corpus, { recursive: true });
    context.log(`${label}: the corpus copied as hard links for one article added (not measured)`);
    await promisify(execFile)('cp', ['-al', `${formed.corpus}/.`, corpus]);
    const from = indexFile(path.join(formed.cacheHome, 'margin'), formed.corpus);
    const cacheHome = path.join(dir, 'cache');
    const to = indexFile(path.join(cacheHome, 'margin'), corpus);
    await mkdir(path.dirname(to), { recursive: true });
    for (const suffix of ['', '.articles', '.story'])
      await copyFile(`${from}${suffix}`, `${to}${suffix}`);
    for (const name of await readdir(path.dirname(from))) {
      if (name.startsWith('story-lexicons-'))
        await copyFile(path.join(path.dirname(from), name), path.join(path.dirname(to), name));
    }
    const env = { ...formed.env, XDG_CACHE_HOME: cacheHome };
    const brought = await runProcess(CLI, ['index', '--corpus', corpus, '--json'], env);
    if (brought.status !== 0 && brought.status !== 1)
      throw new Error(`margin index failed (${brought.status}): ${brought.stderr}`);
    // The middle article of the corpus, again under a name of its own.
    const names = (await readdir(corpus)).filter((name) => !name.startsWith('.')).sort();
    const original = names[Math.floor(names.length / 2)]!;
    await copyFile(path.join(corpus, original), path.join(corpus, `zz-added-${original}`));
    const loadBefore = loadavg()[0]!;
    const run = await runProcess(
      CLI,
      ['index', '--story', '--corpus', corpus, '--store', formed.store, '--json'],
      env,
      true,
    );
    const loadAfter = loadavg()[0]!;
    if (run.status !== 0)
      throw new Error(`margin index --story failed (${run.status}): ${run.stderr}`);
    const summary = JSON.parse(run.stdout ?? '') as {
      seconds: number;
      story?: { formed: boolean; placed?: { articles: number; seconds: number } };
    };
    const placed = summary.story?.placed;
    if (summary.story?.formed || !placed)
      throw new Error('margin index --story formed the groups again: the article was not placed');
    m.value(`index --story, one article added to ${label}, as a process`, run.ms / 1000, 's', {
      note: `margin index --story --json after a copy of ${original} was added: the placing ${placed.seconds} s (issue #15: ≤ 1 s), the index's own check of the folder ${summary.seconds} s; CPU ${(run.cpuMs / 1000).toFixed(1)} s; load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`,
    });
    m.value(`placing one added article, ${label} articles`, placed.seconds, 's', {
      target: '≤ 1 s',
      note: 'the placing alone, as margin index --story --json reports it: candidates from the postings, the engine on them, the kept groups written',
    });
    m.value(
      `index --story peak RSS, one article added to ${label}, as a process`,
      run.peakRssMB,
      'MB',
      {
        note: 'the process’s peak resident memory (VmHWM), by the harness',
      },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
