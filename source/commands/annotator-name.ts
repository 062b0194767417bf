import { resolveAnnotator, sanitiseAnnotator } from '../store/names.js';
import { oneName } from '../text/untrusted.js';
import { CannotRun } from './output.js';
import { annotatorEnv, type ProjectContext } from './project.js';

/** Why a name a person gave cannot be an annotator's, or null when it can. */
export function annotatorNameProblem(name: string): string | null {
  // What a name shows escaped (oneName) it cannot be: `ana` and `a\u200bna` would be two
  // annotators who look alike in every list.
  // What the store's own cleaning does harmlessly (NFC, one space for several) is no reason to
  // refuse: a decomposed "José" or "ana  b" is the name the person meant.
  const meant = name.normalize('NFC').replace(/ {2,}/g, ' ');
  if (sanitiseAnnotator(name) !== meant || oneName(meant) !== meant)
    return 'control or invisible characters, or space at either end';
  if (/[/\\]/.test(name)) return 'a name cannot hold / or \\';
  if (name === '.' || name === '..') return 'a name cannot be . or ..';
  // Annotators are keys of plain objects in exports and agreement tables.
  if (name === '__proto__') return 'a name cannot be __proto__';
  return null;
}

/**
 * `resolveAnnotator`, refusing a name given with control characters, invisible characters,
 * space at either end, a path separator or `__proto__`, as `margin import` refuses it in a file:
 * it was cleaned quietly, so `$'\e]52;c;Zm9v\a'` tagged as a third annotator `]52;c;Zm9v` nobody
 * chose. Only the names a person gives are checked (the flag, `MARGIN_ANNOTATOR`, the project's
 * `annotator`); the login name is taken as the system keeps it. Status 2, one line.
 */
export function givenAnnotator(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  context?: ProjectContext,
): string {
  const given: Array<[string | undefined, string]> = [
    [flag, '--annotator'],
    [env.MARGIN_ANNOTATOR, 'MARGIN_ANNOTATOR'],
    [context?.annotator, `"annotator" in ${oneName(context?.shown ?? 'margin.json')}`],
  ];
  for (const [name, where] of given) {
    if (name === undefined || name === '') continue;
    const problem = annotatorNameProblem(name);
    if (problem !== null)
      throw new CannotRun(`${where} "${oneName(name)}" is not a usable annotator name: ${problem}`);
    break;
  }
  try {
    return resolveAnnotator(flag, context ? annotatorEnv(context, env) : env);
  } catch (error) {
    throw new CannotRun(error instanceof Error ? error.message : String(error));
  }
}
