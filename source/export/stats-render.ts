import { groupedDigits } from '../text/grouped-digits.js';
import stringWidth from '../text/string-width.js';
import { oneLine, oneName } from '../text/untrusted.js';
import { truncate, truncateStart } from '../text/width.js';
import { bar, progressBar } from './bars.js';
import type { Progress, StatsReport } from './stats.js';

/** How many articles the picture lists; `--json` has them all. */
export const TOP_ARTICLES = 15;
/** The most columns of a title or source (text: its article's id follows it). */
const NAME_MAX = 32;
/** The least room a bar keeps beside a name: a label's name takes the rest of the width. */
const BAR_MIN = 10;

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

/**
 * `margin stats` as bar charts, `width` columns wide. A name (a label, an annotator) takes what
 * the bar leaves of the width, and is whole when `whole` (a pipe); cut, two names never read
 * alike (qa57: two 40-character labels that begin alike both read
 * `allegation-of-election-fraud-by…`, with 40 columns of bar room beside them).
 */
export function renderStats(report: StatsReport, width: number, { whole = false } = {}): string {
  const fit = { width, whole };
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
      fit,
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
  out.push(...progressChart(progressRows, fit));
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
        fit,
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
      fit,
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
      fit,
    ),
  );
  if (shown.length < report.articles) {
    out.push(
      `  … ${groupedDigits(report.articles - shown.length)} more (margin stats --json lists all)`,
    );
  }
  return `${out.join('\n')}\n`;
}

interface Fit {
  width: number;
  /** Names whole, whatever the width (a pipe). */
  whole: boolean;
}

/**
 * Each name in at most `room` columns, none cut into another's reading: a name cut at its end
 * that reads as another's is cut in its middle instead (its start and end kept), and one that
 * still would is left whole.
 */
export function namesApart(names: readonly string[], room: number): string[] {
  const cuts: Array<(name: string) => string> = [
    (name) => truncate(name, room),
    (name) => {
      const head = truncate(name, Math.ceil(room / 2));
      if (!head.endsWith('…')) return head;
      return head + truncateStart(name, room - stringWidth(head) + 1).slice(1);
    },
    (name) => name,
  ];
  const shown = names.map((name) => cuts[0]!(name));
  for (const cut of cuts.slice(1)) {
    const seen = new Map<string, number>();
    for (const name of shown) seen.set(name, (seen.get(name) ?? 0) + 1);
    let changed = false;
    shown.forEach((name, at) => {
      if ((seen.get(name) ?? 0) > 1 && name !== names[at]) {
        shown[at] = cut(names[at]!);
        changed = true;
      }
    });
    if (!changed) break;
  }
  return shown;
}

/**
 * The rows' names as a chart shows them: a title or source cut at `NAME_MAX` (its id or count
 * follows it); a label's or an annotator's name in what a bar of `BAR_MIN` and the widest
 * value leave, never under `NAME_MAX`, whole on a pipe, and never cut into another's reading.
 */
function fittedNames(rows: Row[], { width, whole }: Fit, valueWidth: number): string[] {
  const room = whole
    ? Number.POSITIVE_INFINITY
    : Math.max(NAME_MAX, width - 2 - 2 - BAR_MIN - 1 - valueWidth);
  const names = rows.map((row) => (row.text ? oneLine(row.name) : oneName(row.name)));
  const cut = namesApart(
    names,
    Number.isFinite(room) ? room : Math.max(0, ...names.map((name) => stringWidth(name))),
  );
  return rows.map((row, at) => (row.text ? truncate(names[at]!, NAME_MAX) : cut[at]!));
}

function chart(rows: Row[], fit: Fit): string[] {
  if (rows.length === 0) return ['  (none)'];
  const { width } = fit;
  const values = rows.map((row) => groupedDigits(row.value));
  const valueWidth = Math.max(...values.map((value) => value.length));
  const names = fittedNames(rows, fit, valueWidth);
  const nameWidth = Math.max(...names.map((name) => stringWidth(name)));
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

function progressChart(rows: Array<{ name: string; progress: Progress }>, fit: Fit): string[] {
  const { width } = fit;
  const labels = rows.map(
    ({ progress: p }) =>
      `${groupedDigits(p.done)} done · ${groupedDigits(p.inProgress)} in progress · ${p.opened > 0 ? `${groupedDigits(p.opened)} only opened · ` : ''}${groupedDigits(p.unreviewed)} unreviewed`,
  );
  const labelWidth = Math.max(...labels.map((label) => label.length));
  // The names take what the counts after the bar leave (review57-b: a long annotator's name
  // was given the whole width and pushed the row past the terminal's edge).
  const names = fittedNames(
    rows.map((row) => ({ name: row.name, value: 0 })),
    fit,
    labelWidth + 2,
  );
  const nameWidth = Math.max(...names.map((name) => stringWidth(name)));
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
