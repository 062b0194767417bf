import { declaredAttributes, type LabelSet } from '../store/labels.js';
import { visible } from '../text/untrusted.js';
import { bratPath } from './brat-names.js';
import { toIdentifier } from './identifiers.js';
import { htmlColour } from './label-colours.js';
import { escapeLine } from './line-escapes.js';
import { compare, type Entry, groupByAnnotator, labelName } from './model.js';
import { spanOf } from './spans.js';
import type { ExportSummary, FormatWriter } from './writer.js';

/** A label as a brat entity type (`Claim`). */
export const bratType = (label: string): string => toIdentifier(labelName(label));

/**
 * A brat collection, article by article: `ANNOTATOR/ARTICLE.txt` (the clean text, so brat's
 * code point offsets are the exported ones) and `.ann` for each annotator of the article (brat
 * has no notion of annotators, so each gets a folder, shown as a collection, and the import
 * reads the name back from it), and at the end `annotation.conf`, which brat looks up from the
 * folders below. Names are encoded (`brat-names.ts`); types, attribute names and values are
 * identifiers (`identifiers.ts`): brat values are typed tokens declared in annotation.conf, so
 * every value used is declared there, free text included. Notes are `AnnotatorNotes`, on one
 * line (`one-line.ts`). Orphans have no place in the `.txt` and are left out (counted).
 */
export function bratWriter(
  labels: LabelSet,
  summary: Pick<ExportSummary, 'skippedOrphans' | 'articleFiles'>,
): FormatWriter {
  const conf = bratConf(labels);
  return {
    start: () => '',
    article({ article, entries }, files) {
      for (const { annotator, entries: own } of groupByAnnotator(entries)) {
        const file = bratAnn(own);
        summary.skippedOrphans += file.orphans;
        conf.add(file);
        if (file.ann === null) continue;
        const path = bratPath(annotator, article.id);
        files.push({ path: `${path}.txt`, content: article.text });
        files.push({ path: `${path}.ann`, content: file.ann });
        summary.articleFiles++;
      }
      return '';
    },
    end(files) {
      files.push({ path: 'annotation.conf', content: conf.text() });
      files.push({ path: 'visual.conf', content: conf.visual() });
      return '';
    },
  };
}

/**
 * One annotator's `.ann` file of an article (null when every entry is an orphan), with what
 * `annotation.conf` declares of it: the labels and the attribute values it uses. It depends on
 * the entries alone, not on the project's labels, so a kept one holds while its file does.
 */
export interface BratAnn {
  ann: string | null;
  orphans: number;
  /** Every label it uses, in order of first use. */
  labels: string[];
  /** Each attribute's values it uses, in order of first use. */
  values: Array<[name: string, values: string[]]>;
}

/** The annotator's entries of one article (in `byPosition` order) as brat's `.ann` text. */
export function bratAnn(own: readonly Entry[]): BratAnn {
  const lines: string[] = [];
  const labels = new Set<string>();
  const values = new Map<string, Set<string>>();
  let orphans = 0;
  let t = 0;
  let a = 0;
  let n = 0;
  for (const entry of own) {
    const span = spanOf(entry);
    if (!span) {
      orphans++;
      continue;
    }
    const { label, note, attributes } = entry.annotation;
    labels.add(label);
    const id = `T${++t}`;
    const { fragments, text } = bratSpan(span.start, span.text);
    lines.push(`${id}\t${bratType(label)} ${fragments}\t${text}`);
    const sorted = Object.entries(attributes ?? {}).sort(([x], [y]) => compare(x, y));
    for (const [name, value] of sorted) {
      lines.push(`A${++a}\t${toIdentifier(name)} ${id} ${toIdentifier(value)}`);
      let seen = values.get(name);
      if (!seen) {
        seen = new Set();
        values.set(name, seen);
      }
      seen.add(value);
    }
    if (note) lines.push(`#${++n}\tAnnotatorNotes ${id}\t${escapeLine(note)}`);
  }
  return {
    ann: t === 0 ? null : `${lines.join('\n')}\n`,
    orphans,
    labels: [...labels],
    values: [...values].map(([name, seen]) => [name, [...seen]]),
  };
}

