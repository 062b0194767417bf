import type { Article, Sentence } from '../../source/corpus/types.js';
import type { ArticleMarks } from '../../source/review/marks.js';
import { initialState, type ReviewState } from '../../source/review/state.js';
import { type StoryView, storyView } from '../../source/review/story.js';
import type { SearchHit } from '../../source/search/types.js';
import type { GroupMember } from '../../source/story/types.js';

/** An article of one-line sentences, `perParagraph` to a paragraph, ids `ID-sN`. */
export function fixtureArticle(id: string, count: number, perParagraph = 5): Article {
  const sentences: Sentence[] = [];
  let text = '';
  for (let index = 0; index < count; index += 1) {
    const paragraph = Math.floor(index / perParagraph);
    if (index > 0) text += index % perParagraph === 0 ? '\n\n' : ' ';
    const body = `Sentence ${index + 1} of ${id}.`;
    sentences.push({
      id: `${id}-s${index}`,
      paragraph,
      text: body,
      start: text.length,
      end: text.length + body.length,
    });
    text += body;
  }
  return {
    id,
    path: `${id}.txt`,
    title: `Title of ${id}`,
    date: '2025-03-14',
    byline: null,
    source: 'Fixture News',
    text,
    sentences,
    warnings: [],
    hash: `hash-${id}`,
  };
}

/**
 * Short sentences around one (the third, index 2) of `words` words, w0 … w{words-1}, in one
 * paragraph: at the smaller sizes it is taller than the reader.
 */
export function tallSentenceArticle(words: number): Article {
  const texts = [
    'The talks opened on Friday.',
    'Officials said little.',
    `${Array.from({ length: words }, (_, index) => `w${index}`).join(' ')}.`,
    'A short one after it.',
    'And another one.',
    'The end of the article.',
  ];
  let start = 0;
  const sentences: Sentence[] = texts.map((text, index) => {
    const sentence = { id: `t-s${index}`, paragraph: 0, text, start, end: start + text.length };
    start += text.length + 1;
    return sentence;
  });
  return {
    id: 't',
    path: 't.txt',
    title: 'A long sentence',
    date: null,
    byline: null,
    source: null,
    text: texts.join(' '),
    sentences,
    hash: 't',
    warnings: [],
  } as Article;
}

export function marks(partial: Partial<ArticleMarks> = {}): ArticleMarks {
  return { sentences: {}, orphans: [], status: 'unreviewed', readOnly: null, ...partial };
}

export const ARTICLES = [fixtureArticle('a', 10), fixtureArticle('b', 40), fixtureArticle('c', 10)];

export const HITS: SearchHit[] = [
  {
    article: 'a',
    sentence: 'a-s3',
    score: 1,
    text: 'Sentence 4 of a.',
    labels: [],
    matches: [[0, 8]],
  },
  {
    article: 'b',
    sentence: 'b-s7',
    score: 0.9,
    text: 'Sentence 8 of b.',
    labels: [],
    matches: [[0, 8]],
  },
  {
    article: 'c',
    sentence: 'c-s5',
    score: 0.8,
    text: 'Sentence 6 of c.',
    labels: [],
    matches: [[0, 8]],
  },
];

const member = (article: string, index: number): GroupMember => ({
  article,
  sentence: `${article}-s${index}`,
  index,
  source: `${article.toUpperCase()} News`,
  date: '2025-03-14',
  text: `Sentence ${index + 1} of ${article}.`,
  labels: [],
});

/** One story group: b's sentence 21 (under the reader's cursor) is a's 4th and c's 6th. */
export const STORY: StoryView = storyView([
  {
    id: 'story-000000000001',
    kind: null,
    members: [member('a', 3), member('b', 20), member('c', 5)],
    differences: [],
    diffs: [[], [], []],
  },
]);

/**
 * Article "b" open in the reader at sentence 21 (index 20), which is tagged claim; index 21 is
 * tagged quote, so the next untagged sentence is index 22.
 */
export function readerState(overrides: Partial<ReviewState> = {}): ReviewState {
  const state = initialState({
    corpusName: 'fixtures',
    annotator: 'alice',
    size: { columns: 100, rows: 30 },
    articles: ARTICLES,
    marks: {
      b: marks({
        status: 'in progress',
        sentences: {
          'b-s20': { labels: ['claim'], note: 'check this', attributes: { claimant: 'Kremlin' } },
          'b-s21': { labels: ['quote'], note: null, attributes: {} },
        },
      }),
    },
    searchAvailable: true,
  });
  return {
    ...state,
    current: 1,
    focus: 'reader',
    cursors: { b: 20 },
    ...overrides,
  };
}

export function listState(overrides: Partial<ReviewState> = {}): ReviewState {
  return readerState({ focus: 'list', ...overrides });
}
