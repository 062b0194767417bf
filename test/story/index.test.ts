import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCorpusIndex } from '../../source/corpus/db/open.js';
import type { Article } from '../../source/corpus/types.js';
import type { PairReplay } from '../../source/story/edges.js';
import { buildStoryIndex, StoryIndex, storyGroups } from '../../source/story/index.js';
import { ComparePool } from '../../source/story/parallel-compare.js';
import { readInParallel } from '../../source/story/parallel-read.js';
import type {
  ClusterMember,
  SentenceRef,
  StoryArticle,
  StoryCluster,
  StoryConstraint,
} from '../../source/story/types.js';
import { article, seedArticles } from '../search/articles.js';

let seeds: Article[];
beforeAll(async () => {
  seeds = await seedArticles();
});

/** Three outlets' copies of one wire story, and an unrelated one. */
function wire(): Article[] {
  return [
    article(
      'wire-a',
      [
        '“We will fund the treaty on customs data without further delay,” minister Pavel Rahmani said.',
        'Fifty-three trucks were stranded in Eskdale on Thursday, the port authority said.',
      ],
      { date: '2025-03-14', source: 'Wire A' },
    ),
    article(
      'wire-b',
      [
        'Minister Pavel Rahmani told reporters: “We will fund the treaty on customs data without further delay.”',
        '56 trucks were stranded in Eskdale on Thursday, the port authority said.',
      ],
      { date: '2025-03-15', source: 'Wire B' },
    ),
    article(
      'wire-c',
      ['The weather in Varnholm stayed mild for the season, forecasters at the observatory said.'],
      { date: '2025-03-15', source: 'Wire C' },
    ),
  ];
}

const ref = (articles: Article[], text: string): SentenceRef => {
  for (const a of articles) {
    const sentence = a.sentences.find((s) => s.text.includes(text));
    if (sentence) return { article: a.id, sentence: sentence.id };
  }
  throw new Error(`no sentence with "${text}"`);
};

const shape = (clusters: StoryCluster[]) => clusters.map((c) => ({ id: c.id, members: c.members }));

