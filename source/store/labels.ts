import { oneName } from '../text/untrusted.js';
import { truncate } from '../text/width.js';
/**
 * A project's labels: what reviewers tag sentences with, and the attributes each label asks for.
 * Exports and imports take the set as a parameter, so a project that renames, adds or removes a
 * label exports and imports its own; `DEFAULT_LABELS` is margin's own set.
 */
export interface LabelAttribute {
  name: string;
  /** A fixed list of values; free text when absent. */
  values?: readonly string[];
}

export interface LabelDefinition {
  /** As stored in `Annotation.label`. */
  name: string;
  /** The key that toggles it in the review. */
  key: string;
  colour: string;
  /** One letter for the reader's margin and the compare view. */
  letter: string;
  description: string;
  attributes: readonly LabelAttribute[];
  /**
   * The built-in rules (`claim`, `quote`, `event`) that suggest the label when its name is
   * another: margin.json's `"rules"`, for a renamed built-in label (`citation` for `quote`).
   */
  rules?: string | undefined;
}

export type LabelSet = readonly LabelDefinition[];

export const DEFAULT_LABELS: LabelSet = [
  {
    name: 'claim',
    key: '1',
    colour: 'yellow',
    letter: 'C',
    description: 'a statement of fact that can be checked',
    attributes: [{ name: 'claimant' }],
  },
  {
    name: 'quote',
    key: '2',
    colour: 'cyan',
    letter: 'Q',
    description: 'words someone said, in quotation marks or reported',
    attributes: [{ name: 'speaker' }],
  },
  {
    name: 'event',
    key: '3',
    colour: 'magenta',
    letter: 'E',
    description: 'something that happened, or will, at a time and place',
    attributes: [{ name: 'when' }, { name: 'where' }],
  },
];

/**
 * Every attribute the set declares, once, in the order the labels declare them. An attribute
 * two labels share has a fixed list only when both give one (the union of both).
 */
export function declaredAttributes(labels: LabelSet): Map<string, LabelAttribute> {
  const declared = new Map<string, LabelAttribute>();
  for (const label of labels) {
    for (const attribute of label.attributes) {
      const known = declared.get(attribute.name);
      if (!known) {
        declared.set(attribute.name, attribute);
      } else if (known.values && attribute.values) {
        const values = [...new Set([...known.values, ...attribute.values])];
        declared.set(attribute.name, { name: attribute.name, values });
      } else if (known.values) {
        declared.set(attribute.name, { name: attribute.name });
      }
    }
  }
  return declared;
}

/** The letter a label no longer in the project is shown with: it stays readable, marked unknown. */
export const UNKNOWN_LETTER = '?';

/** The set's definition of a label, or undefined for one the project no longer declares. */
export function labelOf(labels: LabelSet, name: string): LabelDefinition | undefined {
  return labels.find((label) => label.name === name);
}

/** A label's letter, `?` for an unknown one. */
export function letterOf(labels: LabelSet, name: string): string {
  return labelOf(labels, name)?.letter ?? UNKNOWN_LETTER;
}

/** Longest name shown for a label the codebook no longer lists, beside its count. */
const STRAY_NAME = 16;

/**
 * A label as counts name it (header, list rows): its letter, or for one the codebook no longer
 * lists `?` and its name, so that two such labels are told apart (qa50: `? 1  ? 1`). The name is
 * the store's, so it is escaped as every name on screen is (a store can be edited by hand).
 */
export function countLetter(labels: LabelSet, name: string): string {
  const label = labelOf(labels, name);
  if (label) return label.letter;
  return `${UNKNOWN_LETTER}${strayName(name)}`;
}

/**
 * A label and its count as the list and the header show it: `C2` (`C 2` spaced), and a label the
 * codebook no longer lists by name, its count set apart (a name may end in a digit): `?quote 2`.
 * A letter that is a digit is set apart from its count by a colon (`1:0`, `1: 0` spaced): side
 * by side, `1 0  2 1` read as numbers (qa57).
 */
export function labelCount(labels: LabelSet, name: string, count: number, spaced = false): string {
  const known = labelOf(labels, name) !== undefined;
  const letter = countLetter(labels, name);
  const colon = known && /^\p{N}$/u.test(letter) ? ':' : '';
  return `${letter}${colon}${spaced || !known ? ' ' : ''}${count}`;
}

function strayName(name: string): string {
  return truncate(oneName(name), STRAY_NAME);
}

/**
 * How a suggested label is drawn in its column: its letter in lower case, which reads apart from
 * the stored label without colour. A letter with no lower case of its own would read as the
 * label itself under NO_COLOR: a digit is drawn raised (`1` → `¹`), a lower-case letter as its
 * small raised form (`c` → `ᶜ`), and only a letter with neither (`q`, `ß`) as `·`. Every one of
 * them as `·`, two labels suggested on a sentence read alike (qa57: `··`).
 */
export function suggestedLetter(letter: string): string {
  const lower = letter.toLowerCase();
  if (lower !== letter) return lower;
  return RAISED[letter] ?? SUGGESTED_CASELESS;
}

export const SUGGESTED_CASELESS = '·';

/** Raised forms of the digits and of the lower-case letters Unicode has one for (not `q`). */
const RAISED: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, string>,
    Object.fromEntries(
      [...'0123456789abcdefghijklmnoprstuvwxyz'].map((plain, at) => [
        plain,
        [...'⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ'][at]!,
      ]),
    ),
  ),
);

/**
 * Label names in the set's order, then names the set does not declare (removed from the project,
 * or typed into a store by hand) in code-point order: they are kept and shown, never dropped.
 */
export function sortLabelNames(labels: LabelSet, names: Iterable<string>): string[] {
  const present = new Set(names);
  const known = labels.map((label) => label.name).filter((name) => present.has(name));
  const declared = new Set(known);
  const unknown = [...present].filter((name) => !declared.has(name)).sort();
  return [...known, ...unknown];
}

/** Every label name the set declares, then the unknown ones among `seen`. */
export function labelNamesWith(labels: LabelSet, seen: Iterable<string>): string[] {
  return sortLabelNames(labels, [...labels.map((label) => label.name), ...seen]);
}

/**
 * The colours a label may have: the terminal's sixteen, which every terminal with colour shows
 * (and the reviewer's theme may tune), with their SGR foreground codes.
 */
export const LABEL_COLOURS: Readonly<Record<string, number>> = {
  black: 30,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  white: 37,
  gray: 90,
  redBright: 91,
  greenBright: 92,
  yellowBright: 93,
  blueBright: 94,
  magentaBright: 95,
  cyanBright: 96,
  whiteBright: 97,
};

/**
 * A label name as a query reads it: case, and `-`, `_` or spaces between words, do not count
 * (`label:x_y` finds `x-y`). Two labels of one codebook must differ in this form, or a filter,
 * Label Studio's config and brat's conf would take one for the other.
 */
export function foldedName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/**
 * Why a name cannot be a label's, or null: `label:none` in a query means the sentences nobody has
 * labelled, so a label named "none" (in any case or spelling a query folds) could not be searched.
 */
export function reservedLabelName(name: string): string | null {
  return foldedName(name) === 'none'
    ? `"${name}" reads as label:none in a query, the sentences nobody has labelled: name it otherwise`
    : null;
}
