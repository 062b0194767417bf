import { peakRss } from '../measure.js';
import { sections } from '../sections/index.js';
import type { BenchContext } from '../types.js';
import { type SectionResult, validateMeasurements } from './results.js';

/** What a section needs besides its log, as passed to a child process. */
export type SectionContext = Omit<BenchContext, 'log'>;

/** The message a section child sends its parent before exiting. */
export type ChildMessage =
  | { type: 'done'; measurements: unknown; peakRssMB: number }
  | { type: 'failed'; error: string; peakRssMB: number };

export function sectionLog(name: string): (message: string) => void {
  return (message) => process.stderr.write(`  [${name}] ${message}\n`);
}

/** Loads section `name` from the registry and runs it; throws what the section throws. */
export async function runSection(name: string, context: SectionContext) {
  const load = sections[name];
  if (!load) throw new Error(`no section named "${name}"`);
  const section = await load();
  const measurements = await section.run({ ...context, log: sectionLog(name) });
  return validateMeasurements(name, measurements);
}

/** The message for people: an Error's message, or whatever else was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** `--in-process`: the section shares this process, so its peak RSS includes everything before it. */
export async function runSectionInProcess(
  name: string,
  context: SectionContext,
): Promise<SectionResult> {
  const started = performance.now();
  try {
    const measurements = await runSection(name, context);
    return {
      name,
      ok: true,
      durationMs: performance.now() - started,
      peakRssMB: peakRss(),
      measurements,
    };
  } catch (error) {
    const durationMs = performance.now() - started;
    return {
      name,
      ok: false,
      error: describeError(error),
      durationMs,
      peakRssMB: peakRss(),
      measurements: [],
    };
  }
}
