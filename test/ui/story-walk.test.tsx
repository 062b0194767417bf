import { afterEach, describe, expect, it } from 'vitest';
import { KEYMAP } from '../../source/review/keymap.js';
import { buildKeymap } from '../../source/review/project.js';
import { NO_STORY, storyView } from '../../source/review/story.js';
import type { LabelSet } from '../../source/store/labels.js';
import { storyGroups } from '../../source/story/index.js';
import { KEYS, type Rendered, renderApp, seedArticles } from './harness.js';

const FIRST = 'Russia said on Friday it is preparing';

let app: Rendered | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

/** The review of the seeds on the first article, its first sentence's panel open. */
async function panelOnFirst(project?: LabelSet) {
  const articles = await seedArticles();
  const kinds = project?.map((label) => label.name);
  const groups = storyGroups(articles, kinds ? { kinds } : {});
  app = await renderApp({
    articles,
    columns: 100,
    rows: 30,
    state: {
      story: { ...NO_STORY, view: storyView(groups) },
      ...(project
        ? {
            project: {
              labels: project,
              keymap: buildKeymap(project, {}, KEYMAP).keymap,
              guidelines: null,
            },
          }
        : {}),
    },
  });
  await app.press(KEYS.enter);
  await app.waitFor(
    (f) => (f.split('\n').find((l) => l.includes(FIRST)) ?? '').startsWith('▶'),
    'the article',
  );
  return app;
}

const chosen = (frame: string) => frame.split('\n').find((line) => line.startsWith('▶ ')) ?? '';
const title = (frame: string) => frame.split('\n')[1] ?? '';

describe('walking the versions from the story panel (qa57 #14)', () => {
  it('Esc after Enter comes back to the panel on the entry Enter left', async () => {
    const review = await panelOnFirst();
    await review.press('o');
    await review.waitFor((f) => f.includes('this:'), 'the panel');
    await review.press(KEYS.down);
    const second = chosen(
      await review.waitFor((f) => f.includes('this:') && chosen(f) !== '', 'an entry chosen'),
    );
    const outlet = second.slice(2).split(' · ')[0]!;
    await review.press(KEYS.enter);
    const there = await review.waitFor(
      (f) => f.includes('Esc goes back to the panel'),
      'the counterpart',
    );
    expect(there).not.toContain('this:');
    await review.press(KEYS.escape);
    const back = await review.waitFor((f) => f.includes('this:'), 'the panel again');
    // The same entry chosen: ↓ Enter reads the next version.
    expect(chosen(back)).toBe(second);
    expect(chosen(back)).toContain(outlet);
    // Esc in the panel still closes it, back on the sentence it was opened on.
    await review.press(KEYS.escape);
    const closed = await review.waitFor((f) => !f.includes('this:'), 'the panel closed');
    expect(closed.split('\n').find((line) => line.includes(FIRST))).toMatch(/^▶/);
  });
});

describe("the panel's kind in a team's codebook (qa57 #4)", () => {
  const CODEBOOK: LabelSet = [
    { name: 'statistic', key: '4', colour: 'green', letter: 'S', description: '', attributes: [] },
    { name: 'quote', key: '2', colour: 'cyan', letter: 'Q', description: '', attributes: [] },
  ];

  it('names the group by the label the reviewer gave, never claim or event', async () => {
    const review = await panelOnFirst(CODEBOOK);
    await review.press('o');
    const before = await review.waitFor((f) => f.includes('this:'), 'the panel');
    // margin's own codebook calls this group a claim (test/ui/story-outlets.test.tsx).
    expect(title(before)).not.toMatch(/^(claim|event) · /);
    expect(title(before)).toMatch(/report/);
    await review.press(KEYS.escape, '4');
    await review.waitFor((f) => f.split('\n').at(-1)!.endsWith('saved'), 'the tag saved');
    await review.press('o');
    const after = await review.waitFor((f) => f.includes('this:'), 'the panel again');
    expect(title(after)).toMatch(/^statistic · /);
  });
});
