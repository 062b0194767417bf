/**
 * The story groups as a person forms them, `margin index --story` as a process on the scale
 * corpus (`story-process.ts`: the rows the issue's targets attach to), then the story engine in
 * this process on a corpus with planted groups (`bench/generate/planted-groups.ts`): pairwise
 * precision and recall per kind of variation, the engine's own time to group 10,000 and 100,000
 * articles (about 3 million sentences) streamed into the index, its peak memory, and the time to
 * add or change one article in the built index. Generation is timed apart and left out of the
 * engine's figures. `MARGIN_BENCH_STORY=engine` leaves the process out.
 */

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { StoryIndex } from '../../source/story/index.js';
import { ComparePool } from '../../source/story/parallel-compare.js';
import { readInParallel } from '../../source/story/parallel-read.js';
import type { StoryCluster } from '../../source/story/types.js';
import { scoreBackground } from '../evaluate/background-pairs.js';
import { scoreDifferences } from '../evaluate/story-differences.js';
import { scoreRealPairs } from '../evaluate/story-real.js';
import { DEFAULT_SEED } from '../generate/article.js';
import {
  PlantedCorpus,
  type PlantedSentence,
  pairVariation,
  plantedKey,
  VARIATIONS,
  type Variation,
} from '../generate/planted-groups.js';
import { measurements, peakRss, summarize } from '../measure.js';
import { benchmarksFolder } from '../quality/extraction-benchmark.js';
import type { BenchSection } from '../types.js';
import { storyAsProcess } from './story-process.js';

const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export interface PairCounts {
  gold: number;
  truePositives: number;
  falsePositives: number;
}

/** Pairwise counts per variation: gold pairs, found ones, and wrong pairs with a planted sentence. */
export function scorePairs(
  planted: ReadonlyMap<number, PlantedSentence>,
  clusters: readonly StoryCluster[],
  articleIndex: (id: string) => number,
): Map<Variation, PairCounts> {
  const counts = new Map<Variation, PairCounts>(
    VARIATIONS.map((variation) => [variation, { gold: 0, truePositives: 0, falsePositives: 0 }]),
  );
  const byGroup = new Map<number, PlantedSentence[]>();
  for (const sentence of planted.values()) {
    if (sentence.variation === 'distractor') continue;
    const members = byGroup.get(sentence.group) ?? [];
    members.push(sentence);
    byGroup.set(sentence.group, members);
  }
  for (const members of byGroup.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const variation = pairVariation(asMember(members[i]!), asMember(members[j]!));
        counts.get(variation)!.gold++;
      }
    }
  }
  for (const cluster of clusters) {
    const found = cluster.members.map(
      (member) => planted.get(plantedKey(articleIndex(member.article), member.sentence)) ?? null,
    );
    const plantedCount = found.filter(Boolean).length;
    if (plantedCount === 0) continue;
    for (let i = 0; i < found.length; i++) {
      const a = found[i];
      if (!a) continue;
      // Pairs with a background sentence are wrong; each planted sentence answers for its own.
      const background = found.length - plantedCount;
      if (a.variation !== 'distractor' && background > 0) {
        counts.get(pairVariation(asMember(a), 'original'))!.falsePositives += background;
      }
      for (let j = i + 1; j < found.length; j++) {
        const b = found[j];
        if (!b) continue;
        if (a.variation === 'distractor' && b.variation === 'distractor') continue;
        const variation = pairVariation(asMember(a), asMember(b));
        const right =
          a.group === b.group && a.variation !== 'distractor' && b.variation !== 'distractor';
        if (right) counts.get(variation)!.truePositives++;
        else counts.get(variation)!.falsePositives++;
      }
    }
  }
  return counts;
}

function asMember(sentence: PlantedSentence): Variation | 'original' {
  return sentence.variation === 'distractor' ? 'original' : sentence.variation;
}

const percent = (part: number, whole: number) => (whole === 0 ? 100 : (100 * part) / whole);

function sum(counts: Map<Variation, PairCounts>, kinds: readonly Variation[]): PairCounts {
  const total = { gold: 0, truePositives: 0, falsePositives: 0 };
  for (const kind of kinds) {
    const c = counts.get(kind)!;
    total.gold += c.gold;
    total.truePositives += c.truePositives;
    total.falsePositives += c.falsePositives;
  }
  return total;
}

/**
 * Background precision needs the grouped sentences' texts, made again article by article after
 * the build (73 s at 100,000 articles), so it is measured up to this size.
 */
const BACKGROUND_CHECKED = 30_000;

