// How margin joins words broken at a line end (docs/readme/corpus.md, "Words broken at a line
// end"). The 181 benchmark bodies are typeset as a PDF's text gives them: wrapped at WIDTH columns
// (default 60), a word of 7 letters or more that does not fit broken at its middle with a hyphen,
// a hyphenated word broken at its own hyphen; each body is then cleaned as a text file's lines.
// Usage, after `npm run build`: node scripts/hyphen-breaks.mjs [WIDTH] [BENCHMARKS]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const width = Number(process.argv[2] ?? 60);
const benchmarks = process.argv[3] ?? path.join(root, '..', 'shared', 'benchmarks');
const { textToUnits } = await import(path.join(root, 'dist', 'corpus', 'units.js'));
const truth = JSON.parse(
  readFileSync(path.join(benchmarks, 'article-extraction', 'ground-truth.json'), 'utf8'),
);

const counts = { broken: 0, joined: 0, hyphenKept: 0, spaced: 0, own: 0, ownKept: 0, ownLost: 0 };
const left = [];
const lost = [];
for (const { articleBody } of Object.values(truth)) {
  const paragraphs = [];
  const breaks = [];
  for (const paragraph of articleBody.split(/\n+/)) {
    const lines = [];
    let line = '';
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      if (line === '' || line.length + 1 + word.length <= width) {
        line = line === '' ? word : `${line} ${word}`;
        continue;
      }
      const room = width - line.length - 1;
      const own = /^(\p{L}+)-(\p{L}+)[.,;:]?$/u.exec(word);
      const plain = /^(\p{L}{7,})[.,;:]?$/u.exec(word);
      if (own && own[1].length + 1 <= room) {
        lines.push(`${line} ${own[1]}-`);
        line = word.slice(own[1].length + 1);
        breaks.push({ own: true, head: own[1], tail: own[2] });
      } else if (plain && Math.floor(plain[1].length / 2) + 1 <= room) {
        const cut = Math.floor(plain[1].length / 2);
        lines.push(`${line} ${word.slice(0, cut)}-`);
        line = word.slice(cut);
        breaks.push({ own: false, head: plain[1].slice(0, cut), tail: plain[1].slice(cut) });
      } else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
    paragraphs.push(lines.join('\n'));
  }
  const text = textToUnits(paragraphs.join('\n\n'))
    .map((unit) => unit.text)
    .join('\n');
  for (const { own, head, tail } of breaks) {
    const spaced = text.includes(`${head}- ${tail}`);
    if (own) {
      counts.own++;
      if (!spaced && text.includes(`${head}-${tail}`)) counts.ownKept++;
      else {
        counts.ownLost++;
        lost.push(`${head}-${tail}`);
      }
    } else {
      counts.broken++;
      if (spaced) counts.spaced++;
      else if (text.includes(`${head}-${tail}`)) {
        counts.hyphenKept++;
        left.push(`${head}-${tail}`);
      } else counts.joined++;
    }
  }
}
console.log(JSON.stringify(counts));
console.log(`broken words left hyphenated (first 40): ${left.slice(0, 40).join(' ')}`);
console.log(`words that lost their own hyphen: ${lost.join(' ')}`);
