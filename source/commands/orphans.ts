import { compareListed } from '../store/index.js';
import type { PlacedAnnotation } from '../store/types.js';
import stringWidth from '../text/string-width.js';
import { oneLine, oneName, safeJson } from '../text/untrusted.js';
import { truncate } from '../text/width.js';
import { type Command, corpusFlags, storeFlags } from './command.js';
import { openWorkspace } from './workspace.js';

interface Orphan {
  article: string;
  annotator: string;
  label: string;
  id: string;
  quote: string;
  note: string | null;
  created: string;
}

function toOrphan(annotation: PlacedAnnotation): Orphan {
  return {
    article: annotation.article,
    annotator: annotation.annotator,
    label: annotation.label,
    id: annotation.id,
    quote: annotation.anchor.quote,
    note: annotation.note ?? null,
    created: annotation.created,
  };
}

/** Aligned columns; the quote is cut to the terminal width when there is one. */
export function renderOrphans(orphans: Orphan[], width: number | null): string {
  const header = { article: 'ARTICLE', annotator: 'ANNOTATOR', label: 'LABEL', quote: 'QUOTE' };
  const rows = orphans.map((orphan) => ({
    article: oneName(orphan.article),
    annotator: oneName(orphan.annotator),
    label: oneLine(orphan.label),
    quote: oneLine(orphan.quote),
  }));
  const all = [header, ...rows];
  const widths = (['article', 'annotator', 'label'] as const).map((key) =>
    Math.max(...all.map((row) => stringWidth(row[key]))),
  );
  const lines = all.map((row) => {
    const line = [row.article, row.annotator, row.label]
      .map((cell, index) => cell + ' '.repeat(widths[index]! - stringWidth(cell)))
      .join('  ');
    const whole = `${line}  ${row.quote}`;
    return width === null ? whole : truncate(whole, width);
  });
  return `${lines.join('\n')}\n`;
}

export const command: Command = {
  name: 'orphans',
  summary: 'List annotations whose sentence is no longer in the article text',
  usage: `orphans [--corpus DIR] [--store DIR] [--annotator NAME] [--json]

Options
  --corpus, -c   The corpus folder (default: seeds)
  --store, -s    The annotation store (default: annotations)
  --annotator    Only this annotator's orphans (default: everyone's)
  --json         Print a JSON array: article, annotator, label, id, quote, note, created

An orphan is an annotation that could not be placed on its article's current text, not even
approximately, or whose article is gone from the corpus. It is kept in the store, never deleted.

Examples
  $ margin orphans
  $ margin orphans --corpus ~/articles --store ~/articles-annotations --json`,
  flags: {
    ...corpusFlags,
    ...storeFlags,
    json: { type: 'boolean', default: false },
  },
  async run(_input, flags, io, output) {
    const only = typeof flags.annotator === 'string' ? flags.annotator : undefined;
    // The corpus first: a mistyped --corpus must not pass for an empty store.
    // Every file compared: an article edited in place makes orphans too.
    const { repository, project } = await openWorkspace(flags, io, output, {
      annotator: only,
      reads: true,
      look: 'compare',
    });
    let count = 0;
    const found: PlacedAnnotation[] = [];
    for (const { annotations } of repository.annotated()) {
      for (const annotation of annotations) {
        if (only !== undefined && annotation.annotator !== only) continue;
        count++;
        if (annotation.placement === null) found.push(annotation);
      }
    }
    await repository.close();
    const orphans = found.sort(compareListed).map(toOrphan);
    if (flags.json) await output.out(`${safeJson(orphans, 2)}\n`);
    else if (orphans.length === 0) {
      const store = project.store.shown;
      await output.out(`No orphans among ${count} annotations in ${store}.\n`);
    } else await output.out(renderOrphans(orphans, output.columns));
    return output.status();
  },
};
