/**
 * The story groups as a person forms them: `margin index --story` as a process (the built CLI)
 * on the scale section's generated corpus of the same size and its warm corpus index, the
 * groups kept from any run before deleted so that they are formed. What the engine's in-process
 * rows leave out is in it: the corpus index's articles read from SQLite, the lexicons, the
 * groups made and kept beside the index, the process's own start and its threads.
 */
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
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
  await rm(store, { recursive: true, force: true });
}
