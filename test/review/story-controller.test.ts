import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CorpusEvent,
  type CorpusFeed,
  ReviewController,
  type StorySource,
} from '../../source/review/controller.js';
import { initialState } from '../../source/review/state.js';
import {
  counterpartCount,
  groupOfSentence,
  keptStoryView,
  storyRead,
  withArticleGroups,
} from '../../source/review/story.js';
import {
  createMemoryRepository,
  type OverruledDecision,
  overruledDecisions,
  type StoryLink,
  type StoryLinkForgotten,
  saveStoryLink,
} from '../../source/store/index.js';
import type { StoryGroup } from '../../source/story/index.js';
import { pressOf } from '../helpers/keys.js';
import { ARTICLES, STORY } from './fixtures.js';

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

/**
 * A controller over the fixtures' articles with `source` for its story groups; given `feed`,
 * its corpus is still loading and only the first article is on the first frame; `warnings`
 * are the lines the review starts with.
 */
function controllerOf(
  source: StorySource,
  { feed, warnings }: { feed?: CorpusFeed; warnings?: string[] } = {},
) {
  const repository = createMemoryRepository('alice');
  const controller = new ReviewController({
    initial: initialState({
      corpusName: 'fixtures',
      annotator: 'alice',
      size: { columns: 100, rows: 30 },
      articles: feed ? ARTICLES.slice(0, 1) : ARTICLES,
      ...(warnings ? { warnings } : {}),
    }),
    store: repository.open(ARTICLES).then(() => repository),
    ...(feed ? { corpus: feed } : {}),
    story: source,
  });
  controller.start();
  return controller;
}

/** A controller whose corpus is still loading, and the feed that brings the rest. */
function controllerLoading(source: StorySource) {
  let listener: ((event: CorpusEvent) => void) | null = null;
  const controller = controllerOf(source, {
    feed: (given) => {
      listener = given;
      return () => undefined;
    },
  });
  return { controller, feed: (event: CorpusEvent) => listener!(event) };
}

const press = (controller: ReviewController, input: string) => {
  const { key } = pressOf({ label: input, input });
  controller.press(input, key);
};

