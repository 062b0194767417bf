import { describe, expect, it } from 'vitest';
import type { Format } from '../../source/export/formats.js';
import { place, unicodeArticle } from './fixture.js';
import { exportText } from './helpers.js';

// The store cleans notes and attributes; the JSON formats must not rely on that alone: an
// annotator name or an orphan's quote is text from a file too.
const annotations = [
  place(unicodeArticle, 0, 'quote', 'ali\u009bce\u202e', {
    note: 'c1 \u009b1m here',
    attributes: { speaker: 'min\u0085ister' },
  }),
];
const input = {
  articles: [unicodeArticle],
  annotations,
  statuses: () => 'done' as const,
};

describe('JSON outputs escape C1 controls and bidi overrides, which JSON.stringify leaves raw', () => {
  it.each<Format>(['jsonl', 'prodigy', 'doccano', 'label-studio', 'w3c'])('%s', async (format) => {
    const text = await exportText(format, input);
    expect(text).not.toMatch(/[\x7f-\x9f\u202a-\u202e]/);
    expect(text).toContain('ali\\u009bce\\u202e');
    // Escaped, the value reads back unchanged.
    expect(text.trim().length).toBeGreaterThan(0);
  });
});
