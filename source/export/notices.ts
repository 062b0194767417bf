import type { Format } from './formats.js';
import type { ExportSummary } from './writer.js';

/** What the command says on stderr after an export, besides the output itself. */
export function exportNotices(
  format: Format,
  summary: ExportSummary,
  out: string | null,
): string[] {
  const notices: string[] = [];
  if (format === 'brat') {
    notices.push(
      `wrote ${summary.articleFiles} article(s), annotation.conf and visual.conf to ${out}`,
    );
    // A re-export into its own folder leaves the files it would write again as they are.
    if (summary.leftAsTheyWere > 0) {
      notices.push(
        `${summary.leftAsTheyWere} file(s) already held the same and were left as they were`,
      );
    }
    if (summary.skippedOrphans > 0) {
      notices.push(
        `left out ${summary.skippedOrphans} orphaned annotation(s): brat has no place for text that is gone (jsonl, csv and w3c keep them)`,
      );
    }
  }
  if (format === 'doccano' && summary.overlapping > 0) {
    notices.push(
      `${summary.overlapping} document(s) have overlapping spans (a sentence with several labels): turn on "Allow overlapping spans" in the doccano project before importing, or doccano keeps only one of them`,
    );
  }
  return notices;
}
