import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Session, seedsCopyPerTest, spawnCli, storeOpened, WHOLE_SESSION } from './pty.js';

const FIRST = '000_4b207f45d15cbf96';

const seeds = seedsCopyPerTest();

interface StoredFile {
  annotations: Array<{
    label: string;
    attributes?: Record<string, string>;
    anchor: { sentence: string; start: number };
  }>;
}

const ROWS = 40;
const rows = (screen: string) => screen.split('\n');
const header = (screen: string) => rows(screen)[0] ?? '';
const statusBar = (screen: string) => rows(screen)[ROWS - 2] ?? '';
const sentenceOf = (screen: string) => /sentence (\d+) of (\d+)/.exec(header(screen));

const rejectionsFile = () => join(seeds.dir, 'annotations/rita/.suggest-rejections.json');
/** The articles of rita's rejections file, as written. */
const rejectedArticles = () =>
  (
    JSON.parse(readFileSync(rejectionsFile(), 'utf8')) as {
      rejections: Array<{ article: string }>;
    }
  ).rejections.map(({ article }) => article);

/**
 * Holds rita's rejections file as another margin writing it would (the lock of a live process,
 * this one; `store/lock.ts`); the lock's path, to remove.
 */
function holdRejectionsFile(): string {
  mkdirSync(join(seeds.dir, 'annotations/rita'), { recursive: true });
  const lock = join(seeds.dir, 'annotations/rita/.suggest-rejections.json.lock');
  const owner = { pid: process.pid, host: hostname(), time: Date.now(), nonce: 'e2e-reject' };
  writeFileSync(lock, JSON.stringify(owner));
  return lock;
}

