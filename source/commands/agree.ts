import { GOLD } from '../export/adjudication.js';
import { renderAgreement } from '../export/agreement-render.js';
import { agreementOver, hasWorked, isReviewed } from '../export/agreement-report.js';
import type { Repository } from '../store/index.js';
import { safeJson } from '../text/untrusted.js';
import { type Command, corpusFlags } from './command.js';
import { CannotRun } from './output.js';
import { strayLabelNotes } from './unlisted-labels.js';
import { answered, listFlag, openWorkspace, statusesOf } from './workspace.js';

export const command: Command = {
  name: 'agree',
  summary:
    "Agreement between annotators (Cohen's kappa, Krippendorff's alpha) and where they differ",
  usage: `agree [--annotator NAME ...] [--json] [options]

Units are the sentences of articles the annotators reviewed: tagged something in (a tag, a note,
attributes) or marked done. An article only opened (in progress with nothing in it) is left out,
and the report says how many. For two annotators: Cohen's kappa on sentences both reviewed; for
more: Krippendorff's alpha (nominal) on sentences at least two reviewed. Overall, a sentence's label set is one category; per label, a
sentence has the label or not. The "${GOLD}" annotator (accepted versions) is left out unless named.

Options
  --annotator    Compare these annotators (repeat; default: everyone in the store)
  --json         Print the figures and the disagreements as JSON
  --corpus, -c   The corpus folder (default: seeds)
  --store, -s    The annotation store folder (default: annotations)

Examples
  $ margin agree
  $ margin agree --annotator alice --annotator bob --json`,
  flags: {
    ...corpusFlags,
    store: { type: 'string', shortFlag: 's' },
    annotator: { type: 'string', isMultiple: true },
    json: { type: 'boolean', default: false },
  },
  async run(_input, flags, io, output) {
    const workspace = await openWorkspace(flags, io, output, { reads: true, behind: true });
    const { corpus, repository, project } = workspace;
    const named = [...new Set(listFlag(flags.annotator))];
    /** Agreement among `annotators`, over the articles two of them reviewed. */
    const agreementOf = (annotators: string[]) => {
      // Only articles two of them reviewed can hold units: read those, one at a time, in corpus order.
      const chosen = new Set(annotators);
      const reviewers = new Map<string, number>();
      // The store index keeps the few reviewed files apart: no row of an unreviewed one is read.
      for (const row of repository.reviewed()) {
        if (chosen.has(row.annotator) && isReviewed(row.status)) {
          reviewers.set(row.article, (reviewers.get(row.article) ?? 0) + 1);
        }
      }
      const ords: number[] = [];
      for (const [article, count] of reviewers) {
        const ord = corpus.ordOf(article);
        if (count >= 2 && ord !== undefined) ords.push(ord);
      }
      ords.sort((a, b) => a - b);
      const entries = function* () {
        for (const ord of ords) {
          const article = corpus.articleAt(ord);
          if (article) yield { article, annotations: repository.list({ article: article.id }) };
        }
      };
      return agreementOver(entries(), statusesOf(repository), annotators, project.labels);
    };
    const outcome = await answered(workspace, () => {
      const known = repository.annotators();
      // Everyone in the store who decided something: tagged (a label, a note, attributes) or
      // marked an article done. One who only opened an article (Enter in the list writes its
      // file) is not compared, nor named as compared (qa57 #13); --annotator names whom it names.
      const decided = decidedAnnotators(repository);
      const left =
        named.length > 0 ? [] : known.filter((name) => name !== GOLD && !decided.has(name));
      // One whose file the store refused (conflict markers, bad JSON) is not one who decided
      // nothing (qa58 #11): named apart, as unread.
      const refused = refusedAnnotators(repository);
      const unread = left.filter((name) => refused.has(name));
      const undecided = left.filter((name) => !refused.has(name));
      const annotators =
        named.length > 0 ? named : known.filter((name) => name !== GOLD && !left.includes(name));
      const missing = named.filter((name) => !known.includes(name));
      if (missing.length > 0 || annotators.length < 2)
        return {
          missing,
          annotators,
          report: null,
          known,
          undecided,
          unread,
        };
      // Kept in the store's index as stats' picture is, until a file's row, the corpus's
      // generation, the labels or the annotators compared change: each run read the reviewed
      // articles' text and every annotation on them again.
      const report = repository.derived(
        'agree 2',
        JSON.stringify({ annotators, labels: project.labels }),
        () => agreementOf(annotators),
      );
      return {
        missing,
        annotators,
        report: {
          ...report,
          ...(undecided.length > 0 ? { undecided } : {}),
          ...(unread.length > 0 ? { unread } : {}),
        },
        known,
        undecided,
        unread,
      };
    });
    for (const note of await strayLabelNotes(project.labels, workspace)) output.say(note);
    await repository.close();
    const { missing, annotators, report, known, undecided, unread } = outcome;
    if (missing.length > 0) {
      throw new CannotRun(`no annotator ${missing.map((n) => `"${n}"`).join(', ')} in the store`);
    }
    if (!report) {
      // Narrowed to one by --annotator, the store may well have others: say which.
      const others = known.filter((name) => name !== GOLD && !annotators.includes(name));
      output.problem(
        named.length > 0
          ? `agreement needs two annotators; --annotator names only ${annotators[0]!}${others.length > 0 ? ` (the store also has ${others.join(', ')})` : ' and the store has no other'}`
          : `agreement needs two annotators; the store has ${annotators.length === 0 ? 'none' : `only ${annotators[0]!}`}${undecided.length + unread.length > 0 ? ` who decided something (${whyLeft(undecided, unread)})` : ''}`,
      );
      return output.status();
    }
    const text = flags.json ? `${safeJson(report, 2)}\n` : renderAgreement(report, output.width);
    await output.out(text);
    return output.status();
  },
};

/** Annotators with a file the store refused (conflict markers, bad JSON): named above it. */
function refusedAnnotators(repository: Repository): Set<string> {
  const names = repository.problems().map((problem) => problem.annotator);
  return new Set(names.filter((name): name is string => name !== null));
}

/** Why the others are not compared. */
function whyLeft(undecided: readonly string[], unread: readonly string[]): string {
  return [
    ...(undecided.length > 0 ? [`${undecided.join(', ')} only opened articles`] : []),
    ...(unread.length > 0
      ? [`${unread.join(', ')}: files margin could not read, named above`]
      : []),
  ].join('; ');
}

/**
 * The annotators the agreement counts as having worked somewhere (`hasWorked`: an article done,
 * or in progress with something in it), from the store index's tallies alone.
 */
function decidedAnnotators(repository: Repository): Set<string> {
  return new Set(
    repository
      .tallies()
      .filter((tally) => hasWorked(tally.status, tally.annotations))
      .map((tally) => tally.annotator),
  );
}
