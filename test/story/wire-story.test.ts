import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../source/commands/run.js';
import { command } from '../../source/commands/story.js';
import { withoutDateline } from '../../source/story/dateline.js';
import { quoteDifferences } from '../../source/story/differences.js';
import { captureIO } from '../corpus/capture-io.js';
import { WIRE_CORPUS, writeWireCorpus } from './wire-corpus.js';

const root = join(import.meta.dirname, '../..');
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

interface JsonGroup {
  members: Array<{ article: string; text: string }>;
  differences: Array<{ kind: string; values: Array<{ member: number; text: string }> }>;
}

const REUTERS_LEAD = 'KYIV, March 14 (Reuters) - ';

/** The corpus with Reuters' lead opening with `dateline` instead of its own. */
async function story(dateline: string, json: boolean) {
  const dir = await mkdtemp(join(tmpdir(), 'margin-wire-'));
  made.push(dir);
  const copy = join(dir, 'corpus');
  await mkdir(copy);
  expect(WIRE_CORPUS['reuters.md']).toContain(REUTERS_LEAD);
  await writeWireCorpus(copy, (_name, text) => text.replace(REUTERS_LEAD, dateline));
  const captured = captureIO(root, { XDG_CACHE_HOME: join(dir, 'cache') });
  const status = await runCommand(
    command,
    [],
    {
      corpus: copy,
      store: join(dir, 'annotations'),
      json,
      all: true,
      minSources: '2',
      label: [],
    },
    captured.io,
  );
  expect(status).toBe(0);
  return captured.stdout();
}

const parse = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JsonGroup);

const groupWith = (groups: JsonGroup[], text: string) =>
  groups.find((group) => group.members.some((member) => member.text.includes(text)));

const SEVEN = ['aggregator', 'aljazeera', 'ap', 'bbc', 'guardian', 'kyivindependent', 'reuters'];

describe('a wire dateline in margin story', () => {
  // qa55 #1: "KYIV, March 14 (Reuters) - " kept Reuters' lead out of the group of the six
  // others' versions of the strike, and "KYIV, March 14 - " took the Daily Aggregator's copy
  // of AP's lead out with it.
  it.each([
    REUTERS_LEAD,
    'KYIV, March 14 (Reuters) — ',
    'KYIV, March 14 - ',
    'KYIV/MOSCOW, 14 March 2025 (Reuters/AFP) -- ',
    'KYIV (Reuters) - ',
    '',
  ])('leaves the lead in its event’s group of seven outlets: %j', async (dateline) => {
    const groups = parse(await story(dateline, true));
    const strike = groupWith(groups, 'killed 14 people and wounded 37 early on Friday');
    expect(strike?.members.map((member) => member.article).sort()).toEqual(SEVEN);
    // The dateline's date is no date of the event against "early Friday".
    expect(strike?.differences.filter((difference) => difference.kind === 'date')).toEqual([]);
  });

  it('is the outlet’s furniture, and only a dateline is', () => {
    expect(withoutDateline('PALM BEACH, Fla. (AP) — Trump said.')).toBe('Trump said.');
    expect(withoutDateline('WASHINGTON — The president said.')).toBe('The president said.');
    expect(withoutDateline('Beijing, March 3 (Xinhua/dpa) – China said.')).toBe('China said.');
    expect(withoutDateline('Kyiv (Reuters) - Ukraine said.')).toBe('Ukraine said.');
    // Capitals alone: a place WordNet knows, or a name it does not know, as datelines give them.
    expect(withoutDateline('UKRAINE — The ministry said.')).toBe('The ministry said.');
    expect(withoutDateline('KYIV — The ministry said.')).toBe('The ministry said.');
    expect(withoutDateline('NEW YORK — The mayor said.')).toBe('The mayor said.');
    // A city named as an animal is, as the benchmark's `BUFFALO, N.Y. — Hours before…`.
    expect(withoutDateline('BUFFALO — Hours before the game, the coach said.')).toBe(
      'Hours before the game, the coach said.',
    );
    expect(withoutDateline('BUFFALO, N.Y. — Hours before the game.')).toBe(
      'Hours before the game.',
    );
    // Glued to the next word, as some outlets write it (stop 58 saw `NEW DELHI-The` compared
    // as the sentence's words): the same dateline.
    expect(withoutDateline('NEW DELHI-The government said.')).toBe('The government said.');
    expect(withoutDateline('WASHINGTON—The Federal Reserve held.')).toBe(
      'The Federal Reserve held.',
    );
    expect(withoutDateline('KYIV-A Russian drone hit the port.')).toBe(
      'A Russian drone hit the port.',
    );
    expect(withoutDateline('MOSCOW, March 14 (Reuters)-The Kremlin said.')).toBe(
      'The Kremlin said.',
    );
    for (const sentence of [
      'Smith — who was there — said so.',
      // A speaker's or a company's mark is no agency's: two speakers' statements stay two.
      'Rep. Jim Jordan (R-Ohio) — who chairs the committee — said the subpoena would be issued.',
      'Rep. Jamie Raskin (D-Md.) — who chairs the committee — said the subpoena would be issued.',
      'Apple (AAPL) - shares rose 3% after the report.',
      'Paris, Texas — a town of 25,000 — voted.',
      'The strike hit the port - it said.',
      // A subject in capitals, an organisation, is no place (text56).
      'NATO — the alliance said it would send more jets.',
      'HAMAS — the group said it would free two hostages.',
      'OPEC — the cartel said output would rise.',
      // Glued words that are no dateline: names and compounds keep their words.
      'Smith-Jones said the plan would work.',
      // review59-a: a compound whose second word opens no sentence keeps its first.
      'COVID-Era rules were lifted on Monday.',
      'BEIJING-Backed lenders pulled out.',
      'LONDON-Listed miners fell 3%.',
      'MOSCOW-Kyiv talks resumed.',
      'U.S.-Russia talks resumed on Friday.',
      'US-China trade talks resumed.',
      'NEW YORK-BASED lenders said so.',
      'NATO-Russia Council talks resumed.',
      'COVID-19 cases rose.',
    ])
      expect(withoutDateline(sentence)).toBe(sentence);
  });
});

