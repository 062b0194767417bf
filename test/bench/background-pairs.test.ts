import { describe, expect, it } from 'vitest';
import { namesOf, scoreBackground } from '../../bench/evaluate/background-pairs.js';

describe('precision over the generator’s background sentences', () => {
  it('reads the generator’s names in any spelling', () => {
    expect(namesOf('Mr. Witkov met Mr Putin in Kiev, the Kremlin said.')).toEqual([
      'Kyiv',
      'Putin',
      'Witkoff',
      'the Kremlin',
    ]);
    expect(namesOf('The bloc’s 27 members must agree unanimously on foreign policy.')).toEqual([]);
  });

  it('counts a pair wrong only when each names someone or somewhere the other does not', () => {
    const texts: Record<string, string> = {
      a: 'Mr Putin, who arrived at 9:45 a.m. local time, met officials in Brussels.',
      b: 'Mr. Rubio, who arrived at 7:00 a.m. local time, met officials in Brussels.',
      c: 'Mr Putin, who arrived at 9:15 a.m. local time, met officials in Brussels.',
      d: 'Mr Putin met officials.',
    };
    const cluster = (...ids: string[]) => ({
      id: ids.join(''),
      anchor: { article: ids[0]!, sentence: 0 },
      members: ids.map((article) => ({ article, sentence: 0 })),
    });
    const counts = scoreBackground(
      [cluster('a', 'b', 'c', 'd'), cluster('a', 'c'), cluster('planted', 'a')],
      (article) => texts[article],
    );
    // a–b, b–c and b–d name other people; a–c, a–d and c–d do not (d leaves Brussels out).
    expect(counts).toMatchObject({ pairs: 7, wrongPairs: 3, groups: 2, mixedGroups: 1 });
  });
});
