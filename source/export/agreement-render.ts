import stringWidth from '../text/string-width.js';
import { oneLine, oneName } from '../text/untrusted.js';
import { padEnd, truncate } from '../text/width.js';
import { wrapLines } from '../text/wrap-lines.js';
import type { Agreement } from './agreement.js';
import type { AgreementReport } from './agreement-report.js';
import { bar } from './bars.js';

/** `margin agree` for people: the figures as bars on a 0..1 scale, then the disagreements. */
export function renderAgreement(report: AgreementReport, width: number): string {
  const name = report.method === 'cohen-kappa' ? "Cohen's kappa" : "Krippendorff's alpha (nominal)";
  const out = [
    `${name} between ${report.annotators.map(oneName).join(', ')}, on sentences of ${report.articles} article${report.articles === 1 ? '' : 's'} they reviewed`,
  ];
  const opened = Object.entries(report.onlyOpened ?? {});
  if (opened.length > 0) {
    const each = opened
      .map(([annotator, n]) => `${oneName(annotator)} ${n} article${n === 1 ? '' : 's'}`)
      .join(', ');
    out.push(`Left out as only opened (in progress with nothing tagged, not marked done): ${each}`);
  }
  if (report.undecided && report.undecided.length > 0) {
    out.push(
      `Not compared, having decided nothing (only opened articles): ${report.undecided.map(oneName).join(', ')}`,
    );
  }
  if (report.unread && report.unread.length > 0) {
    out.push(
      `Not compared, their files not read (named on stderr): ${report.unread.map(oneName).join(', ')}`,
    );
  }
  out.push('');
  const rows: Array<[string, Agreement]> = [
    ['overall', report.overall],
    ...Object.entries(report.labels),
  ];
  const barWidth = Math.max(10, Math.min(40, width - 40));
  // As wide as the longest label: a project's `hasOwnProperty` pushed its figures out of line.
  const column = Math.max(8, ...rows.map(([label]) => stringWidth(label)));
  for (const [label, agreement] of rows) {
    const value =
      agreement.value === null ? 'n/a' : agreement.value.toFixed(3).replace(/^-?0\.000$/, '0.000');
    // Below zero (worse than chance) has no length: the number says how far.
    const drawn = bar(agreement.value === null ? 0 : agreement.value, barWidth);
    const units = `${agreement.units} unit${agreement.units === 1 ? '' : 's'}`;
    out.push(`  ${padEnd(label, column)} ${drawn.padEnd(barWidth)} ${value.padStart(6)}  ${units}`);
    if (agreement.note) out.push(`  ${''.padEnd(column)} ${agreement.note}`);
  }
  // The categories named are the report's own labels (qa57: "claim+quote" in a codebook of
  // denial, statistic, attribution and quote).
  const [first, second] = Object.keys(report.labels).map(oneName);
  const example = [
    ...(first === undefined ? [] : [`"${second === undefined ? first : `${first}+${second}`}"`]),
    '"none"',
  ].join(', ');
  out.push(
    '',
    wrapLines(
      `  overall: each sentence's label set is one category (${example}); per label: has the label or not. A sentence counts when its annotator tagged something in its article or marked it done (d): an article only opened is not "nothing here".`,
      Math.min(width, 96),
    ),
    '',
  );
  if (report.disagreements.length === 0) {
    out.push('No disagreements.');
    return `${out.join('\n')}\n`;
  }
  out.push(`Disagreements (${report.disagreements.length})`);
  for (const item of report.disagreements) {
    out.push('', `  ${oneName(item.article)} · ${item.sentence}`);
    out.push(`  ${truncate(oneLine(item.text), width - 4)}`);
    for (const [annotator, labels] of Object.entries(item.labels)) {
      out.push(`    ${oneName(annotator)}: ${labels.length > 0 ? labels.join(', ') : '(none)'}`);
    }
  }
  return `${out.join('\n')}\n`;
}
