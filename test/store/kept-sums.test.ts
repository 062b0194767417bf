import { describe, expect, it } from 'vitest';
import { type IndexedFile, StoreIndex } from '../../source/store/store-index.js';
import { indexedFile, labelledDoc } from '../helpers/indexed-files.js';
import { Random } from '../helpers/random.js';

/**
 * stats and export read sums the index keeps up to date as its rows change (labels per
 * annotator, orphans, annotations per article). Whatever happens to the rows, in whatever order,
 * the sums must be those of the rows there are now: here they are computed again from a plain
 * list of what was put, after every step of a long mixed sequence.
 */

interface Kept {
  annotator: string;
  article: string;
  labels: string[];
  refused: boolean;
  placedOn: string | null;
  placedIn: string | null;
  orphans: number;
}

const LABELS = ['claim', 'quote', 'event'];
const ANNOTATORS = ['alice', 'bob', 'carol'];
const GENERATIONS = ['g1', 'g2'];

function fileOf(path: string, kept: Kept): IndexedFile {
  const doc = labelledDoc(kept.annotator, kept.article, kept.labels, (at) => `s${at % 2}`);
  return indexedFile(path, kept.refused ? null : doc, path);
}

/** What the sums must be, from the list of files: as the index's rows would be summed. */
function expected(files: Map<string, Kept>, generation: string) {
  const tallies = new Map<string, { files: number; orphans: number; unsure: number }>();
  const totals = new Map<string, number>();
  for (const kept of files.values()) {
    if (kept.refused || kept.labels.length === 0) continue;
    const counts: Record<string, number> = {};
    for (const label of kept.labels) counts[label] = (counts[label] ?? 0) + 1;
    const key = `${kept.annotator} ${JSON.stringify(counts)}`;
    const tally = tallies.get(key) ?? { files: 0, orphans: 0, unsure: 0 };
    const confirmed = kept.placedOn !== null && kept.placedIn === generation;
    tally.files++;
    if (confirmed) tally.orphans += kept.orphans;
    else tally.unsure++;
    tallies.set(key, tally);
    totals.set(kept.article, (totals.get(kept.article) ?? 0) + kept.labels.length);
  }
  return {
    tallies: [...tallies].sort(([a], [b]) => (a < b ? -1 : 1)),
    totals: [...totals].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

function seen(index: StoreIndex, generation: string) {
  return {
    tallies: index
      .tallyRows(generation)
      .map((row) => [
        `${row.annotator} ${JSON.stringify(row.counts)}`,
        { files: row.files, orphans: row.orphans, unsure: row.unsure },
      ])
      .sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)),
    totals: [...index.articleTotals()].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

describe("the store index's kept sums", () => {
  it('equal the sums of the rows there are after every put, placement, removal and folder removal', () => {
    const index = StoreIndex.open(null, '/store');
    const files = new Map<string, Kept>();
    const draw = new Random(20261204);
    for (let step = 0; step < 600; step++) {
      const annotator = draw.pick(ANNOTATORS);
      const article = `article${draw.int(0, 11)}`;
      const path = `${annotator}/${article}.json`;
      const kept = files.get(path);
      const action = draw.int(0, 9);
      if (action < 4 || !kept) {
        // A file read (new, or changed: its placements go with its old text).
        const labels = Array.from({ length: draw.int(0, 3) }, () => draw.pick(LABELS));
        const next: Kept = {
          annotator,
          article,
          labels,
          refused: draw.int(0, 7) === 0,
          placedOn: null,
          placedIn: null,
          orphans: 0,
        };
        files.set(path, next);
        index.put(fileOf(path, next));
      } else if (action < 6) {
        const placedIn = draw.pick(GENERATIONS);
        const orphans = draw.int(0, kept.labels.length);
        const placed = kept.labels.map((_, at) => (at < orphans ? null : (['s0', 0, 4] as const)));
        index.savePlacements(path, path, 'text-key', placedIn, placed as never);
        Object.assign(kept, { placedOn: 'text-key', placedIn, orphans });
      } else if (action < 7) {
        const placedIn = draw.pick(GENERATIONS);
        index.confirmPlacements(path, 'text-key', placedIn);
        if (kept.placedOn === 'text-key') kept.placedIn = placedIn;
      } else if (action < 9) {
        index.remove(path);
        files.delete(path);
      } else if (draw.int(0, 5) === 0) {
        index.removeFolder(annotator);
        for (const other of [...files.keys()])
          if (other.startsWith(`${annotator}/`)) files.delete(other);
      }
      for (const generation of GENERATIONS) {
        expect(seen(index, generation), `after step ${step}`).toEqual(expected(files, generation));
      }
      const total = expected(files, 'g1').totals;
      expect(index.annotationCount()).toBe(total.reduce((sum, [, n]) => sum + n, 0));
      expect(index.annotatedArticles()).toEqual(total.map(([article]) => article));
    }
    // The sequence reached the cases it is for: sums that grew, shrank and went.
    expect(files.size).toBeGreaterThan(5);
    index.close();
  });
});