/** The texts of the groups' background members, by `plantedKey`, from the articles made again. */
function backgroundTexts(
  corpus: PlantedCorpus,
  clusters: readonly StoryCluster[],
  ids: ReadonlyMap<string, number>,
): Map<number, string> {
  const wanted = new Map<number, number[]>();
  for (const cluster of clusters) {
    if (cluster.members.length < 2) continue;
    for (const member of cluster.members) {
      const article = ids.get(member.article)!;
      if (corpus.planted.has(plantedKey(article, member.sentence))) continue;
      const positions = wanted.get(article) ?? [];
      positions.push(member.sentence);
      wanted.set(article, positions);
    }
  }
  const texts = new Map<number, string>();
  for (const article of [...wanted.keys()].sort((a, b) => a - b)) {
    const made = corpus.article(article);
    for (const position of wanted.get(article)!) {
      texts.set(plantedKey(article, position), made.sentences[position]!.text);
    }
  }
  return texts;
}

const CLOSE: readonly Variation[] = ['verbatim', 'edited', 'numbers', 'spelling'];
const LOOSE: readonly Variation[] = ['reworded', 'translated'];

export const section: BenchSection = {
  name: 'story',
  async run(context) {
    const m = measurements('story');
    // As `margin story` reads: on a thread per core.
    const workers = availableParallelism();
    // `--articles N` measures that size alone (a 100,000 run without the 10,000 one first).
    const sizes = context.articlesGiven
      ? [context.articleCount]
      : context.quick
        ? [10_000]
        : [10_000, 100_000];
    for (const size of sizes) {
      const label = size.toLocaleString('en-US');
      // First, while this process holds no index of its own beside the one it starts.
      if (process.env.MARGIN_BENCH_STORY !== 'engine') await storyAsProcess(size, context, m);
      const corpus = new PlantedCorpus({ seed: DEFAULT_SEED, articles: size });
      let generateMs = 0;
      const ids = new Map<string, number>();
      // Generated on this thread while the workers read what came before: the generation's
      // time is taken out of the reading's, as it took a core from them meanwhile.
      function* planted() {
        for (let at = 0; at < size; at++) {
          const made = nowMs();
          const article = corpus.article(at);
          generateMs += nowMs() - made;
          ids.set(article.id, at);
          if ((at + 1) % 20_000 === 0) context.log(`${at + 1} of ${label} articles read`);
          yield article;
        }
      }
      const index = new StoryIndex();
      const began = nowMs();
      await readInParallel(planted(), index, workers);
      const addMs = nowMs() - began - generateMs;
      const built = nowMs();
      await index.buildWith(new ComparePool(workers));
      const buildMs = nowMs() - built;
      const rss = peakRss();
      const clusters = index.groups();
      context.log(
        `${label}: ${index.sentenceCount} sentences, ${index.nodeCountTotal} nodes, ${clusters.length} groups; add ${addMs.toFixed(0)} ms, build ${buildMs.toFixed(0)} ms, generation ${generateMs.toFixed(0)} ms`,
      );
      // The engine's own figures, in this process: the targets are the process's (above).
      m.value(`engine in process: group ${label} articles`, addMs + buildMs, 'ms', {
        note: `${index.sentenceCount.toLocaleString('en-US')} sentences streamed in; reading on ${workers} threads ${addMs.toFixed(0)} ms + comparing (on ${workers}) and grouping ${buildMs.toFixed(0)} ms; generating the articles (${(generateMs / 1000).toFixed(1)} s) not included`,
      });
      m.value(`engine in process: peak RSS after ${label} articles`, rss, 'MB', {
        note: `index typed arrays ${(index.bytes / 1048576).toFixed(0)} MB`,
      });

      const counts = scorePairs(corpus.planted, clusters, (id) => ids.get(id) ?? -1);
      const kinds: Array<[string, readonly Variation[]]> =
        size === sizes[0]
          ? [...VARIATIONS.map((v): [string, readonly Variation[]] => [v, [v]])]
          : [];
      kinds.push(['verbatim+edited+numbers+spelling', CLOSE], ['reworded+translated', LOOSE]);
      for (const [name, list] of kinds) {
        const c = sum(counts, list);
        const close = list.every((kind) => CLOSE.includes(kind));
        m.value(
          `precision, ${name} (${label})`,
          percent(c.truePositives, c.truePositives + c.falsePositives),
          '%',
          {
            target: close ? '≥ 95 %' : '≥ 90 %',
            note: `${c.truePositives} right pairs, ${c.falsePositives} wrong`,
          },
        );
        m.value(`recall, ${name} (${label})`, percent(c.truePositives, c.gold), '%', {
          target: close ? '≥ 90 %' : '≥ 70 %',
          note: `${c.gold} planted pairs`,
        });
      }

      if (size <= BACKGROUND_CHECKED) differenceRows(m, corpus, label);

      if (size <= BACKGROUND_CHECKED) {
        const background = backgroundTexts(corpus, clusters, ids);
        const found = scoreBackground(clusters, (article, position) =>
          background.get(plantedKey(ids.get(article)!, position)),
        );
        const example = found.examples[0];
        m.value(
          `precision, background sentences (${label})`,
          percent(found.pairs - found.wrongPairs, found.pairs),
          '%',
          {
            target: '≥ 95 %',
            note: `${found.wrongPairs.toLocaleString('en-US')} wrong pairs of ${found.pairs.toLocaleString('en-US')}; ${found.mixedGroups.toLocaleString('en-US')} of ${found.groups.toLocaleString('en-US')} groups of the generator's background name other people or places${example ? `, e.g. "${example[0]}" with "${example[1]}"` : ''}`,
          },
        );
      }

      // One more article, then the same article changed: what a reviewer's import costs.
      const adds: number[] = [];
      const changes: number[] = [];
      for (let k = 0; k < 15; k++) {
        const article = corpus.article(size + k);
        let began = nowMs();
        index.add(article);
        adds.push(nowMs() - began);
        const changed = { ...article, sentences: article.sentences.slice(1) };
        began = nowMs();
        index.add(changed);
        changes.push(nowMs() - began);
      }
      m.timing(`add one article to ${label}`, summarize(adds), { target: '< 1000 ms' });
      m.timing(`change one article in ${label}`, summarize(changes), { target: '< 1000 ms' });
    }
    realPageRows(m, context);
    return m.list;
  },
};

