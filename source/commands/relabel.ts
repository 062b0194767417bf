import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { didYouMean } from '../search/closest.js';
import {
  decodeName,
  MODEL_FILE_NAME,
  readModelFile,
  relabelRejections,
  writeModelFile,
} from '../store/index.js';
import { foldedName, reservedLabelName } from '../store/labels.js';
import type { FoldPlace } from '../store/relabel.js';
import { oneLine, oneName } from '../text/untrusted.js';
import { truncate } from '../text/width.js';
import { type Command, corpusFlags } from './command.js';
import { CannotRun } from './output.js';
import { loadProject } from './project.js';
import { renameTo } from './unlisted-labels.js';

/** As margin.json's schema allows a label name: it travels into every export. */
const LABEL_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

export const command: Command = {
  name: 'relabel',
  summary: 'Rename a label in the store, in every annotator’s files (after a codebook change)',
  usage: `relabel OLD NEW [--store DIR] [--dry-run]

Renames label OLD to NEW in every store file of every annotator (gold included), each file
rewritten atomically. Run it when margin.json renames a label (or folds one into another): the
annotations made under the old name show as "?" in the review until then, while stats, agree,
search and the exports still name them by the old one. A sentence that already has NEW keeps one
annotation: the attributes it lacks come from the OLD one and the two notes are joined; where
both give an attribute different values, NEW keeps its own and OLD's is written into the note
("figure's verdict: false"), each one named on stderr (with --dry-run too). One whose fold would
not fit the store's limits keeps OLD, named. Attributes NEW's entry in margin.json does not
declare, and values outside its fixed lists, are kept and counted in a warning. OLD still listed in margin.json gets a warning: the
documented order is to rename or retire it there first. NEW written as one of margin.json's
labels but for case, "-", "_" or spaces (Claim for claim) is refused: the codebook refuses
such a pair too. Each annotator's suggestion model moves what it learnt of OLD to NEW, and
the suggestions of OLD they rejected stay rejected as NEW; a
claim, quote or event renamed keeps its suggestion rules only when NEW's entry in margin.json
says "rules": "quote" (or claim, event), as relabel reminds.

The store is shared through git: commit the change (git diff shows the renamed "label" lines),
and ask the team to pull before they go on. Work made under OLD on a clone that had not pulled
yet keeps OLD: run relabel again after merging it.

Options
  --store, -s    The annotation store (default: annotations)
  --dry-run, -n  Say what would change, change nothing

Examples
  $ margin relabel opinion view
  $ margin relabel --dry-run event claim`,
  flags: {
    project: corpusFlags.project,
    store: { type: 'string', shortFlag: 's' },
    dryRun: { type: 'boolean', default: false, shortFlag: 'n' },
  },
  async run(input, flags, io, output) {
    if (input.length !== 2) throw new CannotRun(await argumentsWanted(input, flags, io));
    const [from, to] = input as [string, string];
    if (from === to) throw new CannotRun(`"${oneLine(from)}" is already its own name`);
    if (!LABEL_NAME.test(to) || to.length > 64) {
      throw new CannotRun(
        `"${oneLine(to)}" cannot be a label: a label name is letters, digits, "-", "_" or "." (up to 64)`,
      );
    }
    const reserved = reservedLabelName(oneLine(to));
    if (reserved) throw new CannotRun(reserved);
    const project = await loadProject(flags, io);
    const { store } = project;
    const folder = await stat(store.root).catch(() => null);
    if (!folder?.isDirectory()) {
      throw new CannotRun(`${oneLine(store.shown)}: no annotation store there`);
    }
    const codebook = project.labels.map((label) => label.name);
    const entry = project.labels.find((label) => label.name === to);
    // A second spelling of a codebook label (`Claim` beside `claim`) is a name margin.json itself
    // refuses: stats listed both, and brat's annotation.conf declared it twice (qa53).
    const twin = entry
      ? undefined
      : project.labels.find((label) => foldedName(label.name) === foldedName(to));
    if (twin) {
      const name = oneLine(twin.name);
      const book = project.file
        ? `margin.json has ${name}`
        : `${name} is one of the default labels`;
      throw new CannotRun(
        `"${oneLine(to)}" is ${name} but for case, "-", "_" or spaces, which do not count in a label's name (${book}): give it as ${name}, or rename the label in margin.json first`,
      );
    }
    const { relabelStore } = await import('../store/relabel.js');
    const dryRun = flags.dryRun === true;
    const result = await relabelStore(store.root, from, to, {
      dryRun,
      ...(entry
        ? {
            declared: entry.attributes.map(({ name }) => name),
            fixed: Object.fromEntries(
              entry.attributes.flatMap(({ name, values }) => (values ? [[name, values]] : [])),
            ),
          }
        : {}),
    });
    for (const refused of result.refused)
      output.problem(`${oneLine(refused)}; left as it is (run relabel again once it is mended)`);
    const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
    const merged = result.merged > 0 ? `, ${n(result.merged, 'annotation')} merged into one` : '';
    output.say(
      `${dryRun ? 'would rename' : 'renamed'} ${oneLine(from)} → ${oneLine(to)}: ${n(result.renamed + result.merged, 'annotation')} in ${n(result.files, 'file')}${merged}`,
    );
    // A live label renamed: its key still makes it, and every annotation of it moves (qa51:
    // `relabel claim quote` with both still listed said nothing before folding a team's work).
    const live = project.labels.find((label) => label.name === from);
    if (live) {
      output.warn(
        `${oneLine(from)} is still one of ${project.file ? "margin.json's labels" : 'the default labels (there is no margin.json)'} (key ${oneLine(live.key)}): its key goes on making ${oneLine(from)} after the rename; rename or retire it in margin.json first`,
      );
    }
    const where = ({ annotator, article, quote }: FoldPlace) =>
      `${oneName(annotator)}, ${oneName(article)}, "${truncate(oneLine(quote), 40)}"`;
    for (const value of result.noted) {
      output.warn(
        `${where(value)}: ${oneLine(value.attribute)} differs: ${oneLine(to)} keeps ${oneLine(value.kept)}; ${oneLine(from)}'s ${oneLine(value.noted)} ${dryRun ? 'would go' : 'went'} into its note`,
      );
    }
    for (const left of result.unfolded) {
      output.problem(
        `${where(left)}: ${dryRun ? 'would stay' : 'stays'} ${oneLine(from)}: folded into ${oneLine(to)}, ${oneLine(left.why)}; shorten a note or drop an attribute, then run relabel again`,
      );
    }
    // A mistyped name renames nothing, or renames to a label nobody has: said with the guess.
    if (
      result.files === 0 &&
      result.refused.length === 0 &&
      result.unfolded.length === 0 &&
      !codebook.includes(from)
    ) {
      output.warn(
        `no annotation has the label ${oneLine(from)}${didYouMean(from, codebook)}: nothing renamed`,
      );
    }
    if (!codebook.includes(to)) {
      output.warn(
        `${oneLine(to)} is not among margin.json's labels yet${didYouMean(to, codebook)}: add it there`,
      );
    }
    const undeclared = Object.entries(result.undeclared).sort(([a], [b]) => a.localeCompare(b));
    if (undeclared.length > 0) {
      const listed = undeclared
        .map(([name, count]) => `${oneLine(name)} (${n(count, 'annotation')})`)
        .join(', ');
      output.warn(
        `${oneLine(to)} carries attributes margin.json does not give it: ${listed}; kept as they are (exports still write them; the review's editor does not show them): add them to its entry in margin.json if they belong there`,
      );
    }
    for (const [name, values] of Object.entries(result.offList).sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      const listed = Object.entries(values)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([value, count]) => `${oneLine(value)} (${n(count, 'annotation')})`)
        .join(', ');
      const allowed = entry?.attributes.find((attribute) => attribute.name === name)?.values ?? [];
      output.warn(
        `${oneLine(to)}'s ${oneLine(name)} is one of ${allowed.map(oneLine).join(', ')} in margin.json, but ${dryRun ? 'would carry' : 'carries'} ${listed}; kept as they are (the review's editor offers only the list): change them there, or add the values to margin.json`,
      );
    }
    const moved =
      (await moveLearning(store, from, to, dryRun, output)) +
      (await moveRejections(store, from, to, dryRun, output));
    // The rules are written for margin's own names: a renamed claim, quote or event keeps them
    // only when margin.json says so (qa57: citation had no suggestion and no speaker after it).
    const rules = entry?.rules ?? (RULE_NAMES.includes(to) ? to : undefined);
    // A fold into another rule label (event into claim) keeps that label's own rules: no word.
    if (RULE_NAMES.includes(from) && rules === undefined) {
      output.warn(
        `${oneLine(to)} has no suggestion rules of its own: to suggest it by ${oneLine(from)}'s rules (and its ${FROM_ATTRIBUTES[from]}), give its entry in margin.json "rules": "${from}"; until then it is suggested from what was learnt of it alone`,
      );
    }
    if ((result.files > 0 || moved > 0) && !dryRun) {
      output.say(`review the change with git diff ${oneLine(store.shown)}, then commit it`);
    }
    return output.status();
  },
};

