/**
 * Turns a compact group (positions) into what the story view shows: each member's text, source,
 * date and labels, the group's kind, the differences, and a word diff against the anchor.
 */
import { differences, perText } from './differences.js';
import { type SentenceFeatures, sentenceFeatures, speakerNames, Vocabulary } from './tokens.js';
import type { GroupMember, StoryArticle, StoryCluster, StoryGroup, StoryKind } from './types.js';
import { wordDiff } from './word-diff.js';

/** The labels reviewers gave a sentence (any annotator), as the caller keeps them. */
export type LabelsOf = (article: string, sentence: string) => readonly string[];

const KINDS: readonly StoryKind[] = ['quote', 'claim', 'event'];
const PASSIVE = /\b(?:was|were|had been|have been|has been)\s+\w+(?:ed|en|wn)\b/i;
const EVENT_WORDS =
  /\b(killed|injured|wounded|attack(ed|s)?|struck|strikes?|intercepted|shot down|launched|arrived|met|visited|signed|exploded|fired|seized|captured|died)\b/i;

/** `diffs: false` leaves each member's word diff empty, for callers that do not show it (`--json`). */
export interface DescribeOptions {
  diffs?: boolean;
}

export function describeCluster(
  cluster: StoryCluster,
  lookup: (articleId: string) => StoryArticle | undefined,
  labelsOf?: LabelsOf,
): StoryGroup {
  return describeMembers(cluster.id, clusterMembers(cluster, lookup, labelsOf));
}

/** A group's members as shown: each one's text, source, date and labels; unreadable ones left out. */
export function clusterMembers(
  cluster: StoryCluster,
  lookup: (articleId: string) => StoryArticle | undefined,
  labelsOf?: LabelsOf,
): GroupMember[] {
  const members: GroupMember[] = [];
  for (const { article: articleId, sentence: index } of cluster.members) {
    const article = lookup(articleId);
    const sentence = article?.sentences[index];
    if (!article || !sentence) continue;
    members.push({
      article: article.id,
      sentence: sentence.id,
      index,
      source: article.source,
      date: article.date,
      text: sentence.text,
      labels: [...(labelsOf?.(article.id, sentence.id) ?? [])],
    });
  }
  return members;
}

/**
 * What is made of a group's members (its kind, the differences, the word diffs): the costly
 * part of describing, which depends on the members alone and so can run on another thread.
 */
export function describeMembers(
  id: string,
  members: GroupMember[],
  options: DescribeOptions = {},
): StoryGroup {
  const anchor = members[0]?.text ?? '';
  // Read once per distinct text: copies of one sentence are most of a big group.
  const vocabulary = new Vocabulary();
  const features = perText(members, (member) => sentenceFeatures(member.text, vocabulary));
  // Who spoke, not how they are described: "Russian President Putin" and "Russian Foreign
  // Minister Lavrov" are two speakers.
  const speakers = features.map((feature) =>
    speakerNames(feature.speakers).map((id) => vocabulary.word(id)),
  );
  // A third of describing a group of different wordings; JSON does not carry it.
  const diffs =
    options.diffs === false
      ? members.map(() => [])
      : perText(members, (member) => wordDiff(anchor, member.text));
  return {
    id,
    kind: kindOf(members, features),
    members,
    differences: differences(
      members.map(({ text, date }) => ({ text, date })),
      speakers,
    ),
    diffs: diffs.map((diff, index) => (index === 0 ? [] : diff)),
  };
}

/** The label most members carry; failing labels, what the wording says. */
export function kindOf(
  members: readonly GroupMember[],
  features?: readonly Pick<SentenceFeatures, 'quoted' | 'reported'>[],
): StoryKind | null {
  const counts = new Map<StoryKind, number>();
  for (const member of members) {
    for (const label of new Set(member.labels)) {
      if ((KINDS as readonly string[]).includes(label)) {
        counts.set(label as StoryKind, (counts.get(label as StoryKind) ?? 0) + 1);
      }
    }
  }
  const best = [...counts].sort(
    (a, b) => b[1] - a[1] || KINDS.indexOf(a[0]) - KINDS.indexOf(b[0]),
  )[0];
  if (best) return best[0];
  const read = features ?? featuresOf(members);
  if (read.some((feature) => feature.quoted)) return 'quote';
  // Something happened: an event verb, or a figure with a passive ("56 trucks were stranded").
  const happened = (text: string) =>
    EVENT_WORDS.test(text) ||
    (/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(text) &&
      PASSIVE.test(text));
  if (members.some((member) => happened(member.text))) return 'event';
  if (read.some((feature) => feature.reported)) return 'claim';
  return null;
}

function featuresOf(members: readonly GroupMember[]): SentenceFeatures[] {
  const vocabulary = new Vocabulary();
  return members.map((member) => sentenceFeatures(member.text, vocabulary));
}
