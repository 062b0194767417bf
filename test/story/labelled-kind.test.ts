import { describe, expect, it } from 'vitest';
import { labelledKind } from '../../source/story/labelled-kind.js';

describe("a group's kind from its members' labels", () => {
  const defaults = ['claim', 'quote', 'event'];

  it('names a quotation tagged claim and quote a quote, in the default codebook too', () => {
    // The default codebook lists claim first: its claim+quote groups must stay quotes (review57-b).
    expect(
      labelledKind(
        [
          ['claim', 'quote'],
          ['quote', 'claim'],
        ],
        defaults,
      ),
    ).toBe('quote');
    expect(labelledKind([['claim'], ['claim', 'quote']], defaults)).toBe('claim');
  });

  it('settles a tie of the team’s own labels by the codebook’s order, each member once', () => {
    const codebook = ['statistic', 'denial', 'source'];
    expect(
      labelledKind(
        [
          ['denial', 'statistic'],
          ['statistic', 'denial'],
        ],
        codebook,
      ),
    ).toBe('statistic');
    // A member carrying a label twice counts once: 2 and 2, not 3 and 2.
    expect(
      labelledKind([['denial', 'denial'], ['denial'], ['statistic'], ['statistic']], codebook),
    ).toBe('statistic');
    // A label the codebook no longer lists is no kind.
    expect(labelledKind([['claim'], ['claim']], codebook)).toBeNull();
  });
});
