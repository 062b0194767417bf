/**
 * The model as a file: versioned, key-ordered JSON with one weight per line, so the file an
 * annotator shares through git diffs by the weights that changed. Features are hashes: no
 * sentence text is in the file.
 */
import { whereJsonFailed } from '../store/parse.js';
import { emptyRecord } from '../text/own.js';
import { type Outcome, RECENT } from './cut.js';
import { FEATURE_BITS, FEATURE_VERSION } from './features.js';
import { createModel, type LabelModel, type SuggestModel } from './model.js';

export const MODEL_FORMAT = 'margin-suggest-model';
export const MODEL_VERSION = 2;

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  /** The features the weights belong to; another value means they must be learnt again. */
  features: number;
  bits: number;
  labels: Record<
    string,
    {
      bias: number;
      positives: number;
      negatives: number;
      /** Since version 2: the learnt cut and the recent decisions it was chosen over. */
      cut?: number;
      recent?: Outcome[];
      /** What the weights add on average over the recent decisions (0 in older files). */
      centre?: number;
      weights: Record<string, number>;
    }
  >;
  /** Corrected attribute values by key: `{ "speaker": { "Putin": "Vladimir Putin" } }`. */
  corrections?: Record<string, Record<string, string>>;
}

/** Why a model file was refused: corrupt, foreign, or written by a newer margin. */
export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

/** The model as JSON text; the same model always gives the same bytes. */
export function serialiseModel(model: SuggestModel): string {
  // Records with no prototype: on a `{}`, a label or attribute named `__proto__` set the
  // prototype instead of a key, and was gone from the file.
  const labels: ModelFile['labels'] = emptyRecord();
  for (const name of [...model.labels.keys()].sort()) {
    const learnt = model.labels.get(name)!;
    const weights = emptyRecord<number>();
    // Integer-like keys keep ascending order in every JavaScript engine.
    for (const feature of [...learnt.weights.keys()].sort((a, b) => a - b)) {
      weights[String(feature)] = learnt.weights.get(feature)!;
    }
    labels[name] = {
      bias: learnt.bias,
      positives: learnt.positives,
      negatives: learnt.negatives,
      cut: learnt.cut,
      recent: learnt.recent,
      centre: learnt.centre,
      weights,
    };
  }
  const corrections = emptyRecord<Record<string, string>>();
  for (const key of [...model.corrections.keys()].sort()) {
    const byValue = model.corrections.get(key)!;
    if (byValue.size === 0) continue;
    const values = emptyRecord<string>();
    for (const [from, to] of [...byValue.entries()].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    ))
      values[from] = to;
    corrections[key] = values;
  }
  const file: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    features: FEATURE_VERSION,
    bits: FEATURE_BITS,
    labels,
    corrections,
  };
  // The decisions on one line: they change with every decision and would drown the weights' diff.
  const text = JSON.stringify(
    file,
    (key, value) => (key === 'recent' && Array.isArray(value) ? JSON.stringify(value) : value),
    1,
  );
  return `${text.replace(/"recent": ("\[[^"]*\]")/g, (_, encoded: string) => `"recent": ${JSON.parse(encoded)}`)}\n`;
}

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * Reads a model file. A file learnt over other features gives an empty model with `stale: true`
 * (its weights would point at the wrong features): the caller may learn again from the store.
 */
export function parseModel(text: string): { model: SuggestModel; stale: boolean } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // Where it failed, never the text around it: the file may not be margin's at all.
    throw new ModelFileError(`not valid JSON${whereJsonFailed(text, error)}`);
  }
  const file = data as Partial<ModelFile> | null;
  if (!file || typeof file !== 'object' || file.format !== MODEL_FORMAT) {
    throw new ModelFileError(`not a ${MODEL_FORMAT} file`);
  }
  if (!isNumber(file.version)) throw new ModelFileError('"version" is not a number');
  if (file.version > MODEL_VERSION) {
    throw new ModelFileError(`written by a newer margin (version ${String(file.version)})`);
  }
  const model = createModel();
  // Corrections are words, not features: they survive a change of features.
  for (const [key, byValue] of Object.entries(file.corrections ?? {})) {
    if (!byValue || typeof byValue !== 'object')
      throw new ModelFileError(`corrections of ${JSON.stringify(key)} are malformed`);
    const values = new Map<string, string>();
    for (const [from, to] of Object.entries(byValue)) {
      if (typeof to !== 'string')
        throw new ModelFileError(`correction of ${JSON.stringify(from)} is not text`);
      values.set(from, to);
    }
    model.corrections.set(key, values);
  }
  if (file.features !== FEATURE_VERSION || file.bits !== FEATURE_BITS) {
    return { model, stale: true };
  }
  if (!file.labels || typeof file.labels !== 'object') throw new ModelFileError('no labels');
  for (const [name, stored] of Object.entries(file.labels)) {
    if (
      !stored ||
      !isNumber(stored.bias) ||
      !isNumber(stored.positives) ||
      !isNumber(stored.negatives) ||
      !stored.weights ||
      typeof stored.weights !== 'object'
    ) {
      throw new ModelFileError(`label ${JSON.stringify(name)} is malformed`);
    }
    const weights = new Map<number, number>();
    for (const [key, weight] of Object.entries(stored.weights)) {
      const feature = Number(key);
      if (!Number.isInteger(feature) || feature < 0 || !isNumber(weight)) {
        throw new ModelFileError(
          `label ${JSON.stringify(name)} has a bad weight ${JSON.stringify(key)}`,
        );
      }
      weights.set(feature, weight);
    }
    const recent = stored.recent ?? [];
    if (
      !Array.isArray(recent) ||
      !recent.every(
        (pair) => Array.isArray(pair) && isNumber(pair[0]) && (pair[1] === 0 || pair[1] === 1),
      ) ||
      (stored.cut !== undefined && !isNumber(stored.cut)) ||
      (stored.centre !== undefined && !isNumber(stored.centre))
    ) {
      throw new ModelFileError(`label ${JSON.stringify(name)} has malformed decisions`);
    }
    const learnt: LabelModel = {
      bias: stored.bias,
      positives: stored.positives,
      negatives: stored.negatives,
      weights,
      recent: recent.slice(-RECENT).map(([value, present]) => [value, present]),
      cut: stored.cut ?? 0,
      replay: [],
      centre: stored.centre ?? 0,
    };
    model.labels.set(name, learnt);
  }
  model.revision = [...model.labels.values()].reduce(
    (sum, l) => sum + l.positives + l.negatives,
    0,
  );
  return { model, stale: false };
}
