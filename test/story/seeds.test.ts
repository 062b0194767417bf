import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { differences } from '../../source/story/differences.js';
import { storyGroups } from '../../source/story/index.js';
import type { StoryGroup } from '../../source/story/types.js';
import { seedArticles } from '../search/articles.js';
import { type GoldGroup, SEED_GROUPS, SEED_NEGATIVES } from './seed-groups.js';

type Key = string;
const keyOf = (article: string, sentence: string): Key => `${article}/${sentence}`;

let articles: Article[];
let groups: StoryGroup[];
const groupOf = new Map<Key, string>();

/** Every seed sentence that contains `substring`; a gold substring that matches none is a typo. */
function sentencesWith(substring: string): Key[] {
  const found: Key[] = [];
  for (const article of articles) {
    for (const sentence of article.sentences) {
      if (sentence.text.includes(substring)) found.push(keyOf(article.id, sentence.id));
    }
  }
  if (found.length === 0) throw new Error(`no seed sentence contains "${substring}"`);
  return found;
}

const inOneGroup = (keys: Key[]) => {
  const ids = new Set(keys.map((key) => groupOf.get(key) ?? `none:${key}`));
  return ids.size === 1 && !ids.values().next().value!.startsWith('none:');
};

beforeAll(async () => {
  articles = await seedArticles();
  groups = storyGroups(articles);
  for (const group of groups) {
    for (const member of group.members)
      groupOf.set(keyOf(member.article, member.sentence), group.id);
  }
});

describe('the story groups of the seeds', () => {
  for (const gold of SEED_GROUPS.filter((group) => group.members.length > 0)) {
    it(`finds: ${gold.name}`, () => {
      const keys = gold.members.flatMap(sentencesWith);
      expect(keys.length).toBeGreaterThan(1);
      expect(inOneGroup(keys)).toBe(true);
    });
  }

  // Known misses: rewordings and translations with few words in common. When the engine starts
  // to find one, this fails: move the sentence from `missed` to `members`.
  for (const gold of SEED_GROUPS.filter((group) => (group.missed ?? []).length > 0)) {
    it.fails(`does not yet join the rewordings of: ${gold.name}`, () => {
      const keys = [...gold.members, ...(gold.missed ?? [])].flatMap(sentencesWith);
      expect(inOneGroup(keys)).toBe(true);
    });
  }

  it('joins no sentence to one it does not report', () => {
    const allowed = (gold: GoldGroup) =>
      new Set(
        [...gold.members, ...(gold.missed ?? []), ...(gold.related ?? [])].flatMap(sentencesWith),
      );
    const golds = SEED_GROUPS.map(allowed);
    for (const group of groups) {
      const keys = group.members.map((member) => keyOf(member.article, member.sentence));
      const explained = golds.some((gold) => keys.every((key) => gold.has(key)));
      expect(explained, `unexpected group: ${group.members.map((m) => m.text).join(' | ')}`).toBe(
        true,
      );
    }
  });

  it('never joins two different gold groups', () => {
    SEED_GROUPS.forEach((gold, index) => {
      const mine = [...gold.members, ...(gold.missed ?? [])].flatMap(sentencesWith);
      const others = SEED_GROUPS.filter((_, other) => other !== index).flatMap((other) =>
        [...other.members, ...(other.missed ?? [])].flatMap(sentencesWith),
      );
      for (const key of mine) {
        const id = groupOf.get(key);
        if (!id) continue;
        for (const other of others) {
          if (!mine.includes(other))
            expect(groupOf.get(other), `${key} with ${other}`).not.toBe(id);
        }
      }
    });
  });

  for (const [why, a, b] of SEED_NEGATIVES) {
    it(`keeps apart: ${why}`, () => {
      for (const x of sentencesWith(a)) {
        for (const y of sentencesWith(b)) {
          const id = groupOf.get(x);
          if (id) expect(groupOf.get(y)).not.toBe(id);
        }
      }
    });
  }

  it('ignores sentences that say too little ("He said.", "Background:")', () => {
    for (const group of groups) {
      for (const member of group.members)
        expect(member.text).not.toMatch(/^(Background:?|.{0,12})$/);
    }
  });

  it('shows the envoy spelled Witkoff in one outlet and Witkov in another', () => {
    const group = groups.find((candidate) =>
      candidate.members.some((member) => member.text.includes('additional messages')),
    )!;
    expect(group.differences).toContainEqual({
      kind: 'name',
      values: [
        { member: 0, text: 'Witkoff' },
        { member: 1, text: 'Witkov' },
      ],
    });
    expect(group.members.map((member) => member.source)).toEqual([null, 'Mehr News Agency']);
  });

  it('reports the drone counts, 28 against four, as a difference', () => {
    const text = (substring: string) =>
      articles.flatMap((article) => article.sentences).find((s) => s.text.includes(substring))!
        .text;
    const found = differences([
      { text: text('28 Ukrainian drones were intercepted'), date: '2025-03-14' },
      { text: text('intercepted four Ukrainian drones'), date: null },
    ]);
    expect(found).toContainEqual({
      kind: 'number',
      values: [
        { member: 0, text: '28' },
        { member: 1, text: 'four' },
      ],
    });
  });

  it('gives every copy of a sentence its own place among the differences', () => {
    const copy = 'On Thursday 28 Ukrainian drones were intercepted, Igor Konashenkov said.';
    const other = 'On Friday four Ukrainian drones were intercepted, Igor Konashenkov said.';
    const found = differences([
      { text: copy, date: '2025-03-14' },
      { text: other, date: '2025-03-14' },
      { text: copy, date: '2025-03-14' },
    ]);
    const members = (kind: string) =>
      found
        .filter((difference) => difference.kind === kind)
        .flatMap((difference) => difference.values.map((value) => [value.member, value.text]));
    expect(members('number')).toEqual([
      [0, '28'],
      [1, 'four'],
      [2, '28'],
    ]);
    expect(members('date')).toEqual([
      [0, 'Thursday'],
      [1, 'Friday'],
      [2, 'Thursday'],
    ]);
    // One day told with and without its preposition (and the comma after it) is one value.
    const told = differences([
      { text: copy, date: '2025-03-14' },
      {
        text: 'Thursday, 28 Ukrainian drones were intercepted, Konashenkov said.',
        date: '2025-03-14',
      },
      { text: other, date: '2025-03-14' },
    ]);
    const days = told.filter((d) => d.kind === 'date').flatMap((d) => d.values.map((v) => v.text));
    expect(new Set(days)).toEqual(new Set(['Thursday', 'Friday']));
  });

  it('shows the drone counts of the one attack, 28 against four, in its group', () => {
    const group = groups.find((candidate) =>
      candidate.members.some((member) => member.text.includes('28 Ukrainian drones')),
    )!;
    expect(group.members.some((member) => member.text.includes('four Ukrainian drones'))).toBe(
      true,
    );
    const counts = group.differences.find((difference) => difference.kind === 'number');
    expect(counts?.values.map((value) => value.text)).toEqual(['28', 'four']);
  });

  it('diffs each member word by word against the earliest-dated one', () => {
    const group = groups.find((candidate) =>
      candidate.members.some((member) => member.text.includes('brings all the information')),
    )!;
    expect(group.members[0]!.source).toBe('The National');
    expect(group.diffs[0]).toEqual([]);
    const changed = group.diffs[1]!.filter((part) => part.kind !== 'same').map((part) =>
      part.text.trim(),
    );
    expect(changed).toEqual(expect.arrayContaining(['brings', 'presents']));
    expect(group.kind).toBe('quote');
  });
});
