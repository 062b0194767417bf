import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { symlink, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadCorpus, readArticle } from '../../source/corpus/index.js';
import { GOOD_ARTICLE, tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();

/** Loads a corpus of the good article plus `name`, which must come out as exactly `message`. */
async function expectProblem(name: string, content: string | Uint8Array, reason: string) {
  await corpus.write('good.txt', GOOD_ARTICLE);
  const path = await corpus.write(name, content);
  const load = await loadCorpus(corpus.root(), { cacheDir: null });
  expect(load.problems).toEqual([{ path, message: `${path}: ${reason}` }]);
  expect(load.articles.map((article) => article.id)).toEqual(['good']);
  expect(load.articles[0]!.text).toContain('Negotiators from both countries met in Geneva');
  await expect(readArticle(path)).rejects.toThrow(`${path}: ${reason}`);
}

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

describe('files that are not articles', () => {
  it('refuses a PNG image, whatever its extension', async () => {
    await expectProblem('chart.txt', PNG, 'not a text file (PNG image)');
  });

  it('refuses a PDF document', async () => {
    await expectProblem(
      'report.pdf',
      '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
      'not a text file (PDF document)',
    );
  });

  it('refuses a zip archive', async () => {
    await expectProblem(
      'bundle.zip',
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
      'not a text file (zip archive)',
    );
  });

  // qa59 #14: a .docx was "a zip archive".
  it.each<[string, Array<[string, string]>, string]>([
    [
      'notes.docx',
      [
        ['[Content_Types].xml', '<Types/>'],
        ['word/document.xml', '<w/>'],
      ],
      'Word document',
    ],
    [
      'figures.xlsx',
      [
        ['[Content_Types].xml', '<Types/>'],
        ['xl/workbook.xml', '<x/>'],
      ],
      'Excel workbook',
    ],
    [
      'slides.pptx',
      [
        ['[Content_Types].xml', '<Types/>'],
        ['ppt/presentation.xml', '<p/>'],
      ],
      'PowerPoint presentation',
    ],
    [
      'draft.odt',
      [
        ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ['content.xml', '<o/>'],
      ],
      'OpenDocument text (.odt)',
    ],
    [
      'book.epub',
      [
        ['mimetype', 'application/epub+zip'],
        ['META-INF/container.xml', '<c/>'],
      ],
      'EPUB e-book',
    ],
  ])('names the document a zip archive is: %s', async (name, entries, kind) => {
    await expectProblem(name, zipOf(entries), `not a text file (${kind})`);
  });

  it('reads a text article with a stray NUL, removed, and says so once', async () => {
    // qa59 #15: one NUL a scraper left refused the whole article as binary data.
    const withNul = GOOD_ARTICLE.replace('met in Geneva', 'met in\0 Geneva');
    const path = await corpus.write('stray.txt', withNul);
    const article = await readArticle(path);
    expect(article.text).toContain('Negotiators from both countries met in Geneva');
    expect(article.warnings).toEqual([
      'removed 1 NUL byte (U+0000) among the text; the text around it is kept',
    ]);
  });

  it('still refuses noise with only a few NUL bytes in it', async () => {
    // Bytes of every value but NUL, twice over, with two NULs: the other control bytes give it away.
    const noise = Uint8Array.from({ length: 1024 }, (_, i) => ((i * 97 + 13) % 255) + 1);
    noise[10] = 0;
    noise[500] = 0;
    await expectProblem('noise.txt', noise, 'not a text file (binary data)');
  });

  it('refuses binary data with NUL bytes', async () => {
    await expectProblem(
      'data.bin',
      Uint8Array.from([0x41, 0x42, 0x00, 0x01, 0x02, 0x43, 0x00, 0x44]),
      'not a text file (binary data)',
    );
  });

  it('refuses an empty file', async () => {
    await expectProblem('empty.txt', '', 'empty file');
  });

  it('refuses a file of only blank lines', async () => {
    await expectProblem('blank.md', '\n\n   \n\t\n', 'empty file');
  });

  it('refuses a file over 5 MB without reading it', async () => {
    await corpus.write('good.txt', GOOD_ARTICLE);
    const path = await corpus.write('huge.txt', 'x');
    await truncate(path, 6 * 1024 * 1024);
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([
      { path, message: `${path}: file too large (6.0 MB; the limit is 5 MB)` },
    ]);
    expect(load.articles.map((article) => article.id)).toEqual(['good']);
    await expect(readArticle(path)).rejects.toThrow(
      `${path}: file too large (6.0 MB; the limit is 5 MB)`,
    );
  });
});

describe('text that needs decoding or cleaning', () => {
  it('reads Windows-1251 Cyrillic as Cyrillic and says so', async () => {
    const russian = [
      'Переговоры в Женеве',
      '',
      'Делегации двух стран встретились во вторник в Женеве, чтобы возобновить переговоры, которые зашли в тупик в прошлом месяце из-за условий прекращения огня.',
      '',
      'По словам одного из дипломатов, стороны сейчас ближе к соглашению, чем были неделю назад, и следующая встреча назначена на пятницу.',
      '',
    ].join('\n');
    await corpus.write('good.txt', GOOD_ARTICLE);
    const path = await corpus.write('ru.txt', iconv.encode(russian, 'windows-1251'));
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([]);
    expect(load.articles.map((article) => article.id)).toEqual(['good', 'ru']);
    const article = await readArticle(path);
    expect(article.warnings).toEqual(['not valid UTF-8: decoded as windows-1251']);
    expect(article.title).toBe('Переговоры в Женеве');
    expect(article.sentences[0]?.text).toBe(
      'Делегации двух стран встретились во вторник в Женеве, чтобы возобновить переговоры, которые зашли в тупик в прошлом месяце из-за условий прекращения огня.',
    );
    expect(article.text.split('\n\n')).toHaveLength(2);
  });

  it('replaces invalid bytes in otherwise UTF-8 text with U+FFFD and says so', async () => {
    const bytes = Buffer.concat([
      Buffer.from(
        'The minister said the “agreement is close” and that the café talks would go on.',
      ),
      Buffer.from([0xff, 0xe2, 0x80]),
      Buffer.from(' A second meeting is planned for Friday in Geneva, officials said.\n'),
    ]);
    await corpus.write('good.txt', GOOD_ARTICLE);
    const path = await corpus.write('broken.txt', bytes);
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.articles.map((article) => article.id)).toEqual(['broken', 'good']);
    const article = load.articles[0]!;
    expect(article.path).toBe(path);
    expect(article.warnings).toEqual([
      'not valid UTF-8 and the encoding could not be detected: 2 invalid byte sequences replaced with U+FFFD',
    ]);
    expect(article.text).toBe(
      'The minister said the “agreement is close” and that the café talks would go on.\ufffd\ufffd A second meeting is planned for Friday in Geneva, officials said.',
    );
  });

  it('reads UTF-16 without a byte order mark and says so', async () => {
    const little = await corpus.write('le.txt', iconv.encode(GOOD_ARTICLE, 'utf-16le'));
    const big = await corpus.write('be.txt', iconv.encode(GOOD_ARTICLE, 'utf-16be'));
    for (const [path, order] of [
      [little, 'UTF-16LE'],
      [big, 'UTF-16BE'],
    ] as const) {
      const article = await readArticle(path);
      expect(article.title).toBe('Talks resume in Geneva');
      expect(article.text).toContain('“We are closer than we were a week ago,”');
      expect(article.warnings).toEqual([`no byte order mark: decoded as ${order}`]);
    }
  });

  it('reads UTF-16 without a byte order mark holding a table of figures and a vertical tab', async () => {
    const table = `Revenue 2024: 1,234,567; 2023: 1,100,250; 2022: 998,410.\v${GOOD_ARTICLE}`;
    const path = await corpus.write('table.txt', iconv.encode(table, 'utf-16le'));
    const article = await readArticle(path);
    expect(article.warnings).toEqual(['no byte order mark: decoded as UTF-16LE']);
    expect(article.text).toContain('“We are closer than we were a week ago,”');
  });

  it('still refuses binary data whose NUL bytes alternate like UTF-16', async () => {
    // Sixteen-bit numbers under 256: NUL every other byte, but the rest are control characters.
    const numbers = Uint8Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? i % 31 : 0));
    await expectProblem('samples.dat', numbers, 'not a text file (binary data)');
  });

  it('honours a UTF-8 byte order mark', async () => {
    const path = await corpus.write(
      'bom.txt',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD_ARTICLE)]),
    );
    const article = await readArticle(path);
    expect(article.title).toBe('Talks resume in Geneva');
    expect(article.warnings).toEqual([]);
  });

  it('removes ANSI, OSC and bidi controls and says how much went', async () => {
    const hostile =
      'Talks resume in Geneva\n\n' +
      'Negotiators \x1b[31mfrom both countries\x1b[0m met in Geneva on Tuesday to resume talks that stalled last month over a ceasefire.\x07\n\n' +
      '\x1b]8;;https://evil.example\x07“We are closer than we were,”\x1b]8;;\x07 one diplomat \u202esaid\u202c after the meeting.\r\n';
    await corpus.write('good.txt', GOOD_ARTICLE);
    const path = await corpus.write('escapes.txt', hostile);
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([]);
    const article = load.articles.find((candidate) => candidate.path === path)!;
    expect(article.text).toBe(
      'Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month over a ceasefire.\n\n“We are closer than we were,” one diplomat said after the meeting.',
    );
    expect(article.text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    expect(article.warnings).toEqual([
      'removed 4 terminal escape sequences (41 characters), 1 control character (U+0007) and 2 bidi controls that could reorder the text (U+202E, U+202C); the text around them is kept',
    ]);
  });

  it('removes control characters that character references decode to', async () => {
    const path = await corpus.write(
      'refs.txt',
      'Officials met in Geneva on Tuesday to resume talks that stalled last month over a ceasefire &#27;[2J&amp; more.\n',
    );
    const article = await readArticle(path);
    expect(article.text).toBe(
      'Officials met in Geneva on Tuesday to resume talks that stalled last month over a ceasefire & more.',
    );
    expect(article.warnings).toEqual([
      'removed 1 terminal escape sequence (4 characters) decoded from character references; the text around it is kept',
    ]);
  });
});

