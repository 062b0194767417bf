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

function renderColumns(header: string[], rows: string[][], align: Align[]): string[] {
  // A column nobody filled in is left out, so a run without references has no empty column.
  const used = header.map((_, column) => rows.some((row) => row[column] !== ''));
  const widths = header.map((title, column) =>
    Math.max(stringWidth(title), ...rows.map((row) => stringWidth(row[column] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        if (!used[column]) return null;
        const pad = ' '.repeat(widths[column]! - stringWidth(cell));
        return align[column] === 'right' ? pad + cell : cell + pad;
      })
      .filter((cell): cell is string => cell !== null)
      .join('  ')
      .trimEnd();
  const rule = widths
    .filter((_, column) => used[column])
    .map((width) => '─'.repeat(width))
    .join('  ');
  return [line(header), rule, ...rows.map(line)];
}

/**
 * The table for people: one row per measurement, the section's peak memory after its figures,
 * a failed section as one row with its message, and a "vs last" column when a previous run of
 * the same size exists.
 */
export function formatTable(report: BenchReport, previous: BenchReport | null = null): string {
  const before = new Map<string, Measurement>();
  for (const section of previous?.sections ?? []) {
    for (const m of section.measurements) before.set(keyOf(m), m);
    if (section.peakRssMB !== null) {
      const peak = peakRssMeasurement(section.name, section.peakRssMB);
      if (!before.has(keyOf(peak))) before.set(keyOf(peak), peak);
    }
  }
  const header = [
    'Section',
    'Measure',
    'Median',
    'p95',
    'Value',
    'Unit',
    'Target',
    'Reference',
    'vs last',
    'Note',
  ];
  const align: Align[] = [
    'left',
    'left',
    'right',
    'right',
    'right',
    'left',
    'left',
    'left',
    'right',
    'left',
  ];
  const rows: string[][] = [];
  for (const section of report.sections) {
    if (!section.ok) {
      // The message goes last, where a long one does not widen every other row.
      const blank = ['', '', '', '', '', '', ''];
      rows.push([section.name, 'FAILED', ...blank, section.error ?? 'unknown error']);
      continue;
    }
    const measurements = [...section.measurements];
    if (section.peakRssMB !== null && !measurements.some((m) => m.name === 'peak RSS')) {
      measurements.push(peakRssMeasurement(section.name, section.peakRssMB));
    }
    for (const m of measurements) {
      const last = before.get(keyOf(m));
      rows.push([
        m.section,
        m.name,
        formatNumber(m.median),
        formatNumber(m.p95),
        formatNumber(m.value),
        m.unit,
        m.target ?? '',
        formatReference(m),
        formatChange(primary(m), last ? primary(last) : undefined),
        m.note ?? '',
      ]);
    }
  }
  const { options } = report;
  const title = `margin bench · ${options.articles.toLocaleString('en-US')} articles (seed ${options.seed})${options.quick ? ' · quick' : ''} · ${report.date}`;
  const total = report.sections.reduce((sum, section) => sum + section.durationMs, 0);
  const took = report.sections.map(
    (section) => `${section.name} ${formatNumber(section.durationMs / 1000)} s`,
  );
  const lines = [
    title,
    '',
    ...renderColumns(header, rows, align),
    '',
    `Time: ${[...took, `total ${formatNumber(total / 1000)} s`].join(' · ')}`,
    machineLine(report.machine),
  ];
  if (previous) {
    const elsewhere = machineLine(previous.machine) !== machineLine(report.machine);
    lines.push(
      `vs last: change of the median (or value) against the run of ${previous.date}${elsewhere ? `, taken on another machine (${machineLine(previous.machine)})` : ''}`,
    );
  }
  if (report.failed.length > 0) lines.push(`Failed: ${report.failed.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
