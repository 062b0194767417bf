import type { ExportFilter, ExportInput } from './model.js';
import { progressReporter, selectEntries } from './model.js';
import { toRecord } from './record.js';

/** The native format: one `ExportRecord` per line, the input of `margin import`. */
export function toJsonl(input: ExportInput, filter?: ExportFilter): string {
  const entries = selectEntries(input, filter);
  const report = progressReporter(entries.length, input.onProgress);
  const lines: string[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    lines[i] = JSON.stringify(toRecord(entries[i]!, input.statuses));
    report(i + 1);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
