/**
 * The differences a group reports, measured on the planted groups themselves (the gold
 * members, not the engine's grouping, so that the figures are the differences' own): a group
 * with a member of the `numbers` variation (a claim or an event) states another figure, one
 * with a member of the `spelling` variation spells a name otherwise, and no planted group's
 * members disagree on the date (every member tells the fact's own weekday). Counted per group
 * and kind of difference: a reported kind the group does not have is a false one, a planted
 * kind not reported a miss.
 */
import { differences } from '../../source/story/differences.js';
import type { Difference } from '../../source/story/types.js';
import type { PlantedCorpus } from '../generate/planted-groups.js';

export type DifferenceKind = Difference['kind'];

export interface DifferenceCounts {
  /** Planted differences of this kind, reported ones, and reported ones that were planted. */
  gold: number;
  reported: number;
  right: number;
  /** A few false ones, "28 ≠ 31"-style, for the notes. */
  examples: string[];
}

/** Per kind of difference, over every planted group of the articles made so far. */
export function scoreDifferences(corpus: PlantedCorpus): Map<DifferenceKind, DifferenceCounts> {
  const counts = new Map<DifferenceKind, DifferenceCounts>(
    (['number', 'name', 'date'] as const).map((kind) => [
      kind,
      { gold: 0, reported: 0, right: 0, examples: [] },
    ]),
  );
  const groups = new Map<number, { article: number; sentence: number; variation: string }[]>();
  for (const sentence of corpus.planted.values()) {
    if (sentence.variation === 'distractor') continue;
    const members = groups.get(sentence.group) ?? [];
    members.push(sentence);
    groups.set(sentence.group, members);
  }
  for (const [group, members] of groups) {
    if (members.length < 2) continue;
    members.sort((a, b) => a.article - b.article);
    const inputs = members.map((member) => {
      const article = corpus.article(member.article);
      return { text: article.sentences[member.sentence]!.text, date: article.date };
    });
    const variations = new Set(members.map((member) => member.variation));
    const gold = new Set<DifferenceKind>();
    if (variations.has('numbers') && corpus.groupKinds[group] !== 'quote') gold.add('number');
    if (variations.has('spelling')) gold.add('name');
    const reported = new Map<DifferenceKind, Difference>();
    for (const difference of differences(inputs)) reported.set(difference.kind, difference);
    for (const [kind, c] of counts) {
      if (gold.has(kind)) c.gold++;
      const difference = reported.get(kind);
      if (!difference) continue;
      c.reported++;
      if (gold.has(kind)) c.right++;
      else if (c.examples.length < 3) {
        c.examples.push([...new Set(difference.values.map((value) => value.text))].join(' ≠ '));
      }
    }
  }
  return counts;
}
