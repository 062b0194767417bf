import { describe, expect, it } from 'vitest';
import { readArticle } from '../../source/corpus/index.js';
import { tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();

const PAGE = `Песков: Путин готов к переговорам с Трампом

Реклама

Президент России Владимир Путин готов обсудить с американским коллегой Дональдом Трампом условия прекращения огня, заявил в пятницу пресс-секретарь Кремля Дмитрий Песков.

«Есть основания для осторожного оптимизма», — сказал Песков журналистам.

Читайте также: Уиткофф прибыл в Москву

Подписывайтесь на наш канал в Telegram

Поделиться

© 2025 РИА Новости. Все права защищены.
`;

describe('a Russian article', () => {
  it('keeps a lead paragraph with few function words, drops the rest, names the outlet', async () => {
    const article = await readArticle(await corpus.write('ria.txt', PAGE));
    expect(article.title).toBe('Песков: Путин готов к переговорам с Трампом');
    expect(article.source).toBe('РИА Новости');
    expect(article.text.split('\n\n')).toEqual([
      'Президент России Владимир Путин готов обсудить с американским коллегой Дональдом Трампом условия прекращения огня, заявил в пятницу пресс-секретарь Кремля Дмитрий Песков.',
      '«Есть основания для осторожного оптимизма», — сказал Песков журналистам.',
    ]);
  });
});