describe('the story index', () => {
  it('groups across outlets and shows what differs', () => {
    const groups = storyGroups(wire());
    expect(groups.map((group) => group.members.map((m) => m.source))).toEqual([
      ['Wire A', 'Wire B'],
      ['Wire A', 'Wire B'],
    ]);
    const trucks = groups.find((group) => group.members[0]!.text.includes('trucks'))!;
    expect(trucks.kind).toBe('event');
    expect(trucks.differences).toEqual([
      {
        kind: 'number',
        values: [
          { member: 0, text: 'Fifty-three' },
          { member: 1, text: '56' },
        ],
      },
    ]);
  });

  it('names each member by its article and sentence wherever the articles stand, empty ones among them', () => {
    // Articles of 0 to 37 sentences (some thousand in all), the wire's between them: each
    // member is found by its article and its sentence's place there, and is in its group.
    const fill = filler()
      .slice(0, 60)
      .map((a, i) => ({
        ...a,
        sentences: i % 7 === 3 ? [] : a.sentences.slice(0, 1 + ((i * 5) % 13) * 3),
      }));
    const [a, b, c] = wire();
    const corpus: StoryArticle[] = [
      ...fill.slice(0, 20),
      a!,
      ...fill.slice(20, 45),
      b!,
      ...fill.slice(45),
      c!,
    ];
    const index = new StoryIndex();
    for (const article of corpus) index.add(article);
    index.build();
    const groups = index.groups();
    const wires = groups.filter((group) => group.members[0]!.article.startsWith('wire'));
    expect(wires.map((group) => group.members.map((m) => m.article))).toEqual([
      ['wire-a', 'wire-b'],
      ['wire-a', 'wire-b'],
    ]);
    const text = (m: ClusterMember) =>
      corpus.find((x) => x.id === m.article)!.sentences[m.sentence]!.text;
    for (const group of wires) {
      const [first, second] = group.members.map(text);
      expect(first!.includes('trucks')).toBe(second!.includes('trucks'));
      expect(first!.includes('Rahmani')).toBe(second!.includes('Rahmani'));
    }
    for (const group of groups) {
      for (const m of group.members)
        expect(index.groupOf(m.article, m.sentence)?.id).toBe(group.id);
    }
    expect([...index.groupList().clusters()]).toEqual(groups);
  });

  it('gives every group the same id on every run', async () => {
    const one = (await buildStoryIndex(seeds)).groups();
    const two = (
      await buildStoryIndex(
        (async function* () {
          yield* seeds;
        })(),
      )
    ).groups();
    expect(shape(two)).toEqual(shape(one));
    expect(new Set(one.map((group) => group.id)).size).toBe(one.length);
  });

  it('adds and removes articles with the same groups as a fresh run', () => {
    const all: StoryArticle[] = [...seeds, ...wire()];
    const fresh = new StoryIndex();
    for (const a of all) fresh.add(a);
    fresh.build();

    const incremental = new StoryIndex();
    for (const a of all.slice(0, 3)) incremental.add(a);
    incremental.build();
    for (const a of all.slice(3)) incremental.add(a);
    expect(shape(incremental.groups())).toEqual(shape(fresh.groups()));

    // Changing an article: the groups follow its new text, then its old one again.
    const changed = { ...seeds[1]!, sentences: seeds[1]!.sentences.slice(5) };
    incremental.add(changed);
    const remark = incremental.groupOf(seeds[0]!.id, 3);
    expect(remark?.members.map((member) => member.article) ?? []).not.toContain(seeds[1]!.id);
    incremental.add(seeds[1]!);
    expect(shape(incremental.groups())).toEqual(shape(fresh.groups()));

    incremental.remove('wire-b');
    expect(
      incremental.groups().some((group) => group.members.some((m) => m.article === 'wire-a')),
    ).toBe(false);
  });

  it('adds articles after the build with the bands’ orders in a file as in memory', () => {
    // Past the size compared pair by pair, so that the late articles' candidates come from
    // the bands' buckets, read from the file.
    const late = retold('late', 'A late outlet', ', officials in Brennmoor said later.');
    const built = (from: number) => {
      const index = new StoryIndex({ orders: { from } });
      for (const a of [...filler(), ...seeds]) index.add(a);
      index.build();
      for (const a of late) index.add(a);
      return index;
    };
    const inMemory = built(Number.POSITIVE_INFINITY);
    const inFile = built(0);
    expect(inFile.bytes).toBeLessThan(inMemory.bytes);
    expect(inFile.stats).toEqual(inMemory.stats);
    expect(shape(inFile.groups())).toEqual(shape(inMemory.groups()));
    expect(inFile.groupOf(late[0]!.id, 0)?.members.map((m) => m.article)).toContain(seeds[0]!.id);
  });

  it('respects a reviewer’s unlink, even between exact copies', () => {
    const peskov = 'There are reasons to be cautiously optimistic';
    const [first, second] = seeds.flatMap((a) =>
      a.sentences
        .filter((s) => s.text.includes(peskov))
        .map((s) => ({ article: a.id, sentence: s.id })),
    );
    const groups = storyGroups(seeds, { constraints: [{ kind: 'unlink', a: first!, b: second! }] });
    const together = groups.some(
      (group) =>
        group.members.some((m) => m.sentence === first!.sentence && m.article === first!.article) &&
        group.members.some((m) => m.sentence === second!.sentence && m.article === second!.article),
    );
    expect(together).toBe(false);
  });

  it('respects a reviewer’s link between a quote and its translation', () => {
    const a = ref(seeds, 'There are reasons to be cautiously optimistic');
    const b = ref(seeds, 'some room for cautious hope');
    const groups = storyGroups(seeds, { constraints: [{ kind: 'link', a, b }] });
    const group = groups.find((candidate) =>
      candidate.members.some((m) => m.text.includes('cautious hope')),
    );
    expect(group?.members.map((m) => m.text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('cautiously optimistic'),
        expect.stringContaining('cautious hope'),
      ]),
    );
  });

  it('finds the group of one sentence for the review gutter', async () => {
    const index = await buildStoryIndex(seeds);
    const [first] = seeds;
    const position = first!.sentences.findIndex((s) =>
      s.text.includes('brings all the information'),
    );
    const group = index.groupOf(first!.id, position)!;
    expect(group.anchor).toEqual({ article: first!.id, sentence: position });
    // Peskov's remark in 000 and 001 (002 retells it, which the seeds' gold allows).
    const articles = new Set(group.members.map((member) => member.article));
    expect(articles.has(first!.id) && articles.has(seeds[1]!.id)).toBe(true);
    expect([...articles].every((id) => seeds.slice(0, 3).some((seed) => seed.id === id))).toBe(
      true,
    );
    const alone = first!.sentences.findIndex((s) => s.text.includes('justified its 2022 invasion'));
    expect(index.groupOf(first!.id, alone)).toBeNull();
  });
});