describe('the corpus folder', () => {
  it('throws a clear error when it does not exist', async () => {
    await expect(loadCorpus(join('/nonexistent', 'corpus'), { cacheDir: null })).rejects.toThrow(
      'corpus folder not found: /nonexistent/corpus',
    );
  });

  it('names a missing file', async () => {
    await expect(readArticle('/nonexistent/a.txt')).rejects.toThrow(
      '/nonexistent/a.txt: no such file',
    );
  });
});

describe('links that lead nowhere', () => {
  it('reports a symbolic link loop by name and loads the rest', async () => {
    await corpus.write('good.txt', GOOD_ARTICLE);
    const a = join(corpus.root(), 'loop-a.txt');
    const b = join(corpus.root(), 'loop-b.txt');
    await symlink(b, a);
    await symlink(a, b);
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([
      { path: a, message: `${a}: symbolic link loop` },
      { path: b, message: `${b}: symbolic link loop` },
    ]);
    expect(load.articles.map((article) => article.id)).toEqual(['good']);
    await expect(readArticle(a)).rejects.toThrow(`${a}: symbolic link loop`);
  });

  it('reports a broken link by name', async () => {
    await corpus.write('good.txt', GOOD_ARTICLE);
    const link = join(corpus.root(), 'gone.txt');
    await symlink(join(corpus.root(), 'deleted.txt'), link);
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([
      { path: link, message: `${link}: broken symbolic link (its target does not exist)` },
    ]);
    expect(load.articles.map((article) => article.id)).toEqual(['good']);
  });

  it('does not follow a link to a folder, so a link to its own folder cannot loop', async () => {
    await corpus.write('good.txt', GOOD_ARTICLE);
    await symlink('.', join(corpus.root(), 'self'));
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([]);
    expect(load.articles.map((article) => article.id)).toEqual(['good']);
  });
});