/** A review as rita, her own cache, in the reader (the second start resumes there). */
async function openAsRita(resumed: boolean): Promise<Session> {
  const args = ['--corpus', 'seeds', '--store', 'annotations', '--annotator', 'rita'];
  const s = spawnCli(args, {
    cwd: seeds.dir,
    cols: 140,
    rows: ROWS,
    env: { XDG_CACHE_HOME: join(seeds.dir, 'cache') },
  });
  seeds.track(s);
  await s.waitFor(
    (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
    'the list',
  );
  if (!resumed) s.write('\r');
  await s.waitFor((t) => /sentence \d+ of/.test(header(t)), 'the reader');
  return s;
}

/** Moves the cursor to sentence `target` of the article on screen. */
async function goTo(s: Session, target: number): Promise<void> {
  for (;;) {
    const at = Number(sentenceOf(s.screen().join('\n'))?.[1]);
    if (at === target) return;
    s.write(at < target ? 'j' : 'k');
    const next = String(at < target ? at + 1 : at - 1);
    await s.waitFor((t) => sentenceOf(t)?.[1] === next, `sentence ${next}`);
  }
}

/** The first two sentences of the first article with a suggestion, once suggestions are in. */
async function firstSuggested(s: Session): Promise<[number, number]> {
  await goTo(s, 1);
  await s.waitFor((t) => /sentence 1 of/.test(header(t)), 'the first sentence');
  const found: number[] = [];
  for (let sentence = 1; found.length < 2; sentence += 1) {
    if (statusBar(s.screen().join('\n')).startsWith('suggested: ')) found.push(sentence);
    if (found.length === 2) break;
    await goTo(s, sentence + 1);
  }
  return found as [number, number];
}

/** `quote, claim (speaker: Dmitry Peskov, claimant: …)` → labels and attributes. */
function parseDecision(text: string): { labels: string[]; attributes: Record<string, string> } {
  const match = /^([a-z, ]+?)(?: \((.*)\))?$/.exec(text);
  if (!match) throw new Error(`not a suggestion: ${text}`);
  const attributes: Record<string, string> = {};
  for (const part of match[2]?.split(', ') ?? []) {
    const colon = part.indexOf(': ');
    attributes[part.slice(0, colon)] = part.slice(colon + 2);
  }
  return { labels: match[1]!.split(', '), attributes };
}

describe('reviewing with suggestions in a real terminal', () => {
  it(
    'accepts and rejects suggestions only, and the store holds exactly what was accepted',
    async () => {
      const s = spawnCli(['--corpus', 'seeds', '--store', 'annotations', '--annotator', 'alice'], {
        cwd: seeds.dir,
        cols: 140,
        rows: ROWS,
      });
      seeds.track(s);
      await s.waitFor(
        (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
        'the list',
      );
      s.write('\r');
      // The engine loads behind the first frame; its first suggestion shows on the status line.
      await s.waitFor(
        (t) => statusBar(t).startsWith('suggested: ') || /sentence 1 of/.test(header(t)),
        'the reader',
      );
      const total = Number(sentenceOf(s.screen().join('\n'))?.[2]);
      expect(total).toBeGreaterThan(10);
      await s.waitFor((t) => statusBar(t).startsWith('suggested: '), 'a suggestion');

      const accepted: Array<{ labels: string[]; attributes: Record<string, string> }> = [];
      let rejected = 0;
      for (let sentence = 1; sentence <= total; sentence += 1) {
        const screen = s.screen().join('\n');
        expect(sentenceOf(screen)?.[1]).toBe(String(sentence));
        const status = statusBar(screen);
        if (status.startsWith('suggested: ')) {
          // Quotes (with their speakers) are taken, everything else is turned down.
          const accept = /^suggested: [a-z, ]*quote/.test(status);
          s.write(accept ? 'y' : 'r');
          const verb = accept ? 'accepted: ' : 'rejected: ';
          await s.waitFor(
            (t) => statusBar(t).startsWith(verb) && statusBar(t).endsWith('saved'),
            `${verb}sentence ${sentence}`,
          );
          const message = statusBar(s.screen().join('\n'))
            .slice(verb.length)
            .replace(/ {2,}saved$/, '');
          if (accept) accepted.push(parseDecision(message));
          else rejected += 1;
        }
        if (sentence < total) {
          s.write('j');
          await s.waitFor(
            (t) => sentenceOf(t)?.[1] === String(sentence + 1),
            `sentence ${sentence + 1}`,
          );
        }
      }
      expect(accepted.length).toBeGreaterThan(3);
      expect(rejected).toBeGreaterThan(3);
      expect(accepted.some(({ attributes }) => attributes.speaker === 'Dmitry Peskov')).toBe(true);

      s.write('q');
      expect((await s.exited).exitCode).toBe(0);

      const stored = JSON.parse(
        readFileSync(join(seeds.dir, 'annotations/alice', `${FIRST}.json`), 'utf8'),
      ) as StoredFile;
      // One entry per accepted sentence, in article order: its labels and their attributes,
      // each label holding only those margin's codebook gives it.
      const declared: Record<string, string[]> = {
        claim: ['claimant'],
        quote: ['speaker'],
        event: ['when', 'where'],
      };
      const bySentence = new Map<
        string,
        { start: number; labels: string[]; attributes: Record<string, string> }
      >();
      for (const annotation of stored.annotations) {
        const entry = bySentence.get(annotation.anchor.sentence) ?? {
          start: annotation.anchor.start,
          labels: [],
          attributes: {},
        };
        entry.labels.push(annotation.label);
        const own = annotation.attributes ?? {};
        for (const key of Object.keys(own)) expect(declared[annotation.label]).toContain(key);
        Object.assign(entry.attributes, own);
        bySentence.set(annotation.anchor.sentence, entry);
      }
      const storedInOrder = [...bySentence.values()]
        .sort((a, b) => a.start - b.start)
        .map(({ labels, attributes }) => ({ labels: labels.sort(), attributes }));
      expect(storedInOrder).toEqual(
        accepted.map(({ labels, attributes }) => ({ labels: [...labels].sort(), attributes })),
      );
      // What the decisions taught is kept beside the annotator's files for the next session.
      const model = JSON.parse(
        readFileSync(join(seeds.dir, 'annotations/alice/.suggest-model.json'), 'utf8'),
      ) as { labels: Record<string, { positives: number; negatives: number }> };
      expect(model.labels.quote?.positives).toBe(accepted.length);
    },
    WHOLE_SESSION,
  );

  it(
    'undo takes back what done and a rejection taught, and the model file keeps none of it',
    async () => {
      const s = spawnCli(['--corpus', 'seeds', '--store', 'annotations', '--annotator', 'tess'], {
        cwd: seeds.dir,
        cols: 140,
        rows: ROWS,
      });
      seeds.track(s);
      await s.waitFor(
        (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
        'the list',
      );
      s.write('\r');
      await s.waitFor((t) => /sentence 1 of/.test(header(t)), 'the reader');
      s.write('d');
      await s.waitFor((t) => statusBar(t).startsWith('marked done'), 'marked done');
      s.write('u');
      await s.waitFor((t) => statusBar(t).startsWith('undid: status done'), 'done undone');
      // The first suggested sentence: rejected, then brought back by undo.
      for (let sentence = 1; ; sentence += 1) {
        const status = statusBar(s.screen().join('\n'));
        if (status.startsWith('suggested: ')) break;
        s.write('j');
        await s.waitFor((t) => sentenceOf(t)?.[1] === String(sentence + 1), 'the next sentence');
      }
      const suggested = statusBar(s.screen().join('\n'));
      s.write('r');
      await s.waitFor((t) => statusBar(t).startsWith('rejected: '), 'rejected');
      s.write('u');
      await s.waitFor((t) => statusBar(t).startsWith('undid: reject '), 'the rejection undone');
      // Moving off and back shows the suggestion again.
      s.write('jk');
      await s.waitFor((t) => statusBar(t) === suggested, 'the suggestion again');
      s.write('q');
      expect((await s.exited).exitCode).toBe(0);
      const model = JSON.parse(
        readFileSync(join(seeds.dir, 'annotations/tess/.suggest-model.json'), 'utf8'),
      ) as { labels: Record<string, { positives: number; negatives: number }> };
      for (const label of Object.values(model.labels)) {
        expect(label.positives + label.negatives).toBe(0);
      }
    },
    WHOLE_SESSION,
  );

  // qa57 #5: rejected suggestions were back in the gutter after a restart.
  it(
    'a rejected suggestion stays rejected when margin starts again',
    async () => {
      const first = await openAsRita(false);
      const [rejectedAt, keptAt] = await firstSuggested(first);
      await goTo(first, rejectedAt);
      first.write('r');
      await first.waitFor(
        (t) => statusBar(t).startsWith('rejected: ') && statusBar(t).endsWith('saved'),
        'rejected',
      );
      first.write('q');
      expect((await first.exited).exitCode).toBe(0);

      const again = await openAsRita(true);
      // The suggestions are in (the other one shows as before), and the rejected one is not back.
      await goTo(again, keptAt);
      await again.waitFor(
        (t) => statusBar(t).startsWith('suggested: '),
        'the suggestion left alone',
      );
      await goTo(again, rejectedAt);
      expect(statusBar(again.screen().join('\n'))).not.toMatch(/^suggested: /);
      again.write('q');
      expect((await again.exited).exitCode).toBe(0);
      expect(rejectedArticles()).toEqual([FIRST]);
    },
    WHOLE_SESSION,
  );

  // Stop 58: a rejection was written to its file behind the frame, and not journaled as a tag
  // is; margin killed right after `r` lost it.
  it(
    'a rejection the screen showed survives kill -9 before its file was written',
    async () => {
      const first = await openAsRita(false);
      const [rejectedAt, keptAt] = await firstSuggested(first);
      await goTo(first, rejectedAt);
      // Another margin holds the rejections file: the write waits behind it, so the kill below
      // certainly comes before it, on a fast machine as on a loaded one.
      const lock = holdRejectionsFile();
      first.write('r');
      await first.waitFor((t) => statusBar(t).startsWith('rejected: '), 'the rejection shown');
      first.kill('SIGKILL');
      await first.exited;
      expect(existsSync(rejectionsFile())).toBe(false);
      rmSync(lock);

      // Killed, it kept no place to resume at: the first article is opened again.
      const again = await openAsRita(false);
      await goTo(again, keptAt);
      await again.waitFor(
        (t) => statusBar(t).startsWith('suggested: '),
        'the suggestions in, the one left alone offered',
      );
      await goTo(again, rejectedAt);
      expect(statusBar(again.screen().join('\n'))).not.toMatch(/^suggested: /);
      again.write('q');
      expect((await again.exited).exitCode).toBe(0);
      // Written by the second start, and the killed review's journal gone.
      expect(rejectedArticles()).toEqual([FIRST]);
      const journals = join(seeds.dir, 'cache/margin/journal');
      const left = readdirSync(journals).flatMap((store) => readdirSync(join(journals, store)));
      expect(left.filter((name) => name.endsWith('.rejections.jsonl'))).toEqual([]);
    },
    WHOLE_SESSION,
  );

  it(
    "suggests and stores only the labels of the project's codebook",
    async () => {
      const label = (name: string, key: string, letter: string) => ({
        name,
        key,
        colour: 'green',
        letter,
        description: name,
        attributes: [],
      });
      writeFileSync(
        join(seeds.dir, 'margin.json'),
        JSON.stringify({
          corpus: 'seeds',
          store: 'annotations',
          labels: [
            label('claim', '1', 'C'),
            label('quote', '2', 'Q'),
            label('statistic', '4', 'S'),
            label('opinion', 'p', 'O'),
          ],
        }),
      );
      const s = spawnCli(['--annotator', 'carol'], { cwd: seeds.dir, cols: 140, rows: ROWS });
      seeds.track(s);
      await s.waitFor(
        (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
        'the list',
      );
      s.write('\r');
      await s.waitFor((t) => /sentence 1 of/.test(header(t)), 'the reader');
      await s.waitFor((t) => statusBar(t).startsWith('suggested: '), 'a suggestion');
      const total = Number(sentenceOf(s.screen().join('\n'))?.[2]);
      const seen: string[] = [];
      for (let sentence = 1; sentence <= total; sentence += 1) {
        const status = statusBar(s.screen().join('\n'));
        if (status.startsWith('suggested: ')) {
          // The labels before their attributes (which a narrow status line may cut).
          seen.push(
            ...status
              .slice('suggested: '.length)
              .split(/ \(| · /)[0]!
              .split(', '),
          );
          s.write('y');
          await s.waitFor((t) => statusBar(t).startsWith('accepted: '), 'accepted');
        }
        if (sentence < total) {
          s.write('j');
          await s.waitFor((t) => sentenceOf(t)?.[1] === String(sentence + 1), 'the next one');
        }
      }
      expect(seen).toContain('claim');
      expect(
        seen.filter((name) => !['claim', 'quote', 'statistic', 'opinion'].includes(name)),
      ).toEqual([]);
      s.write('q');
      expect((await s.exited).exitCode).toBe(0);
      const stored = JSON.parse(
        readFileSync(join(seeds.dir, 'annotations/carol', `${FIRST}.json`), 'utf8'),
      ) as StoredFile;
      expect(stored.annotations.length).toBeGreaterThan(0);
      expect(stored.annotations.filter(({ label }) => label === 'event')).toEqual([]);
    },
    WHOLE_SESSION,
  );
  it(
    "a suggested quote's key stores its speaker, as y would (qa52 #3)",
    async () => {
      const s = spawnCli(['--corpus', 'seeds', '--store', 'annotations', '--annotator', 'quinn'], {
        cwd: seeds.dir,
        cols: 100,
        rows: ROWS,
      });
      seeds.track(s);
      await s.waitFor(
        (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
        'the list',
      );
      s.write('\r');
      await s.waitFor((t) => /sentence 1 of/.test(header(t)), 'the reader');
      for (let sentence = 1; sentence < 4; sentence += 1) {
        s.write('j');
        await s.waitFor((t) => sentenceOf(t)?.[1] === String(sentence + 1), 'the next sentence');
      }
      // “There are reasons to be cautiously optimistic.”: the reviewer knows it is a quote.
      await s.waitFor(
        (t) => statusBar(t).startsWith('suggested: quote (speaker: Dmitry Peskov) · y accept'),
        'the suggested quote',
      );
      s.write('2');
      await s.waitFor(
        (t) =>
          statusBar(t).startsWith('tagged quote as suggested (speaker: Dmitry Peskov) · a edits') &&
          statusBar(t).endsWith('saved'),
        'the quote tagged with its speaker',
      );
      s.write('a');
      await s.waitFor((t) => /speaker: +Dmitry Peskov/.test(t), 'the speaker in the editor');
      s.write('\x1b');
      await s.waitFor((t) => !/speaker:/.test(t), 'the editor closed');
      s.write('q');
      expect((await s.exited).exitCode).toBe(0);
      const stored = JSON.parse(
        readFileSync(join(seeds.dir, 'annotations/quinn', `${FIRST}.json`), 'utf8'),
      ) as StoredFile;
      expect(stored.annotations.map(({ label, attributes }) => ({ label, attributes }))).toEqual([
        { label: 'quote', attributes: { speaker: 'Dmitry Peskov' } },
      ]);
    },
    WHOLE_SESSION,
  );
});
