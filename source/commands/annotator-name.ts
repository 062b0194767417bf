import { annotatorNameProblem, resolveAnnotator } from '../store/names.js';
import { oneName } from '../text/untrusted.js';
import { CannotRun } from './output.js';
import { annotatorEnv, type ProjectContext } from './project.js';

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
