/** One item per line: valid JSON that stays greppable and diffable, and fast to write when large. */
export function jsonArray(items: string[]): string {
  return items.length === 0 ? '[]\n' : `[\n${items.join(',\n')}\n]\n`;
}
