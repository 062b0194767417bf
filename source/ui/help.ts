import { helpGroups } from './keymap.js';
import { fitWidth } from './text.js';

const KEYS_WIDTH = 16;
const COLUMN_WIDTH = 58;

/** The help as columns of lines, each group kept whole, columns about equally tall. */
export function helpColumns(width: number): string[][] {
  const count = Math.max(1, Math.floor((width + 2) / (COLUMN_WIDTH + 2)));
  const columnWidth = Math.floor((width - (count - 1) * 2) / count);
  const blocks = helpGroups().map(({ group, rows }) => [
    group,
    ...rows.map((row) =>
      fitWidth(`  ${fitWidth(row.keys, KEYS_WIDTH)}${row.description}`, columnWidth),
    ),
  ]);
  const total = blocks.reduce((sum, block) => sum + block.length + 1, 0);
  const target = Math.ceil(total / count);
  const columns: string[][] = [[]];
  for (const block of blocks) {
    let column = columns[columns.length - 1]!;
    if (column.length > 0 && column.length + block.length > target && columns.length < count) {
      column = [];
      columns.push(column);
    }
    if (column.length > 0) column.push('');
    column.push(...block);
  }
  return columns.map((column) => column.map((line) => fitWidth(line, columnWidth)));
}

/** How far the help can scroll in a window of `height` lines. */
export function helpMaxTop(width: number, height: number): number {
  const tallest = Math.max(...helpColumns(width).map((column) => column.length));
  return Math.max(0, tallest - height);
}
