import { describe, expect, it } from 'vitest';
import { parseLabelStudioImport } from '../../source/export/import-label-studio.js';
import { labelStudioConfig } from '../../source/export/label-studio-config.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import { byCodePoints } from './fixture.js';
import { goldenStore } from './golden-fixture.js';
import { exportOf, exportText, importContext, jsonLines } from './helpers.js';

// Each format checked against what the receiving tool accepts on import, as its own import code
// and documentation state the rules (cited per test), on the seeds and a store's worth of
// annotations by three annotators.
const store = goldenStore();
const codePointLength = (text: string) => [...text].length;

/** The controls and objects of a labeling config, read as Label Studio reads the XML. */
function readConfig(xml: string) {
  const fromXml = (text: string) =>
    text
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
  const controls = new Map<string, { type: string; toName: string; values: Set<string> }>();
  const control = /<(Labels|TextArea|Choices) name="([^"]*)" toName="([^"]*)"[^>]*?(\/?)>/g;
  for (const match of xml.matchAll(control)) {
    const [, tag, name, toName, closed] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const body = closed ? '' : xml.slice(match.index, xml.indexOf(`</${tag}>`, match.index));
    const values = new Set(
      [...body.matchAll(/<(?:Label|Choice) value="([^"]*)"/g)].map((m) => fromXml(m[1]!)),
    );
    controls.set(fromXml(name), { type: tag.toLowerCase(), toName: fromXml(toName), values });
  }
  const objects = new Map(
    [...xml.matchAll(/<Text name="([^"]*)" value="\$([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  return { controls, objects };
}

describe('Label Studio reads the tasks as its import does', () => {
  // label_studio/tasks/serializers.py (BaseTaskSerializerBulk): an annotation keeps only these
  // keys; completed_by must be a user id (or {email}) or the whole import is refused.
  const KEPT = ['result', 'completed_by', 'ground_truth', 'was_cancelled', 'lead_time', 'id'];
  interface Result {
    from_name: string;
    to_name: string;
    type: string;
    value: {
      start: number;
      end: number;
      /** The span (labels), or the texts entered (textarea). */
      text: unknown;
      labels: string[];
      choices: string[];
    };
  }
  type Task = {
    data: Record<string, unknown>;
    annotations: Array<Record<string, unknown> & { result: Result[] }>;
  };

  it('has results whose from_name, to_name, type and value match the printed config', async () => {
    const tasks = JSON.parse(await exportText('label-studio', store)) as Task[];
    const { controls, objects } = readConfig(labelStudioConfig(DEFAULT_LABELS));
    let results = 0;
    for (const task of tasks) {
      for (const annotation of task.annotations) {
        expect(Number.isInteger(annotation.completed_by)).toBe(true);
        for (const result of annotation.result) {
          const control = controls.get(result.from_name)!;
          expect(control, result.from_name).toBeDefined();
          expect(result.to_name).toBe(control.toName);
          expect(result.type).toBe(control.type);
          const text = task.data[objects.get(result.to_name)!] as string;
          const { start, end } = result.value;
          expect(0 <= start && start < end && end <= codePointLength(text)).toBe(true);
          if (result.type === 'labels') {
            expect(byCodePoints(text, start, end)).toBe(result.value.text);
            for (const label of result.value.labels) expect(control.values).toContain(label);
          } else if (result.type === 'choices') {
            for (const choice of result.value.choices) expect(control.values).toContain(choice);
          } else {
            expect((result.value.text as unknown[]).every((line) => typeof line === 'string')).toBe(
              true,
            );
          }
          results++;
        }
      }
    }
    // Eleven placed annotations, and six attributes the labels declare.
    expect(results).toBe(11 + 6);
  });

  it('keeps who made what through Label Studio’s import and export', async () => {
    const tasks = JSON.parse(await exportText('label-studio', store)) as Task[];
    // What Label Studio stores and exports again: the task's data, and of each annotation the
    // keys it keeps.
    const stored = tasks.map((task) => ({
      data: task.data,
      annotations: task.annotations.map((annotation) =>
        Object.fromEntries(Object.entries(annotation).filter(([key]) => KEPT.includes(key))),
      ),
    }));
    const parsed = parseLabelStudioImport(JSON.stringify(stored, null, 1), importContext(store));
    expect(parsed.errors).toEqual([]);
    const who = (list: Array<{ annotator: string; label: string }>) =>
      list.map((a) => `${a.annotator}:${a.label}`).sort();
    expect(who(parsed.annotations.map((c) => c.annotation))).toEqual(
      who(store.annotations.filter((a) => a.placement !== null)),
    );
  });
});

describe('doccano reads the JSONL as its sequence-labeling import does', () => {
  // doccano's JSONL for sequence labeling: {"text": ..., "label": [[start, end, "LABEL"], ...]},
  // offsets into the Python string (code points); other keys become the document's metadata.
  it('has text and [start, end, label] triples selecting the sentences', async () => {
    const lines = jsonLines(await exportText('doccano', store)) as Array<{
      text: string;
      label: Array<[number, number, string]>;
    }>;
    expect(lines.length).toBeGreaterThan(0);
    const names = new Set(['Claim', 'Quote', 'Event']);
    for (const { text, label } of lines) {
      expect(typeof text).toBe('string');
      for (const [start, end, name] of label) {
        expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
        expect(0 <= start && start < end && end <= codePointLength(text)).toBe(true);
        expect(names).toContain(name);
      }
    }
  });

  it('counts the documents whose spans overlap, for the command to warn', async () => {
    // bob tagged one sentence claim and quote: doccano drops one unless overlaps are allowed.
    expect((await exportOf('doccano', store)).summary.overlapping).toBe(1);
  });
});

describe('Prodigy reads the tasks as db-in does', () => {
  // Prodigy's task format: "text", "spans" [{start, end, label}] in characters, "answer", and
  // the hashes it sets with set_hashes (32-bit integers): the same input, the same _input_hash.
  it('has text, spans, answer and 32-bit hashes that follow the input and the spans', async () => {
    const tasks = jsonLines(await exportText('prodigy', store)) as Array<{
      text: string;
      spans: Array<{ start: number; end: number; label: string }>;
      answer: string;
      _input_hash: number;
      _task_hash: number;
    }>;
    const inputs = new Map<string, number>();
    const taskHashes = new Set<number>();
    for (const task of tasks) {
      expect(['accept', 'reject', 'ignore']).toContain(task.answer);
      for (const hash of [task._input_hash, task._task_hash]) {
        expect(Number.isInteger(hash) && hash >= -(2 ** 31) && hash < 2 ** 31).toBe(true);
      }
      expect(inputs.get(task.text) ?? task._input_hash).toBe(task._input_hash);
      inputs.set(task.text, task._input_hash);
      taskHashes.add(task._task_hash);
      for (const span of task.spans) {
        expect(0 <= span.start && span.start < span.end).toBe(true);
        expect(span.end <= codePointLength(task.text)).toBe(true);
        expect(['CLAIM', 'QUOTE', 'EVENT']).toContain(span.label);
      }
    }
    // Different spans on one text: different tasks.
    expect(taskHashes.size).toBe(tasks.length);
  });
});

describe('brat reads the folder as its standoff parser does', () => {
  // brat's standoff format: T lines "ID\tTYPE START END[;START END]*\tTEXT", A lines
  // "ID\tNAME TARGET [VALUE]", notes "#ID\tAnnotatorNotes TARGET\tTEXT"; every type, attribute and
  // value declared in annotation.conf, whose names are tokens without space, | , : = < >.
  const TOKEN = /^[^\s|,:=<>]+$/;

  it('writes only lines of the grammar, with declared types, attributes and values', async () => {
    const { files } = await exportOf('brat', store);
    const conf = files.get('annotation.conf')!;
    const sections = conf.split(/^\[(\w+)\]$/m);
    expect(sections.filter((_, i) => i % 2 === 1)).toEqual([
      'entities',
      'relations',
      'events',
      'attributes',
    ]);
    const section = (name: string) =>
      sections[sections.indexOf(name) + 1]!.split('\n').filter((line) => line !== '');
    const types = new Set(section('entities'));
    const attributes = new Map(
      section('attributes').map((line) => {
        const [name, spec] = line.split('\t') as [string, string];
        return [name, new Set(spec.replace(/^Arg:<ENTITY>, Value:/, '').split('|'))];
      }),
    );
    for (const name of [
      ...types,
      ...attributes.keys(),
      ...[...attributes.values()].flatMap((v) => [...v]),
    ]) {
      expect(name).toMatch(TOKEN);
    }
    let lines = 0;
    for (const [path, ann] of files) {
      if (!path.endsWith('.ann')) continue;
      const txt = files.get(path.replace(/\.ann$/, '.txt'))!;
      for (const line of ann.trimEnd().split('\n')) {
        lines++;
        const bound = /^T\d+\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(line);
        const attribute = /^A\d+\t(\S+) T\d+ (\S+)$/.exec(line);
        const note = /^#\d+\tAnnotatorNotes T\d+\t[^\t]*$/.exec(line);
        expect(bound ?? attribute ?? note, line).not.toBeNull();
        if (bound) {
          expect(types).toContain(bound[1]);
          const pieces = bound[2]!.split(';').map((fragment) => {
            const [start, end] = fragment.split(' ').map(Number) as [number, number];
            return byCodePoints(txt, start, end);
          });
          expect(pieces.join(' ')).toBe(bound[3]);
        }
        if (attribute) expect(attributes.get(attribute[1]!)).toContain(attribute[2]);
      }
    }
    expect(lines).toBeGreaterThan(11);
  });
});

describe('the W3C collection has what the Web Annotation data model requires', () => {
  // https://www.w3.org/TR/annotation-model/: a collection and a page MUST have an id (IRI) and
  // type; an annotation MUST have @context (on the top-level object), an id, type "Annotation"
  // and a target; a target's source is an IRI; a TextualBody has a value.
  const IRI = /^[a-z][a-z0-9+.-]*:\S+$/;

  it('has ids, types, targets and bodies where the model requires them', async () => {
    const collection = JSON.parse(await exportText('w3c', store));
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toMatch(IRI);
    const page = collection.first;
    expect(page).toMatchObject({ type: 'AnnotationPage', partOf: collection.id, startIndex: 0 });
    expect(page.id).toMatch(IRI);
    expect(page.items).toHaveLength(collection.total);
    expect(collection.total).toBe(store.annotations.length);
    for (const item of page.items) {
      expect(item.type).toBe('Annotation');
      expect(item.id).toMatch(IRI);
      expect(item.target.source).toMatch(IRI);
      for (const selector of item.target.selector) {
        expect(['TextQuoteSelector', 'TextPositionSelector']).toContain(selector.type);
      }
      for (const body of item.body) {
        expect(body.type).toBe('TextualBody');
        expect(typeof body.value).toBe('string');
        expect(['tagging', 'commenting', 'describing']).toContain(body.purpose);
      }
      expect(Number.isNaN(Date.parse(item.created))).toBe(false);
    }
  });
});
