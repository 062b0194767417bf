import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadCorpus, readArticle } from '../../source/corpus/index.js';
import { decodeQuotedPrintable } from '../../source/corpus/mhtml.js';
import { GOOD_ARTICLE, tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ferry service resumes after the storm – Island Post</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Ferry service resumes after the storm</h1>
<p>The ferry between the island and the mainland resumed on Wednesday after three days in which the storm kept every boat in harbour, the operator said.</p>
<p>Passengers who had waited since Sunday were given priority on the first crossings, and the operator added two extra sailings for the evening.</p>
<p>“We have never had to stop for so long in winter,” the harbour master told reporters.</p>
<img src="https://island.example/photo.jpg"></article></body></html>`;

const SENTENCES = [
  'The ferry between the island and the mainland resumed on Wednesday after three days in which the storm kept every boat in harbour, the operator said.',
  'Passengers who had waited since Sunday were given priority on the first crossings, and the operator added two extra sailings for the evening.',
  '“We have never had to stop for so long in winter,” the harbour master told reporters.',
];

/** Quoted-printable as Chrome writes it: `=` as `=3D`, UTF-8 bytes as `=E2=80=9C`, 76-column lines. */
function quotedPrintable(text: string): string {
  let encoded = '';
  for (const byte of Buffer.from(text)) {
    const char = String.fromCharCode(byte);
    encoded +=
      byte === 0x3d || byte > 0x7e || (byte < 0x20 && byte !== 0x0a)
        ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
        : char;
  }
  return encoded
    .split('\n')
    .map((line) => line.match(/.{1,73}(?:=[0-9A-F]{2})?/g)?.join('=\r\n') ?? '')
    .join('\r\n');
}

const BOUNDARY = '----MultipartBoundary--pG3t8QaZ1x2y3z4w5v6u7t8s9r0q----';

/** A page as Chrome's "Save as… Webpage, single file" writes it: the page, a photo, a frame. */
function chromeMhtml(page: string): string {
  const photo = randomBytes(30_000).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://island.example/news/ferry',
    'Subject: =?utf-8?Q?Ferry_service_resumes?=',
    'Date: Sat, 5 Dec 2026 09:00:00 -0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${BOUNDARY}"`,
    '',
    '',
    `--${BOUNDARY}`,
    'Content-Type: text/html',
    'Content-ID: <frame-1@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: https://island.example/news/ferry',
    '',
    quotedPrintable(page),
    `--${BOUNDARY}`,
    'Content-Type: image/jpeg',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://island.example/photo.jpg',
    '',
    photo,
    `--${BOUNDARY}`,
    'Content-Type: text/html',
    'Content-ID: <frame-2@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(
      '<html><body><p>Advertisement: buy a boat today from our partners.</p></body></html>',
    ),
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n');
}

describe('MHTML pages', () => {
  it("reads Chrome's single-file page like the page itself", async () => {
    await corpus.write('good.txt', GOOD_ARTICLE);
    const path = await corpus.write('ferry.mhtml', chromeMhtml(PAGE));
    const article = await readArticle(path);
    expect(article.title).toBe('Ferry service resumes after the storm');
    expect(article.sentences.map((sentence) => sentence.text)).toEqual(SENTENCES);
    const load = await loadCorpus(corpus.root(), { cacheDir: null });
    expect(load.problems).toEqual([]);
    expect(load.articles.map((a) => a.id)).toEqual(['ferry', 'good']);
  });

  it('reads a Web Archive whose page is base64 in the charset its part names', async () => {
    const russian = `<html><body><article><h1>Паром снова ходит после шторма</h1>
<p>Паром между островом и материком возобновил работу в среду после трёх дней, когда шторм держал все суда в гавани, сообщил оператор.</p>
<p>Пассажиры, ждавшие с воскресенья, получили места на первых рейсах, а вечером оператор добавил два дополнительных рейса.</p></article></body></html>`;
    const message = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="----=_NextPart_000_0000_01DB4700.12345670"; type="text/html"',
      '',
      'This is a multi-part message in MIME format.',
      '',
      '------=_NextPart_000_0000_01DB4700.12345670',
      'Content-Type: text/html; charset="windows-1251"',
      'Content-Transfer-Encoding: base64',
      '',
      iconv.encode(russian, 'windows-1251').toString('base64').replace(/.{76}/g, '$&\r\n'),
      '------=_NextPart_000_0000_01DB4700.12345670--',
      '',
    ].join('\r\n');
    const path = await corpus.write('parom.mht', message);
    const article = await readArticle(path);
    expect(article.title).toBe('Паром снова ходит после шторма');
    expect(article.text).toMatch(/^Паром между островом и материком возобновил работу в среду/);
  });

  it('names a file that holds no page', async () => {
    const path = await corpus.write(
      'photo.mhtml',
      `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n`,
    );
    await expect(readArticle(path)).rejects.toThrow(
      `${path}: not a saved page (an MHTML file without an HTML part)`,
    );
  });

  it('decodes quoted-printable soft breaks and escapes, leaving a stray = alone', () => {
    const decoded = decodeQuotedPrintable(
      Buffer.from('a=3Db =E2=80=9Cq=E2=80=9D lo=  \r\nng =zz=\nend'),
    );
    expect(decoded.toString()).toBe('a=b “q” long =zzend');
  });
});
