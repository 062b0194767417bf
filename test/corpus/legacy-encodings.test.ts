import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { textBytes } from '../../source/corpus/declared-charset.js';
import { readArticle } from '../../source/corpus/index.js';
import { tempCorpus } from './temp-corpus.js';

/**
 * Web pages saved in the single-byte encodings of their language, as older news sites still serve
 * them: a short text inside a page of ASCII markup (menus, scripts, styles), which outweighs the
 * text and led statistical detection to Windows-1252 whatever the language.
 */
const LANGUAGES: Array<{ encoding: string; title: string; body: string[] }> = [
  {
    encoding: 'windows-1251',
    title: 'Песков ответил на вопрос о переговорах',
    body: [
      'Песков сказал журналистам, что Кремль не получал никаких новых предложений о переговорах.',
      'По его словам, позиция России остаётся неизменной, а решение будет принято после консультаций.',
    ],
  },
  {
    encoding: 'koi8-r',
    title: 'Песков ответил на вопрос о переговорах',
    body: [
      'Песков сказал журналистам, что Кремль не получал никаких новых предложений о переговорах.',
      'По его словам, позиция России остаётся неизменной, а решение будет принято после консультаций.',
    ],
  },
  {
    encoding: 'windows-1251',
    title: 'Зеленський заявив про нові переговори',
    body: [
      'Зеленський заявив, що Україна готова до нових переговорів лише після припинення вогню.',
      'За його словами, уряд представить свій план партнерам наступного тижня у Брюсселі.',
    ],
  },
  {
    encoding: 'windows-1256',
    title: 'الحكومة تنشر الميزانية الجديدة',
    body: [
      'قال المتحدث باسم الحكومة إن الوزارة ستنشر الميزانية الجديدة يوم الاثنين المقبل.',
      'وأضاف أن الإنفاق على التعليم والصحة سيرتفع بنسبة كبيرة خلال العام المقبل.',
    ],
  },
  {
    encoding: 'windows-1255',
    title: 'הממשלה תפרסם את התקציב החדש',
    body: [
      'דובר הממשלה אמר כי המשרד יפרסם את התקציב החדש ביום שני הקרוב.',
      'לדבריו, ההוצאה על החינוך והבריאות תעלה באופן משמעותי בשנה הבאה.',
    ],
  },
  {
    encoding: 'iso-8859-7',
    title: 'Ο νέος προϋπολογισμός τη Δευτέρα',
    body: [
      'Ο υπουργός είπε ότι η κυβέρνηση θα δημοσιεύσει τον νέο προϋπολογισμό τη Δευτέρα.',
      'Σύμφωνα με τον ίδιο, οι δαπάνες για την παιδεία και την υγεία θα αυξηθούν σημαντικά.',
    ],
  },
  {
    encoding: 'windows-1250',
    title: 'Vláda zveřejní nový rozpočet',
    body: [
      'Ministr zahraničí řekl, že vláda zveřejní nový rozpočet v pondělí odpoledne.',
      'Výdaje na školství a zdravotnictví podle něj porostou přibližně o čtvrtinu.',
    ],
  },
  {
    encoding: 'iso-8859-9',
    title: 'Dışişleri Bakanı bütçeyi açıkladı',
    body: [
      'Dışişleri Bakanı, hükümetin yeni bütçeyi pazartesi günü açıklayacağını söyledi.',
      'Bakan, eğitim ve sağlık harcamalarının önümüzdeki yıl önemli ölçüde artacağını belirtti.',
    ],
  },
  {
    encoding: 'iso-8859-2',
    title: 'Rząd opublikuje nowy budżet',
    body: [
      'Minister powiedział, że rząd opublikuje nowy budżet w poniedziałek po południu.',
      'Według niego wydatki na edukację i zdrowie wzrosną w przyszłym roku o jedną czwartą.',
    ],
  },
  {
    encoding: 'iso-8859-1',
    title: 'Die Regierung stellt den Haushalt vor',
    body: [
      'Der Minister sagte, die Regierung werde den neuen Haushalt am Montag in Berlin vorstellen.',
      'Die Ausgaben für Bildung und Gesundheit würden im nächsten Jahr deutlich größer ausfallen.',
    ],
  },
];