describe('a line that does not end as a sentence', () => {
  it('compares no words of its own, but a bare quote after it takes its speaker', () => {
    const quote = 'We will fund the treaty on customs data without further delay';
    const articles = [
      article('lead-in', ['Minister Pavel Rahmani told reporters on Monday:', `“${quote}.”`], {
        date: '2025-03-14',
        source: 'Wire A',
      }),
      article('named', [`“${quote},” minister Pavel Rahmani said.`], {
        date: '2025-03-14',
        source: 'Wire B',
      }),
      article('other', [`“${quote},” minister Ivo Kranjec said.`], {
        date: '2025-03-14',
        source: 'Wire C',
      }),
    ];
    const groups = storyGroups(articles);
    const byArticle = (id: string) =>
      groups.find((group) => group.members.some((member) => member.article === id));
    const group = byArticle('lead-in')!;
    expect(group.members.map((member) => member.article).sort()).toEqual(['lead-in', 'named']);
    expect(group.members.find((member) => member.article === 'lead-in')!.text).toContain(quote);
  });
});

/** 3,000 sentences of made-up words, none like another, over 150 days. */
function filler(): StoryArticle[] {
  const syllables = ['ka', 'ro', 'mi', 'tes', 'van', 'lo', 'dur', 'pe', 'sil', 'nor', 'bu', 'gat'];
  // 12⁴ words: each used once.
  const word = (n: number) =>
    [1, 12, 144, 1728].map((unit) => syllables[Math.floor(n / unit) % 12]!).join('');
  let n = 0;
  return Array.from({ length: 150 }, (_, a) => ({
    id: `filler-${a}`,
    date: new Date(Date.UTC(2025, 0, 1 + a)).toISOString().slice(0, 10),
    source: `Outlet ${a}`,
    sentences: Array.from({ length: 20 }, (_, s) => ({
      id: `s${s}`,
      text: `The ${word(n++)} ${word(n++)} met the ${word(n++)} ${word(n++)} in ${word(n++)}.`,
    })),
  }));
}
describe('candidates in a corpus too big to compare every pair', () => {
  const reworded: StoryArticle[] = [
    {
      id: 'outlet-a',
      date: '2025-02-10',
      source: 'A',
      sentences: [
        {
          id: 's0',
          text: '“We will suspend the settlement on airspace tolls after the summer recess,” minister Halvard Ostby said.',
        },
      ],
    },
    {
      id: 'outlet-b',
      date: '2025-02-11',
      source: 'B',
      sentences: [
        {
          id: 's0',
          text: 'Halvard Ostby said the government would suspend the accord on airspace tolls after the summer recess.',
        },
      ],
    },
  ];

  it('finds a rewording that keeps only its rarest words, by those words', async () => {
    const corpus = [...filler(), ...reworded];
    const index = await buildStoryIndex(corpus);
    expect(index.groupOf('outlet-a', 0)?.members.map((m) => m.article)).toEqual([
      'outlet-a',
      'outlet-b',
    ]);
    // The keyed bands alone (pairs of the three rarest words) find it.
    const keysOnly = await buildStoryIndex(corpus, { shape: { bands: 0, rows: 3, keys: 4 } });
    expect(keysOnly.groupOf('outlet-b', 0)?.members).toHaveLength(2);
    expect(keysOnly.groups()).toHaveLength(1);
  });
});

