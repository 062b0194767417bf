const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A horizontal bar `fraction` (0..1) of `width` cells long, drawn in eighths of a cell so small
 * differences still show. A non-zero value always gets at least a sliver.
 */
export function bar(fraction: number, width: number): string {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  let eighths = Math.round(clamped * width * 8);
  if (clamped > 0 && eighths === 0) eighths = 1;
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** Review progress as one bar: done (█), in progress (▒), unreviewed (·). */
export function progressBar(
  done: number,
  inProgress: number,
  total: number,
  width: number,
): string {
  if (total === 0) return ''.padEnd(width, '·');
  const doneCells = Math.round((done / total) * width);
  const progressCells = Math.min(width - doneCells, Math.round((inProgress / total) * width));
  return (
    '█'.repeat(doneCells) +
    '▒'.repeat(progressCells) +
    '·'.repeat(width - doneCells - progressCells)
  );
}

/** A one-line progress bar for stderr: `exporting ███████▍      37%`, fitting in `columns`. */
export function progressLine(label: string, fraction: number, columns: number): string {
  const width = Math.max(10, Math.min(40, columns - label.length - 8));
  const percent = `${Math.floor(Math.max(0, Math.min(1, fraction)) * 100)}%`.padStart(4);
  return `${label} ${bar(fraction, width).padEnd(width)} ${percent}`;
}
