import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeAnchor } from '../../source/store/anchor.js';
import { openRepository } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import { articleFromText } from './articles.js';

/** A small team store on disk: two annotators' files for seven articles, aged as after a pull. */
export const ARTICLES = 7;
export const articles = Array.from({ length: ARTICLES }, (_, n) =>
  articleFromText(`a${n}`, `Prices rose in month ${n}. The bank said so. Then they fell.`),
);
const STATUSES = ['unreviewed', 'in progress', 'done'] as const;

export const fileText = (article: string, annotator: string, status: string, label = 'claim') => {
  const found = articles.find((each) => each.id === article)!;
  const sentence = found.sentences[1]!;
  const annotation = {
    id: `${annotator}-${article}`,
    label,
    anchor: makeAnchor(found, sentence),
    created: '2026-01-02T03:04:05.000Z',
    updated: '2026-01-02T03:04:05.000Z',
  };
  return `${JSON.stringify({ schema: 'margin.annotations', version: 1, article, annotator, status, annotations: [annotation] }, null, 2)}\n`;
};

/** As a file that came with `git pull` an hour ago (and a few ms apart, so no two look alike). */
export async function age(path: string, ms = 0) {
  const then = new Date(Date.now() - 3600_000 - ms);
  await utimes(path, then, then);
}

/** alice's and bob's files for every article, aged, so that the index trusts them. */
export async function teamStore(root: string): Promise<void> {
  for (const annotator of ['alice', 'bob']) {
    await mkdir(join(root, annotator), { recursive: true });
    for (const [n, article] of articles.entries()) {
      const path = join(root, annotator, `${article.id}.json`);
      await writeFile(path, fileText(article.id, annotator, STATUSES[n % 3]!));
      await age(path, n);
    }
  }
}

export function view(repository: Repository) {
  return {
    annotations: repository
      .list()
      .map((a) => [a.article, a.annotator, a.label, a.placement?.sentence ?? null]),
    statuses: articles.flatMap((article) =>
      ['alice', 'bob'].map((name) => [article.id, name, repository.status(article.id, name)]),
    ),
    problems: repository.problems().map((problem) => problem.message),
  };
}

export async function viewOf(root: string, cacheDir: string | null) {
  const repository = await openRepository({ root, annotator: 'carol', articles, cacheDir });
  const seen = view(repository);
  await repository.close();
  return seen;
}