describe('one speaker quoted all year', () => {
  const syllables = ['zu', 'bre', 'fal', 'kin', 'dro', 'mur'];
  const made = (n: number) =>
    [1, 6, 36].map((unit) => syllables[Math.floor(n / unit) % 6]!).join('');
  const day = (offset: number) =>
    new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
  /** 30 other statements by the same minister, one on each of the days given. */
  const others = (days: (k: number) => number): StoryArticle[] =>
    Array.from({ length: 30 }, (_, k) => ({
      id: `other-${k}`,
      date: day(days(k)),
      source: `Outlet ${k}`,
      sentences: [
        {
          id: 's0',
          text: `“The ${made(2 * k)} ${made(2 * k + 1)} must wait,” minister Halvard Ostby said.`,
        },
      ],
    }));
  const quoted: StoryArticle = {
    id: 'quoted',
    date: day(59),
    source: 'A',
    sentences: [
      {
        id: 's0',
        text: '“We will suspend the settlement on airspace tolls after the summer recess,” minister Halvard Ostby said.',
      },
    ],
  };
  // Retold by the same speaker in other words (the speaker compared apart from them).
  const retold: StoryArticle = {
    id: 'retold',
    date: day(60),
    source: 'B',
    sentences: [
      {
        id: 's0',
        text: 'Halvard Ostby said the accord on airspace fees would be frozen after the summer holidays.',
      },
    ],
  };
  // The speaker bands alone, and one of rare-word pairs (which these two do not share); a
  // speaker band of more than 8 sentences is crowded where they crowd the same days.
  const options = (keyed: number) => ({
    shape: { bands: 0, rows: 3, keys: 3 },
    crowded: { minhash: 1024, keyed },
  });
  const together = (index: StoryIndex) =>
    index.groupOf('quoted', 0)?.members.map((member) => member.article) ?? [];

  it('finds a retelling by the speaker’s name though the speaker is quoted every week', async () => {
    const spread = others((k) => 5 * k);
    const index = await buildStoryIndex([...filler(), ...spread, quoted, retold], options(8));
    expect(together(index)).toEqual(['quoted', 'retold']);
    // And when the retelling comes after the build.
    const later = await buildStoryIndex([...filler(), ...spread, quoted], options(8));
    later.add(retold);
    expect(together(later)).toEqual(['quoted', 'retold']);
  });

  it('finds a retelling that names the speaker by surname alone', async () => {
    // "Halvard" and "Ostby" against "Ostby": the surname must hold a speaker band in both.
    const surname: StoryArticle = {
      ...retold,
      sentences: [
        {
          id: 's0',
          text: 'According to Ostby, the accord on airspace charges is going to be halted after the summer break.',
        },
      ],
    };
    const spread = others((k) => 5 * k);
    const index = await buildStoryIndex([...filler(), ...spread, quoted, surname], options(64));
    expect(together(index)).toEqual(['quoted', 'retold']);
  });

  it('compares nothing by the speaker’s name in days the speaker is quoted in dozens', async () => {
    // Thirty statements in the week before: the same days (ten either side) are a crowd.
    const crowd = others((k) => 50 + (k % 4));
    const index = await buildStoryIndex([...filler(), ...crowd, quoted, retold], options(8));
    expect(together(index)).toEqual([]);
    const later = await buildStoryIndex([...filler(), ...crowd, quoted], options(8));
    later.add(retold);
    expect(together(later)).toEqual([]);
    // Not crowded, the two are dated next to each other and compared.
    const roomy = await buildStoryIndex([...filler(), ...crowd, quoted, retold], options(64));
    expect(together(roomy)).toEqual(['quoted', 'retold']);
  });
});