describe('links out of the corpus folder', () => {
  it('refuses a link to a file outside the corpus by name, and reads a link inside', async () => {
    // qa58 #9: `passwd.txt -> /etc/passwd` in a shared corpus was listed, searchable, exported.
    await corpus.write('good.txt', GOOD_ARTICLE);
    const root = corpus.root();
    await symlink('/etc/passwd', join(root, 'passwd.txt'));
    await symlink('good.txt', join(root, 'copy.txt'));
    const load = await loadCorpus(root, { cacheDir: null });
    const link = join(root, 'passwd.txt');
    expect(load.problems).toEqual([
      {
        path: link,
        message: `${link}: a link to a file outside the corpus folder (${realpathSync('/etc/passwd')}); not read`,
      },
    ]);
    expect(load.articles.map((article) => article.id)).toEqual(['copy', 'good']);
    expect(load.articles.map((article) => article.text).join('\n')).not.toContain('root:');
  });
});

describe('files that are not regular files', () => {
  it('refuses a named pipe instead of waiting for a writer', async () => {
    await corpus.write('good.txt', GOOD_ARTICLE);
    const pipe = join(corpus.root(), 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    await expect(readArticle(pipe)).rejects.toThrow(`${pipe}: not a regular file (a named pipe)`);
    // The corpus walk never opens it: it is named as a problem, and the rest loads.
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([
      { path: pipe, message: `${pipe}: not a regular file (a named pipe)` },
    ]);
    expect(load.articles.map((article) => article.id)).toEqual(['good']);
  });

  it('refuses a device', async () => {
    await expect(readArticle('/dev/zero')).rejects.toThrow(
      '/dev/zero: not a regular file (a device)',
    );
  });
});

describe('a file with no sentence left after cleaning', () => {
  it('is a problem naming it, not an article of 0 sentences (loadCorpus and readArticle)', async () => {
    const garbage = Uint8Array.from([
      0xff,
      0xfe,
      0x00,
      0x00,
      ...Buffer.from('garbage'),
      0x00,
      0x01,
    ]);
    await expectProblem('x.txt', garbage, 'no article text found');
  });

  it('is a problem when it holds only boilerplate or markup', async () => {
    await expectProblem(
      'empty.html',
      '<html><body><nav>Home</nav></body></html>',
      'no article text found',
    );
  });

  it('reads UTF-32 with a byte order mark, either way round', async () => {
    const text = 'Talks resumed in Geneva on Monday. Both sides met for “six hours”.\n';
    const le = await corpus.write(
      'le.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(text, 'utf-32le')]),
    );
    const be = await corpus.write(
      'be.txt',
      Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), iconv.encode(text, 'utf-32be')]),
    );
    for (const path of [le, be]) {
      const article = await readArticle(path);
      expect(article.text).toBe(text.trim());
      expect(article.warnings).toEqual([]);
    }
  });
});

