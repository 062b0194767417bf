import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import { tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();

const STORY = [
  'The Federal Reserve left interest rates unchanged on Wednesday, at 4.25% to 4.5%.',
  '“We are in no hurry,” Chair Jerome Powell told reporters.',
  'Oil fell 2% to $71 a barrel after OPEC+ said it would raise output.',
];

/** Quoted-printable with soft breaks at 60 columns, as mail programs write it. */
function quotedPrintable(text: string): string {
  let encoded = '';
  for (const byte of Buffer.from(text)) {
    encoded +=
      byte === 0x3d || byte > 0x7e
        ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
        : String.fromCharCode(byte);
  }
  return encoded.match(/.{1,58}(?:=[0-9A-F]{2})?/g)!.join('=\r\n');
}

const HTML = `<html><body><table width="100%"><tr><td><a href="https://view.example.com">View in browser</a></td></tr>
<tr><td><h1>Fed holds rates steady</h1><p>${STORY[0]}</p><p>${STORY[1]}</p><p>${STORY[2]}</p>
<p style="font-size:11px">You are receiving this email because you signed up for Morning Briefing. <a href="#">Unsubscribe</a> | <a href="#">Manage preferences</a><br>Example Media, 1 Main St, New York, NY 10001</p></td></tr></table></body></html>`;

/** A newsletter as a mail program saves it: mixed, holding alternative text and HTML, and a PDF. */
function newsletter(subject: string): string {
  return [
    'Return-Path: <news@briefing.example.com>',
    'Received: from mail.example.com (mail.example.com [203.0.113.5])',
    '\tby mx.example.org with ESMTPS id abc123; Thu, 04 Dec 2026 11:02:03 +0000',
    'From: "Morning Briefing" <news@briefing.example.com>',
    'To: alice@example.org',
    `Subject: ${subject}`,
    'Date: Thu, 04 Dec 2026 11:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: multipart/alternative; boundary="inner"',
    '',
    '--inner',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    STORY.join('\n\n'),
    '',
    '--inner',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(HTML),
    '--inner--',
    '',
    '--outer',
    'Content-Type: application/pdf; name="rates.pdf"',
    'Content-Disposition: attachment; filename="rates.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('%PDF-1.4 not text').toString('base64'),
    '--outer--',
    '',
  ].join('\r\n');
}

const texts = (article: Awaited<ReturnType<typeof readArticle>>) =>
  article.sentences.map((sentence) => sentence.text);

describe('an email saved as .eml (qa59 #5)', () => {
  it('reads its HTML part once, decoded, with the subject, date and sender; no footer', async () => {
    const subject = '=?UTF-8?Q?Morning_Briefing:_Fed_holds_rates_steady_=E2=80=94_Dec_4?=';
    const article = await readArticle(await corpus.write('briefing.eml', newsletter(subject)));
    expect(article.title).toBe('Morning Briefing: Fed holds rates steady — Dec 4');
    expect(article.date).toBe('2026-12-04');
    expect(article.source).toBe('Morning Briefing');
    expect(texts(article)).toEqual(STORY);
    expect(article.warnings).toEqual([]);
  });

  it('decodes a subject in base64 of another charset, split in encoded words', async () => {
    const latin = (text: string) => iconv.encode(text, 'iso-8859-1').toString('base64');
    const subject = `=?ISO-8859-1?B?${latin('Réunion de la')}?= =?ISO-8859-1?B?${latin(' BCE à Francfort')}?=`;
    const article = await readArticle(await corpus.write('bce.eml', newsletter(subject)));
    expect(article.title).toBe('Réunion de la BCE à Francfort');
  });

  it('reads the text part where there is no HTML, in its declared charset', async () => {
    const body = iconv.encode(`Les négociations reprendront à Genève lundi, a-t-il dit.`, 'latin1');
    const message = Buffer.concat([
      Buffer.from(
        [
          'From: AFP <depeches@afp.example>',
          'Subject: Genève',
          'Date: Mon, 07 Dec 2026 08:00:00 +0100',
          'Content-Type: text/plain; charset=iso-8859-1',
          'Content-Transfer-Encoding: 8bit',
          '',
          '',
        ].join('\r\n'),
      ),
      body,
    ]);
    const article = await readArticle(await corpus.write('afp.eml', message));
    expect(texts(article)).toEqual(['Les négociations reprendront à Genève lundi, a-t-il dit.']);
    expect(article.source).toBe('AFP');
    expect(article.warnings).toEqual([]);
  });

  it('refuses in one line an email with only an attachment', async () => {
    const path = await corpus.write(
      'scan.eml',
      [
        'From: a@example.org',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: application/pdf',
        'Content-Disposition: attachment; filename="scan.pdf"',
        '',
        'JVBERi0=',
        '--b--',
        '',
      ].join('\r\n'),
    );
    await expect(readArticle(path)).rejects.toThrow(`${path}: an email with no text or HTML part`);
  });
});
