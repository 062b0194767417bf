import type { Measurement } from '../types.js';

/** What the harness knows about one section after running it. */
export interface SectionResult {
  name: string;
  ok: boolean;
  /** Why it failed: the thrown message, a crash, a timeout. */
  error?: string;
  /** Wall time of the whole section, generation of its own data included. */
  durationMs: number;
  /** Peak resident memory of the process that ran the section (null when it never reported). */
  peakRssMB: number | null;
  measurements: Measurement[];
}

export interface Machine {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  memoryGB: number;
}

/** The `--json` output and the saved `.bench/last*.json`. */
export interface BenchReport {
  version: 1;
  date: string;
  machine: Machine;
  options: { quick: boolean; articles: number; seed: number; inProcess: boolean };
  sections: SectionResult[];
  failed: string[];
}

const OPTIONAL_NUMBERS = ['median', 'p95', 'value'] as const;
const OPTIONAL_STRINGS = ['target', 'note'] as const;

/**
 * Checks what a section returned before it reaches the table or the JSON, so a section bug is
 * reported as that section's failure with a message saying what is wrong.
 */
export function validateMeasurements(section: string, value: unknown): Measurement[] {
  if (!Array.isArray(value))
    throw new Error(`section ${section} did not return an array of measurements`);
  return value.map((item: unknown, index) => {
    const where = `measurement ${index + 1} of section ${section}`;
    if (typeof item !== 'object' || item === null) throw new Error(`${where} is not an object`);
    const m = item as Record<string, unknown>;
    for (const key of ['section', 'name', 'unit'] as const) {
      if (typeof m[key] !== 'string' || m[key] === '') throw new Error(`${where} has no ${key}`);
    }
    for (const key of OPTIONAL_NUMBERS) {
      if (m[key] !== undefined && typeof m[key] !== 'number')
        throw new Error(`${where} (${String(m.name)}): ${key} is not a number`);
    }
    for (const key of OPTIONAL_STRINGS) {
      if (m[key] !== undefined && typeof m[key] !== 'string')
        throw new Error(`${where} (${String(m.name)}): ${key} is not a string`);
    }
    if (OPTIONAL_NUMBERS.every((key) => m[key] === undefined)) {
      throw new Error(`${where} (${String(m.name)}) has no median, p95 or value`);
    }
    const ref = m.reference as Record<string, unknown> | undefined;
    if (
      ref !== undefined &&
      (typeof ref !== 'object' ||
        ref === null ||
        typeof ref.name !== 'string' ||
        typeof ref.value !== 'number' ||
        typeof ref.ratio !== 'number')
    ) {
      throw new Error(`${where} (${String(m.name)}): reference needs name, value and ratio`);
    }
    return m as unknown as Measurement;
  });
}

/** The row the harness adds to every section that reported its memory. */
export function peakRssMeasurement(section: string, peakRssMB: number): Measurement {
  return { section, name: 'peak RSS', unit: 'MB', value: peakRssMB, note: 'whole section process' };
}
