import {
  foldedName,
  LABEL_COLOURS,
  type LabelDefinition,
  type LabelSet,
  reservedLabelName,
} from '../store/labels.js';
import { hasConflictMarkers, whereJsonFailed } from '../store/parse.js';
import { LIMITS } from '../store/schema.js';
import * as z from '../text/schema.js';
import stringWidth from '../text/string-width.js';
import { oneLine, oneName } from '../text/untrusted.js';
import { firstRepeatedKey } from './repeated-key.js';

/** The project file's name, looked for in the current folder and each one above it. */
export { PROJECT_FILE } from './file-name.js';

/** A project as margin uses it, paths still as the file gives them (relative to it). */
export interface Project {
  corpus: string;
  store: string;
  annotator: string | null;
  labels: LabelSet;
  /** A Markdown file shown in the review under a key, relative to the project file. */
  guidelines: string | null;
  /** Action name → the keys that do it, replacing the default keys (`review/project.ts`). */
  keys: Record<string, string[]>;
}

const CONTROL = /[\p{Cc}\p{Cf}]/u;
const oneLineText = (what: string, max: number, min = 0) =>
  z.string().check(
    ...(min > 0 ? [z.minLength(min)] : []),
    z.maxLength(max, `${what} holds at most ${max} characters`),
    z.refine(
      (text) => !CONTROL.test(text) && !/[\r\n]/.test(text),
      `${what} is one line of plain text`,
    ),
  );

/** A label name travels into every export (brat types, Label Studio values): plain words. */
const LABEL_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

/** One key a person presses: a character, `Ctrl+X` or `Space`. */
const KEY = /^(?:Space|Ctrl\+[A-Za-z]|[^\p{Cc}\p{Cf}\s])$/u;

/**
 * Ctrl combinations a terminal sends as another key's byte: Ctrl+M is Return, Ctrl+I Tab, Ctrl+J
 * a newline (read as Return) and Ctrl+H Backspace in many terminals. A label on one of them could
 * never be tagged by its key (qa50: Ctrl+M jumped to the next untagged sentence instead).
 */
const TERMINAL_TWINS: Readonly<Record<string, string>> = {
  M: 'Enter',
  I: 'Tab',
  J: 'Enter',
  H: 'Backspace',
};

const keySchema = z.string().check(
  z.refine((key) => KEY.test(key), 'expected one key: a character, Ctrl+X or Space'),
  z.refine(
    (key) => !/^Ctrl\+[hijmHIJM]$/.test(key),
    `a terminal sends ${Object.entries(TERMINAL_TWINS)
      .map(([letter, twin]) => `Ctrl+${letter} as ${twin}`)
      .join(', ')}: choose another key`,
  ),
);

const attributeSchema = z.strictObject({
  name: z.string().check(
    z.minLength(1, 'an attribute needs a name'),
    z.maxLength(
      LIMITS.attributeNameCharacters,
      `an attribute name holds at most ${LIMITS.attributeNameCharacters} characters`,
    ),
    z.refine((name) => !CONTROL.test(name) && !/\s/.test(name), 'an attribute name is one word'),
    // Every object of the program already answers to these (`constructor`, `toString`,
    // `__proto__`…): an attribute so named read as a function where no value was set, and `a`
    // on such a label crashed the review (qa51).
    z.refine(
      (name) => !(name in Object.prototype),
      'is a name margin cannot give an attribute (every object has one); choose another',
    ),
  ),
  values: z.optional(
    z
      .array(
        oneLineText('a value', LIMITS.attributeValueCharacters).check(
          z.refine((value) => value.trim() !== '', 'a value is not empty'),
        ),
      )
      .check(z.minLength(1, 'a list of values holds at least one')),
  ),
});

/**
 * The labels margin's suggestion rules are written for: a label of another name takes them with
 * `"rules"` (a renamed quote keeps its rules and speakers).
 */
const RULE_LABELS = ['claim', 'quote', 'event'];