describe('the controller brings the story groups in the background', () => {
  it('names a store folder it may not read once, not again for its links file', async () => {
    const folder =
      'store/locked: folder cannot be read (permission denied); its files are left out';
    const controller = controllerOf(
      {
        groups: async () => ({ groups: STORY.groups, problems: [folder] }),
        link: async () => null,
      },
      { warnings: [`${folder} (read-only)`] },
    );
    await until(() => controller.getState().story.view !== null);
    // The links reader names the folder in the store's words; the review showed both lines.
    expect(controller.getState().warnings).toEqual([`${folder} (read-only)`]);
  });

  it('asks once the corpus is there, hands the groups in, and asks again after a link', async () => {
    const asked: number[] = [];
    const links: StoryLink[] = [];
    let groups: StoryGroup[] = STORY.groups;
    const controller = controllerOf({
      groups: async (articles) => {
        asked.push(articles.length);
        return {
          groups,
          problems: asked.length === 1 ? ['x/.story-links.json: is not valid JSON; ignored'] : [],
        };
      },
      link: async (link) => {
        links.push(link as StoryLink);
        groups = [];
        return null;
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

describe('a link the groups do not take', () => {
  /** Links a-s0 with b-s0 (L, J, L) and gives the groups formed afterwards. */
  async function linkedWith(after: StoryGroup[]) {
    let linked = false;
    const controller = controllerOf({
      groups: async () => ({ groups: linked ? after : STORY.groups, problems: [] }),
      link: async () => {
        linked = true;
        return null;
      },
    });
    await until(() => controller.getState().story.view !== null);
    controller.dispatch({ type: 'article/open' });
    press(controller, 'L');
    press(controller, 'J');
    press(controller, 'L');
    await until(() => controller.getState().story.view?.groups === after);
    return controller.getState();
  }

  it('is said to be without effect, never taken as made', async () => {
    const state = await linkedWith([...STORY.groups]);
    expect(state.message?.text).toMatch(/^linked, but the groups keep these apart: an unlink/);
    expect(state.message?.tone).toBe('warning');
  });

  it('is not judged once taken back', async () => {
    let saves = 0;
    let asked = 0;
    const controller = controllerOf({
      groups: async () => {
        asked++;
        return { groups: [...STORY.groups], problems: [] };
      },
      link: async () => {
        saves++;
        return null;
      },
    });
    await until(() => controller.getState().story.view !== null);
    controller.dispatch({ type: 'article/open' });
    press(controller, 'L');
    press(controller, 'J');
    press(controller, 'L');
    press(controller, 'u');
    await until(() => saves === 2 && asked >= 2);
    await until(() => /^undid: link/.test(controller.getState().message?.text ?? ''));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(controller.getState().message?.text).toMatch(/^undid: link/);
    expect(controller.getState().story.linked ?? null).toBeNull();
  });

  it('says nothing more when the two are then in one group', async () => {
    const group = STORY.groups[0]!;
    const joined: StoryGroup = {
      ...group,
      members: [
        { ...group.members[0]!, article: 'a', sentence: 'a-s0', index: 0 },
        { ...group.members[1]!, article: 'b', sentence: 'b-s0', index: 0 },
      ],
      diffs: [[], []],
    };
    const state = await linkedWith([joined]);
    expect(state.message?.text).toBe('linked to “Sentence 1 of a.” (Fixture News); regrouping');
  });
});

describe('undo of a link', () => {
  it('withdraws the last link or unlink, puts back what it replaced, and redoes it', async () => {
    const saved: Array<StoryLink | StoryLinkForgotten> = [];
    const before: StoryLink = {
      kind: 'link',
      a: { article: 'b', sentence: 'b-s0' },
      b: { article: 'a', sentence: 'a-s0' },
    };
    const controller = controllerOf({
      groups: async () => ({ groups: STORY.groups, problems: [] }),
      // The first save replaces a link made before; later ones what the one before saved.
      link: async (link) => {
        saved.push(link);
        return saved.length === 1 ? before : null;
      },
    });
    await until(() => controller.getState().story.view !== null);
    controller.dispatch({ type: 'article/open' });
    press(controller, 'L');
    press(controller, 'J');
    press(controller, 'L');
    await until(() => saved.length === 1);
    press(controller, 'u');
    await until(() => /^undid: link/.test(controller.getState().message?.text ?? ''));
    expect(saved[1]).toEqual(before);
    controller.press('r', { ...pressOf({ label: 'r', input: 'r' }).key, ctrl: true });
    await until(() => saved.length === 3);
    expect(saved[2]).toEqual(saved[0]);
    // Undone again, with nothing before it now: the pair is withdrawn, as it was first.
    press(controller, 'u');
    await until(() => saved.length === 4);
    expect(saved[3]).toEqual({ kind: 'forget', a: saved[0]!.a, b: saved[0]!.b });
  });
});

describe('links saved by others', () => {
  it('form the groups again when they arrive', async () => {
    const asked: number[] = [];
    let arrived: (() => void) | null = null;
    const controller = controllerOf({
      groups: async (articles) => {
        asked.push(articles.length);
        return { groups: asked.length === 1 ? STORY.groups : [], problems: [] };
      },
      link: async () => null,
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

// qa57 #11: erin's unlink, pulled into the open review of dana (here alice), took dana's link
// away from the gutter while the status line said `no changes`.
describe("a teammate's later decision overruling one of mine", () => {
  it('is said on the status line: whose later decision overrules which sentences', async () => {
    const store = await mkdtemp(join(tmpdir(), 'margin-overruled-'));
    try {
      const pair = {
        a: { article: 'a', sentence: 'a-s1' },
        b: { article: 'b', sentence: 'b-s2' },
      };
      const other = {
        a: { article: 'a', sentence: 'a-s3' },
        b: { article: 'c', sentence: 'c-s0' },
      };
      await saveStoryLink(store, 'alice', { kind: 'link', ...pair }, new Date('2026-12-07T10:00Z'));
      await saveStoryLink(
        store,
        'alice',
        { kind: 'link', ...other },
        new Date('2026-12-07T10:01Z'),
      );
      // Overruled before the review started: not news.
      await saveStoryLink(
        store,
        'erin',
        { kind: 'unlink', ...other },
        new Date('2026-12-07T10:02Z'),
      );
      let arrived: (() => void) | null = null;
      const controller = controllerOf({
        groups: async () => ({ groups: STORY.groups, problems: [] }),
        link: async () => null,
        watch: (onChange) => {
          arrived = onChange;
          return () => undefined;
        },
        overruled: () => overruledDecisions(store, 'alice'),
      });
      await until(() => controller.getState().story.view !== null && arrived !== null);
      await new Promise((r) => setTimeout(r, 50));
      expect(controller.getState().message?.text ?? '').not.toContain('erin');
      // erin's unlink of the first pair arrives through git.
      await saveStoryLink(
        store,
        'erin',
        { kind: 'unlink', ...pair },
        new Date('2026-12-07T11:00Z'),
      );
      arrived!();
      await until(() => (controller.getState().message?.text ?? '').includes('erin'));
      expect(controller.getState().message?.text).toBe(
        "erin's later unlink overrules your link: “Sentence 2 of a.” (Fixture News)",
      );
      // Said once: the next change elsewhere says nothing of it again.
      press(controller, 'j');
      arrived!();
      await new Promise((r) => setTimeout(r, 50));
      expect(controller.getState().message?.text ?? '').not.toContain('erin');
      // Linked again by alice after it, it is hers again; no teammate's decision overrules it.
      await saveStoryLink(store, 'alice', { kind: 'link', ...pair }, new Date('2026-12-07T12:00Z'));
      expect(await overruledDecisions(store, 'alice')).toEqual([
        {
          mine: { kind: 'link', ...other },
          by: 'erin',
          kind: 'unlink',
          created: expect.any(String),
        },
      ]);
      // And erin's unlink is overruled for her, by alice.
      expect(await overruledDecisions(store, 'erin')).toEqual([
        {
          mine: { kind: 'unlink', ...pair },
          by: 'alice',
          kind: 'link',
          created: expect.any(String),
        },
      ]);
    } finally {
      await rm(store, { recursive: true, force: true });
    }
  });
});

// review57-b: each change of a links file read every annotator's links twice, for the groups
// and again for what was overruled; the groups' answer now carries both.
describe("what a teammate overruled, told by the groups' answer", () => {
  it('is said from the one read of the links files that formed the groups', async () => {
    const pair = { a: { article: 'a', sentence: 'a-s1' }, b: { article: 'b', sentence: 'b-s2' } };
    let overruled: OverruledDecision[] = [];
    let asked = 0;
    let arrived: (() => void) | null = null;
    const controller = controllerOf({
      groups: async () => ({ groups: STORY.groups, problems: [], overruled }),
      link: async () => null,
      watch: (onChange) => {
        arrived = onChange;
        return () => undefined;
      },
      overruled: async () => {
        asked += 1;
        return [];
      },
    });
    await until(() => controller.getState().story.view !== null && arrived !== null);
    overruled = [
      {
        mine: { kind: 'link', ...pair },
        by: 'erin',
        kind: 'unlink',
        created: '2026-12-07T11:00:00.000Z',
      },
    ];
    arrived!();
    await until(() => (controller.getState().message?.text ?? '').includes('erin'));
    expect(controller.getState().message?.text).toBe(
      "erin's later unlink overrules your link: “Sentence 2 of a.” (Fixture News)",
    );
    // Asked once, for what was overruled before the review started; never after a change.
    expect(asked).toBe(1);
  });
});

describe('story groups unavailable', () => {
  it('says why once, not again over the notice of articles that arrived (lead, stop 56)', async () => {
    const asked: Array<Promise<unknown>> = [];
    const { controller, feed } = controllerLoading({
      groups: (articles) => {
        const answer = Promise.reject(
          new Error(
            `run margin index --story once (${(articles.length * 1000).toLocaleString('en-US')} articles)`,
          ),
        );
        asked.push(answer.catch(() => undefined));
        return answer;
      },
      link: async () => null,
    });
    const settled = async (count: number) => {
      await until(() => asked.length >= count);
      await asked[count - 1];
      await new Promise((r) => setImmediate(r));
    };
    feed({ type: 'loaded', articles: ARTICLES, warnings: [] });
    await settled(1);
    expect(controller.getState().message?.text).toBe(
      'story groups unavailable: run margin index --story once (3,000 articles)',
    );
    // Files arrive: the list's change asks for the groups again, for the same reason.
    feed({
      type: 'changed',
      articles: ARTICLES.slice(0, 2),
      changed: [],
      warnings: [],
      notice: '1 article removed',
    });
    await settled(2);
    expect(controller.getState().message?.text).toBe('1 article removed');
  });
});

describe('kept groups, read article by article', () => {
  it('reads the groups of each article the reviewer reaches, once, with their whole size', async () => {
    const asked: string[] = [];
    const controller = controllerOf({
      groups: async () => ({ kept: true, problems: [], note: 'the kept groups are older' }),
      article: async (id) => {
        asked.push(id);
        // Only the first 3 of 40 members are read.
        return { groups: STORY.groups, sizes: { [STORY.groups[0]!.id]: 40 } };
      },
      link: async () => null,
    });
    await until(() => asked.length === 1);
    const state = () => controller.getState();
    expect(asked).toEqual(['a']);
    expect(state().message?.text).toBe('the kept groups are older');
    await until(() => storyRead(state().story.view, 'a'));
    expect(counterpartCount(state().story.view, 'a', 'a-s3')).toBe(39);
    // b, not read yet, has no count until it is.
    expect(counterpartCount(state().story.view, 'b', 'b-s20')).toBe(0);
    press(controller, 'j');
    await until(() => storyRead(state().story.view, 'b'));
    expect(asked).toEqual(['a', 'b']);
    expect(counterpartCount(state().story.view, 'b', 'b-s20')).toBe(39);
    // Back to a: still read, not asked again.
    press(controller, 'k');
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toEqual(['a', 'b']);
  });

  it('keeps an article’s counts on screen while the kept groups are found again', async () => {
    const asked: number[] = [];
    const read: string[] = [];
    let arrived: (() => void) | null = null;
    const controller = controllerOf({
      groups: async (articles) => {
        asked.push(articles.length);
        return { kept: true, problems: [], note: null };
      },
      article: async (id) => {
        read.push(id);
        return { groups: STORY.groups, sizes: {} };
      },
      link: async () => null,
      watch: (onChange) => {
        arrived = onChange;
        return () => undefined;
      },
    });
    const state = () => controller.getState();
    await until(() => storyRead(state().story.view, 'a'));
    expect(counterpartCount(state().story.view, 'a', 'a-s3')).toBe(2);
    let sawBlink = false;
    const unsubscribe = controller.subscribe(() => {
      if (counterpartCount(state().story.view, 'a', 'a-s3') === 0) sawBlink = true;
    });
    // A teammate's link arrives: the kept groups are found again and a is read again, its count
    // on screen throughout.
    arrived!();
    await until(
      () => asked.length === 2 && read.length === 2 && storyRead(state().story.view, 'a'),
    );
    unsubscribe();
    expect(read).toEqual(['a', 'a']);
    expect(sawBlink).toBe(false);
  });

  it('opens the panel on the counts on screen while the article’s groups are read again', async () => {
    const read: string[] = [];
    let again: (() => void) | null = null;
    let arrived: (() => void) | null = null;
    const controller = controllerOf({
      groups: async () => ({ kept: true, problems: [], note: null, edition: String(read.length) }),
      article: async (id) => {
        read.push(id);
        // The second reading of a waits until the test lets it come.
        if (read.length > 1) await new Promise<void>((resolve) => (again = resolve));
        return { groups: STORY.groups, sizes: {} };
      },
      link: async () => null,
      watch: (onChange) => {
        arrived = onChange;
        return () => undefined;
      },
    });
    const state = () => controller.getState();
    await until(() => storyRead(state().story.view, 'a'));
    controller.press('', pressOf({ label: 'Enter', key: 'return' }).key);
    for (let n = 0; n < 3; n++) press(controller, 'j');
    // The corpus or the links changed: a is read again, its count still on screen.
    arrived!();
    await until(() => again !== null);
    expect(storyRead(state().story.view, 'a')).toBe(false);
    expect(counterpartCount(state().story.view, 'a', 'a-s3')).toBe(2);
    press(controller, 'o');
    expect(state().mode).toMatchObject({ kind: 'story', article: 'a', sentence: 'a-s3' });
    again!();
    await until(() => storyRead(state().story.view, 'a'));
    expect(state().mode).toMatchObject({ kind: 'story', article: 'a', sentence: 'a-s3' });
  });

  it('finds kept groups while the list is still loading, then again once it has', async () => {
    const asked: Array<[number, number | undefined]> = [];
    const { controller, feed } = controllerLoading({
      readsKept: (total) => total > 2,
      groups: async (articles, total) => {
        asked.push([articles.length, total]);
        return { kept: true, problems: [], note: null };
      },
      article: async () => ({ groups: STORY.groups, sizes: {} }),
      link: async () => null,
    });
    const state = () => controller.getState();
    feed({ type: 'progress', articles: ARTICLES.slice(1, 2), done: 2, total: 3 });
    // Asked with the part of the list there is, and the corpus's size.
    await until(() => storyRead(state().story.view, 'a'));
    expect(asked).toEqual([[2, 3]]);
    expect(counterpartCount(state().story.view, 'a', 'a-s3')).toBe(2);
    feed({ type: 'progress', articles: ARTICLES.slice(2), done: 3, total: 3 });
    feed({ type: 'loaded', articles: ARTICLES, warnings: [] });
    await until(() => asked.length === 2);
    expect(asked).toEqual([
      [2, 3],
      [3, undefined],
    ]);
  });

  it('forms groups only from the whole list', async () => {
    const asked: number[] = [];
    const { controller, feed } = controllerLoading({
      readsKept: (total) => total > 3,
      groups: async (articles) => {
        asked.push(articles.length);
        return { groups: STORY.groups, problems: [] };
      },
      link: async () => null,
    });
    feed({ type: 'progress', articles: ARTICLES.slice(1), done: 3, total: 3 });
    feed({ type: 'loaded', articles: ARTICLES, warnings: [] });
    await until(() => controller.getState().story.view !== null);
    expect(asked).toEqual([3]);
  });

  it('reads an article again only when the kept groups found again are other groups', () => {
    const group = { ...STORY.groups[0]!, id: 'g', members: [member('x'), member('y')] };
    const read = withArticleGroups(keptStoryView(null, null, 'one'), 'x', {
      groups: [group],
      sizes: {},
    });
    expect(storyRead(read, 'x')).toBe(true);
    // Found again as they were (the review looks while its list loads, and once it has).
    expect(storyRead(keptStoryView(null, read, 'one'), 'x')).toBe(true);
    // A link placed, an article changed: shown meanwhile, read again.
    const changed = keptStoryView(null, read, 'two');
    expect(storyRead(changed, 'x')).toBe(false);
    expect(groupOfSentence(changed, 'x', 'x-s0')?.id).toBe('g');
  });

  it('keeps the groups of the latest articles only', () => {
    let view = keptStoryView(null);
    for (let n = 0; n < 40; n++) {
      const group = { ...STORY.groups[0]!, id: `g${n}`, members: [member(`x${n}`), member('y')] };
      view = withArticleGroups(view, `x${n}`, { groups: [group], sizes: {} });
    }
    expect(storyRead(view, 'x39')).toBe(true);
    expect(storyRead(view, 'x0')).toBe(false);
    expect(view.groups.length).toBeLessThan(40);
    expect(groupOfSentence(view, 'x39', 'x39-s0')?.id).toBe('g39');
    expect(groupOfSentence(view, 'x0', 'x0-s0')).toBeUndefined();
  });
});

function member(article: string) {
  return {
    article,
    sentence: `${article}-s0`,
    index: 0,
    source: null,
    date: null,
    text: `Said in ${article}.`,
    labels: [],
  };
}