/**
 * What to give when relabel did not get two names, with a command to run rather than `OLD NEW`
 * alone: `opinion` alone gets one made of the project's labels, `margin relabel opinion claim
 * (or quote, event)`.
 */
async function argumentsWanted(
  input: readonly string[],
  flags: Record<string, unknown>,
  io: Parameters<Command['run']>[2],
): Promise<string> {
  if (input.length === 1) {
    const { labels } = await loadProject(flags, io);
    return `give the new name after ${oneLine(input[0]!)}: ${renameTo(input[0]!, labels)}`;
  }
  if (input.length === 0) {
    return 'give the label to rename and its new name: margin relabel OLD NEW, as in margin relabel opinion view (more in margin relabel --help)';
  }
  return `relabel renames one label at a time: give OLD and NEW, not ${input.length} names (${input.map(oneLine).join(' ')}); a label's name has no spaces`;
}

/** margin's rule labels, and what their rules read besides the label. */
const RULE_NAMES = ['claim', 'quote', 'event'];
const FROM_ATTRIBUTES: Record<string, string> = {
  claim: 'claimant',
  quote: 'speaker',
  event: 'when and where',
};

/** The store's annotator folders, and the annotators they are of, in name order. */
async function annotatorFolders(root: string) {
  const folders = await readdir(root, { withFileTypes: true }).catch(() => []);
  const annotators = folders
    .filter((folder) => folder.isDirectory())
    .map((folder) => decodeName(folder.name))
    .filter((name): name is string => name !== null)
    .sort();
  return { folders, annotators };
}

