/**
 * The time placing one added article would take on a corpus index on disk (storyadd54's design,
 * `story-placing.ts` for its quality): its sentences' rarest words looked up in the search
 * index's postings, the candidate articles read from the index, the engine run on them and the
 * article. Articles of the corpus stand for the added one (left out of their own candidates).
 * Where the index keeps groups (formed with those articles in), each sentence's pairs once
 * placed in the kept group of the sentence it paired with are compared with its pairs there:
 * an upper bound of agreement (the kept groups had the article; `story-placing.ts` holds out).
 * Opens the index and its groups read-only. A diagnosis: nothing of it is in margin yet.
 *
 * node dist-bench/bench/diagnose/story-placing-disk.js INDEX-FILE CORPUS [articles] [candidates] [rare-words]
 */
import { readIndexFile } from '../../source/corpus/db/open.js';
import { articleOfKey } from '../../source/corpus/word-index.js';
import { SavedGroups, StoryIndex } from '../../source/story/index.js';
import { sentenceWords } from '../../source/text/fold.js';

const [file, root] = [process.argv[2]!, process.argv[3]!];
const tries = Number(process.argv[4] ?? 10);
const candidateCount = Number(process.argv[5] ?? 300);
const rarePerSentence = Number(process.argv[6] ?? 4);
const SAMPLE = 16;
/** MODE=sentences: candidates by the sentences sharing most rarer words (see below). */
const BY_SENTENCE = process.env.MODE === 'sentences';
const WORDS_A_SENTENCE = 8;
/** A sentence whose rarest word is in more sentences than this is not looked up. */
const BASE = 200_000;

/** Whether an ascending list holds `key`. */
function holds(list: Uint32Array, key: number): boolean {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return list[low] === key;
}
/** The sentences kept for each of the article's. */
const PER_SENTENCE = 24;

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const began = now();
const index = readIndexFile(file, root);
index.reload();
const table = index.articleTable();
const COMMON = Math.max(50, table.length / 50);
const kept = SavedGroups.read(`${file}.story`);
const WHOLE = 1_000_000;
const totals = { found: 0, missed: 0, extra: 0 };
/** By sentence: in the kept group it is in, in another, in none though kept in one, in one though kept in none. */
const sentences = { same: 0, other: 0, none: 0, added: 0, noneThoughCandidate: 0 };
const memberKey = (article: string, sentence: number) => `${article}#${sentence}`;
/** The kept group of a sentence, as the keys of its members. */
function keptGroup(article: string, sentence: number): Set<string> | null {
  for (const group of kept?.ofArticle(article, WHOLE) ?? []) {
    if (group.members.some((m) => m.article === article && m.sentence === sentence))
      return new Set(group.members.map((m) => memberKey(m.article, m.sentence)));
  }
  return null;
}
console.log(`${table.length} articles; opened in ${(now() - began).toFixed(0)} ms`);

