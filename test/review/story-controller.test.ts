import { describe, expect, it } from 'vitest';
import { ReviewController, type StorySource } from '../../source/review/controller.js';
import { initialState } from '../../source/review/state.js';
import { createMemoryRepository, type StoryLink } from '../../source/store/index.js';
import type { StoryGroup } from '../../source/story/index.js';
import { pressOf } from '../helpers/keys.js';
import { ARTICLES, STORY } from './fixtures.js';

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

function controllerWith(source: StorySource) {
  const repository = createMemoryRepository('alice');
  const controller = new ReviewController({
    initial: initialState({
      corpusName: 'fixtures',
      annotator: 'alice',
      size: { columns: 100, rows: 30 },
      articles: ARTICLES,
    }),
    store: repository.open(ARTICLES).then(() => repository),
    story: source,
  });
  controller.start();
  return controller;
}

const press = (controller: ReviewController, input: string) => {
  const { key } = pressOf({ label: input, input });
  controller.press(input, key);
};

describe('the controller brings the story groups in the background', () => {
  it('asks once the corpus is there, hands the groups in, and asks again after a link', async () => {
    const asked: number[] = [];
    const links: StoryLink[] = [];
    let groups: StoryGroup[] = STORY.groups;
    const controller = controllerWith({
      groups: async (articles) => {
        asked.push(articles.length);
        return {
          groups,
          problems: asked.length === 1 ? ['x/.story-links.json: is not valid JSON; ignored'] : [],
        };
      },
      link: async (link) => {
        links.push(link);
        groups = [];
      },
    });
    // Not on the way to the first frame: the state has no groups until they arrive.
    expect(controller.getState().story.view).toBeNull();
    await until(() => controller.getState().story.view !== null);
    expect(asked).toEqual([3]);
    expect(controller.getState().warnings).toContain(
      'x/.story-links.json: is not valid JSON; ignored',
    );
    // b's sentence 21 has two counterparts: L there and L on a's 4th links them.
    controller.dispatch({ type: 'article/open' });
    press(controller, 'L');
    press(controller, 'J');
    press(controller, 'L');
    await until(() => asked.length === 2);
    expect(links).toEqual([
      {
        kind: 'link',
        a: { article: 'a', sentence: 'a-s0' },
        b: { article: 'b', sentence: 'b-s0' },
      },
    ]);
    await until(() => controller.getState().story.view?.groups.length === 0);
  });
});

describe('links saved by others', () => {
  it('form the groups again when they arrive', async () => {
    const asked: number[] = [];
    let arrived: (() => void) | null = null;
    const controller = controllerWith({
      groups: async (articles) => {
        asked.push(articles.length);
        return { groups: asked.length === 1 ? STORY.groups : [], problems: [] };
      },
      link: async () => undefined,
      watch: (onChange) => {
        arrived = onChange;
        return () => {
          arrived = null;
        };
      },
    });
    await until(() => (controller.getState().story.view?.groups.length ?? 0) > 0);
    expect(asked).toEqual([3]);
    arrived!();
    await until(() => controller.getState().story.view?.groups.length === 0);
    expect(asked).toEqual([3, 3]);
  });
});
