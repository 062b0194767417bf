import { describe, expect, it } from 'vitest';
import { withGuidelines } from '../../source/review/guidelines.js';
import { applyKeys, tooSmallQuitKey } from '../../source/review/interpret.js';
import { hintsFor, KEYMAP } from '../../source/review/keymap.js';
import { NO_KEY } from '../../source/review/keys.js';
import { buildKeymap, type ReviewProject } from '../../source/review/project.js';
import { searchPrompt } from '../../source/review/search-note.js';
import type { ReviewState } from '../../source/review/state.js';
import { helpColumns } from '../../source/review/view/help.js';
import { DEFAULT_LABELS, type LabelSet } from '../../source/store/labels.js';
import { pressed, typed } from '../helpers/keys.js';
import { readerState } from './fixtures.js';

const CODEBOOK: LabelSet = [
  ...DEFAULT_LABELS,
  {
    name: 'statistic',
    key: '4',
    colour: 'green',
    letter: 'S',
    description: 'a number that can be checked',
    attributes: [{ name: 'check-worthy', values: ['yes', 'no'] }],
  },
  {
    name: 'opinion',
    key: 'p',
    colour: 'blue',
    letter: 'O',
    description: 'a view, not a fact',
    attributes: [{ name: 'stance', values: ['supports', 'denies', 'neutral'] }, { name: 'holder' }],
  },
];

/** Guidelines longer than a screen: a rule a line. */
const GUIDE = Array.from({ length: 80 }, (_, n) => `Rule ${n + 1}: tag what can be checked.`).join(
  '\n',
);

function project(overrides: Record<string, string[]> = {}, guidelines = false): ReviewProject {
  const base = guidelines ? withGuidelines(KEYMAP) : KEYMAP;
  const built = buildKeymap(CODEBOOK, overrides, base);
  expect(built.problems).toEqual([]);
  return {
    labels: CODEBOOK,
    keymap: built.keymap,
    guidelines: guidelines ? { name: 'GUIDE.md', text: GUIDE } : null,
  };
}

const state = (p: ReviewProject): ReviewState => ({ ...readerState(), project: p });
const labelsAt = (s: ReviewState) => s.marks.b?.sentences['b-s20']?.labels ?? [];
const ENTER = { label: 'Enter', key: 'return' as const };
const RIGHT = { ...NO_KEY, rightArrow: true };

