import { groupedDigits } from '../text/grouped-digits.js';
import stringWidth from '../text/string-width.js';
import { oneLine, oneName } from '../text/untrusted.js';
import { truncate } from '../text/width.js';
import { bar, progressBar } from './bars.js';
import type { Progress, StatsReport } from './stats.js';

/** How many articles the picture lists; `--json` has them all. */
export const TOP_ARTICLES = 15;
const NAME_MAX = 32;

interface Row {
  name: string;
  /**
   * The name is text of an article (a title, a source), shown as `list` shows it: a joiner that
   * belongs to an emoji stays. Else a name (a label, an annotator, an id), whose zero-width
   * characters are escaped so that two names never show alike.
   */
  text?: boolean;
  value: number;
  detail?: string;
}

/** `margin stats` as bar charts, `width` columns wide. */
export function renderStats(report: StatsReport, width: number): string {
  const out: string[] = [];
  const orphanNote = report.orphans > 0 ? `, ${groupedDigits(report.orphans)} orphaned` : '';
  const missing = report.missingArticles;
  const missingNote =
    missing > 0 ? ` (and ${groupedDigits(missing)} gone from the corpus: see margin orphans)` : '';
  out.push(
    `${counted(report.annotations, 'annotation')}${orphanNote} on ${counted(report.articles, 'article')}${missingNote} by ${counted(report.annotators.length, 'annotator')}`,
    '',
  );
  out.push('Labels');
  out.push(
    ...chart(
      report.labels.map((l) => ({ name: l.label, value: l.count })),
      width,
    ),
  );
  // An article only opened (in progress with nothing in it) is no work done: drawn as unreviewed,
  // and counted apart where there are any (qa55 #4).
  const opened = [report.progress, ...report.annotators.map((a) => a.progress)].some(
    (p) => p.opened > 0,
  );
  out.push(
    '',
    opened
      ? 'Review progress (█ done, ▒ in progress, · unreviewed or only opened)'
      : 'Review progress (█ done, ▒ in progress, · unreviewed)',
  );
  const progressRows = [
    { name: 'articles', progress: report.progress },
    ...report.annotators.map((a) => ({ name: a.annotator, progress: a.progress })),
  ];
  out.push(...progressChart(progressRows, width));
  if (report.annotators.length > 0) {
    out.push('', 'Annotators');
    out.push(
      ...chart(
        report.annotators.map((a) => ({
          name: a.annotator,
          value: a.annotations,
          // The store's label names: one line, but a bidi override is no control character.
          detail: Object.entries(a.labels)
            .map(([label, count]) => `${oneName(label)} ${count}`)
            .join(' · '),
        })),
        width,
      ),
    );
  }
  out.push('', 'Sources (annotations)');
  out.push(
    ...chart(
      report.sources.map((s) => ({
        name: s.source ?? '(no source)',
        text: true,
        value: s.annotations,
        detail: counted(s.articles, 'article'),
      })),
      width,
    ),
  );
  // The report may list only the first of the articles: `articles` says how many there are.
  const shown = report.perArticle.slice(0, TOP_ARTICLES);
  out.push('', shown.length < report.articles ? `Articles (top ${shown.length})` : 'Articles');
  out.push(
    ...chart(
      shown.map((a) => ({
        name: a.title || a.article,
        text: Boolean(a.title),
        value: a.annotations,
        detail: a.title ? oneName(a.article) : undefined,
      })),
      width,
    ),
  );
  if (shown.length < report.articles) {
    out.push(
      `  … ${groupedDigits(report.articles - shown.length)} more (margin stats --json lists all)`,
    );
  }
  return `${out.join('\n')}\n`;
}

function chart(rows: Row[], width: number): string[] {
  if (rows.length === 0) return ['  (none)'];
  const names = rows.map((row) =>
    truncate(row.text ? oneLine(row.name) : oneName(row.name), NAME_MAX),
  );
  const nameWidth = Math.max(...names.map((name) => stringWidth(name)));
  const values = rows.map((row) => groupedDigits(row.value));
  const valueWidth = Math.max(...values.map((value) => value.length));
  const details = rows.map((row) => (row.detail ? `  ${row.detail}` : ''));
  const detailWidth = Math.max(...details.map((detail) => stringWidth(detail)));
  const room = width - 2 - nameWidth - 2 - 1 - valueWidth;
  const withDetail = room - detailWidth >= 10;
  const barWidth = Math.max(4, Math.min(50, withDetail ? room - detailWidth : room));
  const max = Math.max(...rows.map((row) => row.value));
  return rows.flatMap((row, index) => {
    const drawn = bar(max === 0 ? 0 : row.value / max, barWidth);
    const name = names[index]!;
    const line = `  ${name}${' '.repeat(nameWidth - stringWidth(name))}  ${drawn.padEnd(barWidth)} ${values[index]!.padStart(valueWidth)}${withDetail ? details[index] : ''}`;
    // Too wide to stand beside the bar (an annotator's labels at 80 columns, on a pipe): under
    // it, rather than left out (qa50).
    return withDetail || !row.detail ? [line] : [line, ...detailLines(row.detail, width)];
  });
}

/** A row's detail under its bar, its ` · ` parts packed into lines of `width`. */
function detailLines(detail: string, width: number): string[] {
  const indent = '      ';
  const lines: string[] = [];
  let current = '';
  for (const part of detail.split(' · ')) {
    const joined = current === '' ? part : `${current} · ${part}`;
    if (current !== '' && stringWidth(indent + joined) > width) {
      lines.push(indent + current);
      current = part;
    } else current = joined;
  }
  if (current !== '') lines.push(indent + current);
  return lines;
}

function progressChart(rows: Array<{ name: string; progress: Progress }>, width: number): string[] {
  const names = rows.map((row) => truncate(oneName(row.name), NAME_MAX));
  const nameWidth = Math.max(...names.map((name) => stringWidth(name)));
  const labels = rows.map(
    ({ progress: p }) =>
      `${groupedDigits(p.done)} done · ${groupedDigits(p.inProgress)} in progress · ${p.opened > 0 ? `${groupedDigits(p.opened)} only opened · ` : ''}${groupedDigits(p.unreviewed)} unreviewed`,
  );
  const labelWidth = Math.max(...labels.map((label) => label.length));
  const barWidth = Math.max(4, Math.min(40, width - 2 - nameWidth - 2 - 2 - labelWidth));
  return rows.map(({ progress: p }, index) => {
    const name = names[index]!;
    const total = p.done + p.inProgress + p.opened + p.unreviewed;
    return `  ${name}${' '.repeat(nameWidth - stringWidth(name))}  ${progressBar(p.done, p.inProgress, total, barWidth)}  ${labels[index]}`;
  });
}

function counted(value: number, noun: string): string {
  return `${groupedDigits(value)} ${noun}${value === 1 ? '' : 's'}`;
}
