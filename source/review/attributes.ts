import { DEFAULT_LABELS, type LabelSet, labelOf } from '../store/labels.js';
import type { Label } from '../store/types.js';

/** One attribute a reviewer can fill in, keyed as it is stored in `Annotation.attributes`. */
export interface AttributeField {
  key: string;
  label: string;
  /** A fixed list the value is chosen from (←/→, or its first letters); free text without. */
  values?: readonly string[];
}

/**
 * The fields the project's labels on a sentence declare, in label order, without duplicates.
 * An attribute two labels share offers the values of both when both give a list. A label the
 * project no longer declares asks for nothing.
 */
export function fieldsFor(labels: Label[], set: LabelSet = DEFAULT_LABELS): AttributeField[] {
  const fields = new Map<string, AttributeField>();
  for (const label of labels) {
    for (const attribute of labelOf(set, label)?.attributes ?? []) {
      const known = fields.get(attribute.name);
      if (!known) {
        fields.set(attribute.name, {
          key: attribute.name,
          label: attribute.name,
          ...(attribute.values ? { values: attribute.values } : {}),
        });
      } else if (known.values && attribute.values) {
        fields.set(attribute.name, {
          ...known,
          values: [...new Set([...known.values, ...attribute.values])],
        });
      } else if (known.values) {
        fields.set(attribute.name, { key: known.key, label: known.label });
      }
    }
  }
  return [...fields.values()];
}

/**
 * Label → the attribute names the project's codebook gives it, for the labels it still names:
 * the store gives each annotation of a sentence only its own label's attributes from this.
 */
export function declaredBy(
  labels: readonly Label[],
  set: LabelSet = DEFAULT_LABELS,
): Record<string, string[]> {
  const declared: Record<string, string[]> = {};
  for (const label of labels) {
    const spec = labelOf(set, label);
    if (spec) declared[label] = spec.attributes.map(({ name }) => name);
  }
  return declared;
}
