/**
 * The child process entry for one section: `node dist-bench/bench/section-runner.js NAME`, with
 * the context in an environment variable. It reports through IPC and exits, even when the
 * section left timers or watchers behind.
 */
import { CONTEXT_VARIABLE } from './harness/child.js';
import {
  type ChildMessage,
  describeError,
  runSection,
  type SectionContext,
} from './harness/section.js';
import { peakRss } from './measure.js';

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const context = JSON.parse(process.env[CONTEXT_VARIABLE] ?? 'null') as SectionContext | null;
  let message: ChildMessage;
  if (!context || !process.send) {
    process.stderr.write(
      'section-runner is started by bench/run.js, not by hand (use --in-process to debug)\n',
    );
    process.exit(2);
  }
  try {
    const measurements = await runSection(name, context);
    message = { type: 'done', measurements, peakRssMB: peakRss() };
  } catch (error) {
    if (error instanceof Error && error.stack) process.stderr.write(`  [${name}] ${error.stack}\n`);
    message = { type: 'failed', error: describeError(error), peakRssMB: peakRss() };
  }
  process.send(message, () => process.exit(0));
}

void main();
