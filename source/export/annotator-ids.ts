import { safeJson } from '../text/untrusted.js';
import { describeJsonError } from './import-errors.js';

/**
 * `--annotator-ids FILE`: which Label Studio user stands for which annotator, as a JSON object
 * `{"alice": 2, "bob": 5}`. Label Studio takes `completed_by` only as the id of one of its own
 * users, so a team that works in Label Studio writes its users' ids here; export and import
 * read the same file.
 */
export function parseAnnotatorIds(
  text: string,
): { ok: true; ids: Map<string, number> } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: `not valid JSON: ${describeJsonError(text)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'expected a JSON object of annotator names and user ids' };
  }
  const ids = new Map<string, number>();
  const owners = new Map<number, string>();
  for (const [name, id] of Object.entries(value)) {
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
      return { ok: false, message: `${safeJson(name)}: the id must be a whole number from 1` };
    }
    const owner = owners.get(id);
    if (owner !== undefined) {
      return {
        ok: false,
        message: `${safeJson(owner)} and ${safeJson(name)} have the same id ${id}`,
      };
    }
    owners.set(id, name);
    ids.set(name, id);
  }
  return { ok: true, ids };
}
