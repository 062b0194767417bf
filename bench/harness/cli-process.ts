/**
 * Runs margin's built CLI (or another script) as a process, as a user would: wall time, time to
 * the first byte on stdout, bytes written and the child's peak RSS.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** dist-bench/bench/harness → the project's dist/margin.cjs, what package.json's `bin` runs. */
export const CLI = path.resolve(HERE, '../../../dist/margin.cjs');
export const OPEN_STORE = path.join(HERE, 'open-store.js');
const PEAK_RSS = path.join(HERE, 'peak-rss.js');

export interface ProcessRun {
  ms: number;
  /** Null when nothing was written to stdout. */
  firstByteMs: number | null;
  bytes: number;
  peakRssMB: number;
  /** User + system CPU of the process, every thread (NaN when it died before telling). */
  cpuMs: number;
  status: number | null;
  stderr: string;
  /** What it wrote, when asked for (`keepStdout`): most runs only count the bytes. */
  stdout?: string;
}

export function runProcess(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  keepStdout = false,
): Promise<ProcessRun> {
  const folder = mkdtempSync(path.join(tmpdir(), 'margin-bench-rss-'));
  const rssFile = path.join(folder, 'rss');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', PEAK_RSS, script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, MARGIN_BENCH_RSS: rssFile, NO_COLOR: '1' },
    });
    let firstByteMs: number | null = null;
    let bytes = 0;
    let stderr = '';
    const kept: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      firstByteMs ??= performance.now() - started;
      bytes += chunk.length;
      if (keepStdout) kept.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - started;
      let peakRssMB = Number.NaN;
      let cpuMs = Number.NaN;
      try {
        const [kilobytes, micros] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
        peakRssMB = kilobytes! / 1024;
        cpuMs = (micros ?? Number.NaN) / 1000;
      } catch {
        // The child died before its exit handler ran.
      }
      rmSync(folder, { recursive: true, force: true });
      const stdout = keepStdout ? { stdout: Buffer.concat(kept).toString() } : {};
      resolve({ ms, firstByteMs, bytes, peakRssMB, cpuMs, status, stderr, ...stdout });
    });
  });
}

/** Runs it `runs` times; throws with its stderr when a run fails. */
export async function runProcessTimes(
  runs: number,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ProcessRun[]> {
  const results: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runProcess(script, args, env);
    if (run.status !== 0) {
      throw new Error(
        `${path.basename(script)} ${args.join(' ')} exited ${run.status}: ${run.stderr}`,
      );
    }
    results.push(run);
  }
  return results;
}