/**
 * The differences the planted groups report (`story-differences.ts`): per planted group, from
 * its gold members, so that they measure the differences and not the grouping.
 */
function differenceRows(m: ReturnType<typeof measurements>, corpus: PlantedCorpus, label: string) {
  const counts = scoreDifferences(corpus);
  for (const [kind, name] of [
    ['number', 'figures'],
    ['name', 'names'],
  ] as const) {
    const c = counts.get(kind)!;
    const wrong = c.reported - c.right;
    m.value(`differences: precision, ${name} (${label})`, percent(c.right, c.reported), '%', {
      note: `${c.right} planted, ${wrong} not${c.examples.length > 0 ? `, e.g. ${c.examples.join('; ')}` : ''}`,
    });
    m.value(`differences: recall, ${name} (${label})`, percent(c.right, c.gold), '%', {
      note: `${c.gold} planted groups with another ${kind === 'number' ? 'figure' : 'spelling'}`,
    });
  }
  const dates = counts.get('date')!;
  m.value(`differences: dates reported where none differ (${label})`, dates.reported, 'groups', {
    note: `no planted group's members disagree on the date${dates.examples.length > 0 ? `; e.g. ${dates.examples.join('; ')}` : ''}`,
  });
}

/** Precision and recall on the real pages' judged pairs (story-real-pairs.ts), when they are there. */
function realPageRows(m: ReturnType<typeof measurements>, context: { log(text: string): void }) {
  const scores = scoreRealPairs(path.join(benchmarksFolder(), 'article-extraction'));
  if (scores === null) {
    context.log('../shared/benchmarks/ not found: no real-page pairs');
    return;
  }
  const { pages, groups, grouped, groupedSame, same, unjudged, missing, moved } = scores;
  // With nothing grouped there is no precision to give: 0, not 100 %.
  const precision = grouped === 0 ? 0 : percent(groupedSame, grouped);
  m.value('real pages: judged pairs grouped that report one thing', precision, '%', {
    note: `${groupedSame} of ${grouped} judged pairs in one group; ${unjudged} grouped pairs not judged yet; ${groups} groups over ${pages} pages`,
  });
  const placed =
    missing + moved > 0 ? `; ${missing} rows not found in the split, ${moved} moved` : '';
  m.value('real pages: pairs judged the same that are grouped', percent(groupedSame, same), '%', {
    note: `${groupedSame} of ${same}, over a pool of the engine's own pairs${placed}`,
  });
  // The fresh sets, judged apart from the rows the rules were chosen on (story-real-pairs.ts).
  for (const [name, set] of [
    ['fresh set', scores.fresh],
    ['second fresh set', scores.fresh2],
  ] as const) {
    m.value(
      `real pages, ${name}: judged pairs grouped that report one thing`,
      set.grouped === 0 ? 0 : percent(set.groupedSame, set.grouped),
      '%',
      { note: `${set.groupedSame} of ${set.grouped} judged pairs in one group` },
    );
    m.value(
      `real pages, ${name}: pairs judged the same that are grouped`,
      percent(set.groupedSame, set.same),
      '%',
      { note: `${set.groupedSame} of ${set.same}, drawn without the engine` },
    );
  }
}
