import { describe, expect, it } from 'vitest';
import { textJson } from '../../source/export/article-text.js';
import { missingArticle } from '../../source/export/model.js';
import { safeJson } from '../../source/text/untrusted.js';

const withText = (text: string) => ({ ...missingArticle('a'), text });
const quotedBy = (text: string) => () => Buffer.from(JSON.stringify(text));

describe("an article's text as a JSON string for an export", () => {
  it("is the corpus's quoted bytes when they hold nothing to escape", () => {
    const text = '“Мы готовы” 😀\nsaid "he"';
    const quoted = Buffer.from(JSON.stringify(text));
    expect(textJson(withText(text), () => quoted)).toEqual(quoted);
    expect(textJson(withText(text))).toEqual(Buffer.from(safeJson(text)));
  });

  it('escapes a bidi override or a C1 control the quoted bytes leave raw', () => {
    for (const text of ['a\u202eb', 'x\u0085y', 'DEL\u007f']) {
      const written = textJson(withText(text), quotedBy(text)).toString('utf8');
      expect(written).toBe(safeJson(text));
      expect(written).toMatch(/\\u(202e|0085|007f)/);
    }
  });
});
