import { DEFAULT_LABELS, type LabelSet, labelOf } from '../store/labels.js';
import type { Label } from '../store/types.js';
import { emptyRecord } from '../text/own.js';

/** One attribute a reviewer can fill in, keyed as it is stored in `Annotation.attributes`. */
export interface AttributeField {
  key: string;
  label: string;
  /** A fixed list the value is chosen from (←/→, or its first letters); free text without. */
  values?: readonly string[];
  /**
   * Set when the sentence's labels that declare this attribute do not give it the same list (one
   * a list, another another list or free text): each label's own, `values` undefined for free
   * text. A value goes only to the labels that take it (`labelsTaking`).
   */
  lists?: readonly { label: Label; values?: readonly string[] }[];
}

/**
 * The fields the project's labels on a sentence declare, in label order, without duplicates.
 * An attribute two labels share offers the values of both when both give a list (free text when
 * one does not); where their lists differ the field says each label's (`lists`), so that a value
 * one label's list lacks is stored on the others only (qa53: a claim's `misleading` went to the
 * figure, whose `verdict` is true or false). A label the project no longer declares asks for
 * nothing.
 */
export function fieldsFor(labels: Label[], set: LabelSet = DEFAULT_LABELS): AttributeField[] {
  const fields = new Map<string, AttributeField>();
  const lists = new Map<string, { label: Label; values?: readonly string[] }[]>();
  for (const label of labels) {
    for (const attribute of labelOf(set, label)?.attributes ?? []) {
      const own = lists.get(attribute.name);
      const list = { label, ...(attribute.values ? { values: attribute.values } : {}) };
      if (own) own.push(list);
      else lists.set(attribute.name, [list]);
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
  return [...fields.values()].map((field) => {
    const own = lists.get(field.key) ?? [];
    const same = own.every((list) => sameList(list.values, own[0]?.values));
    return same ? field : { ...field, lists: own };
  });
}

/**
 * The labels of a field whose lists differ that take this value (free text takes any), or null
 * when every label does. An empty value (the field cleared) is taken by all.
 */
export function labelsTaking(field: AttributeField, value: string): Label[] | null {
  if (!field.lists || value === '') return null;
  const taking = field.lists
    .filter((list) => !list.values || list.values.includes(value))
    .map((list) => list.label);
  return taking.length === field.lists.length ? null : taking;
}

/**
 * Label → the attributes it keeps as it has them in this save, because its list lacks the value
 * given (`AnnotationPatch.keepOn`); empty when every label takes every value.
 */
export function refusedBy(
  fields: readonly AttributeField[],
  values: Readonly<Record<string, string>>,
): Record<Label, string[]> {
  const refused = new Map<Label, string[]>();
  for (const field of fields) {
    const taking = labelsTaking(field, values[field.key] ?? '');
    if (!taking) continue;
    for (const { label } of field.lists ?? []) {
      if (!taking.includes(label)) refused.set(label, [...(refused.get(label) ?? []), field.key]);
    }
  }
  return Object.fromEntries(refused);
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((value) => b.includes(value));
}

/**
 * Label → the attribute names the project's codebook gives it, for the labels it still names:
 * the store gives each annotation of a sentence only its own label's attributes from this.
 */
export function declaredBy(
  labels: readonly Label[],
  set: LabelSet = DEFAULT_LABELS,
): Record<string, string[]> {
  const declared = emptyRecord<string[]>();
  for (const label of labels) {
    const spec = labelOf(set, label);
    if (spec) declared[label] = spec.attributes.map(({ name }) => name);
  }
  return declared;
}

/**
 * Label → the given attributes it takes: those its codebook entry declares, but a value its fixed
 * list lacks (the story view's copy of a claim's `misleading` onto a sentence tagged figure, whose
 * list is true, false: the figure keeps its own; qa53). A label the codebook no longer names
 * takes none, as in the attribute editor.
 */
export function takenBy(
  labels: readonly Label[],
  attributes: Readonly<Record<string, string>>,
  set: LabelSet = DEFAULT_LABELS,
): Record<Label, string[]> {
  return Object.fromEntries(
    labels.map((label) => {
      const own = labelOf(set, label)?.attributes ?? [];
      const names = Object.entries(attributes)
        .filter(([name, value]) => {
          const declared = own.find((attribute) => attribute.name === name);
          return declared !== undefined && (!declared.values || declared.values.includes(value));
        })
        .map(([name]) => name);
      return [label, names];
    }),
  );
}
