import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command as list } from '../../source/commands/list.js';
import { runCommand } from '../../source/commands/run.js';
import { command as show } from '../../source/commands/show.js';
import { captureIO } from './capture-io.js';
import { tempCorpus } from './temp-corpus.js';

/**
 * qa55 #2: a plain-text article whose line under the title gives the outlet and the date, as
 * scrapers write it. The line is metadata: its date and outlet are read (a byline only when it
 * names a person), and it is no part of the text.
 */
const corpus = tempCorpus();
let cache: string;

beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), 'margin-dateline-cache-'));
});
afterEach(async () => {
  await rm(cache, { recursive: true, force: true });
});

const BODY =
  'The Japanese prime minister said on Friday he was cautiously optimistic about the ceasefire plan for Ukraine. Putin and Trump are expected to speak by phone next week.';
const CJK_BODY =
  '日本首相周五表示，他对乌克兰停火方案持谨慎乐观态度。普京和特朗普预计下周通电话，讨论停火的具体安排。';

interface Shown {
  date: string | null;
  byline: string | null;
  source: string | null;
  text: string;
}

async function shown(line: string, cjk = false): Promise<Shown> {
  const file = await corpus.write(
    'a.txt',
    cjk
      ? `东京峰会讨论停火方案\n\n${line}\n\n${CJK_BODY}\n`
      : `Talks resume in Tokyo on ceasefire plan\n\n${line}\n\n${BODY}\n`,
  );
  const captured = captureIO(corpus.root(), { XDG_CACHE_HOME: cache });
  const status = await runCommand(show, [file], { json: true }, captured.io);
  expect([status, captured.stderr()]).toEqual([0, '']);
  const { date, byline, source, text } = JSON.parse(captured.stdout()) as Shown;
  return { date, byline, source, text };
}