describe('bytes that are broken UTF-8, not another encoding', () => {
  it('become U+FFFD with a warning, not Windows-1252 letters (Ã(, ÿþ)', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Negotiators met in Geneva on Tuesday, officials said in a statement. '),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(' The talks will resume on Friday, both delegations confirmed. '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' A third round is planned for next month, a spokesman added.\n'),
    ]);
    const path = await corpus.write('broken.txt', bytes);
    const article = await readArticle(path);
    expect(article.text).toContain('statement. \ufffd( The talks');
    expect(article.text).toContain('confirmed. \ufffd\ufffd A third');
    expect(article.warnings).toEqual([
      'not valid UTF-8 and the encoding could not be detected: 3 invalid byte sequences replaced with U+FFFD',
    ]);
  });

  it('reads English in Windows-1252, whose only non-ASCII bytes are punctuation', async () => {
    const text =
      'Committee publishes its report\n\n“The committee’s report is clear,” said the chair — adding that costs rose by €5m in 2024… The report runs to 40 pages, a spokesman said.\n';
    const path = await corpus.write('en.txt', iconv.encode(text, 'windows-1252'));
    const article = await readArticle(path);
    expect(article.text).toBe(
      '“The committee’s report is clear,” said the chair — adding that costs rose by €5m in 2024… The report runs to 40 pages, a spokesman said.',
    );
    expect(article.warnings).toEqual(['not valid UTF-8: decoded as windows-1252']);
  });

  it('still refuses stray signs that broken UTF-8 decodes to', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Negotiators met in Geneva on Tuesday, officials said in a statement '),
      Buffer.from([0xe2, 0x80]),
      Buffer.from(' and the talks will resume on Friday, both delegations confirmed.\n'),
    ]);
    const article = await readArticle(await corpus.write('cut.txt', bytes));
    expect(article.text).toContain('statement \ufffd and the talks');
  });

  it('still reads French in Windows-1252 as French', async () => {
    const text =
      'Le ministre a déclaré que les négociations à Genève étaient très avancées. Hélène Dupont, porte-parole, a ajouté que la réunion reprendrait vendredi.\n';
    const path = await corpus.write('fr.txt', iconv.encode(text, 'windows-1252'));
    const article = await readArticle(path);
    expect(article.text).toBe(text.trim());
    expect(article.warnings).toEqual(['not valid UTF-8: decoded as windows-1252']);
  });

  it('reads German in Windows-1252 with „…“ quotes and an amount in €', async () => {
    // qa56 #9: the closing “ and the € after "Mio." did not fit their places, and the whole
    // file became U+FFFD (`Stra�enbahn in K�ln`).
    const text =
      'Straßenbahn in Köln\n\nDie Bürger äußerten sich: „Wir sind überrascht“, sagte Müller. Die Kosten betragen 1.234,5 Mio. €.\n';
    const path = await corpus.write('de.txt', iconv.encode(text, 'windows-1252'));
    const article = await readArticle(path);
    expect(article.title).toBe('Straßenbahn in Köln');
    expect(article.text).toBe(
      'Die Bürger äußerten sich: „Wir sind überrascht“, sagte Müller. Die Kosten betragen 1.234,5 Mio. €.',
    );
    expect(article.warnings).toEqual(['not valid UTF-8: decoded as windows-1252']);
  });
});

