import { describe, expect, it } from 'vitest';
import { pagerTitle } from '../../source/review/view/pager-title.js';

describe("a pager's title", () => {
  it('names every way to move that the width holds, fewer as the terminal narrows', () => {
    expect(pagerTitle('Keys', ['?'], 100, true)).toBe(
      'Keys (j/k line · Space/b page · g/G start/end · Esc or ? closes)',
    );
    expect(pagerTitle('Keys', ['?'], 60, true)).toBe(
      'Keys (j/k line · Space/b page · g/G ends · Esc closes)',
    );
    expect(pagerTitle('Keys', ['?'], 40, true)).toBe('Keys (j/k · Space/b · g/G · Esc closes)');
    // Narrower than any: the shortest, which the screen cuts.
    expect(pagerTitle('Keys', ['?'], 10, true)).toBe('Keys (j/k · Esc closes)');
  });

  it('names only how to close what fits on one screen', () => {
    expect(pagerTitle('0 problems', ['!'], 100, false)).toBe('0 problems (Esc or ! closes)');
  });

  it('counts wide characters of a name as two columns', () => {
    // Six wide characters are twelve columns: the second title no longer fits in 60.
    expect(pagerTitle('指南', ['i'], 60, true)).toBe(
      '指南 (j/k line · Space/b page · g/G ends · Esc closes)',
    );
    expect(pagerTitle('指南指南指南', ['i'], 60, true)).toBe(
      '指南指南指南 (j/k · Space/b · g/G · Esc closes)',
    );
  });

  it('names the closing keys a project gave, or Esc alone when it has none', () => {
    expect(pagerTitle('Guidelines · G.md', ['I'], 100, false)).toBe(
      'Guidelines · G.md (Esc or I closes)',
    );
    expect(pagerTitle('Keys', ['H', 'Ctrl+G'], 100, false)).toBe('Keys (Esc, H or Ctrl+G closes)');
    expect(pagerTitle('Keys', [], 100, true)).toBe(
      'Keys (j/k line · Space/b page · g/G start/end · Esc closes)',
    );
  });
});