const labelSchema = z.strictObject({
  name: z.string().check(
    z.minLength(1, 'a label needs a name'),
    z.maxLength(
      LIMITS.labelNameCharacters,
      `a label name holds at most ${LIMITS.labelNameCharacters} characters`,
    ),
    z.refine(
      (name) => name === '__proto__' || LABEL_NAME.test(name),
      'a label name is letters, digits, "-", "_" or "." (claim, frame-economic)',
    ),
    // Letters and "_" it is, but every object of the program has one: said as for an attribute
    // (qa54: it was refused as not letters and digits, which it is).
    z.refine(
      (name) => name !== '__proto__',
      'is a name margin cannot give a label (every object has one); choose another',
    ),
    z.refine(
      (name) => reservedLabelName(name) === null,
      'a label cannot be named "none": label:none in a query means the sentences nobody has labelled',
    ),
  ),
  key: keySchema,
  colour: z
    .string()
    .check(
      z.refine(
        (colour) => colour in LABEL_COLOURS,
        `expected one of ${Object.keys(LABEL_COLOURS).join(', ')}`,
      ),
    ),
  letter: z.string().check(
    z.refine((letter) => /^[\p{L}\p{N}]$/u.test(letter), 'a letter is one letter or digit'),
    // The review's gutter gives a label's letter one column: a wide one (漢, Ｃ) would push
    // the sentence beside it out of line.
    z.refine(
      (letter) => !/^[\p{L}\p{N}]$/u.test(letter) || stringWidth(letter) === 1,
      'a letter takes one column on screen: this one takes two',
    ),
  ),
  description: z._default(oneLineText('a description', 120), ''),
  rules: z.optional(
    z
      .string()
      .check(
        z.refine(
          (rules) => RULE_LABELS.includes(rules),
          `expected the name of margin's rules: ${RULE_LABELS.join(', ')}`,
        ),
      ),
  ),
  attributes: z._default(
    z
      .array(attributeSchema)
      .check(
        z.maxLength(LIMITS.attributes, `a label holds at most ${LIMITS.attributes} attributes`),
      ),
    [],
  ),
});

/** Labels a project holds at most: one key each, 1–9, a–z. */
const MOST_LABELS = 36;

const pathSchema = z.string().check(
  z.minLength(1, 'expected a path'),
  z.refine((path) => !CONTROL.test(path), 'a path has no control characters'),
);

const fileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  corpus: z._default(pathSchema, 'seeds'),
  store: z._default(pathSchema, 'annotations'),
  annotator: z.optional(oneLineText('an annotator name', 200, 1)),
  guidelines: z.optional(pathSchema),
  labels: z.optional(
    z
      .array(labelSchema)
      .check(
        z.minLength(1, 'a project needs at least one label'),
        z.maxLength(MOST_LABELS, `a project holds at most ${MOST_LABELS} labels`),
      ),
  ),
  keys: z._default(
    z.record(z.string(), z.union([keySchema, z.array(keySchema).check(z.minLength(1))])),
    {},
  ),
});

/** Where in the file a problem is: `labels[3].key`. */
function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

/**
 * A project file margin cannot use: each problem one line naming the file and the key, all of
 * them at once (qa54: five bad labels took five runs to see).
 */
export class ProjectError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** Problems said of one file at most: a pasted list of 10,000 labels is not 10,000 lines. */
const MOST_PROBLEMS = 20;

/** A label as far as telling labels apart goes; the raw file's entries when they are not valid. */
type Distinct = Pick<LabelDefinition, 'name' | 'key' | 'letter'> & {
  attributes: ReadonlyArray<{ name: string; values?: readonly string[] | undefined }>;
};

/** The file's labels with the fields `duplicates` reads, from JSON that did not pass the schema. */
function looseLabels(json: unknown): Distinct[] {
  const labels = (json as { labels?: unknown } | null)?.labels;
  // Too many labels is the problem to fix first; their likeness would bury it.
  if (!Array.isArray(labels) || labels.length > MOST_LABELS) return [];
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return labels.map((entry: unknown) => {
    const label = (entry !== null && typeof entry === 'object' ? entry : {}) as Record<
      string,
      unknown
    >;
    const attributes = Array.isArray(label.attributes) ? label.attributes : [];
    return {
      name: text(label.name),
      key: text(label.key),
      letter: text(label.letter),
      attributes: attributes.map((attribute: unknown) => {
        const own = (attribute ?? {}) as { name?: unknown; values?: unknown };
        const values = Array.isArray(own.values)
          ? own.values.filter((v) => typeof v === 'string')
          : [];
        return { name: text(own.name), values };
      }),
    };
  });
}

/** Labels that share what must tell them apart: name, key, letter. */
function duplicates(labels: readonly Distinct[]): string[] {
  const problems: string[] = [];
  for (const field of ['name', 'key', 'letter'] as const) {
    const seen = new Map<string, string>();
    for (const [index, label] of labels.entries()) {
      const value = field === 'name' ? label.name : label[field];
      // Missing or of the wrong kind: the schema says so.
      if (value === '') continue;
      // Names as a query reads them: `Frame` beside `frame`, or `x_y` beside `x-y`, were two
      // labels here and one in every filter and in Label Studio's and brat's configs.
      const told = field === 'name' ? foldedName(value) : value;
      const owner = seen.get(told);
      if (owner !== undefined) {
        problems.push(
          field === 'name' && owner !== value
            ? `labels[${index}].name: "${value}" reads as "${owner}" in a query (case, -, _ and spaces do not count): name it apart`
            : `labels[${index}].${field}: "${value}" is already the ${field} of ${owner}`,
        );
        continue;
      }
      seen.set(told, label.name);
    }
  }
  for (const [index, label] of labels.entries()) {
    const names = new Set<string>();
    for (const [at, attribute] of label.attributes.entries()) {
      if (attribute.name !== '' && names.has(attribute.name)) {
        problems.push(
          `labels[${index}].attributes[${at}].name: ${label.name} already has an attribute "${attribute.name}"`,
        );
      }
      names.add(attribute.name);
      const values = attribute.values ?? [];
      const twice = values.find((value, i) => values.indexOf(value) !== i);
      if (twice !== undefined) {
        problems.push(`labels[${index}].attributes[${at}].values: "${twice}" is listed twice`);
      }
    }
  }
  return problems;
}

