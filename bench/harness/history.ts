import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchReport } from './results.js';

/**
 * Where the last run of this size is kept: quick and full runs are never compared with each
 * other, so each size has its own file (`last.json` is the full 10,000-article run).
 */
export function historyFile(
  root: string,
  options: BenchReport['options'],
  fullArticles: number,
  quickArticles: number,
): string {
  if (options.articles === fullArticles) return path.join(root, 'last.json');
  if (options.articles === quickArticles) return path.join(root, 'last-quick.json');
  return path.join(root, `last-${options.articles}.json`);
}

/** The previous report for the same corpus, or null (none yet, unreadable, or another seed). */
export async function readPrevious(
  file: string,
  options: BenchReport['options'],
): Promise<BenchReport | null> {
  let report: BenchReport;
  try {
    report = JSON.parse(await readFile(file, 'utf8')) as BenchReport;
  } catch {
    return null;
  }
  if (
    report?.version !== 1 ||
    !Array.isArray(report.sections) ||
    report.options?.articles !== options.articles ||
    report.options.seed !== options.seed
  ) {
    return null;
  }
  return report;
}

/**
 * Saves `report` as the last run. Sections that this run skipped (`--only`) keep their previous
 * figures, so a partial run does not erase what the next full comparison needs.
 */
export async function saveReport(
  file: string,
  report: BenchReport,
  previous: BenchReport | null,
): Promise<void> {
  const ran = new Set(report.sections.map((section) => section.name));
  const kept = (previous?.sections ?? []).filter((section) => !ran.has(section.name));
  const merged: BenchReport = { ...report, sections: [...report.sections, ...kept] };
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  await writeFile(temporary, `${JSON.stringify(merged, null, 2)}\n`);
  await rename(temporary, file);
}
