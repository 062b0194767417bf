/**
 * Scores margin on held-out yardsticks: public test material that margin was never tuned on,
 * fetched by hand into a folder outside the repository (docs/readme/bench.md says from where).
 *
 *   node dist-bench/bench/quality/heldout.js --heldout DIR [--show A|B] [--json]
 *
 * Under DIR, `pragmatic_segmenter/` (a clone, or just its `spec/` files) gives splitter cases
 * (every `*_spec.rb` below it) and `readability/` (a clone: `test/test-pages/<name>/{source,
 * expected}.html`) gives extraction pages; either may be missing. Every source is cut in two
 * halves, A (the 1st, 3rd, … item of each file or folder) and B (the 2nd, 4th, …): mend from
 * reading A's misses only (`--show A`), and B's figure says
 * whether the mending generalises. Without --heldout the script says so and exits 0.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { aggregate } from './extraction-score.js';
import {
  loadReadabilityPages,
  type ReadabilityResult,
  scoreReadability,
} from './heldout-extract.js';
import { loadSpecCases, marginSentences, passes, type SpecCase } from './heldout-split.js';

type Half = 'A' | 'B';
const halfOf = (index: number): Half => (index % 2 === 0 ? 'A' : 'B');

interface Tally {
  passed: number;
  total: number;
}

function splitReport(cases: SpecCase[], show: Half | null, log: (line: string) => void) {
  const rows = new Map<string, Record<Half, Tally>>();
  const perFile = new Map<string, number>();
  const failures: { half: Half; spec: SpecCase }[] = [];
  for (const spec of cases) {
    if (spec.skipped) continue;
    const file = spec.id.split(' ')[0]!;
    const index = perFile.get(file) ?? 0;
    perFile.set(file, index + 1);
    const half = halfOf(index);
    const key = `${spec.language}${spec.cleaning ? ' (cleaning)' : ''}`;
    const row = rows.get(key) ?? { A: { passed: 0, total: 0 }, B: { passed: 0, total: 0 } };
    rows.set(key, row);
    row[half].total++;
    if (passes(spec)) row[half].passed++;
    else failures.push({ half, spec });
  }
  const summary: Record<string, Record<Half, Tally>> = {};
  log('splitter: cases passed (A = read, B = unread)');
  for (const key of [...rows.keys()].sort()) {
    const row = rows.get(key)!;
    summary[key] = row;
    const all = row.A.passed + row.B.passed;
    const total = row.A.total + row.B.total;
    log(
      `  ${key.padEnd(16)} A ${row.A.passed}/${row.A.total}  B ${row.B.passed}/${row.B.total}  all ${all}/${total}`,
    );
  }
  if (show) {
    for (const { half, spec } of failures) {
      if (half !== show) continue;
      log(`\n✗ ${spec.id}${spec.cleaning ? ' [cleaning]' : ''}`);
      log(`  want: ${JSON.stringify(spec.expected)}`);
      log(`  got:  ${JSON.stringify(marginSentences(spec.text))}`);
    }
  }
  return summary;
}

function extractionReport(
  results: ReadabilityResult[],
  show: Half | null,
  log: (line: string) => void,
) {
  const summary: Record<string, { f1: number; precision: number; recall: number; pages: number }> =
    {};
  log('extraction: Zyte scorer against Readability expected.html (A = read, B = unread)');
  for (const half of ['A', 'B', null] as const) {
    const pages = results.filter((_, i) => half === null || halfOf(i) === half);
    const scores = aggregate(pages.map((page) => page.counts));
    const name = half ?? 'all';
    summary[name] = { ...scores, pages: pages.length };
    log(
      `  ${name.padEnd(4)} F1 ${scores.f1.toFixed(3)}  P ${scores.precision.toFixed(3)}  R ${scores.recall.toFixed(3)}  (${pages.length} pages)`,
    );
  }
  if (show) {
    const worst = results
      .filter((_, i) => halfOf(i) === show)
      .sort((a, b) => a.f1 - b.f1)
      .slice(0, 15);
    for (const page of worst) {
      log(
        `  ${page.name.padEnd(34)} F1 ${page.f1.toFixed(3)}  P ${page.precision.toFixed(3)}  R ${page.recall.toFixed(3)}${page.refused ? `  refused: ${page.refused}` : ''}`,
      );
    }
  }
  return summary;
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      heldout: { type: 'string' },
      show: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (!values.heldout) {
    log('no --heldout DIR given: the held-out yardsticks are skipped (docs/readme/bench.md)');
    return 0;
  }
  const show = values.show === 'A' || values.show === 'B' ? values.show : null;
  const folder = path.resolve(values.heldout);
  const out: Record<string, unknown> = {};
  const specs = path.join(folder, 'pragmatic_segmenter');
  if (existsSync(specs)) out.split = splitReport(loadSpecCases(specs), show, log);
  else log(`${specs} not found: splitter cases skipped`);
  // A clone of mozilla/readability keeps them in test/test-pages/.
  const pages = [
    path.join(folder, 'readability', 'test', 'test-pages'),
    path.join(folder, 'readability', 'test-pages'),
  ].find((candidate) => existsSync(candidate));
  if (pages) {
    out.extraction = extractionReport(scoreReadability(loadReadabilityPages(pages)), show, log);
  } else log(`${path.join(folder, 'readability')} has no test pages: extraction skipped`);
  if (values.json) process.stdout.write(`${JSON.stringify(out)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