describe('the differences of a story', () => {
  it('give one figure written two ways as one value, and a time with its mark', async () => {
    const report = await story(REUTERS_LEAD, false);
    expect(report).toContain('  differ (number): 14 (Fourteen) ≠ 15 ≠ 12\n');
    expect(report).toContain('  differ (number): 3 a.m. ≠ 4 a.m.\n');
    // "Russia's Defense Ministry said" and "The Russian Defense Ministry said": one speaker.
    expect(report).not.toMatch(/Russia ≠ Russian|Russian ≠ Russia/);
  });

  it('list every member stating a value that differs', async () => {
    const groups = parse(await story(REUTERS_LEAD, true));
    const strike = groupWith(groups, 'wounded 37 early Friday')!;
    const wounded = strike.differences.find((difference) =>
      difference.values.some((value) => value.text === '40'),
    );
    const saying37 = wounded?.values
      .filter((value) => value.text === '37')
      .map((value) => strike.members[value.member]!.article)
      .sort();
    // AP's "wounded 37 early Friday" and the aggregator's copy of it were missing (qa55 #6).
    expect(saying37).toEqual(SEVEN.filter((article) => article !== 'bbc'));
  });

  it('report an edited quotation as a difference of its own', async () => {
    const report = await story(REUTERS_LEAD, false);
    expect(report).toContain(
      '  differ (quote): “…every life taken in…” ≠ “…every life that it has taken in…”\n',
    );
    const groups = parse(await story(REUTERS_LEAD, true));
    const quote = groupWith(groups, 'every life that it has taken')!;
    const edited = quote.differences.find((difference) => difference.kind === 'quote');
    const by = (text: string) =>
      edited?.values
        .filter((value) => value.text === text)
        .map((value) => quote.members[value.member]!.article)
        .sort();
    expect(by('“…every life that it has taken in…”')).toEqual(['kyivindependent']);
    // The Guardian's "…in Odesa." with its period inside is the same quotation.
    expect(by('“…every life taken in…”')).toEqual([
      'aggregator',
      'aljazeera',
      'ap',
      'guardian',
      'reuters',
    ]);
  });
});

describe('an edited quotation', () => {
  const quoting = (...texts: string[]) =>
    quoteDifferences(texts.map((text) => ({ text, date: '2025-03-14' }))).map((difference) =>
      difference.values.map((value) => `${value.member}:${value.text}`),
    );

  it('is each edit of the words, with two words around it', () => {
    expect(
      quoting(
        '"We will sign the agreement on fishing rights next week," the minister said.',
        'The minister said: "We will ratify the agreement on fishing rights next week."',
      ),
    ).toEqual([['0:“We will sign the agreement…”', '1:“We will ratify the agreement…”']]);
  });

  it('is not a quotation trimmed, an editor’s words in brackets, or another rendering', () => {
    const whole = '"We will determine the timing of a conversation soon," Ushakov said.';
    expect(
      quoting(whole, 'Ushakov said they would "determine the timing of a conversation".'),
    ).toEqual([]);
    expect(
      quoting(
        whole,
        '"We will determine the timing of a conversation [with Trump] soon," he said.',
      ),
    ).toEqual([]);
    // Two translations of one remark share a few words: the panel's word diff shows them.
    expect(
      quoting(
        '"There is still much to be done, but the President has nevertheless identified with his position," he said.',
        '"Nevertheless, the president agrees with his position," he said.',
      ),
    ).toEqual([]);
  });
});
