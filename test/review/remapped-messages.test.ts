import { describe, expect, it } from 'vitest';
import { buildKeymap, type ReviewProject } from '../../source/review/project.js';
import { reduce } from '../../source/review/reducer.js';
import type { ReviewState } from '../../source/review/state.js';
import { helpColumns } from '../../source/review/view/help.js';
import { listProblems } from '../../source/review/view/problems.js';
import { DEFAULT_LABELS } from '../../source/store/labels.js';
import { pressed, typed } from '../helpers/keys.js';
import { HITS, listState, marks, readerState, STORY } from './fixtures.js';

/** qa53's margin.json keys, and the search's and problems' keys moved too. */
function remapped(): ReviewProject {
  const built = buildKeymap(DEFAULT_LABELS, {
    undo: ['z'],
    'story/link': ['Y'],
    'search/next': ['e'],
    'search/prev': ['E'],
    'problems/toggle': ['P'],
  });
  expect(built.problems).toEqual([]);
  return { labels: DEFAULT_LABELS, keymap: built.keymap, guidelines: null };
}

const withProject = (state: ReviewState): ReviewState => ({ ...state, project: remapped() });

// qa53: with undo on `z` and story/link on `Y`, messages and the help still named `u` and `L`.
describe('messages and help with keys the project moved', () => {
  it("name the project's undo key after a copy in the story panel", () => {
    const state = withProject(
      readerState({
        mode: { kind: 'story', article: 'b', sentence: 'b-s20', selected: 0 },
        story: { view: STORY, origin: null, linkFrom: null },
        marks: { ...readerState().marks, a: marks({ sentences: {} }) },
      }),
    );
    const copied = reduce(state, { type: 'story/copy' });
    expect(copied.message?.text).toMatch(/^copied claim to .* \(z undoes\)$/);
  });

  it("name the project's link key when a sentence is marked, and in the help", () => {
    const state = typed(withProject(readerState()), 'Y');
    expect(state.message?.text).toBe(
      'marked: “Sentence 21 of b.” (Fixture News) · Y on the sentence that reports the same thing',
    );
    const help = helpColumns(200, remapped()).flat().join('\n');
    expect(help).toMatch(/Y +Y here, Y there: the same statement/);
    expect(help).not.toContain('L here');
  });

  it("name the project's result keys on a search hit", () => {
    let state = typed(withProject(listState({ current: 0 })), '/sentence');
    state = reduce(state, { type: 'search/query', query: 'sentence', hits: HITS });
    state = pressed(state, { label: 'Enter', key: 'return' });
    expect(state.message?.text).toBe('result 1 of 3: e/E, Esc back');
  });

  it("name the project's problems key under a list of many problems", () => {
    const problems = [
      'one.txt: unreadable',
      'two.txt: unreadable',
      'three.txt: unreadable',
      'four',
    ];
    expect(listProblems(problems, 60, 'P').at(-1)).toBe(
      '⚠ 4 problems in all: P shows them in full',
    );
  });
});