describe('reading on worker threads', () => {
  it('numbers words and forms groups as reading on one thread does', async () => {
    const inline = new StoryIndex();
    for (const seed of seeds) inline.add(seed);
    inline.build();
    for (const workers of [1, 2, 3]) {
      const threaded = new StoryIndex();
      // Small batches, so that every worker reads several and meets words the others met first.
      await readInParallel(seeds, threaded, workers, { batchSentences: 40 });
      threaded.build();
      expect(threaded.vocabulary.words).toEqual(inline.vocabulary.words);
      expect(shape(threaded.groups())).toEqual(shape(inline.groups()));
    }
  });

  it('reads a corpus index’s articles by number on the reading threads as walked on one', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'margin-story-read-'));
    const { index: corpus } = await openCorpusIndex(join(import.meta.dirname, '../../seeds'), {
      cacheDir,
    });
    try {
      const walked = [...corpus.articles()];
      // A link pins two sentences: their ids cross from the reading threads too.
      const [a, b] = walked.filter((each) => each.sentences.length > 1);
      const constraints: StoryConstraint[] = [
        {
          kind: 'link',
          a: { article: a!.id, sentence: a!.sentences[0]!.id },
          b: { article: b!.id, sentence: b!.sentences[1]!.id },
        },
      ];
      const inline = new StoryIndex({ constraints });
      for (const each of walked) inline.add(each);
      inline.build();
      const elsewhere = corpus.readElsewhere()!;
      // From the third article on, this thread alone (`aloneFrom`, an index built once): the
      // threads' batches still taken in, in order, before they are let go of.
      for (const [workers, aloneFrom] of [
        [1, undefined],
        [2, undefined],
        [3, undefined],
        [2, 2],
        [3, 2],
        [3, 0],
      ] as const) {
        const threaded = new StoryIndex({ constraints });
        const hashes: string[] = [];
        // An article a batch: every thread reads several, and this one too.
        await readInParallel(
          {
            ...elsewhere,
            root: corpus.root,
            read: (numbers) => corpus.articlesByNumber(numbers),
          },
          threaded,
          workers,
          {
            batchSentences: 1,
            seen: (each) => hashes.push(`${each.id} ${each.hash}`),
            ...(aloneFrom !== undefined ? { aloneFrom } : {}),
          },
        );
        threaded.build();
        expect(threaded.vocabulary.words).toEqual(inline.vocabulary.words);
        expect(shape(threaded.groups())).toEqual(shape(inline.groups()));
        expect(hashes).toEqual(walked.map((each) => `${each.id} ${each.hash}`));
      }
    } finally {
      corpus.close();
      await rm(cacheDir, { recursive: true, force: true });
    }
  });

  it('gives the groups in their anchors’ order, each anchored at its earliest sentence', () => {
    const told = (id: string, date: string, text: string) =>
      article(id, [text], { date, source: id });
    const cranes =
      'Harbour cranes in Valdmark were idle after the stevedores walked out over pensions.';
    const vaccine =
      'The vaccine patent waiver for Ostravia was blocked by the trade tribunal in Genfeld.';
    const ferry =
      'A ferry carrying Halvorsen pottery ran aground off the Skarnvik lighthouse overnight.';
    const index = new StoryIndex();
    // Added out of date order: the groups' nodes stand in the order they were first met.
    for (const each of [
      told('ferry-late', '2025-03-22', ferry),
      told('cranes-a', '2025-03-20', cranes),
      told('cranes-b', '2025-03-21', cranes),
      told('vaccine-a', '2025-03-10', vaccine),
      told('vaccine-b', '2025-03-11', vaccine),
      told('ferry-early', '2025-03-12', ferry),
    ])
      index.add(each);
    index.build();
    expect(index.groups().map((group) => group.anchor.article)).toEqual([
      'vaccine-a',
      'ferry-early',
      'cranes-a',
    ]);
    expect([...index.groupsInOrder()]).toEqual(index.groups());
  });

  it('reads through buildStoryIndex', async () => {
    const one = await buildStoryIndex(seeds);
    const two = await buildStoryIndex(seeds, { workers: 2 });
    expect(shape(two.groups())).toEqual(shape(one.groups()));
    expect(one.groups().length).toBeGreaterThan(0);
  });
});