describe("a project's keymap", () => {
  it("shows the codebook's labels in the help's and the search box's query examples", () => {
    const own: ReviewProject = {
      ...project(),
      labels: CODEBOOK.filter((label) => label.name !== 'quote'),
    };
    const help = helpColumns(200, own).flat().join('\n');
    expect(help).toContain('label:claim');
    expect(help).toContain('label:event, label:statistic');
    expect(help).toContain('-label:claim…');
    expect(help).not.toContain('label:quote');
    expect(searchPrompt(own.labels)).toBe(
      'type to search: words, "a phrase", label:claim, source:NAME, status:done, -word',
    );
    // margin's own keep quote as their example.
    expect(searchPrompt(DEFAULT_LABELS)).toContain('label:quote,');
  });

  it('quits with its own quit key behind the too-small screen, and says which', () => {
    const p = project({ 'app/quit': ['Q'] });
    const small = { ...state(p), focus: 'list' as const, size: { columns: 40, rows: 10 } };
    expect(tooSmallQuitKey(small)).toBe('Q');
    expect(typed(small, 'q').quit).toBe(false);
    expect(typed(small, 'Q').quit).toBe(true);
  });

  it("toggles the codebook's labels with their keys, in the codebook's order", () => {
    let s = typed(state(project()), 'p');
    s = typed(s, '4');
    expect(labelsAt(s)).toEqual(['claim', 'statistic', 'opinion']);
    expect(s.outbox.map((e) => (e.kind === 'toggle' ? e.label : e.kind))).toEqual([
      'opinion',
      'statistic',
    ]);
    expect(hintsFor('reader', project().keymap)).toContain('1/2/3/4/p tag');
  });

  it('moves an action to the key the project gives it; help and hints follow', () => {
    const p = project({ undo: ['z'], 'note/edit': ['e', 'm'] });
    const s = typed(state(p), 'z');
    expect(s.outbox).toMatchObject([{ kind: 'undo' }]);
    expect(typed(state(p), 'u').outbox).toEqual([]);
    expect(hintsFor('reader', p.keymap)).toEqual(expect.arrayContaining(['z undo', 'e/m note']));
    const help = helpColumns(200, p).flat().join('\n');
    expect(help).toMatch(/ z {14}undo the last change/);
    expect(help).toContain('Labels');
    expect(help).toMatch(/p O +opinion: a view, not a fact/);
  });

  it('names both actions when a key would do two things', () => {
    expect(buildKeymap(CODEBOOK, { undo: ['x'] }).problems).toEqual([
      { path: 'keys.undo', message: '"x" is already the key of tag/clear' },
      // Undo works in the story panel too, where `x` unlinks.
      { path: 'keys.undo', message: '"x" is already the key of story/unlink' },
    ]);
    const clash = [...CODEBOOK.slice(0, 4), { ...CODEBOOK[4]!, key: 'a' }];
    expect(buildKeymap(clash).problems).toEqual([
      { path: 'labels[4].key', message: '"a" is already the key of attributes/edit' },
    ]);
    expect(buildKeymap(CODEBOOK, { undoo: ['z'] }).problems[0]?.message).toBe(
      'no such action (did you mean "undo"?)',
    );
    // Keys typed into a note are text: an action there cannot take a letter.
    expect(buildKeymap(CODEBOOK, { 'edit/save': ['s'] }).problems[0]?.path).toBe('keys.edit/save');
  });

  it("keeps KEYMAP unchanged for margin's own labels and no overrides", () => {
    const built = buildKeymap(DEFAULT_LABELS);
    expect(built.problems).toEqual([]);
    expect(built.keymap).toEqual(KEYMAP);
  });

  it('edits a fixed-list attribute by choosing, a free one by typing', () => {
    let s = typed(state(project()), 'p');
    s = typed(s, 'a');
    expect(s.mode.kind === 'attributes' && s.mode.fields.map((f) => f.key)).toEqual([
      'claimant',
      'stance',
      'holder',
    ]);
    s = pressed(s, { label: 'Tab', key: 'tab' });
    s = typed(s, 'd');
    s = typed(s, 'x'); // no value starts with x: nothing changes
    if (s.mode.kind !== 'attributes') throw new Error('not editing');
    expect(s.mode.values.stance).toBe('denies');
    s = applyKeys(applyKeys(s, '', RIGHT), '', RIGHT);
    if (s.mode.kind !== 'attributes') throw new Error('not editing');
    expect(s.mode.values.stance).toBe('supports');
    s = pressed(s, { label: 'Tab', key: 'tab' });
    s = typed(s, 'the Kremlin');
    s = pressed(s, ENTER);
    expect(s.marks.b?.sentences['b-s20']?.attributes).toEqual({
      claimant: 'Kremlin',
      stance: 'supports',
      holder: 'the Kremlin',
    });
  });

  it('shows the guidelines under i and scrolls them', () => {
    let s = typed(state(project({}, true)), 'i');
    expect(s.mode).toEqual({ kind: 'guidelines', top: 0 });
    expect(hintsFor('guidelines', s.project.keymap)).toEqual([
      'i guidelines',
      'j/k scroll',
      'Space/b page',
      'Esc close',
      'q quit',
    ]);
    const top = () => (s.mode.kind === 'guidelines' ? s.mode.top : -1);
    s = typed(s, 'j');
    expect(top()).toBe(1);
    s = typed(s, ' ');
    const page = top() - 1;
    expect(page).toBeGreaterThan(1);
    s = typed(s, 'G');
    const end = top();
    expect(end).toBeGreaterThan(page + 1);
    s = typed(s, 'G');
    expect(top()).toBe(end);
    s = typed(s, 'b');
    expect(top()).toBe(end - page);
    s = pressed(s, { label: 'Home', key: 'home' });
    expect(top()).toBe(0);
    s = pressed(s, { label: 'Esc', key: 'escape' });
    expect(s.mode.kind).toBe('browse');
    expect(typed(state(project()), 'i').mode.kind).toBe('browse');
  });
});