/** What `annotation.conf` declares, gathered from every file written. */
export function bratConf(labels: LabelSet) {
  const unknownLabels = new Set<string>();
  const values = new Map<string, Set<string>>();
  const known = new Set(labels.map((label) => label.name));
  return {
    add(file: Pick<BratAnn, 'labels' | 'values'>) {
      for (const label of file.labels) if (!known.has(label)) unknownLabels.add(label);
      for (const [name, used] of file.values) {
        let seen = values.get(name);
        if (!seen) {
          seen = new Set();
          values.set(name, seen);
        }
        for (const value of used) seen.add(value);
      }
    },
    text: () => annotationConf(labels, unknownLabels, values),
    visual: () => visualConf(labels, unknownLabels, values),
  };
}

/**
 * brat's text-bound span: a sentence that crosses a line break becomes several fragments
 * (`0 5;6 10`), since brat requires the text field to be one line.
 */
function bratSpan(start: number, text: string): { fragments: string; text: string } {
  const parts: string[] = [];
  const pieces: string[] = [];
  let offset = start;
  for (const line of text.split('\n')) {
    const length = [...line].length;
    if (length > 0) {
      parts.push(`${offset} ${offset + length}`);
      pieces.push(line);
    }
    offset += length + 1;
  }
  // The text field only shows the span (the offsets are what counts): kept to one safe line.
  return { fragments: parts.join(';'), text: visible(pieces.join(' ').replace(/[\r\t]/g, ' ')) };
}

/**
 * The entity types (the project's labels, then labels gone from it that annotations still
 * carry) and every attribute with the values it takes: the declared fixed values, then the
 * ones the annotations use. A free-text attribute nobody filled in has no value to declare and
 * is left out.
 */
function annotationConf(
  labels: LabelSet,
  unknownLabels: Set<string>,
  values: Map<string, Set<string>>,
): string {
  const declared = declaredAttributes(labels);
  const names = [...new Set([...declared.keys(), ...[...values.keys()].sort(compare)])];
  const attributes: string[] = [];
  for (const name of names) {
    const all = [
      ...new Set([
        ...(declared.get(name)?.values ?? []),
        ...[...(values.get(name) ?? [])].sort(compare),
      ]),
    ];
    if (all.length === 0) continue;
    attributes.push(
      `${toIdentifier(name)}\tArg:<ENTITY>, Value:${all.map(toIdentifier).join('|')}`,
    );
  }
  // Once each: a label spelt as a codebook one but for its first letter's case (`Claim` beside
  // `claim`) is the same type to brat, which a store written before `relabel` refused it holds.
  const types = new Set([
    ...labels.map((label) => bratType(label.name)),
    ...[...unknownLabels].sort(compare).map(bratType),
  ]);
  return [
    '[entities]',
    ...types,
    '',
    '[relations]',
    // One sentence may carry several labels: allow spans that coincide exactly.
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:equal',
    '',
    '[events]',
    '',
    '[attributes]',
    ...attributes,
    '',
  ].join('\n');
}

/**
 * brat's `visual.conf`: what brat shows for the encoded names `annotation.conf` declares. Its
 * `[labels]` section gives each label and attribute name its display form (`Frame-2Deconomic |
 * Frame-economic`, a label's codebook letter as the short form), its `[drawing]` section each
 * codebook label its colour. brat shows an attribute's values by the names it declares, so
 * those stay encoded.
 */
function visualConf(
  labels: LabelSet,
  unknownLabels: Set<string>,
  values: Map<string, Set<string>>,
): string {
  const shown = (name: string) => visible(name.replace(/\s+/g, ' ')).replaceAll('|', '¦').trim();
  // One line a name: a label and an attribute of the same name are one name to brat.
  const named = new Set<string>();
  const line = (type: string, ...forms: string[]) => {
    const given = forms.map(shown).filter((form) => form !== '');
    if (given.length === 0 || named.has(type)) return [];
    named.add(type);
    return [`${type} | ${given.join(' | ')}`];
  };
  const declared = declaredAttributes(labels);
  const names = [...new Set([...declared.keys(), ...[...values.keys()].sort(compare)])];
  const drawing = labels.flatMap((label) => {
    const colour = htmlColour(label.colour);
    return colour ? [`${bratType(label.name)}\tbgColor:${colour}, borderColor:darken`] : [];
  });
  return [
    '[labels]',
    ...labels.flatMap((label) => line(bratType(label.name), labelName(label.name), label.letter)),
    ...[...unknownLabels].sort(compare).flatMap((name) => line(bratType(name), labelName(name))),
    ...names.flatMap((name) => line(toIdentifier(name), name)),
    '',
    '[drawing]',
    ...drawing,
    '',
  ].join('\n');
}
