import { afterEach, describe, expect, it } from 'vitest';
import type { StoreEvent } from '../../source/store/repository.js';
import type { StoreProblem } from '../../source/store/types.js';
import { type Rendered, renderApp, seedArticles, testRepository } from './harness.js';

let app: Rendered | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

describe('what the store check behind the first frame refuses', () => {
  // 2026-12-05: a file refused, or a folder found unreadable, by the check that runs after the
  // screen is up reached no warning; only a check that failed whole was said.
  it('joins the warnings the screen opened with', async () => {
    const articles = await seedArticles();
    const repository = testRepository();
    const found: StoreProblem[] = [];
    const problems = repository.problems.bind(repository);
    repository.problems = () => [...problems(), ...found];
    repository.check = async () => {
      found.push({
        path: 'annotations/bob',
        article: null,
        annotator: 'bob',
        message:
          'annotations/bob: folder cannot be read (permission denied); its files are left out',
      });
    };
    app = await renderApp({ articles, columns: 100, rows: 20, store: Promise.resolve(repository) });
    const warned = () => app!.controller.getState().warnings;
    const deadline = Date.now() + 5000;
    while (!warned().some((w) => w.startsWith('annotations/bob:')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(warned()).toContain(
      'annotations/bob: folder cannot be read (permission denied); its files are left out (read-only)',
    );
  });

  // qa49: a file in conflict, resolved and committed while margin ran, was still named on the
  // list and in the problems (`!`) until margin was started again.
  it('lets go of a problem once the store no longer has it', async () => {
    const articles = await seedArticles();
    const repository = testRepository();
    const conflict: StoreProblem = {
      path: 'annotations/alice/a.json',
      article: articles[0]!.id,
      annotator: 'alice',
      message: 'annotations/alice/a.json: holds git conflict markers (<<<<<<<): resolve them',
    };
    let found: StoreProblem[] = [conflict];
    repository.problems = () => found;
    const listeners: Array<(event: StoreEvent) => void> = [];
    repository.watch = (listener) => {
      listeners.push(listener);
      return () => undefined;
    };
    app = await renderApp({ articles, columns: 100, rows: 20, store: Promise.resolve(repository) });
    const warned = () => app!.controller.getState().warnings;
    const shown = `${conflict.message} (read-only)`;
    await app.waitFor(
      (frame) => frame.includes('git conflict markers') && listeners.length > 0,
      'the conflict named',
    );
    found = [];
    for (const listener of listeners) listener({ articles: [conflict.article!] });
    await app.waitFor(
      (frame) => !frame.includes('git conflict markers'),
      'the resolved file no longer named',
    );
    expect(warned()).not.toContain(shown);
  });
});
