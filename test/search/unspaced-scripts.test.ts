import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCorpusIndex } from '../../source/corpus/db/open.js';
import { buildSearchEngine, placedFacts, type SearchHit } from '../../source/search/index.js';
import { fold, foldText, words } from '../../source/text/fold.js';
import { tempCorpus } from '../corpus/temp-corpus.js';
import { article } from './articles.js';
import { context } from './context.js';

// Sentences written for these tests, in scripts that put no spaces between words.
const chinese = [
  '普京周五在莫斯科会见了美国特使威特科夫。',
  '泽连斯基说，乌克兰不会放弃领土。',
  '北京和莫斯科的关系很密切。',
  '外交部发言人在记者会上回答了问题。',
];
const japanese = [
  'プーチン大統領は金曜日にモスクワで特使と会談した。',
  '東京行きのバスは満員だった。',
  '彼はパスポートを忘れた。',
  'ｶﾞｿﾘﾝの値段が上がった。',
];
const thai = ['นายกรัฐมนตรีเดินทางไปกรุงมอสโกเมื่อวันศุกร์', 'กระทรวงการต่างประเทศทำงานกับสถานทูต'];
const lao = ['ລັດຖະມົນຕີເດີນທາງໄປປະເທດລາວ'];
const khmer = ['ព្រះរាជាណាចក្រកម្ពុជាបានប្រកាស'];

const articles = [
  article('zh', chinese),
  article('ja', japanese),
  article('th', thai),
  article('lo', lao),
  article('km', khmer),
  article('en', ['Putin met the envoy in Moscow on Friday.']),
];
const engine = buildSearchEngine(articles);
const search = (query: string) => engine.search(query, context());
const lit = (hit: SearchHit) => hit.matches.map(([start, end]) => hit.text.slice(start, end));
const found = (query: string) =>
  search(query).map((hit) => `${hit.sentence} ${lit(hit).join('+')}`);

