import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../source/store/index.js';
import { seedArticle } from './articles.js';
import { fixedOptions, useTempFolder } from './temp-store.js';

describe('notes and attributes are untrusted text', () => {
  const tempFolder = useTempFolder();

  it('lose escape sequences when written and when read from a hand-edited file', async () => {
    const root = await tempFolder();
    const article = seedArticle();
    const sentence = article.sentences[0]!.id;
    const store = await openRepository({
      root,
      annotator: 'ana',
      articles: [article],
      ...fixedOptions(),
    });
    await store.tag(article, sentence, 'claim');
    await store.annotate(article, sentence, {
      note: 'a \u001b[31mred\u0007 note\u009b1m\nline two',
      attributes: { 'k\u001b[2J': 'v\u001b[31m' },
    });
    await store.close();
    const path = join(root, 'ana', `${article.id}.json`);
    const written = JSON.parse(await readFile(path, 'utf8'));
    expect(written.annotations[0].note).toBe('a red note\nline two');
    expect(written.annotations[0].attributes).toEqual({ k: 'v' });

    written.annotations[0].note = 'edited \u001b]0;title\u0007by hand\u0085';
    written.annotations[0].attributes = { 'x\u009b2J': 'y\ttab\u0000' };
    await writeFile(path, JSON.stringify(written, null, 2));
    const reopened = await openRepository({ root, annotator: 'ana', articles: [article] });
    const [annotation] = reopened.list();
    await reopened.close();
    // NEL (U+0085) is a line break, kept as one rather than removed.
    expect(annotation!.note).toBe('edited by hand\n');
    expect(annotation!.attributes).toEqual({ x: 'y tab' });
  });
});