/**
 * Moves what every annotator's suggestion model learnt of `from` to `to`, as the annotations
 * move: left under the old name, the learning was lost to the renamed label and kept for a name
 * the codebook no longer has (qa57). A model that already learnt `to` keeps that, and `from`'s
 * is left where it is, said; a model file margin refuses is named and left. Gives the count of
 * models moved (or that would be, with `dryRun`).
 */
async function moveLearning(
  store: { root: string; shown: string },
  from: string,
  to: string,
  dryRun: boolean,
  output: Parameters<Command['run']>[3],
): Promise<number> {
  const { folders, annotators } = await annotatorFolders(store.root);
  let engine: Awaited<ReturnType<typeof import('../suggest/lazy.js')['loadSuggestions']>> | null =
    null;
  let moved = 0;
  for (const annotator of annotators) {
    const present = await stat(join(store.root, encodeFolder(folders, annotator), MODEL_FILE_NAME))
      .then(() => true)
      .catch(() => false);
    if (!present) continue;
    engine ??= await (await import('../suggest/lazy.js')).loadSuggestions();
    const read = await readModelFile(store.root, annotator, engine.parseModel, store.shown);
    if (read.kind === 'missing') continue;
    if (read.kind === 'refused') {
      output.problem(`${read.message}; what it learnt of ${oneLine(from)} is not moved`);
      continue;
    }
    const { model, stale } = read.value;
    const learnt = model.labels.get(from);
    if (stale || !learnt) continue;
    if (model.labels.has(to)) {
      output.warn(
        `${oneName(annotator)}'s suggestion model has learnt ${oneLine(to)} already: what it learnt of ${oneLine(from)} stays under ${oneLine(from)}`,
      );
      continue;
    }
    moved++;
    if (dryRun) continue;
    model.labels.delete(from);
    model.labels.set(to, learnt);
    await writeModelFile(store.root, annotator, engine.serialiseModel(model), store.shown);
  }
  if (moved > 0) {
    output.say(
      `${dryRun ? 'would move' : 'moved'} what ${moved === 1 ? 'one suggestion model' : `${moved} suggestion models`} learnt of ${oneLine(from)} to ${oneLine(to)}`,
    );
  }
  return moved;
}

/**
 * Renames `from` in every annotator's rejected suggestions: a suggestion of OLD rejected in the
 * review stays rejected as NEW, rather than offered again under the new name. A rejections file
 * margin refuses is named and left. Gives the number of lines renamed (or that would be).
 */
async function moveRejections(
  store: { root: string; shown: string },
  from: string,
  to: string,
  dryRun: boolean,
  output: Parameters<Command['run']>[3],
): Promise<number> {
  const { annotators } = await annotatorFolders(store.root);
  let renamed = 0;
  for (const annotator of annotators) {
    try {
      renamed += await relabelRejections(store.root, annotator, from, to, {
        display: store.shown,
        dryRun,
      });
    } catch (error) {
      output.problem(
        `${(error as Error).message}; its rejections of ${oneLine(from)} are not renamed`,
      );
    }
  }
  if (renamed > 0) {
    output.say(
      `${dryRun ? 'would rename' : 'renamed'} ${oneLine(from)} to ${oneLine(to)} in ${renamed === 1 ? 'one rejected suggestion' : `${renamed} rejected suggestions`}`,
    );
  }
  return renamed;
}

/** The folder name an annotator's files are under, as read from the store. */
function encodeFolder(folders: ReadonlyArray<{ name: string }>, annotator: string): string {
  return folders.find((folder) => decodeName(folder.name) === annotator)!.name;
}