describe('a PDF paste in Windows-1252 with a soft hyphen at a line end', () => {
  it('is read as Windows-1252, its quotes and apostrophes kept', async () => {
    // qa58 #4: the soft hyphen (byte 0xAD) typesetting leaves where it broke a word was taken
    // for a misplaced character, one of the four outside ASCII, and the whole file became
    // U+FFFD (`Ukraine�s`, `�one-sided�`).
    const text =
      'UN Security Council briefing on Ukraine\n\nThe Under-Secretary-General for Political and Peace\u00ad\nbuilding Affairs warned that any agreement must respect Ukraine’s sovereignty. The Russian representative said the figures were “one-sided”.\n';
    const path = await corpus.write('briefing.txt', iconv.encode(text, 'windows-1252'));
    const article = await readArticle(path);
    expect(article.text).toBe(
      'The Under-Secretary-General for Political and Peacebuilding Affairs warned that any agreement must respect Ukraine’s sovereignty. The Russian representative said the figures were “one-sided”.',
    );
    expect(article.warnings).toEqual(['not valid UTF-8: decoded as windows-1252']);
  });

  it('is read as Windows-1252 with spaces between the soft hyphen and the line end', async () => {
    // review58-c: a PDF's text often leaves a space after the hyphen; the file became U+FFFD.
    const text =
      'UN Security Council briefing on Ukraine\n\nThe Under-Secretary-General for Political and Peace\u00ad \nbuilding Affairs warned that any agreement must respect Ukraine’s sovereignty. The Russian representative said the figures were “one-sided”.\n';
    const path = await corpus.write('briefing.txt', iconv.encode(text, 'windows-1252'));
    const article = await readArticle(path);
    expect(article.text).toContain('Ukraine’s sovereignty');
    expect(article.text).toContain('“one-sided”');
    expect(article.warnings).toEqual(['not valid UTF-8: decoded as windows-1252']);
  });
});

