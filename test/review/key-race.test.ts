import { describe, expect, it } from 'vitest';
import { NO_KEY } from '../../source/review/keys.js';
import { createMemoryRepository, type Repository } from '../../source/store/index.js';
import { ARTICLES } from './fixtures.js';
import { loadingController } from './loading-controller.js';

/*
 * A reviewer types as soon as margin starts: Enter (open the first article), `1` (a claim), `n`,
 * a note, Enter. Meanwhile the list arrives (at once or in two parts), the corpus finishes and
 * the store opens, in whatever order a busy machine gives. Every order must store the claim with
 * its note and leave the article in progress: keys wait for the list (#holds) and for the store
 * (`n` opens a note on what is stored); without either wait, over a hundred orders lose work.
 */
type Step = { kind: 'key'; input: string } | { kind: 'event'; name: string };

/** Enter, `1`, `n`, a note and Enter: as typed key by key, and as a terminal may join them. */
const CHUNKINGS = [['\r', '1', 'n', 'dj note', '\r'], ['\r1n', 'dj note\r'], ['\r1ndj note\r']];

function interleavings(keys: string[], events: string[]): Step[][] {
  if (keys.length === 0) return [events.map((name) => ({ kind: 'event' as const, name }))];
  if (events.length === 0) return [keys.map((input) => ({ kind: 'key' as const, input }))];
  return [
    ...interleavings(keys.slice(1), events).map((rest) => [
      { kind: 'key' as const, input: keys[0]! },
      ...rest,
    ]),
    ...interleavings(keys, events.slice(1)).map((rest) => [
      { kind: 'event' as const, name: events[0]! },
      ...rest,
    ]),
  ];
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** The steps on a fresh controller; what the store then holds of the first article. */
async function run(steps: Step[], partial: boolean) {
  const repository = createMemoryRepository('alice');
  let openStore: (r: Repository) => void = () => undefined;
  const store = new Promise<Repository>((resolve) => {
    openStore = resolve;
  });
  const { controller, send } = loadingController(store);
  let at = 1000;
  for (const step of steps) {
    if (step.kind === 'key') {
      const key = { ...NO_KEY, return: step.input === '\r' };
      at += 60;
      controller.press(step.input, key, at);
    } else if (step.name === 'P1') {
      send({
        type: 'progress',
        articles: partial ? ARTICLES.slice(0, 1) : [],
        done: 1,
        total: 3,
      });
    } else if (step.name === 'P2') {
      send({
        type: 'progress',
        articles: partial ? ARTICLES.slice(1) : ARTICLES,
        done: 3,
        total: 3,
      });
    } else if (step.name === 'L') {
      send({ type: 'loaded', articles: ARTICLES, warnings: [] });
    } else if (step.name === 'S') {
      await repository.open(ARTICLES);
      openStore(repository);
    }
    await settle();
  }
  // Every write queued meanwhile is on the store.
  for (let i = 0; i < 100 && controller.pending > 0; i++) await settle();
  const first = ARTICLES[0]!;
  return {
    labels: repository.list({ article: first.id }).map((a) => [a.label, a.note]),
    status: repository.status(first.id),
    mode: controller.getState().mode.kind,
  };
}

describe('keys typed while the corpus and the store arrive', () => {
  for (const partial of [false, true]) {
    it(`keep every key's work in every order (${partial ? 'list in two parts' : 'list at once'})`, async () => {
      const bad: string[] = [];
      const orders = CHUNKINGS.flatMap((keys) => interleavings(keys, ['P1', 'P2', 'L', 'S']));
      for (const steps of orders) {
        const result = await run(steps, partial);
        const ok =
          JSON.stringify(result.labels) === JSON.stringify([['claim', 'dj note']]) &&
          result.status !== 'done';
        if (!ok)
          bad.push(
            `${steps.map((s) => (s.kind === 'key' ? JSON.stringify(s.input) : s.name)).join(' ')} → ${JSON.stringify(result)}`,
          );
      }
      expect(bad).toEqual([]);
    });
  }
});
