import type { Label } from '../store/types.js';

/** One attribute a reviewer can fill in, keyed as it is stored in `Annotation.attributes`. */
export interface AttributeField {
  key: string;
  label: string;
}

/** Who said a quote, who made a claim, when and where an event happened. */
export const ATTRIBUTE_FIELDS: Record<Label, AttributeField[]> = {
  claim: [{ key: 'claimant', label: 'claimant' }],
  quote: [{ key: 'speaker', label: 'speaker' }],
  event: [
    { key: 'when', label: 'when' },
    { key: 'where', label: 'where' },
  ],
};

/** The fields for every label on a sentence, in label order, without duplicates. */
export function fieldsFor(labels: Label[]): AttributeField[] {
  const seen = new Set<string>();
  const fields: AttributeField[] = [];
  for (const label of labels) {
    for (const field of ATTRIBUTE_FIELDS[label]) {
      if (seen.has(field.key)) continue;
      seen.add(field.key);
      fields.push(field);
    }
  }
  return fields;
}
