import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type SectionResult, validateMeasurements } from './results.js';
import type { ChildMessage, SectionContext } from './section.js';

const RUNNER = fileURLToPath(new URL('../section-runner.js', import.meta.url));

export const CONTEXT_VARIABLE = 'MARGIN_BENCH_CONTEXT';

/**
 * Runs one section in its own Node process, so its peak RSS is its own and its heap, JIT state
 * and open handles cannot skew the next section. The child's stdout goes to our stderr: with
 * --json, stdout carries nothing but the report.
 */
export function runInChild(
  name: string,
  context: SectionContext,
  timeoutMs: number,
  runner: string = RUNNER,
): Promise<SectionResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, runner, name], {
      stdio: ['ignore', 2, 2, 'ipc'],
      env: { ...process.env, [CONTEXT_VARIABLE]: JSON.stringify(context) },
    });
    let message: ChildMessage | null = null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('message', (received) => {
      message = received as ChildMessage;
    });
    const finish = (result: Omit<SectionResult, 'name' | 'durationMs'>) => {
      clearTimeout(timer);
      resolve({ name, durationMs: performance.now() - started, ...result });
    };
    child.on('error', (error) =>
      finish({
        ok: false,
        error: `could not start: ${error.message}`,
        peakRssMB: null,
        measurements: [],
      }),
    );
    child.on('exit', (code, signal) => {
      const reported = message as ChildMessage | null;
      if (timedOut) {
        finish({
          ok: false,
          error: `stopped after ${Math.round(timeoutMs / 1000)} s (--timeout)`,
          peakRssMB: null,
          measurements: [],
        });
      } else if (reported?.type === 'done') {
        try {
          finish({
            ok: true,
            peakRssMB: reported.peakRssMB,
            measurements: validateMeasurements(name, reported.measurements),
          });
        } catch (error) {
          finish({
            ok: false,
            error: (error as Error).message,
            peakRssMB: reported.peakRssMB,
            measurements: [],
          });
        }
      } else if (reported?.type === 'failed') {
        finish({
          ok: false,
          error: reported.error,
          peakRssMB: reported.peakRssMB,
          measurements: [],
        });
      } else {
        const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
        finish({
          ok: false,
          error: `the section process ${how} before reporting (out of memory?)`,
          peakRssMB: null,
          measurements: [],
        });
      }
    });
  });
}