for (let at = 0; at < tries; at++) {
  const ord = Math.floor(((at + 0.5) * table.length) / tries);
  const article = index.articleAt(ord)!;
  const started = now();
  const score = new Map<number, number>();
  let lists = 0;
  /** Each word's list, decoded once for the article's sentences. */
  const decoded = new Map<string, Uint32Array>();
  for (const sentence of article.sentences) {
    const unique = [...new Set(sentenceWords(sentence.text))];
    if (BY_SENTENCE) {
      // The sentences sharing most of this one's rarer words: their keys counted, not articles.
      const rare = unique
        .map((word) => [word, index.frequency(word) ?? 0] as const)
        .filter(([, count]) => count > 1)
        .sort((a, b) => a[1] - b[1])
        .slice(0, WORDS_A_SENTENCE);
      // The rarest word's sentences (at most `BASE` of them), each counted in the others' lists:
      // a sentence of common words alone still finds its near-copies.
      const hits = new Map<number, number>();
      const lists_ = rare.map(([word]) => {
        let list = decoded.get(word);
        if (!list) {
          lists++;
          list = index.postings(word);
          decoded.set(word, list);
        }
        return list;
      });
      const base = lists_[0] ?? new Uint32Array(0);
      if (base.length <= BASE) {
        for (const key of base) {
          let count = 1;
          for (let other = 1; other < lists_.length; other++)
            if (holds(lists_[other]!, key)) count++;
          hits.set(key, count);
        }
      }
      const least = Math.max(2, Math.ceil(rare.length / 2));
      const best = [...hits]
        .filter(([, count]) => count >= least)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, PER_SENTENCE);
      for (const [key, count] of best) {
        const a = articleOfKey(table, key);
        if (a >= 0) score.set(a, (score.get(a) ?? 0) + count);
      }
      continue;
    }
    const rare = unique
      .map((word) => [word, index.frequency(word) ?? 0] as const)
      .filter(([, count]) => count > 1)
      .sort((a, b) => a[1] - b[1])
      .slice(0, rarePerSentence);
    for (const [word, count] of rare) {
      lists++;
      let keys: Uint32Array;
      if (count <= COMMON) keys = index.postings(word);
      else {
        const first = index.postingRuns(word).next();
        keys = first.done ? new Uint32Array(0) : first.value.subarray(0, SAMPLE);
      }
      const seen = new Set<number>();
      for (const key of keys) {
        const a = articleOfKey(table, key);
        if (a < 0 || seen.has(a)) continue;
        seen.add(a);
        score.set(a, (score.get(a) ?? 0) + 1);
      }
    }
  }
  const looked = now();
  const numbers = [...score]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([a]) => table.numbers[a]!)
    .slice(0, candidateCount + 1);
  const candidates = index.articlesByNumber(numbers).filter((each) => each.id !== article.id);
  const read = now();
  const small = new StoryIndex();
  for (const each of candidates.slice(0, candidateCount)) small.add(each);
  small.add(article);
  small.build();
  const groups = small
    .groups()
    .filter((group) => group.members.some((member) => member.article === article.id));
  const done = now();
  let agreement = '';
  if (kept) {
    const placed = new Map<number, Set<string>>();
    for (const group of groups) {
      const others = group.members.filter((m) => m.article !== article.id);
      if (others.length === 0) continue;
      let target: Set<string> | null = null;
      for (const other of others) {
        target = keptGroup(other.article, other.sentence);
        if (target) break;
      }
      target ??= new Set(others.map((m) => memberKey(m.article, m.sentence)));
      for (const m of group.members) if (m.article === article.id) placed.set(m.sentence, target);
    }
    const own = (each: string) => each.startsWith(`${article.id}#`);
    const pairs = { found: 0, missed: 0, extra: 0 };
    for (let sentence = 0; sentence < article.sentences.length; sentence++) {
      const expected = keptGroup(article.id, sentence) ?? new Set<string>();
      const got = placed.get(sentence) ?? new Set<string>();
      for (const each of got) {
        if (own(each)) continue;
        if (expected.has(each)) pairs.found++;
        else pairs.extra++;
      }
      for (const each of expected) if (!own(each) && !got.has(each)) pairs.missed++;
      const grouped = [...expected].some((each) => !own(each));
      if (grouped && got.size === 0) {
        sentences.none++;
        const read = new Set(candidates.map((each) => each.id));
        if ([...expected].some((each) => !own(each) && read.has(each.split('#')[0]!)))
          sentences.noneThoughCandidate++;
        else if (process.env.SHOW) {
          const partner = [...expected].find((each) => !own(each))!;
          const [id, at] = partner.split('#');
          console.log(
            `  none (${expected.size}): ${article.sentences[sentence]!.text}\n     ~ ${index.article(id!)?.sentences[Number(at)]?.text}`,
          );
        }
      } else if (!grouped && got.size > 0) sentences.added++;
      else if (grouped) {
        const same = got.size === expected.size && [...got].every((each) => expected.has(each));
        if (same) sentences.same++;
        else sentences.other++;
      }
    }
    totals.found += pairs.found;
    totals.missed += pairs.missed;
    totals.extra += pairs.extra;
    agreement = `; pairs against the kept groups: found ${pairs.found}, missed ${pairs.missed}, extra ${pairs.extra}`;
  }
  console.log(
    `${article.id}: ${article.sentences.length} sentences, ${lists} posting lists, ${candidates.length} candidates, ${groups.length} groups with it; postings ${(looked - started).toFixed(0)} ms, reading ${(read - looked).toFixed(0)} ms, engine ${(done - read).toFixed(0)} ms, in all ${(done - started).toFixed(0)} ms${agreement}`,
  );
}
if (kept) {
  console.log(`pairs against the kept groups, in all: ${JSON.stringify(totals)}`);
  console.log(`sentences against the kept groups: ${JSON.stringify(sentences)}`);
}
kept?.close();
index.close();
