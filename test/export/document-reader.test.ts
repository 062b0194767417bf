import { describe, expect, it } from 'vitest';
import {
  DocumentReader,
  type ElementEvent,
  MAX_ELEMENT_CHARS,
  type Skeleton,
} from '../../source/export/document-reader.js';
import { describeJsonError, lineAndColumn } from '../../source/export/import-errors.js';
import { findJsonSyntaxError } from '../../source/export/json-syntax.js';

/** Reads `text` in pieces of `size` characters: the elements handed on and the skeleton. */
function read(text: string, paths: string[][], size = text.length || 1) {
  const events: ElementEvent[] = [];
  const reader = new DocumentReader(paths, (event) => events.push(event), 'task');
  for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size));
  return { events, skeleton: reader.end() };
}

/** What one parse of the whole text said of a text that is not JSON. */
function wholeError(text: string) {
  const body = text.replace(/^\uFEFF/, '');
  const found = findJsonSyntaxError(body);
  return {
    line: found ? lineAndColumn(body, found.offset).line : 1,
    message: `not valid JSON: ${describeJsonError(body)}`,
  };
}

const errorOf = (skeleton: Skeleton) => (skeleton.ok ? null : skeleton.error);

const TASKS = [
  '\uFEFF[',
  '{"data": {"text": "Line one.\\nTwo \\"quoted\\" [{,}]"}, "annotations": []},',
  '  {"data": {"text": "é😀 x"}, "id": 2}, 3, true,',
  '"x\\\\"',
  ']',
].join('\n');

describe('a document read a piece at a time', () => {
  it('hands on each element of the top-level list with its line, in any pieces', () => {
    for (const size of [1, 2, 3, 7, 1000]) {
      const { events, skeleton } = read(TASKS, [[]], size);
      expect(events.map((e) => e.line)).toEqual([2, 3, 3, 3, 4]);
      expect(events.map((e) => ('value' in e ? e.value : null))).toEqual(
        JSON.parse(TASKS.slice(1)),
      );
      expect(skeleton.ok).toBe(true);
    }
  });

  it('finds the list deeper in, and not the arrays of the same name elsewhere', () => {
    const text = [
      '{"items": [0],',
      ' "fir\\u0073t": {"id": "p", "other": {"items": [1, 2]},',
      '  "items": [',
      '   {"id": 1},',
      '   {"id": 2, "items": [9]}',
      ']}}',
    ].join('\n');
    const { events, skeleton } = read(text, [['first', 'items']], 5);
    expect(events.map((e) => e.line)).toEqual([4, 5]);
    expect(
      skeleton.ok && (skeleton.document as { first: { items: unknown[] } }).first.items,
    ).toEqual([{ '': 0 }, { '': 1 }]);
  });

  it('names the first place a broken document stops being JSON as a whole parse did', () => {
    const texts = new Set<string>();
    for (let at = 0; at <= TASKS.length; at++) {
      texts.add(TASKS.slice(0, at));
      texts.add(TASKS.slice(0, at) + TASKS.slice(at + 1));
      texts.add(`${TASKS.slice(0, at)}x${TASKS.slice(at)}`);
      texts.add(`${TASKS.slice(0, at)}\n${TASKS.slice(at)}`);
    }
    let broken = 0;
    for (const text of texts) {
      let whole: unknown;
      try {
        whole = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        whole = undefined;
      }
      for (const size of [1, 4, 4096]) {
        const { skeleton } = read(text, [[]], size);
        if (whole === undefined) expect(errorOf(skeleton), text).toEqual(wholeError(text));
        else expect(skeleton.ok, text).toBe(true);
      }
      if (whole === undefined) broken++;
    }
    expect(broken).toBeGreaterThan(300);
  });

  it('names an element longer than any margin writes and skips it, holding none of it', () => {
    const long = `{"data": {"text": "${'x'.repeat(MAX_ELEMENT_CHARS)}"}}`;
    const { events, skeleton } = read(`[{"a": 1},\n${long},\n{"b": 2}]`, [[]], 1 << 20);
    expect(events).toEqual([
      { index: 0, line: 1, value: { a: 1 } },
      { index: 1, line: 2, overlong: true },
      { index: 2, line: 3, value: { b: 2 } },
    ]);
    expect(skeleton.ok).toBe(true);
    // Cut short inside it, the text ends where a whole parse said it ended.
    const cut = `[{"a": 1},\n${long.slice(0, -5)}`;
    expect(errorOf(read(cut, [[]], 1 << 20).skeleton)).toEqual(wholeError(cut));
  });
});
