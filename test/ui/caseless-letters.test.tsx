/**
 * qa57 #12: under NO_COLOR, a codebook whose letters are digits showed every suggestion as `·`
 * and a header of numbers (`1 0  2 1`). The harness draws without colour.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildKeymap, type ReviewProject } from '../../source/review/project.js';
import type { LabelSet } from '../../source/store/labels.js';
import { KEYS, type Rendered, renderApp, seedArticles } from './harness.js';

let app: Rendered | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

const label = (name: string, key: string, letter: string) => ({
  name,
  key,
  colour: 'cyan',
  letter,
  description: '',
  attributes: [],
});

/** The seeds under `codebook`, sentence 3 suggested as both labels and 4 as the second. */
async function opened(codebook: LabelSet) {
  const project: ReviewProject = {
    labels: codebook,
    keymap: buildKeymap(codebook).keymap,
    guidelines: null,
  };
  const seeds = await seedArticles();
  const article = seeds[0]!;
  const [, , third, fourth] = article.sentences;
  app = await renderApp({ articles: seeds, columns: 100, rows: 30, state: { project } });
  await app.press(KEYS.enter);
  const [first, second] = codebook.map((l) => l.name);
  app.controller.dispatch({
    type: 'suggestions/arrived',
    article: article.id,
    suggestions: {
      sentences: {
        [third!.id]: {
          labels: [
            { label: first!, score: 0.62 },
            { label: second!, score: 0.97 },
          ],
          attributes: {},
        },
        [fourth!.id]: { labels: [{ label: second!, score: 0.97 }], attributes: {} },
      },
      uncertain: [],
      revision: 1,
    },
  });
  return { app, third: third!.text, fourth: fourth!.text };
}

/** The gutter (before the text) of the line that starts `text`. */
const gutterOf = (frame: string, text: string) => {
  const line = frame.split('\n').find((l) => l.includes(text.slice(0, 30)))!;
  return line.slice(0, line.indexOf(text.slice(0, 30)));
};

describe('labels whose letter has no lower case, without colour', () => {
  it('draws each suggestion apart from the others and the stored label, and counts apart from letters', async () => {
    const { app, third, fourth } = await opened([
      label('claim', '7', '1'),
      label('quote', '8', '2'),
    ]);
    const frame = await app.waitFor((f) => gutterOf(f, third).includes('¹'), 'the suggestions');
    expect(gutterOf(frame, third).trim()).toBe('¹²');
    expect(gutterOf(frame, fourth).trim()).toBe('²');
    expect(frame.split('\n')[0]).toContain('1: 0  2: 0');
    // Tagged by hand: the stored letter, and the header's count after a colon.
    await app.press('j', 'j', 'j', '8');
    const tagged = await app.waitFor((f) => f.split('\n')[0]!.includes('2: 1'), 'the count');
    expect(gutterOf(tagged, fourth).replace('▶', '').trim()).toBe('2');
  });

  it('draws a lower-case letter’s suggestion raised', async () => {
    const { app, third } = await opened([label('claim', '7', 'c'), label('quote', '8', 'k')]);
    const frame = await app.waitFor((f) => gutterOf(f, third).includes('ᶜ'), 'the suggestions');
    expect(gutterOf(frame, third).trim()).toBe('ᶜᵏ');
    expect(frame.split('\n')[0]).toContain('c 0  k 0');
  });
});