/**
 * Chinese, Japanese and Korean text files in their legacy encodings, with the punctuation news
 * text has: ideographic commas and stops, quotation marks set close to the words, full-width
 * digits, book-title brackets. A tenth of a Chinese text is such punctuation.
 */
const EAST_ASIAN: Array<[string, string, string, string[]]> = [
  [
    'Simplified Chinese in GBK',
    'gbk',
    'gb18030',
    [
      '北京会谈',
      '外交部发言人周五表示，双方将在下周继续举行会谈。官员说，具体细节尚未确定。',
      '他说：“我们希望会谈取得进展。”另一位官员表示，《人民日报》周六将刊登声明（全文）。',
      '据报道，2024年的贸易额增长了１２％，达到约５０００亿美元。',
    ],
  ],
  [
    'Traditional Chinese in Big5',
    'big5',
    'big5',
    [
      '台北會談',
      '外交部發言人週五表示，雙方將在下週繼續舉行會談。官員說，具體細節尚未確定。',
      '他說：「我們希望會談取得進展。」另一位官員表示，《中央日報》週六將刊登聲明（全文）。',
    ],
  ],
  [
    'Japanese in Shift-JIS',
    'shift_jis',
    'shift_jis',
    [
      '東京で首脳会談',
      '首相は月曜日に記者会見を開き、交渉は来週も続くと述べた。「合意は近い」と語った。',
      '外務省によると、２０２４年の貿易額は約１２％増えた。',
    ],
  ],
  [
    'Japanese in EUC-JP',
    'euc-jp',
    'euc-jp',
    [
      '東京で首脳会談',
      '首相は月曜日に記者会見を開き、交渉は来週も続くと述べた。「合意は近い」と語った。',
      '外務省によると、２０２４年の貿易額は約１２％増えた。',
    ],
  ],
  [
    'Korean in EUC-KR',
    'euc-kr',
    'euc-kr',
    [
      '서울 회담',
      '외교부 대변인은 금요일 양측이 다음 주에도 회담을 계속할 것이라고 밝혔다. "합의가 가깝다"고 말했다.',
    ],
  ],
];

describe('East Asian text in its legacy encoding', () => {
  it.each(EAST_ASIAN)('reads %s', async (_name, encoding, detected, [title, ...paragraphs]) => {
    const text = `${title}\n\n${paragraphs.join('\n\n')}\n`;
    const path = await corpus.write('page.txt', iconv.encode(text, encoding));
    const article = await readArticle(path);
    expect(article.title).toBe(title);
    expect(article.text).toBe(paragraphs.join('\n\n'));
    expect(article.warnings).toEqual([`not valid UTF-8: decoded as ${detected}`]);
  });
});

describe('links to what is not a file', () => {
  it('names a link to a device instead of skipping it in silence', async () => {
    await corpus.write('good.txt', GOOD_ARTICLE);
    const link = join(corpus.root(), 'zero.txt');
    await symlink('/dev/zero', link);
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([
      { path: link, message: `${link}: not a regular file (a link to a device)` },
    ]);
    expect(load.articles.map((article) => article.id)).toEqual(['good']);
  });
});

/** A zip archive of stored (uncompressed) entries: local headers only, as a reader meets them first. */
function zipOf(entries: Array<[string, string]>): Uint8Array {
  const parts: Buffer[] = [];
  for (const [name, content] of entries) {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(Buffer.byteLength(content), 18);
    header.writeUInt32LE(Buffer.byteLength(content), 22);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    parts.push(header, Buffer.from(name), Buffer.from(content));
  }
  return Buffer.concat(parts);
}
