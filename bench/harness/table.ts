import stringWidth from 'string-width';
import type { Measurement } from '../types.js';
import { machineLine } from './machine.js';
import { type BenchReport, peakRssMeasurement } from './results.js';

/** Three significant figures, thousands separated: 1,235 · 12.3 · 1.23 · 0.0123. */
export function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size >= 100) return Math.round(value).toLocaleString('en-US');
  if (size >= 10) return value.toFixed(1);
  if (size >= 1) return value.toFixed(2);
  if (size === 0) return '0';
  return value.toPrecision(3);
}

/** "fzf 40.0 ms (0.450×)": the reference's figure in the measure's unit, and ours / theirs. */
function formatReference(m: Measurement): string {
  if (!m.reference) return '';
  return `${m.reference.name} ${formatNumber(m.reference.value)} ${m.unit} (${formatNumber(m.reference.ratio)}×)`;
}

/** The figure compared between runs: the median of a timing, or the single value. */
const primary = (m: Measurement): number | undefined => m.median ?? m.value;

const keyOf = (m: Pick<Measurement, 'section' | 'name'>): string => `${m.section}\u0000${m.name}`;

/** "+4.1%" / "-12.0%" / "±0%" against the same measure of the previous run; "" when there is none. */
export function formatChange(now: number | undefined, before: number | undefined): string {
  if (now === undefined || before === undefined || before === 0) return '';
  const change = ((now - before) / Math.abs(before)) * 100;
  if (Math.abs(change) < 0.05) return '±0%';
  return `${change > 0 ? '+' : ''}${change.toFixed(1)}%`;
}

type Align = 'left' | 'right';

/** The table is read in a terminal or a pull request: 120 columns unless told otherwise. */
export const TABLE_WIDTH = 120;

/** Greedy word wrap to `width` columns; a word longer than the width stands on its own line. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (stringWidth(line) + 1 + stringWidth(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

const longestWord = (text: string) =>
  Math.max(0, ...text.split(' ').map((word) => stringWidth(word)));

/** A row of cells, or a section's name on a line of its own above its rows. */
type Row = string[] | string;

/**
 * Aligned columns fitted to `limit`: columns that may wrap are narrowed in `narrowing` order,
 * each first down to its floor (so it stays readable), then, if still too wide, to its longest word.
 */
function renderColumns(
  header: string[],
  rows: Row[],
  align: Align[],
  narrowing: Array<{ column: number; floor: number }>,
  limit: number,
): string[] {
  const cellRows = rows.filter((row): row is string[] => typeof row !== 'string');
  // A column nobody filled in is left out, so a run without references has no empty column.
  const used = header.map((_, column) => cellRows.some((row) => row[column] !== ''));
  const cellsOf = (column: number) => [header[column]!, ...cellRows.map((row) => row[column]!)];
  const widths = header.map((_, column) =>
    Math.max(...cellsOf(column).map((cell) => stringWidth(cell))),
  );
  const wraps = header.map((_, column) => narrowing.some((each) => each.column === column));
  const total = () =>
    widths.reduce((sum, width, column) => sum + (used[column] ? width + 2 : 0), 0) - 2;
  for (const pass of ['floor', 'word'] as const) {
    for (const { column, floor } of narrowing) {
      const word = Math.max(...cellsOf(column).map(longestWord));
      const least = pass === 'floor' ? Math.max(floor, word) : word;
      while (total() > limit && widths[column]! > least) widths[column]!--;
    }
  }
  const line = (cells: string[]): string[] => {
    const wrapped = cells.map((cell, column) =>
      wraps[column] ? wrapWords(cell, widths[column]!) : [cell],
    );
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, k) =>
      wrapped
        .map((lines, column) => {
          if (!used[column]) return null;
          const cell = (lines[k] ?? '').replace(/\u00a0/g, ' ');
          const pad = ' '.repeat(Math.max(0, widths[column]! - stringWidth(cell)));
          return align[column] === 'right' ? pad + cell : cell + pad;
        })
        .filter((cell): cell is string => cell !== null)
        .join('  ')
        .trimEnd(),
    );
  };
  const rule = widths
    .filter((_, column) => used[column])
    .map((width) => '─'.repeat(width))
    .join('  ');
  return [
    ...line(header),
    rule,
    ...rows.flatMap((row, k) =>
      typeof row === 'string' ? [...(k === 0 ? [] : ['']), row] : line(row),
    ),
  ];
}

