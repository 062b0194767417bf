/**
 * `npm run bench`: prepares the generated corpus, runs every registered section (each in its own
 * process), prints a table for people or, with --json, one JSON object for tools, and keeps the
 * results to compare the next run with.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FULL_ARTICLES, prepareWorkspace, QUICK_ARTICLES } from './generate.js';
import { type BenchOptions, parseBenchArgs, USAGE } from './harness/args.js';
import { runInChild } from './harness/child.js';
import { historyFile, readPrevious, saveReport } from './harness/history.js';
import { describeMachine } from './harness/machine.js';
import type { BenchReport, SectionResult } from './harness/results.js';
import { describeError, runSectionInProcess, type SectionContext } from './harness/section.js';
import { formatNumber, formatTable } from './harness/table.js';
import { sections } from './sections/index.js';

const log = (message: string) => process.stderr.write(`${message}\n`);

function chooseSections(options: BenchOptions): string[] {
  const registered = Object.keys(sections);
  if (!options.only) return registered;
  const unknown = options.only.filter((name) => !registered.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown section ${unknown.map((name) => `"${name}"`).join(', ')}; registered: ${registered.join(', ') || 'none'}`,
    );
  }
  return options.only;
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  let names: string[];
  try {
    options = parseBenchArgs(argv);
    names = chooseSections(options);
  } catch (error) {
    log(`bench: ${describeError(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(
      `${USAGE}\nSections: ${Object.keys(sections).join(', ') || 'none registered'}\n`,
    );
    return 0;
  }

  // dist-bench/bench/run.js → the repository's .bench/ (gitignored), wherever the bench is started.
  const root = fileURLToPath(new URL('../../.bench/', import.meta.url));
  const workspace = await prepareWorkspace({
    quick: options.quick,
    dir: root,
    ...(options.articles === null ? {} : { articles: options.articles }),
    ...(options.seed === null ? {} : { seed: options.seed }),
    log,
  });
  const context: SectionContext = {
    quick: options.quick,
    huge: options.huge,
    articlesGiven: options.articles !== null,
    workDir: workspace.workDir,
    corpusDir: workspace.corpusDir,
    articleCount: workspace.articleCount,
  };

  const results: SectionResult[] = [];
  for (const [index, name] of names.entries()) {
    log(`▸ ${name} (${index + 1}/${names.length})`);
    const result = options.inProcess
      ? await runSectionInProcess(name, context)
      : await runInChild(name, context, options.timeoutSeconds * 1000);
    const summary = `${formatNumber(result.durationMs / 1000)} s, peak ${result.peakRssMB === null ? '?' : formatNumber(result.peakRssMB)} MB`;
    log(result.ok ? `✓ ${name} · ${summary}` : `✗ ${name} failed: ${result.error} · ${summary}`);
    results.push(result);
  }

  const reportOptions = {
    quick: options.quick,
    articles: workspace.articleCount,
    seed: workspace.manifest.seed,
    inProcess: options.inProcess,
  };
  const report: BenchReport = {
    version: 1,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: describeMachine(),
    options: reportOptions,
    sections: results,
    failed: results.filter((result) => !result.ok).map((result) => result.name),
  };
  const file = historyFile(root, reportOptions, FULL_ARTICLES, QUICK_ARTICLES);
  const previous = await readPrevious(file, reportOptions);

  if (options.json)
    process.stdout.write(
      `${JSON.stringify({ ...report, previous: previous ? { date: previous.date, file } : null })}\n`,
    );
  else {
    // Fitted to the terminal, or to 120 columns in a file or a pipe.
    const width = process.stdout.isTTY ? process.stdout.columns : undefined;
    process.stdout.write(`\n${formatTable(report, previous, width)}`);
  }

  await saveReport(file, report, previous);
  log(`results saved to ${path.relative(process.cwd(), file)}`);
  return report.failed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    log(`bench: ${describeError(error)}`);
    process.exitCode = 1;
  },
);
