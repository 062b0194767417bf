import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenStore } from './golden-fixture.js';
import { exportOf, exportText, jsonLines, parseCsv } from './helpers.js';

// Today's streaming output against what the formatters wrote before they streamed (captured
// in golden/before.*): the same bytes, except where a format was changed on purpose, and then
// everything but that change is the same.
const previous = (name: string) => readFile(join(import.meta.dirname, 'golden', name), 'utf8');

describe('streaming exports against the earlier, all-in-memory ones', () => {
  it('jsonl: the same bytes', async () => {
    expect(await exportText('jsonl', goldenStore())).toBe(await previous('before.jsonl'));
  });

  it('w3c: the same collection, with its id and total after the items so it can stream', async () => {
    const now = await exportText('w3c', goldenStore());
    // Changed on purpose since: an orphan has no TextPositionSelector (its offsets counted an
    // older text), and the collection's id, made from what it holds, follows.
    const withoutIds = (text: string) => text.replaceAll(/urn:margin:collection:[0-9a-f]+/g, 'C');
    const old = JSON.parse(withoutIds(await previous('before.w3c')));
    for (const item of old.first.items) {
      if (item.orphan) {
        item.target.selector = item.target.selector.filter(
          (selector: { type: string }) => selector.type !== 'TextPositionSelector',
        );
      }
    }
    expect(JSON.parse(withoutIds(now))).toEqual(old);
    // One annotation per line, as before.
    expect(now.split('\n')).toHaveLength((await previous('before.w3c')).split('\n').length);
  });

  it('csv: the same rows; attribute columns are the labels’ own, others in `attributes`', async () => {
    const now = parseCsv(await exportText('csv', goldenStore()));
    const old = parseCsv(await previous('before.csv'));
    expect(now).toHaveLength(old.length);
    const oldHeader = old[0]!;
    const nowHeader = now[0]!;
    expect(nowHeader.slice(20)).toEqual([
      'attribute:claimant',
      'attribute:speaker',
      'attribute:when',
      'attribute:where',
      'attributes',
    ]);
    for (let row = 1; row < old.length; row++) {
      const oldCells = new Map(oldHeader.map((name, i) => [name, old[row]![i]!]));
      const nowCells = new Map(nowHeader.map((name, i) => [name, now[row]![i]!]));
      for (const [name, value] of oldCells) {
        if (name === 'attribute:verdict') continue;
        expect(nowCells.get(name)).toBe(value);
      }
      const verdict = oldCells.get('attribute:verdict');
      expect(nowCells.get('attributes')).toBe(verdict ? JSON.stringify({ verdict }) : '');
    }
  });

  it('prodigy: the same tasks, plus Prodigy’s hashes, the annotator and each span’s meta', async () => {
    const now = jsonLines(await exportText('prodigy', goldenStore()));
    const old = jsonLines(await previous('before.prodigy'));
    const stripped = now.map(({ _input_hash, _task_hash, _annotator_id, _session_id, ...task }) => {
      expect(_annotator_id).toBe((task.meta as { annotator: string }).annotator);
      expect(_session_id).toBe(_annotator_id);
      expect(Number.isInteger(_input_hash) && Number.isInteger(_task_hash)).toBe(true);
      const spans = (task.spans as Array<Record<string, unknown>>).map(({ meta, ...span }) => span);
      return { ...task, spans };
    });
    expect(stripped).toEqual(old);
  });

  it('doccano: the same lines, plus the spans’ notes and attributes in `details`', async () => {
    const now = jsonLines(await exportText('doccano', goldenStore()));
    const old = jsonLines(await previous('before.doccano'));
    expect(now.map(({ details, ...line }) => line)).toEqual(old);
    expect(now.filter((line) => line.details)).toHaveLength(5);
  });

  it('label-studio: the same tasks and regions, plus completed_by, attributes and the id map', async () => {
    type Task = {
      data: Record<string, unknown>;
      annotations: Array<Record<string, unknown> & { result: Array<Record<string, unknown>> }>;
    };
    const now = JSON.parse(await exportText('label-studio', goldenStore())) as Task[];
    const old = JSON.parse(await previous('before.label-studio')) as Task[];
    const stripped = now.map(({ data: { annotators, ...data }, annotations }) => ({
      data,
      annotations: annotations.map(({ completed_by, ...annotation }) => {
        expect((annotators as Record<string, string>)[String(completed_by)]).toBe(
          annotation.annotator,
        );
        return {
          ...annotation,
          result: annotation.result
            .filter((region) => region.type === 'labels')
            .map(({ meta, ...region }) => {
              const { text } = (meta ?? {}) as { text?: string[] };
              return text ? { ...region, meta: { text } } : region;
            }),
        };
      }),
    }));
    expect(stripped).toEqual(old);
  });

  it('brat: the same files and text spans; every attribute an A line, notes on their own', async () => {
    const { files } = await exportOf('brat', goldenStore());
    const root = join(import.meta.dirname, 'golden', 'before.brat');
    const old = new Map<string, string>();
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path);
        else old.set(relative(root, path), await readFile(path, 'utf8'));
      }
    };
    await walk(root);
    // visual.conf came after these files were made (2026-12-07): brat's display names.
    expect([...files.keys()].filter((path) => path !== 'visual.conf').sort()).toEqual(
      [...old.keys()].sort(),
    );
    expect(files.has('visual.conf')).toBe(true);
    for (const [path, content] of old) {
      const textBound = (ann: string) => ann.split('\n').filter((line) => line.startsWith('T'));
      if (path.endsWith('.txt')) expect(files.get(path)).toBe(content);
      if (path.endsWith('.ann')) expect(textBound(files.get(path)!)).toEqual(textBound(content));
    }
    expect(files.get('bob/000_4b207f45d15cbf96.ann')).toContain(
      'A2\tspeaker T2 Dmitry-20Peskov\n#1\tAnnotatorNotes T2\tsaid twice;\\tonce "on record"\\nonce not\n',
    );
  });
});