describe('words of scripts written without spaces', () => {
  it('splits Han and kana into characters and the pairs between them, in text order', () => {
    expect(words('普京说')).toEqual(['普', '普京', '京', '京说', '说']);
    expect(words('G20峰会 Kyïv')).toEqual(['g20', '峰', '峰会', '会', 'kyiv']);
    expect(words('京')).toEqual(['京']);
  });

  it('splits Thai, Lao and Khmer into dictionary words, marks and all', () => {
    expect(words('กระทรวงการต่างประเทศ')).toEqual(['กระทรวง', 'การ', 'ต่าง', 'ประเทศ']);
    expect(words('ພາສາລາວ')).toEqual(['ພາສາ', 'ລາວ']);
    expect(words('ព្រះរាជាណាចក្រកម្ពុជា')).toEqual(['ព្រះរាជាណាចក្រ', 'កម្ពុជា']);
    // Thai ำ is kept whole: NFKD would split it and the dictionary would no longer know the word.
    expect(fold('ทำงาน')).toBe('ทำงาน');
  });

  it('keeps the kana voicing marks, and folds half-width kana to full width', () => {
    expect(fold('バス')).toBe('バス');
    expect(fold('バス')).not.toBe(fold('パス'));
    expect(fold('ｶﾞｿﾘﾝ')).toBe('ガソリン');
    // A decomposed ガ (カ + U+3099) folds as the composed one, whole or character by character.
    for (const text of ['カ\u3099ソリン', 'ｶﾞｿﾘﾝ', 'ガソリン', 'バ\u3099ス', 'ทำงาน กับ Zé']) {
      expect(foldText(text).folded, text).toBe(fold(text));
    }
  });

  it('folds compatibility characters the same whole and character by character', () => {
    // ㌀ is アパート only once decomposed: the voicing mark of its パ was dropped by `fold` alone.
    expect(fold('㌀')).toBe('アパート');
    expect(fold('㋕\u3099')).toBe('ガ');
    const differing: string[] = [];
    for (let code = 0x80; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      // Characters NFKD changes, marks and kana: the others fold alike on any path.
      if (char.normalize('NFKD') === char && !/[\p{M}\u3040-\u30ff]/u.test(char)) continue;
      for (const text of [char, `${char}\u3099`, `${char}\uff9f`, `a ${char} ｶ①`]) {
        if (foldText(text).folded !== fold(text)) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
  });
});

describe('search in Chinese, Japanese, Thai, Lao and Khmer', () => {
  it('finds a Chinese name inside a sentence and lights only it', () => {
    expect(found('普京')).toEqual(['zh-s0 普京']);
    expect(found('威特科夫')).toEqual(['zh-s0 威特科夫']);
    // No dictionary knows the name: pairs find it whole and in part.
    expect(found('泽连斯基')).toEqual(['zh-s1 泽连斯基']);
    expect(found('莫斯科')).toEqual(['zh-s0 莫斯科', 'zh-s2 莫斯科']);
    expect(search('普京')[0]?.score).toBe(1);
  });

  it('finds one character, and any run of characters, wherever it stands', () => {
    // Han is shared: 東京 (Tokyo) in the Japanese sentence has it too.
    expect(found('京')).toEqual(['zh-s0 京', 'zh-s2 京', 'ja-s1 京']);
    expect(found('发言人')).toEqual(['zh-s3 发言人']);
    expect(found('言人在记')).toEqual(['zh-s3 言人在记']);
    // Every word of the query must be there, in any order, as with spaced words.
    expect(found('莫斯科 北京')).toEqual(['zh-s2 北京+莫斯科']);
    expect(found('"会见了美国"')).toEqual(['zh-s0 会见了美国']);
    expect(found('莫斯科 -北京')).toEqual(['zh-s0 莫斯科']);
  });

  it('does not take characters apart in the text for the query’s neighbours', () => {
    // 京 and 斯 are both in the first sentence, but never side by side.
    expect(found('京斯')).toEqual([]);
    expect(found('普京总统')).toEqual([]);
  });

  it('finds Japanese words in kana and kanji, telling voiced kana apart', () => {
    expect(found('プーチン')).toEqual(['ja-s0 プーチン']);
    expect(found('モスクワ')).toEqual(['ja-s0 モスクワ']);
    expect(found('大統領')).toEqual(['ja-s0 大統領']);
    expect(found('バス')).toEqual(['ja-s1 バス']);
    expect(found('パス')).toEqual(['ja-s2 パス']);
    expect(found('ガソリン')).toEqual(['ja-s3 ｶﾞｿﾘﾝ']);
    expect(found('ｶﾞｿﾘﾝ')).toEqual(['ja-s3 ｶﾞｿﾘﾝ']);
  });

  it('finds Thai, Lao and Khmer words inside unspaced sentences', () => {
    expect(found('มอสโก')).toEqual(['th-s0 มอสโก']);
    expect(found('ประเทศ')).toEqual(['th-s1 ประเทศ']);
    expect(found('วันศุกร์')).toEqual(['th-s0 วันศุกร์']);
    expect(found('ປະເທດ')).toEqual(['lo-s0 ປະເທດ']);
    expect(found('កម្ពុជា')).toEqual(['km-s0 កម្ពុជា']);
    // A word begun while typing is found, as in Latin script.
    expect(found('กระทรว')).toEqual(['th-s1 กระทรวง']);
  });

  it('leaves Latin search as it was beside them', () => {
    expect(found('Moscow')).toEqual(['en-s0 Moscow']);
    expect(found('Putin Moskow')).toEqual(['en-s0 Putin+Moscow']);
  });

  it('finds the same in the corpus index on disk', async () => {
    const corpus = tempCorpus();
    const cacheDir = await mkdtemp(join(tmpdir(), 'margin-unspaced-'));
    await corpus.write('zh.txt', `俄乌谈判\n\n${chinese.join('')}\n`);
    await corpus.write('ja.txt', `会談\n\n${japanese.join('')}\n`);
    await corpus.write('th.txt', `ข่าว\n\n${thai.join(' ')}\n`);
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    try {
      const disk = (await import('../../source/search/index.js')).searchEngine(index.words);
      const hits = (query: string) =>
        disk.search(query, placedFacts([])).map((hit) => `${hit.article} ${lit(hit).join('+')}`);
      expect(hits('普京')).toEqual(['zh 普京']);
      expect(hits('泽连斯基')).toEqual(['zh 泽连斯基']);
      expect(hits('京')).toEqual(['ja 京', 'zh 京', 'zh 京']);
      expect(hits('大統領')).toEqual(['ja 大統領']);
      expect(hits('ガソリン')).toEqual(['ja ｶﾞｿﾘﾝ']);
      expect(hits('มอสโก')).toEqual(['th มอสโก']);
      // A title word counts for the article's sentences.
      expect(hits('谈判').length).toBeGreaterThan(0);
    } finally {
      index.close();
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