/** ~30 KB of markup around the text: navigation, a script and a style, all ASCII. */
function page(title: string, body: string[], head: string): string {
  const menu = Array.from(
    { length: 120 },
    (_, i) => `<li class="menu-item"><a href="/section/${i}">Section ${i}</a></li>`,
  ).join('\n');
  return `<!DOCTYPE html>
<html><head>${head}
<title>${title}</title>
<style>body{margin:0;font-family:Georgia,serif}.menu-item{display:inline-block;padding:4px}</style>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
</head><body>
<nav><ul>${menu}</ul></nav>
<article><h1>${title}</h1>
${body.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</article>
<footer><ul>${menu}</ul></footer>
</body></html>
`;
}

const corpus = tempCorpus();

describe('web pages in a legacy single-byte encoding', () => {
  for (const { encoding, title, body } of LANGUAGES) {
    for (const [variant, head] of [
      ['meta charset', `<meta charset="${encoding}">`],
      [
        'http-equiv',
        `<meta http-equiv="Content-Type" content="text/html; charset=${encoding.toUpperCase()}">`,
      ],
    ] as const) {
      it(`reads ${encoding} declared by ${variant}, without a warning`, async () => {
        const path = await corpus.write(
          'page.html',
          iconv.encode(page(title, body, head), encoding),
        );
        const article = await readArticle(path);
        expect(article.title).toBe(title);
        expect(article.text).toBe(body.join('\n\n'));
        expect(article.warnings).toEqual([]);
      });
    }
  }

  // Without a declaration the text alone is judged: two sentences are enough.
  for (const { encoding, title, body } of LANGUAGES.filter(
    (language) => language.encoding !== 'iso-8859-1',
  )) {
    it(`detects ${encoding} from the text, not the markup, when nothing is declared`, async () => {
      const path = await corpus.write('page.html', iconv.encode(page(title, body, ''), encoding));
      const article = await readArticle(path);
      expect(article.title).toBe(title);
      expect(article.text).toBe(body.join('\n\n'));
      expect(article.warnings).toHaveLength(1);
      expect(article.warnings[0]).toMatch(/^not valid UTF-8: decoded as /);
    });
  }

  it('reads a page whose meta wrongly says UTF-8 by detecting its encoding', async () => {
    const { title, body } = LANGUAGES[0]!;
    const html = page(title, body, '<meta charset="utf-8">');
    const path = await corpus.write('page.html', iconv.encode(html, 'windows-1251'));
    const article = await readArticle(path);
    expect(article.title).toBe(title);
    expect(article.warnings).toEqual(['not valid UTF-8: decoded as windows-1251']);
  });

  it('reads UTF-8 as UTF-8 whatever the page declares', async () => {
    const { title, body } = LANGUAGES[0]!;
    const html = page(title, body, '<meta charset="windows-1251">');
    const path = await corpus.write('page.html', html);
    const article = await readArticle(path);
    expect(article.title).toBe(title);
    expect(article.warnings).toEqual([]);
  });

  it('ignores a declaration in a comment and one past the first 1024 bytes', async () => {
    const { title, body } = LANGUAGES[5]!;
    const html = page(title, body, '<!-- <meta charset="koi8-r"> -->').replace(
      '</footer>',
      '</footer><meta charset="koi8-r">',
    );
    const path = await corpus.write('page.html', iconv.encode(html, 'iso-8859-7'));
    const article = await readArticle(path);
    expect(article.title).toBe(title);
  });

  it('reads an XHTML page by its XML declaration', async () => {
    const { title, body, encoding } = LANGUAGES[6]!;
    const html = `<?xml version="1.0" encoding="${encoding}"?>\n${page(title, body, '')}`;
    const path = await corpus.write('page.xhtml', iconv.encode(html, encoding));
    const article = await readArticle(path);
    expect(article.text).toBe(body.join('\n\n'));
    expect(article.warnings).toEqual([]);
  });
});

describe('the text a page is detected on', () => {
  it('leaves out scripts, styles, comments and tags, and keeps words with bytes over 127', () => {
    const page = Buffer.from(
      '<html><style>p{x:"\xe9"}</style><script>var s="\xe8";</script><!-- \xe0 --><p>caf\xe9 menu <b>na\xefve</b></p>',
      'latin1',
    );
    expect(Buffer.from(textBytes(page)).toString('latin1')).toBe('caf\xe9 na\xefve');
  });

  it('reads 40,000 openers never closed in one pass, keeping what follows them', () => {
    const page = Buffer.from(`${'<style <!-- '.repeat(40_000)}<p>caf\xe9`, 'latin1');
    // Scanned again from each opener this took minutes; no time is asserted: it would time out.
    expect(Buffer.from(textBytes(page)).toString('latin1')).toBe('caf\xe9');
  });
});
