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