describe('an outlet and date line under a plain-text title', () => {
  it.each([
    ['Xinhua · 2025-03-14', '2025-03-14', null, 'Xinhua'],
    ['Reuters · 2025-03-14', '2025-03-14', null, 'Reuters'],
    ['The Guardian · 2025-03-14', '2025-03-14', null, 'The Guardian'],
    ['Al Jazeera · 2025-03-14', '2025-03-14', null, 'Al Jazeera'],
    ['Kyiv Independent · March 14, 2025', '2025-03-14', null, 'Kyiv Independent'],
    ['Xinhua, March 14, 2025', '2025-03-14', null, 'Xinhua'],
    ['2025-03-14 · Xinhua', '2025-03-14', null, 'Xinhua'],
    ['By Xinhua · 2025-03-14', '2025-03-14', null, 'Xinhua'],
    ['TOKYO, March 14, 2025 (Xinhua)', '2025-03-14', null, 'Xinhua'],
    // Outlets margin knows nothing of, in the other forms scrapers write.
    ['Harbour Daily | 14 March 2025', '2025-03-14', null, 'Harbour Daily'],
    ['March 14, 2025 — The Coastal Observer', '2025-03-14', null, 'The Coastal Observer'],
    ['Mar 14, 2025 10:30 · Nordpost', '2025-03-14', null, 'Nordpost'],
    ['OSAKA, March 14, 2025 (AP)', '2025-03-14', null, 'Associated Press'],
    ['Source: Harbour Daily · 2025-03-14', '2025-03-14', null, 'Harbour Daily'],
    // An outlet named for a time of day or a weekday is no time or weekday of the date (qa57 #3).
    ['Morning Post · 2025-03-14', '2025-03-14', null, 'Morning Post'],
    ['The Sunday Times · 2025-03-14', '2025-03-14', null, 'The Sunday Times'],
    ['Evening Standard · March 14, 2025', '2025-03-14', null, 'Evening Standard'],
    ['Weekend Australian | 14 March 2025', '2025-03-14', null, 'Weekend Australian'],
    ['Tuesday Herald · 2025-03-14', '2025-03-14', null, 'Tuesday Herald'],
    // A person's name is the byline, beside the outlet.
    ['By Maria Gonzalez · Reuters · March 14, 2025', '2025-03-14', 'Maria Gonzalez', 'Reuters'],
    ['Jane Doe, Harbour Daily · 2025-03-14', '2025-03-14', 'Jane Doe', 'Harbour Daily'],
    ['By Jane Doe and John Roe · March 14, 2025', '2025-03-14', 'Jane Doe, John Roe', null],
    ['By Jane Star · 2025-03-14', '2025-03-14', 'Jane Star', null],
    // A place before the date is neither.
    ['WASHINGTON, March 14, 2025', '2025-03-14', null, null],
    // A place before an outlet is the dateline's place, not a writer (text56).
    [
      'New Delhi, News Nation Bureau | Updated : 14 Mar 2025, 09:51:16 AM',
      '2025-03-14',
      null,
      'News Nation Bureau',
    ],
    ['New Delhi, Reuters · 2025-03-14', '2025-03-14', null, 'Reuters'],
    // One unknown word after "By" is no outlet: it is as often a first name (`By Mike`), which
    // WordNet mostly does not know (review56-b).
    ['By Nordpost · 2025-03-14', '2025-03-14', null, null],
    ['By Mike | March 14, 2025', '2025-03-14', null, null],
    ['by Anmol · 2025-03-14', '2025-03-14', null, null],
    ['By Catherine · 2025-03-14', '2025-03-14', null, null],
  ])('%s', async (line, date, byline, source) => {
    const article = await shown(line);
    expect(article).toEqual({ date, byline, source, text: expect.any(String) });
    expect(article.text.startsWith('The Japanese prime minister said')).toBe(true);
  });

  it.each([
    ['新华社 · 2025-03-14', '2025-03-14', null, '新华社'],
    ['新华社 2025年3月14日', '2025-03-14', null, '新华社'],
    ['2025年3月14日 10:30 来源：人民日报', '2025-03-14', null, '人民日报'],
    ['２０２５年３月１４日　新华网', '2025-03-14', null, '新华网'],
    ['记者 张伟 · 2025-03-14', '2025-03-14', '张伟', null],
  ])('%s', async (line, date, byline, source) => {
    const article = await shown(line, true);
    expect(article).toEqual({ date, byline, source, text: expect.any(String) });
    expect(article.text.startsWith('日本首相周五表示')).toBe(true);
  });

  it.each([
    ['Reuters', '2025-03-14', 'Reuters'],
    ['Reuters', 'March 14, 2025', 'Reuters'],
    ['The Coastal Observer', '14 March 2025', 'The Coastal Observer'],
    ['Kyiv Independent', '2025-03-14 10:30', 'Kyiv Independent'],
    ['Source: Harbour Daily', 'March 14, 2025', 'Harbour Daily'],
    ['新华社', '2025-03-14', '新华社'],
    // A writer run into a known outlet.
    [
      'Tom Davies Associated Press',
      'Published 11:34 PM EST Mar 14, 2025',
      'Associated Press',
      'Tom Davies',
    ],
  ])(
    'reads an outlet on its own line above the date: %s / %s',
    async (outlet, date, source, byline: string | null = null) => {
      for (const layout of [`${outlet}\n${date}`, `${outlet}\n\n${date}`]) {
        const file = await corpus.write(
          'a.txt',
          `Talks resume in Tokyo on ceasefire plan\n\n${layout}\n\n${BODY}\n`,
        );
        const captured = captureIO(corpus.root(), { XDG_CACHE_HOME: cache });
        const status = await runCommand(show, [file], { json: true }, captured.io);
        expect([status, captured.stderr()]).toEqual([0, '']);
        const article = JSON.parse(captured.stdout()) as Shown;
        expect([layout, article.date, article.byline, article.source]).toEqual([
          layout,
          '2025-03-14',
          byline,
          source,
        ]);
        expect(article.text.startsWith('The Japanese prime minister said')).toBe(true);
      }
    },
  );

  it.each([
    // A site's section or a lone first name above the date names no outlet.
    ['World', null],
    ['Stephanie', null],
    ['Breaking News', null],
    // A writer and an outlet run together, which words are whose unknown.
    ['Elliot Brownstein Florida Today', null],
    // A standfirst that opens with an article, as outlets do (review56-b), and `By` a name.
    ['The Long Road to Peace', null],
    ['The Big Read', null],
    ['By Nordpost', null],
  ])('takes no outlet from a lone word above the date: %s', async (word) => {
    const file = await corpus.write(
      'a.txt',
      `Talks resume in Tokyo on ceasefire plan\n\n${word}\n\n2025-03-14\n\n${BODY}\n`,
    );
    const captured = captureIO(corpus.root(), { XDG_CACHE_HOME: cache });
    const status = await runCommand(show, [file], { json: true }, captured.io);
    expect([status, captured.stderr()]).toEqual([0, '']);
    const article = JSON.parse(captured.stdout()) as Shown;
    expect([article.date, article.source, article.byline]).toEqual(['2025-03-14', null, null]);
  });

  it.each([
    // qa56 #2: a month in Spanish, Turkish, Arabic, Russian or Ukrainian; the line was dropped
    // with its values (es, tr, ar) or left in the text as its first sentence (ru, uk).
    [
      'Por María García · El País · 3 de marzo de 2025',
      '2025-03-03',
      'María García',
      'El País',
      'El presidente turco recibió el lunes a su homólogo ucraniano en Estambul. Ambos hablaron de la paz.',
    ],
    [
      'Von Anna Müller, dpa · 3. März 2025',
      '2025-03-03',
      'Anna Müller',
      'dpa',
      'Der türkische Präsident hat am Montag seinen Gast in Istanbul empfangen. Beide sprachen über Frieden.',
    ],
    [
      'Par Jean Dupont · Le Monde · 14 mars 2025',
      '2025-03-14',
      'Jean Dupont',
      'Le Monde',
      'Le président turc a reçu lundi son homologue ukrainien à Istanbul. Ils ont parlé de paix.',
    ],
    [
      'Ayşe Yılmaz · Hürriyet · 3 Mart 2025',
      '2025-03-03',
      'Ayşe Yılmaz',
      'Hürriyet',
      'Cumhurbaşkanı Erdoğan pazartesi günü Ukrayna Devlet Başkanı ile İstanbul’da görüştü. Görüşme iki saat sürdü.',
    ],
    // The day of the week after a Turkish date: the line was left as the first sentence.
    [
      'Ayşe Yılmaz · Hürriyet · 14 Şubat 2025 Cuma',
      '2025-02-14',
      'Ayşe Yılmaz',
      'Hürriyet',
      'Cumhurbaşkanı Erdoğan pazartesi günü Ukrayna Devlet Başkanı ile İstanbul’da görüştü. Görüşme iki saat sürdü.',
    ],
    [
      'بقلم أحمد علي · الجزيرة · 3 مارس 2025',
      '2025-03-03',
      'أحمد علي',
      'الجزيرة',
      'استقبل الرئيس التركي يوم الاثنين نظيره الأوكراني في إسطنبول. وتحدث الرئيسان عن السلام.',
    ],
    // Eastern Arabic digits, as most Arabic outlets write them.
    [
      'بقلم أحمد علي · الجزيرة · ٣ مارس ٢٠٢٥',
      '2025-03-03',
      'أحمد علي',
      'الجزيرة',
      'استقبل الرئيس التركي يوم الاثنين نظيره الأوكراني في إسطنبول. وتحدث الرئيسان عن السلام.',
    ],
    // An Arabic outlet of three words, told by its word for news (fixlang57 saw the line kept).
    [
      'بقلم سارة محمود · سكاي نيوز عربية · ١٤ مارس ٢٠٢٥',
      '2025-03-14',
      'سارة محمود',
      'سكاي نيوز عربية',
      'استقبل الرئيس التركي يوم الاثنين نظيره الأوكراني في إسطنبول. وتحدث الرئيسان عن السلام.',
    ],
    [
      'Иван Петров · ТАСС · 14 марта 2025 г.',
      '2025-03-14',
      'Иван Петров',
      'ТАСС',
      'Президент Турции в понедельник принял украинского коллегу в Стамбуле. Они обсудили мирные переговоры.',
    ],
    [
      'Олена Коваль · Укрінформ · 14 березня 2025 р.',
      '2025-03-14',
      'Олена Коваль',
      'Укрінформ',
      'Президент Туреччини в понеділок прийняв українського колегу у Стамбулі. Вони обговорили мирні переговори.',
    ],
  ])(
    'reads the date of a line in its own language: %s',
    async (line, date, byline, source, body) => {
      const file = await corpus.write('a.txt', `Erdoğan · Zelensky\n\n${line}\n\n${body}\n`);
      const captured = captureIO(corpus.root(), { XDG_CACHE_HOME: cache });
      const status = await runCommand(show, [file], { json: true }, captured.io);
      expect([status, captured.stderr()]).toEqual([0, '']);
      const article = JSON.parse(captured.stdout()) as Shown;
      expect(article).toMatchObject({ date, byline, source, text: body });
    },
  );

  it('leaves a sentence that mentions an outlet and a date in the text', async () => {
    const line = 'Reuters reported on March 14, 2025 that the talks had stalled again.';
    const article = await shown(line);
    expect(article).toMatchObject({ date: null, source: null });
    expect(article.text.startsWith(line)).toBe(true);
  });

  it('shows the outlet and date in the list', async () => {
    await corpus.write(
      'a.txt',
      `Talks resume in Tokyo on ceasefire plan\n\nXinhua · 2025-03-14\n\n${BODY}\n`,
    );
    const captured = captureIO(corpus.root(), { XDG_CACHE_HOME: cache });
    const status = await runCommand(list, [], { corpus: corpus.root(), json: true }, captured.io);
    expect(status).toBe(0);
    expect(JSON.parse(captured.stdout())).toMatchObject([
      {
        title: 'Talks resume in Tokyo on ceasefire plan',
        date: '2025-03-14',
        byline: null,
        source: 'Xinhua',
      },
    ]);
  });
});
