/** A progress bar of `width` columns. */
export function bar(done: number, total: number, width: number): string {
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
