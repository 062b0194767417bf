import { describe, expect, it } from 'vitest';
import { withGuidelines } from '../../source/review/guidelines.js';
import { KEYMAP } from '../../source/review/keymap.js';
import { barHints } from '../../source/review/pager-hints.js';
import type { ReviewState } from '../../source/review/state.js';
import { fittingHints } from '../../source/ui/components/StatusBar.js';
import { readerState } from './fixtures.js';

const SCROLL = ['j/k scroll', 'Space/b page'];

function guidelines(lines: number): ReviewState {
  const base = readerState();
  const text = Array.from({ length: lines }, (_, n) => `Rule ${n + 1}.`).join('\n');
  return {
    ...base,
    mode: { kind: 'guidelines', top: 0 },
    project: {
      ...base.project,
      keymap: withGuidelines(KEYMAP),
      guidelines: { name: 'GUIDE.md', text },
    },
  };
}

function problems(count: number): ReviewState {
  const warnings = Array.from({ length: count }, (_, n) => `${n}.txt: not UTF-8`);
  return { ...readerState(), mode: { kind: 'problems', top: 0 }, warnings };
}

describe('the bottom bar of a panel that pages', () => {
  it('names the scroll keys only when the guidelines are longer than their window', () => {
    expect(barHints(guidelines(3), 'guidelines')).not.toContain('j/k scroll');
    expect(barHints(guidelines(3), 'guidelines')).toContain('Esc close');
    expect(barHints(guidelines(200), 'guidelines')).toEqual(expect.arrayContaining(SCROLL));
  });

  it('names them only when the problems are longer than their window', () => {
    const few = barHints(problems(2), 'problems');
    expect(few.filter((hint) => SCROLL.includes(hint))).toEqual([]);
    expect(few.length).toBeGreaterThan(0);
    expect(barHints(problems(200), 'problems')).toEqual(expect.arrayContaining(SCROLL));
  });
});

describe("a panel's bar", () => {
  it("names the story panel's own keys first, so a narrow bar keeps x unlink and Esc close", () => {
    const hints = barHints(readerState(), 'story');
    expect(hints.slice(0, 5)).toEqual([
      'j/k move',
      'Enter go',
      'c copy tags',
      'x unlink',
      'Esc close',
    ]);
    expect(hints).toContain('u undo');
    // At 60 columns the bar has 53 columns for hints (`saved` takes the rest): the panel's own
    // come first.
    expect(fittingHints(hints, 53)).toBe('j/k move · Enter go · c copy tags · x unlink · ? help');
  });
});