/** Each seed told again by another outlet: every sentence ends with `ending` instead of a full stop. */
function retold(name: string, source: string, ending: string) {
  return seeds.map((seed) => ({
    ...seed,
    id: `${seed.id}-${name}`,
    source,
    sentences: seed.sentences.map((sentence) => ({
      ...sentence,
      text: sentence.text.replace(/\.$/, ending),
    })),
  }));
}

describe('comparing candidate pairs on worker threads', () => {
  it('finds the same pairs and groups as comparing on one thread', async () => {
    // Past the size compared pair by pair: the seeds, an edited copy of each (a pair for
    // most sentences), and filler.
    const edited = retold('edited', 'Another outlet', ', reporters in Varnholm were told.');
    const corpus = [...filler(), ...seeds, ...edited];
    const one = await buildStoryIndex(corpus);
    expect(one.stats.edges).toBeGreaterThan(50);
    for (const workers of [1, 2]) {
      const threaded = await buildStoryIndex(corpus, { workers });
      expect(threaded.stats).toEqual(one.stats);
      expect(shape(threaded.groups())).toEqual(shape(one.groups()));
    }
  });

  it('compares on its own thread too when the comparing thread is behind: the same pairs and groups', async () => {
    const edited = retold('edited', 'Another outlet', ', reporters in Varnholm were told.');
    const corpus = [...filler(), ...seeds, ...edited];
    const one = await buildStoryIndex(corpus);
    // Chunks of 4 pairs and one ahead: most chunks are compared on the index's thread, between
    // those the thread answers.
    const index = new StoryIndex();
    for (const a of corpus) index.add(a);
    let own = 0;
    const pool = new ComparePool(2, { chunk: 4, ahead: 1 });
    await index.buildWith({
      start: (tables, words, edge, same) =>
        pool.start(tables, words, edge, (a, b) => {
          own++;
          return same!(a, b);
        }),
      compare: (a, b) => pool.compare(a, b),
      settled: (all) => pool.settled(all),
      backlog: () => pool.backlog(),
      done: () => pool.done(),
    });
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(index.stats.candidates);
    expect(index.stats).toEqual(one.stats);
    expect(shape(index.groups())).toEqual(shape(one.groups()));
  });

  it('takes a turn of its events after each chunk it sends, and waits for no answer within a band', async () => {
    const corpus = [...filler(), ...seeds];
    const one = await buildStoryIndex(corpus);
    const index = new StoryIndex();
    for (const a of corpus) index.add(a);
    const pool = new ComparePool(2, { chunk: 4, ahead: 2 });
    const counts = pool as unknown as { sent: number; applied: number };
    let turns = 0;
    let ahead = 0;
    await index.buildWith({
      start: (tables, words, edge, same) => pool.start(tables, words, edge, same),
      compare: (a, b) => pool.compare(a, b),
      settled: async (all) => {
        const sent = counts.sent;
        await pool.settled(all);
        if (all) return;
        turns++;
        // Answers still to come when it went on: it did not wait for them.
        ahead = Math.max(ahead, counts.sent - counts.applied);
        expect(pool.backlog()).toBe(false);
        expect(counts.sent).toBe(sent);
      },
      backlog: () => pool.backlog(),
      done: () => pool.done(),
    });
    // A chunk of 4 pairs at a time: far more turns than the bands.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(index.stats.candidates / 4) / 2);
    expect(ahead).toBeGreaterThan(2);
    expect(index.stats).toEqual(one.stats);
    expect(shape(index.groups())).toEqual(shape(one.groups()));
  });

  it('sets aside what the build does not read, and has it back for the groups and updates', async () => {
    const edited = retold('edited', 'Another outlet', ', reporters in Varnholm were told.');
    const late = retold('late', 'A late outlet', ', officials in Brennmoor said later.');
    const built = async (from: number) => {
      const index = new StoryIndex({ orders: { from } });
      for (const a of [...filler(), ...seeds, ...edited]) index.add(a);
      const lists = index as unknown as Record<string, { data: ArrayLike<number> }>;
      const during: number[] = [];
      const pool = new ComparePool(1);
      await index.buildWith({
        start: (tables, words, edge) => pool.start(tables, words, edge),
        compare: (a, b) => pool.compare(a, b),
        settled: (all) => {
          // Which sentence is which node (each node's chain of sentences; the sentences' nodes
          // are not placed yet): read by the groups and updates, not the build.
          during.push(lists.nodeFirst!.data.length, lists.occurrenceNext!.data.length);
          return pool.settled(all);
        },
        done: () => pool.done(),
      });
      const groups = shape(index.groups());
      for (const a of late) index.add(a);
      return { index, during, groups };
    };
    const inMemory = await built(Number.POSITIVE_INFINITY);
    const aside = await built(0);
    expect(Math.min(...inMemory.during)).toBeGreaterThan(0);
    expect(Math.max(...aside.during)).toBe(0);
    expect(aside.groups).toEqual(inMemory.groups);
    expect(aside.index.stats).toEqual(inMemory.index.stats);
    expect(shape(aside.index.groups())).toEqual(shape(inMemory.index.groups()));
    expect(aside.index.groupOf(late[0]!.id, 0)?.members.map((m) => m.article)).toContain(
      seeds[0]!.id,
    );
  });

  it('packs its groups as it gives them, without reading back what it set aside', () => {
    const corpus = [...filler(), ...seeds];
    for (const from of [Number.POSITIVE_INFINITY, 0]) {
      const index = new StoryIndex({ orders: { from } });
      for (const a of corpus) index.add(a);
      index.build();
      const packed = index.groupList();
      const state = index as unknown as { placed: boolean };
      // Each sentence's node is not placed (nor the copies' map read back) to name the groups.
      expect(state.placed).toBe(false);
      const groups = [...index.groupsInOrder()];
      expect(state.placed).toBe(false);
      expect(groups.length).toBeGreaterThan(3);
      expect(packed.size).toBe(groups.length);
      expect([...packed.clusters()]).toEqual(groups);
      expect(groups).toEqual(index.groups());
    }
  });

  it('built once, forms its large components last from the build’s log, no edge and no chain standing', async () => {
    const corpus = [...filler(), ...seeds, ...retold('edited', 'Another outlet', ', they said.')];
    // A reviewer's link joins two components into one formed last, as the walk finds it.
    const link: StoryConstraint = {
      kind: 'link',
      a: { article: seeds[0]!.id, sentence: seeds[0]!.sentences[0]!.id },
      b: { article: seeds[2]!.id, sentence: seeds[2]!.sentences[1]!.id },
    };
    for (const constraints of [[], [link]]) {
      const kept = new StoryIndex({ orders: { from: 0 }, constraints });
      for (const a of corpus) kept.add(a);
      kept.build();
      // Every component of three nodes or more formed last, every edge let go of before.
      const once = new StoryIndex({ orders: { from: 0 }, once: { last: 3 }, constraints });
      for (const a of corpus) once.add(a);
      const held = once as unknown as {
        edges: { forget(): void; lay(nodes: number, replay: PairReplay): void };
        words: { data: ArrayLike<number> };
        nodeFirst: { data: ArrayLike<number> };
        setGroup(nodes: ArrayLike<number>, from?: number, to?: number): void;
      };
      let laid = 0;
      const lay = held.edges.lay.bind(held.edges);
      held.edges.lay = (nodes, replay) => {
        replay(() => laid++);
        lay(nodes, replay);
      };
      let forgotten = false;
      let formedAfter = 0;
      // Groups of the last components made while their sentences' chains stand aside.
      let chainsAside = 0;
      const forget = held.edges.forget.bind(held.edges);
      held.edges.forget = () => {
        forgotten = true;
        forget();
      };
      const setGroup = held.setGroup.bind(once);
      held.setGroup = (nodes, from, to) => {
        if (forgotten) formedAfter++;
        if (forgotten && held.nodeFirst.data.length === 0) chainsAside++;
        setGroup(nodes, from, to);
      };
      const pool = new ComparePool(1);
      await once.buildWith({
        start: (tables, words, edge) => pool.start(tables, words, edge),
        compare: (a, b) => pool.compare(a, b),
        settled: (all) => pool.settled(all),
        done: () => pool.done(),
      });
      // The last components' groups formed with the edges gone, their pairs never laid.
      expect(formedAfter).toBeGreaterThan(0);
      expect(chainsAside).toBe(formedAfter);
      expect(laid).toBeGreaterThan(0);
      expect(laid).toBeLessThan(once.stats.edges);
      expect(held.words.data.length).toBe(0);
      expect(shape(once.groups())).toEqual(shape(kept.groups()));
      expect([...once.groupList().clusters()]).toEqual([...kept.groupList().clusters()]);
      expect(() => once.add(seeds[0]!)).toThrow(/built once/);
      expect(() => once.groupOf(seeds[0]!.id, 0)).toThrow(/built once/);
    }
  });

  it('writes the sentences’ chains aside as a large index reads, and has them back', () => {
    const corpus = [...filler(), ...seeds];
    const read = (from: number) => {
      const index = new StoryIndex({ orders: { from } });
      for (const a of corpus) index.add(a);
      // Replacing an article before the build reads them back, and the reading goes on.
      index.add({ ...corpus[3]!, date: '2025-03-01' });
      for (const a of seeds) index.add({ ...a, id: `again-${a.id}` });
      return index;
    };
    const inMemory = read(Number.POSITIVE_INFINITY);
    const aside = read(0);
    const chains = (aside as unknown as { occurrenceNext: { base: number; length: number } })
      .occurrenceNext;
    // Written aside 1,024 at a time here (four per node from which a build sets aside, or more).
    expect(chains.base).toBeGreaterThan(0);
    expect(chains.length - chains.base).toBeLessThan(1024);
    expect(aside.sentenceCount).toBe(inMemory.sentenceCount);
    inMemory.build();
    aside.build();
    expect(chains.base).toBe(0);
    expect(aside.stats).toEqual(inMemory.stats);
    expect(shape(aside.groups())).toEqual(shape(inMemory.groups()));
  });

  it('has what it set aside back when a build fails', async () => {
    const corpus = [...filler(), ...seeds];
    const fresh = new StoryIndex();
    for (const a of corpus) fresh.add(a);
    fresh.build();
    const index = new StoryIndex({ orders: { from: 0 } });
    for (const a of corpus) index.add(a);
    const failing = {
      start: async () => {},
      compare: () => {},
      settled: async () => {
        throw new Error('a comparing thread stopped');
      },
    };
    await expect(index.buildWith(failing)).rejects.toThrow('a comparing thread stopped');
    const lists = index as unknown as Record<string, { data: ArrayLike<number> }>;
    expect(lists.nodeFirst!.data.length).toBeGreaterThan(0);
    index.build();
    expect(shape(index.groups())).toEqual(shape(fresh.groups()));
  });

  it('adds articles after the build as an index built on one thread does', async () => {
    // The build leaves the compared pools in shared memory; articles added then grow them.
    const late = retold('late', 'A late outlet', ', officials in Brennmoor said later.');
    const corpus = [...filler(), ...seeds];
    const one = await buildStoryIndex(corpus);
    const two = await buildStoryIndex(corpus, { workers: 2 });
    for (const article of late) {
      one.add(article);
      two.add(article);
    }
    expect(two.stats).toEqual(one.stats);
    expect(shape(two.groups())).toEqual(shape(one.groups()));
    expect(two.groupOf(late[0]!.id, 0)?.members.map((m) => m.article)).toContain(seeds[0]!.id);
  });
});
