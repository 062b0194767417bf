import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_VARIABLE, runInChild } from '../../bench/harness/child.js';

const context = { quick: true, workDir: '/tmp/w', corpusDir: '/tmp/w/corpus', articleCount: 5 };

/** Stand-ins for section-runner.js: each behaves like a section process that ends one way. */
const RUNNERS: Record<string, string> = {
  done: `
    const context = JSON.parse(process.env.${CONTEXT_VARIABLE});
    console.log('chatter on stdout');
    process.send({ type: 'done', peakRssMB: 50, measurements: [
      { section: process.argv[2], name: 'articles seen', unit: 'files', value: context.articleCount },
    ] }, () => process.exit(0));`,
  failed: `process.send({ type: 'failed', error: 'corpus not found', peakRssMB: 42 }, () => process.exit(0));`,
  crash: 'process.exit(3);',
  hang: 'setInterval(() => {}, 1000);',
  invalid: `process.send({ type: 'done', peakRssMB: 1, measurements: [{ name: 'x' }] }, () => process.exit(0));`,
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'margin-bench-child-'));
  for (const [name, code] of Object.entries(RUNNERS))
    await writeFile(path.join(dir, `${name}.mjs`), code);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (kind: string, timeoutMs = 20_000) =>
  runInChild('demo', context, timeoutMs, path.join(dir, `${kind}.mjs`));

describe('runInChild', () => {
  it('returns the measurements and peak memory the section process reports', async () => {
    const result = await run('done');
    expect(result).toMatchObject({
      name: 'demo',
      ok: true,
      peakRssMB: 50,
      measurements: [{ section: 'demo', name: 'articles seen', unit: 'files', value: 5 }],
    });
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('reports a section that threw with its message', async () => {
    expect(await run('failed')).toMatchObject({
      ok: false,
      error: 'corpus not found',
      peakRssMB: 42,
      measurements: [],
    });
  });

  it('reports a process that died without a word', async () => {
    expect(await run('crash')).toMatchObject({
      ok: false,
      error: 'the section process exited with status 3 before reporting (out of memory?)',
      peakRssMB: null,
    });
  });

  it('stops a section that outlives the timeout', async () => {
    expect(await run('hang', 300)).toMatchObject({
      ok: false,
      error: 'stopped after 0 s (--timeout)',
    });
  });

  it('refuses malformed measurements', async () => {
    expect(await run('invalid')).toMatchObject({
      ok: false,
      error: 'measurement 1 of section demo has no section',
    });
  });
});
