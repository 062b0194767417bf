import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { formatError } from '../export/import-errors.js';
import {
  type ImportedStatus,
  type ParsedImport,
  parseJsonlImport,
} from '../export/import-jsonl.js';
import { planImport } from '../export/import-plan.js';
import { parseProdigyImport } from '../export/import-prodigy.js';
import { openRepository, type Repository, resolveAnnotator } from '../store/index.js';
import type { Annotation, PlacedAnnotation } from '../store/types.js';
import { type Command, corpusFlags, storeFlags } from './command.js';
import { CannotRun } from './output.js';
import { fromCwd, openWorkspace, type Workspace } from './workspace.js';

const IMPORT_FORMATS = ['jsonl', 'prodigy'] as const;

export const command: Command = {
  name: 'import',
  summary: 'Add annotations from a jsonl export or Prodigy tasks to the store',
  usage: `import FILE [--format jsonl|prodigy] [options]

Every line is checked first; a line that is not valid, or names an article the corpus does not
have, is reported as FILE:LINE and skipped. Annotations are matched to articles by id and
re-anchored by their quote on the current text; ones the store already has are skipped.

Options
  --format, -f   jsonl (default, from \`margin export --format jsonl\`) or prodigy
  --annotator    prodigy: who made tasks that carry no meta.annotator (default: you)
  --corpus, -c   The corpus folder (default: seeds)
  --store, -s    The annotation store folder (default: annotations)

Examples
  $ margin import colleague.jsonl
  $ margin import reviewed.jsonl --format prodigy --annotator dana`,
  flags: {
    ...corpusFlags,
    ...storeFlags,
    format: { type: 'string', shortFlag: 'f', default: 'jsonl' },
  },
  async run(input, flags, io, output) {
    const format = String(flags.format);
    if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
      throw new CannotRun(`--format must be jsonl or prodigy (got "${format}")`);
    }
    const [file, ...extra] = input;
    if (!file) throw new CannotRun('which file? margin import FILE');
    if (extra.length > 0) throw new CannotRun(`one file at a time (also got ${extra.join(' ')})`);
    let content: string;
    try {
      content = await readFile(fromCwd(io, file), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      output.problem(
        code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code})`,
      );
      return output.status();
    }
    let annotator: string;
    try {
      annotator = resolveAnnotator(
        typeof flags.annotator === 'string' ? flags.annotator : undefined,
        io.env,
      );
    } catch (error) {
      throw new CannotRun((error as Error).message);
    }
    const workspace = await openWorkspace(flags, io, output, { annotator });
    const { repository } = workspace;
    const context = { articles: workspace.byId, newId: randomUUID, now: new Date().toISOString() };
    const parsed: ParsedImport =
      format === 'prodigy'
        ? parseProdigyImport(content, { ...context, fallbackAnnotator: annotator })
        : parseJsonlImport(content, context);
    const existing = repository.list();
    const plan = planImport(parsed.annotations, existing, repository.problems());
    const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.line - b.line);
    for (const error of errors) output.problem(formatError(file, error));
    // Every line was checked before this one write: a bad file adds what was good, changes nothing else.
    const added = plan.add.length > 0 ? await repository.addMany(plan.add) : 0;
    const restored = await restoreStatuses(workspace, parsed.statuses, existing, plan.add);
    await repository.close();
    const duplicates = plan.duplicates + (plan.add.length - added);
    // Not an error (an exported orphan comes back as one), but a hand-made line whose text is
    // not in the article should not pass unnoticed.
    const unplaced = new Set(
      parsed.annotations.filter((c) => c.placement === null).map((c) => c.annotation),
    );
    const orphans = plan.add.filter((annotation) => unplaced.has(annotation)).length;
    const summary = [
      `${added} imported${orphans > 0 ? ` (${orphans} as orphan${orphans === 1 ? '' : 's'}: text not found in the article, see margin orphans)` : ''}`,
      `${duplicates} duplicate${duplicates === 1 ? '' : 's'} skipped`,
      `${errors.length} error${errors.length === 1 ? '' : 's'}`,
    ];
    if (restored > 0) summary.push(`${restored} review status${restored === 1 ? '' : 'es'} set`);
    if (parsed.ignored > 0) summary.push(`${parsed.ignored} rejected or ignored task(s) skipped`);
    await output.out(`${summary.join(', ')}\n`);
    return output.status();
  },
};

/**
 * Sets the exported review status where the store had nothing of that annotator on that article
 * before (so `agree` counts an imported colleague's work as reviewed); a status already in the
 * store, or an article the annotator had started, is never changed by an import.
 */
async function restoreStatuses(
  workspace: Workspace,
  statuses: ImportedStatus[],
  existing: PlacedAnnotation[],
  added: Annotation[],
): Promise<number> {
  const key = (article: string, annotator: string) => `${article}\u0000${annotator}`;
  const started = new Set(existing.map((a) => key(a.article, a.annotator)));
  const landed = new Set(added.map((a) => key(a.article, a.annotator)));
  const { repository } = workspace;
  const writers = new Map<string, Repository>([[repository.annotator, repository]]);
  let count = 0;
  try {
    for (const { article, annotator, status } of statuses) {
      const pair = key(article, annotator);
      if (status === 'unreviewed' || started.has(pair) || !landed.has(pair)) continue;
      if (repository.status(article, annotator) !== 'unreviewed') continue;
      let writer = writers.get(annotator);
      if (!writer) {
        writer = await openRepository({
          root: workspace.storeRoot,
          annotator,
          articles: workspace.articles,
        });
        writers.set(annotator, writer);
      }
      await writer.setStatus(article, status);
      count++;
    }
  } finally {
    for (const writer of writers.values()) if (writer !== repository) await writer.close();
  }
  return count;
}
