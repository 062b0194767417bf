import { describe, expect, it } from 'vitest';
import { BOILERPLATE } from '../../source/corpus/boilerplate-patterns.js';

// Lines of page furniture each pattern with a `may` test is for, in the cases pages write them.
const LINES = [
  'pub-1234567890',
  'CA-PUB-1234567',
  'Sign up for our newsletter to get the news in your inbox',
  'NEWSLETTERS: SUBSCRIBE to get them by e-mail',
  'We use cookies to improve your experience. By browsing you accept our policy.',
  'This website uses COOKIES; you consent by browsing',
  'Comments are closed.',
  'Note: we are moderating all comments on this story',
  'ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.',
  'Kommentare werden moderiert und erst nach Prüfung freigegeben (Spam)',
  'Join the conversation: read our community guidelines',
  'Protesters gather in Kyiv / Getty Images',
  'Smoke over the port, March 2025 (REUTERS)',
  'A soldier at the front | AP',
  // review57-d: the pattern's `ap photo` was missing from its test, which spared these lines.
  'Troops in Kyiv / AP Photo',
  'Troops in Kyiv (AP Photo)',
  'Officials meet in Moscow, RIA Novosti',
  'Rescue workers at the site (AFP)',
  'Protesters gather in the square (Image: GETTY)',
  'The minister arrives (Photo: Reuters/John Smith)',
  '© 2025 The Coastal Observer. All Rights Reserved.',
  'Copyright Nordpost — ALL RIGHTS RESERVED worldwide',
  'Reach the author at jane@example.com',
  'Follow her on https://example.com/jane',
  'CONTACT the newsroom: news@paper.example',
  // fixpage58 (qa58 #8): a paywall's other-device notice, a disclaimer, a photo copyright note.
  'Lecture du Monde en cours sur un AUTRE APPAREIL.',
  'Your account is already being used on another Device',
  'Ihr Abo wird bereits auf einem anderen Gerät gelesen.',
  'The Views Expressed in this article are those of the author.',
  'Opinions expressed by contributors do not reflect the paper',
  'All Photographs Subject To Copyright.',
  'Images protected by COPYRIGHT',
  // tidy59: a paywall's words where the story stops.
  'Subscribe to continue READING.',
  'This article is for SUBSCRIBERS only.',
  'The rest of this story is available to Members',
  'To keep Reading, log in or subscribe',
  // fixpage59 (qa59 #10): other languages' ad labels, rights lines, source trailers, typo
  // notices, editors' credits, bracketed labels, Chinese photo credits, "read also" headings.
  'PUBLICIDADE',
  'Реклама',
  'RIPRODUZIONE RISERVATA © Copyright ANSA',
  'Todos os Direitos Reservados.',
  'Source: Reuters',
  'المصدر: الجزيرة + وكالات',
  'Помітили помилку? Виділіть її та натисніть CTRL + Enter',
  '【责任编辑:王琳】',
  '【纠错】【责任编辑:王琳】',
  '图为农民在田间查看麦苗长势。新华社记者 刘洋 摄',
  'Leia Também',
  'اقرأ أيضا',
  // qa59 #5: a newsletter's furniture.
  'View this email in your BROWSER',
  'View it on the WEB',
  'You are RECEIVING this email because you signed up.',
  'UNSUBSCRIBE | Manage Preferences',
  'Update your email PREFERENCES',
  'Forward to a FRIEND',
];

describe('the tests that spare a line its boilerplate patterns', () => {
  it('passes every line a pattern matches', () => {
    const tested = new Set<string>();
    for (const { reason, pattern, may } of BOILERPLATE) {
      if (!may) continue;
      for (const line of LINES) {
        if (!pattern.test(line)) continue;
        expect(may(line.toLowerCase(), line), `${reason}: ${line}`).toBe(true);
        tested.add(pattern.source);
      }
    }
    // Every pattern with such a test matched a line above: each was held to it.
    const withMay = BOILERPLATE.filter((entry) => entry.may).map((entry) => entry.pattern.source);
    expect([...tested].sort()).toEqual([...new Set(withMay)].sort());
  });

  it('spares the lines of an article', () => {
    const prose = 'The talks in Istanbul ended late on Friday, officials said.';
    const spared = BOILERPLATE.filter(
      (entry) => entry.may && !entry.may(prose.toLowerCase(), prose),
    );
    expect(spared.length).toBe(BOILERPLATE.filter((entry) => entry.may).length);
  });
});
