import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleEntries } from '../../source/export/article-entries.js';
import { keptJsonl, keptLines } from '../../source/export/jsonl.js';
import { compileFilter, groupByAnnotator, selectArticle } from '../../source/export/model.js';
import { sampleInput } from './fixture.js';

describe("jsonl's kept lines on a first export", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('come from the lines just written, each field made once', () => {
    const store = sampleInput();
    const all = compileFilter();
    let checked = 0;
    for (const entry of articleEntries(store.articles, store.annotations, store.statuses)) {
      const selected = selectArticle(entry, all);
      if (!selected) continue;
      const format = keptJsonl();
      format.article(selected);
      for (const { annotator, entries } of groupByAnnotator(selected.entries)) {
        const status = selected.status(annotator);
        const stringify = vi.spyOn(JSON, 'stringify');
        const kept = format.keep(entries, status);
        // The label alone (a kept line's third field) is made anew; the rest was just written.
        expect(stringify).toHaveBeenCalledTimes(entries.length);
        stringify.mockRestore();
        expect(kept).toBe(keptLines(entries, status));
        checked += entries.length;
      }
    }
    expect(checked).toBeGreaterThan(3);
  });
});
