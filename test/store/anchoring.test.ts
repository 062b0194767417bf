import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { openRepository } from '../../source/store/index.js';
import { articleFromText, seedArticle, sentenceContaining } from './articles.js';
import { useTempFolder } from './temp-store.js';

const WITKOFF =
  'Witkoff met with Putin late Thursday and was reported to have left Moscow in the early hours of Friday.';
const OPTIMISTIC = '“There are reasons to be cautiously optimistic.”';

/** The seed re-cleaned differently: same id, new text. */
function edited(original: Article, edit: (text: string) => string): Article {
  const text = edit(original.text);
  expect(text).not.toBe(original.text);
  return articleFromText(original.id, text);
}

describe('re-anchoring when the clean text changes', () => {
  const tempFolder = useTempFolder();
  const original = seedArticle();

  async function tagAndReopen(changed: Article) {
    const root = await tempFolder();
    const before = await openRepository({ root, annotator: 'alice', articles: [original] });
    await before.tag(original, sentenceContaining(original, 'Witkoff met with Putin').id, 'claim');
    await before.tag(
      original,
      sentenceContaining(original, 'reasons to be cautiously').id,
      'quote',
    );
    await before.close();
    const file = join(root, 'alice', `${original.id}.json`);
    const bytes = await readFile(file, 'utf8');
    const after = await openRepository({ root, annotator: 'alice', articles: [changed] });
    // Opening re-anchors in memory only: the file is not rewritten for it.
    expect(await readFile(file, 'utf8')).toBe(bytes);
    const placed = (label: string) =>
      after.list().find((annotation) => annotation.label === label)!;
    return { after, placed };
  }

  function placementOf(article: Article, fragment: string) {
    const sentence = sentenceContaining(article, fragment);
    return { sentence: sentence.id, start: sentence.start, end: sentence.end };
  }

  it('follows a sentence whose offsets moved because a word before it changed', async () => {
    const changed = edited(original, (text) =>
      text.replace('will organize a meeting', 'will arrange a meeting'),
    );
    const { placed } = await tagAndReopen(changed);
    const claim = placed('claim');
    expect(claim.placement).toEqual(placementOf(changed, 'Witkoff met with Putin'));
    expect(claim.placement!.start).toBe(claim.anchor.start - 1);
    expect(changed.text.slice(claim.placement!.start, claim.placement!.end)).toBe(WITKOFF);
  });

  it('follows a sentence with a word changed inside it, to its new sentence id', async () => {
    const changed = edited(original, (text) => text.replace('late Thursday', 'late on Thursday'));
    const { placed } = await tagAndReopen(changed);
    const claim = placed('claim');
    const now = placementOf(changed, 'Witkoff met with Putin late on Thursday');
    expect(claim.placement).toEqual(now);
    expect(now.sentence).not.toBe(claim.anchor.sentence);
    expect(placed('quote').placement).toEqual(placementOf(changed, 'reasons to be cautiously'));
  });

  it('follows a sentence moved to another paragraph', async () => {
    const changed = edited(original, (text) => `${text.replace(`${WITKOFF} `, '')}\n\n${WITKOFF}`);
    const { placed } = await tagAndReopen(changed);
    expect(placed('claim').placement).toEqual({
      sentence: placed('claim').anchor.sentence,
      start: changed.text.length - WITKOFF.length,
      end: changed.text.length,
    });
  });

  it('picks, among repeated sentences, the one whose surroundings match', async () => {
    const changed = edited(original, (text) => `${OPTIMISTIC} Said nobody.\n\n${text}`);
    const { placed } = await tagAndReopen(changed);
    const quote = placed('quote');
    const hits = changed.sentences.filter((sentence) => sentence.text === OPTIMISTIC);
    expect(hits).toHaveLength(2);
    expect(quote.placement).toEqual({
      sentence: hits[1]!.id,
      start: hits[1]!.start,
      end: hits[1]!.end,
    });
  });

  it('keeps an annotation whose sentence was deleted as an orphan, with its quote', async () => {
    const changed = edited(original, (text) => text.replace(`${WITKOFF} `, ''));
    const { after, placed } = await tagAndReopen(changed);
    expect(placed('claim')).toMatchObject({ placement: null, anchor: { quote: WITKOFF } });
    expect(placed('quote').placement).toEqual(placementOf(changed, 'reasons to be cautiously'));
    expect(after.list({ article: original.id })).toHaveLength(2);
  });

  it('re-places when open() is given a newer text in the same session', async () => {
    const root = await tempFolder();
    const repo = await openRepository({ root, annotator: 'alice', articles: [original] });
    await repo.tag(original, sentenceContaining(original, 'Witkoff met with Putin').id, 'event');
    const changed = edited(original, (text) =>
      text.replace(WITKOFF, WITKOFF.replace('Moscow', 'Moskva')),
    );
    await repo.open([changed]);
    expect(repo.list()[0]!.placement).toEqual(placementOf(changed, 'left Moskva'));
    await repo.open([]);
    expect(repo.list()[0]!.placement).toBeNull();
  });
});