/** The problems as lines naming `file`, at most `MOST_PROBLEMS` and a line saying how many more. */
export function problemLines(file: string, problems: readonly string[]): string[] {
  const lines = problems
    .slice(0, MOST_PROBLEMS)
    .map((problem) => `${oneName(file)}: ${oneLine(problem)}`);
  const more = problems.length - MOST_PROBLEMS;
  if (more > 0) lines.push(`${oneName(file)}: ${more} more problem${more === 1 ? '' : 's'}`);
  return lines;
}

/** What zod says of one issue, in the file's words: `labels[3].key: expected one key…`. */
function issueText(json: unknown, issue: z.core.$ZodIssue): string[] {
  const where = pathText(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      where ? `${where}: unknown key "${key}"` : `unknown key "${key}"`,
    );
  }
  const message =
    issue.code === 'invalid_type'
      ? absent(json, issue.path)
        ? 'missing'
        : issue.message.replace(/^Invalid input: /, '')
      : issue.message;
  return [where ? `${where}: ${message}` : message];
}

/**
 * Whether the value at `path` is left out of the file, rather than of the wrong kind: zod reports
 * no input, so `[]`, `null` or `"corpus": 5` all read as "missing" when it was asked.
 */
function absent(json: unknown, path: readonly PropertyKey[]): boolean {
  let value = json;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return false;
    if (!Object.hasOwn(value, key)) return true;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}

/**
 * The project file's text as a project, or a `ProjectError` whose message names `file` and the
 * key that is wrong. `defaults` are margin's own labels, used when the file names none.
 */
export function parseProject(text: string, file: string, defaults: LabelSet): Project {
  const fail = (...problems: string[]): never => {
    throw new ProjectError(problemLines(file, problems));
  };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // The file a team most often changes together: a merge's markers are named as in the store.
    if (hasConflictMarkers(text)) {
      return fail(
        'holds unresolved git conflict markers (<<<<<<<): keep the labels and keys of both sides, then run margin again',
      );
    }
    // Where, never V8's words, which quote the text: `--project` may name a file not margin's.
    return fail(`not valid JSON${whereJsonFailed(text.replace(/^\uFEFF/, ''), error)}`);
  }
  const repeated = firstRepeatedKey(text);
  if (repeated) {
    const where = pathText(repeated.path);
    const said = `${JSON.stringify(repeated.key)} is given twice (JSON keeps only the last): keep one`;
    return fail(where ? `${where}: ${said}` : said);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    // Every problem, the first of each place only: a name both too long and of other characters
    // is one thing to fix there. Labels alike are said too, as far as the file lets them be read.
    const said = new Set<string>();
    const problems: string[] = [];
    for (const issue of parsed.error.issues) {
      const where = pathText(issue.path);
      if (issue.code !== 'unrecognized_keys' && said.has(where)) continue;
      said.add(where);
      problems.push(...issueText(json, issue));
    }
    return fail(...problems, ...duplicates(looseLabels(json)));
  }
  const data = parsed.data;
  const labels: LabelDefinition[] = (data.labels ?? defaults).map((label) => ({
    name: label.name,
    key: label.key,
    colour: label.colour,
    letter: label.letter,
    description: label.description,
    attributes: label.attributes.map((attribute) =>
      attribute.values
        ? { name: attribute.name, values: attribute.values }
        : { name: attribute.name },
    ),
    ...(label.rules !== undefined ? { rules: label.rules } : {}),
  }));
  const problems = duplicates(labels);
  if (problems.length > 0) fail(...problems);
  return {
    corpus: data.corpus,
    store: data.store,
    annotator: data.annotator ?? null,
    // margin's own set unchanged, so that a project that names none looks like no project.
    labels: data.labels ? labels : defaults,
    guidelines: data.guidelines ?? null,
    keys: Object.fromEntries(
      Object.entries(data.keys).map(([name, keys]) => [
        name,
        typeof keys === 'string' ? [keys] : keys,
      ]),
    ),
  };
}

/**
 * What `margin init` writes: margin's defaults, every key spelled out so it can be edited;
 * `corpus` is the folder it found (or one to create or edit).
 */
export function defaultProjectText(defaults: LabelSet, corpus = 'seeds'): string {
  const project = {
    corpus,
    store: 'annotations',
    labels: defaults.map((label) => ({
      name: label.name,
      key: label.key,
      colour: label.colour,
      letter: label.letter,
      description: label.description,
      attributes: label.attributes.map((attribute) => ({ ...attribute })),
    })),
    keys: {},
  };
  return `${JSON.stringify(project, null, 2)}\n`;
}
