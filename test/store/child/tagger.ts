// Tags sentences in a loop through the store, printing each tag id once its write has resolved:
// the parent treats a printed id as confirmed durable. Run as a bundle (child-bundle.ts).
import { readFileSync } from 'node:fs';
import type { Article } from '../../../source/corpus/types.js';
import { openRepository } from '../../../source/store/index.js';

const { root, annotator, articles: articlesPath, from, to, ready } = JSON.parse(process.argv[2]!);
const articles = JSON.parse(readFileSync(articlesPath, 'utf8')) as Article[];
const labels = ['claim', 'quote', 'event'];
const repo = await openRepository({ root, annotator, articles });
if (ready) {
  // Started, then held until the parent writes a line: several children tag at the same time.
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.destroy();
}

for (let index = from; index < to; index += 1) {
  const article = articles[index % articles.length]!;
  const slot = Math.floor(index / articles.length);
  const sentence = article.sentences[slot % article.sentences.length]!;
  const label = labels[Math.floor(slot / article.sentences.length) % labels.length]!;
  const annotation = await repo.tag(article, sentence.id, label);
  process.stdout.write(`${annotation.id}\n`);
}
await repo.close();
