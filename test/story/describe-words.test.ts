import { describe, expect, it } from 'vitest';
import { DescribingVocabulary, describeMembers } from '../../source/story/describe.js';
import type { GroupMember } from '../../source/story/index.js';
import { sentenceFeatures, Vocabulary } from '../../source/story/tokens.js';

const members = (texts: string[]): GroupMember[] =>
  texts.map((text, at) => ({
    article: `a${at}`,
    sentence: `s${at}`,
    index: 0,
    source: `Outlet ${at}`,
    date: '2025-03-07',
    text,
    labels: [],
  }));

const told = [
  'Jean-Claude Juncker said the U.S. fishing agreement would be signed on Friday.',
  'Dmitry Peskov told reporters the fishing agreement with NATO would be signed on Friday.',
  'The agreement, Peskov said, was "a good one for everybody" in Moscow and Brussels.',
];
const before = [
  'Juncker told reporters in Brussels that the harbour fees had doubled since Friday.',
  'NATO and the U.S. said on Friday that Moscow had been told of the fishing agreement.',
];

describe('describing a group, with what the thread learnt of each word', () => {
  it('gives each word the id a vocabulary of its own gives it, whatever was read before', () => {
    const warm = new DescribingVocabulary();
    for (const text of before) sentenceFeatures(text, warm);
    const learnt = new DescribingVocabulary();
    const own = new Vocabulary();
    for (const text of told) {
      expect(sentenceFeatures(text, learnt)).toEqual(sentenceFeatures(text, own));
    }
    expect(learnt.words).toEqual(own.words);
  });

  it('describes a group alike before and after others', () => {
    const alone = describeMembers('told', members(told));
    describeMembers('before', members(before));
    expect(describeMembers('told', members(told))).toEqual(alone);
  });
});
