import { describe, expect, it } from 'vitest';
import { inPhraseAt, isPhrase } from '../../source/story/synonyms.js';
import { stem } from '../../source/story/tokens.js';

describe("the words that may stand after a phrase's first", () => {
  it("knows each place of WordNet's phrasal verbs, and no word that stands in none", () => {
    expect(isPhrase('turn_down')).toBe(true);
    expect(inPhraseAt('down', 1)).toBe(true);
    expect(isPhrase(`ask_for_${stem('trouble')}`)).toBe(true);
    expect(inPhraseAt('for', 1)).toBe(true);
    expect(inPhraseAt(stem('trouble'), 2)).toBe(true);
    // Most words after "turn" or "take" join no phrase: no key is built for them.
    expect(inPhraseAt(stem('minister'), 1)).toBe(false);
    expect(inPhraseAt(stem('government'), 1)).toBe(false);
    expect(inPhraseAt('the', 2)).toBe(false);
  });
});