/** Notes numbered in order of first use; a note used by several rows keeps one number. */
class Footnotes {
  private readonly numbers = new Map<string, number>();

  /** `text` with the marker of `note` after it ("index build [2]"), or `text` alone. */
  mark(text: string, note: string | undefined): string {
    if (!note) return text;
    let number = this.numbers.get(note);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(note, number);
    }
    // A no-break space: wrapping never leaves the marker alone on a line.
    return `${text}\u00a0[${number}]`;
  }

  render(width: number): string[] {
    if (this.numbers.size === 0) return [];
    const indent = `[${this.numbers.size}] `.length;
    const lines = ['', 'Notes'];
    for (const [note, number] of this.numbers) {
      const marker = `[${number}]`.padEnd(indent);
      wrapWords(note, Math.max(20, width - indent)).forEach((text, k) => {
        lines.push(`${k === 0 ? marker : ' '.repeat(indent)}${text}`);
      });
    }
    return lines;
  }
}

/**
 * The table for people: one row per measurement, the section's peak memory after its figures,
 * a failed section as one row with its message, and a "vs last" column when a previous run of
 * the same size exists.
 */
export function formatTable(
  report: BenchReport,
  previous: BenchReport | null = null,
  width = TABLE_WIDTH,
): string {
  const before = new Map<string, Measurement>();
  for (const section of previous?.sections ?? []) {
    for (const m of section.measurements) before.set(keyOf(m), m);
    if (section.peakRssMB !== null) {
      const peak = peakRssMeasurement(section.name, section.peakRssMB);
      if (!before.has(keyOf(peak))) before.set(keyOf(peak), peak);
    }
  }
  const header = ['Measure', 'Median', 'p95', 'Value', 'Unit', 'Target', 'Reference', 'vs last'];
  const align: Align[] = ['left', 'right', 'right', 'right', 'left', 'left', 'left', 'right'];
  // Too wide, the reference wraps first, then the target, then the measure's name.
  const narrowing = [
    { column: header.indexOf('Reference'), floor: 23 },
    { column: header.indexOf('Target'), floor: 14 },
    { column: header.indexOf('Measure'), floor: 24 },
  ];
  // Long notes would widen every row: they go below the table, a marker after the measure.
  const notes = new Footnotes();
  const rows: Row[] = [];
  for (const section of report.sections) {
    rows.push(section.name);
    if (!section.ok) {
      // The message goes below, where a long one does not widen every row.
      rows.push([
        notes.mark('FAILED', section.error ?? 'unknown error'),
        ...header.slice(1).map(() => ''),
      ]);
      continue;
    }
    const measurements = [...section.measurements];
    if (section.peakRssMB !== null && !measurements.some((m) => m.name === 'peak RSS')) {
      measurements.push(peakRssMeasurement(section.name, section.peakRssMB));
    }
    for (const m of measurements) {
      const last = before.get(keyOf(m));
      rows.push([
        notes.mark(m.name, m.note),
        formatNumber(m.median),
        formatNumber(m.p95),
        formatNumber(m.value),
        m.unit,
        m.target ?? '',
        formatReference(m),
        formatChange(primary(m), last ? primary(last) : undefined),
      ]);
    }
  }
  const { options } = report;
  const title = `margin bench · ${options.articles.toLocaleString('en-US')} articles (seed ${options.seed})${options.quick ? ' · quick' : ''} · ${report.date}`;
  const total = report.sections.reduce((sum, section) => sum + section.durationMs, 0);
  const took = report.sections.map(
    (section) => `${section.name} ${formatNumber(section.durationMs / 1000)} s`,
  );
  const trailer = [
    `Time: ${[...took, `total ${formatNumber(total / 1000)} s`].join(' · ')}`,
    machineLine(report.machine),
  ];
  if (previous) {
    const elsewhere = machineLine(previous.machine) !== machineLine(report.machine);
    trailer.push(
      `vs last: change of the median (or value) against the run of ${previous.date}${elsewhere ? `, taken on another machine (${machineLine(previous.machine)})` : ''}`,
    );
  }
  if (report.failed.length > 0) trailer.push(`Failed: ${report.failed.join(', ')}`);
  const lines = [
    title,
    '',
    ...renderColumns(header, rows, align, narrowing, width),
    ...notes.render(width),
    '',
    ...trailer.flatMap((line) => wrapWords(line, width)),
  ];
  return `${lines.join('\n')}\n`;
}
