import { expect, it } from 'vitest';
import { searchNote } from '../../source/review/search-note.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';

it('says why a query finds nothing where the command line would, and nothing otherwise', () => {
  expect(searchNote('label:bogus', DEFAULT_LABELS, 0)).toBe(
    'unknown label:bogus: use claim, quote, event, none',
  );
  // A retired label may still be on annotations: named only when nothing was found.
  expect(searchNote('label:bogus', DEFAULT_LABELS, 3)).toBeNull();
  expect(searchNote('Putin status:bogus', DEFAULT_LABELS, 0)).toBe(
    'status:bogus: expected one of done, in-progress, unreviewed',
  );
  expect(searchNote('Putin label:quote', DEFAULT_LABELS, 0)).toBeNull();
});
