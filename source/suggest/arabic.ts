/**
 * Speakers in Arabic, whose names have no capitals: `قال المتحدث باسم الكرملين ديمتري بيسكوف`
 * ("said the Kremlin spokesman Dmitry Peskov"). The verb comes first; after it a role phrase (a
 * role word, `باسم` and what it speaks for, the words with the article `ال` that qualify it),
 * then the name, up to the quotation, a comma or a word that opens what is said or where.
 */
import type { Mention } from './people.js';
import type { Token } from './tokens.js';

const ARABIC = /^[\u0600-\u06ff]+$/u;

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Verbs of saying, with the conjunction و or ف joined to them. */
const VERBS = set(`
  قال قالت أضاف أضافت أكد أكدت صرح صرحت أوضح أوضحت ذكر ذكرت أشار أشارت تابع تابعت
  أعلن أعلنت شدد شددت اعتبر اعتبرت
`);

/**
 * Role words, without the article (spokesman, president, minister, official, ambassador …; their
 * feminine forms), and the nouns a speaker is left unnamed by (a source, witnesses, a statement).
 */
const ROLES = set(`
  متحدث ناطق رئيس وزير مسؤول سفير مستشار ممثل مدير أمين زعيم قائد نائب مبعوث محلل خبير
  مراسل مندوب متحدثة ناطقة رئيسة وزيرة مسؤولة سفيرة مستشارة ممثلة مديرة نائبة مبعوثة
  مصدر مصادر شاهد شهود سكان مسؤولون بيان
`);

/**
 * Nouns of institutions that stand in a genitive chain before what they belong to: `مكتب تنسيق
 * الشؤون الإنسانية` ("the Office for the Coordination of Humanitarian Affairs"), `رئيس مجلس
 * الوزراء` ("the head of the Council of Ministers"). Such a chain ends at its first word with the
 * article; a name (`أحمد أبو الغيط`) is no institution, so it is not taken for one.
 */
const INSTITUTIONS = set(`
  مكتب مجلس وزارة هيئة منظمة لجنة مفوضية حكومة إدارة دائرة وكالة مركز صندوق برنامج جامعة قيادة
  قوات جيش شرطة حزب حركة اتحاد تنسيق شؤون أركان بعثة محكمة نيابة سفارة قنصلية بلدية مديرية غرفة
  بنك مصرف شركة مجموعة رابطة نقابة جمعية مؤسسة معهد مستشفى مجمع سلطة
`);

/** Words after which no name follows: that (إن), in, during, after, to reporters, today, the days … */
const STOPS = set(`
  إن أن إنه أنه إنها أنها في خلال بعد قبل عن على إلى من مع يوم اليوم أمس للصحفيين لوكالة لقناة
  لصحيفة للصحافة لرويترز عبر حول بينما كما إذ ثم حيث التي الذي
  الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد
`);

/** The word without a joined و or ف (and, so), as a verb or a name may carry it. */
const bare = (word: string): string =>
  word.length > 3 && (word.startsWith('و') || word.startsWith('ف')) ? word.slice(1) : word;

/** A word's stem without the article ال: `المتحدث` → `متحدث`. */
const stem = (word: string): string => (word.startsWith('ال') ? word.slice(2) : word);

export const isArabicVerb = (token: Token): boolean => {
  const first = token.text.charCodeAt(0);
  return (
    first >= 0x0600 &&
    first <= 0x06ff &&
    (VERBS.has(token.text) || VERBS.has(bare(token.text))) &&
    ARABIC.test(token.text)
  );
};

const isRole = (word: string): boolean => ROLES.has(word) || ROLES.has(stem(word));

/** With the article, also after the preposition لِ that joins it (`للأمم`, "of the nations"). */
const isDefinite = (word: string): boolean => word.startsWith('ال') || word.startsWith('لل');

/**
 * Where the genitive chain from `from` ends: institution nouns and words with the article, up
 * to the last word with the article; `from` when there is none (`باسم حماس`: one word).
 */
function chainEnd(words: string[], from: number): number {
  let end = from;
  for (let j = from; j < words.length; j++) {
    if (isDefinite(words[j]!)) end = j + 1;
    else if (!INSTITUTIONS.has(words[j]!)) break;
  }
  return end;
}

/**
 * The speaker named after the verb at `at`, or null: a role phrase, a name, or both. A role with
 * no article and no name (`قال متحدث`, "a spokesman said") names no one, as in English.
 */
export function arabicSpeaker(
  tokens: Token[],
  inside: boolean[],
  at: number,
): { source: Mention; pronoun: boolean } | null {
  const words: string[] = [];
  for (let i = at + 1; i < tokens.length && words.length < 10; i++) {
    const token = tokens[i]!;
    if (inside[i] || token.kind !== 'word' || !ARABIC.test(token.text)) break;
    if (STOPS.has(token.text)) break;
    words.push(token.text);
  }
  if (words.length === 0) return null;
  let i = 0;
  const roles: string[] = [];
  let definite = false;
  if (isRole(words[0]!)) {
    // `المتحدث`, or a role whose genitive makes it definite: `وزيرة الخارجية`, "the foreign
    // minister", `رئيس مجلس الوزراء`; not `متحدث باسم الوزارة` ("a spokesman for the
    // ministry"), `مسؤول أوكراني`.
    roles.push(stem(words[0]!));
    i = 1;
    const genitive = chainEnd(words, i);
    definite = words[0]!.startsWith('ال') || genitive > i;
    for (; i < genitive; i++) roles.push(stem(words[i]!));
    // `باسم الكرملين`, `باسم مكتب تنسيق الشؤون الإنسانية`: what the spokesman speaks for, one
    // word or a whole chain (qa59 #7: its last word without the article, then the name's first,
    // were taken for the name).
    if (words[i] === 'باسم' && words[i + 1]) {
      const end = Math.max(chainEnd(words, i + 1), i + 2);
      for (i += 1; i < end; i++) roles.push(stem(words[i]!));
    }
    // `الخارجية الروسية`: words that qualify.
    while (i < words.length && isDefinite(words[i]!)) {
      roles.push(stem(words[i]!));
      i++;
    }
  }
  // The name: a first word without the article, then up to three more (`عبد الفتاح السيسي`).
  // A role without the article is indefinite, and what follows it qualifies it: `قال مسؤول
  // أوكراني`, "a Ukrainian official said", names no one.
  const indefinite = roles.length > 0 && !definite;
  // A role after the name begins its apposition (`قال لافروف وزير الخارجية الروسي`, "said Lavrov,
  // the Russian foreign minister"): the name ends there (review57-c).
  const upTo = words.slice(i, i + 4);
  const roleAfter = upTo.findIndex((word, j) => j > 0 && isRole(word));
  const name =
    !indefinite && i < words.length && !words[i]!.startsWith('ال')
      ? upTo.slice(0, roleAfter < 0 ? upTo.length : roleAfter)
      : [];
  if (roles.length === 0 && name.length === 0) return null;
  const text = words.slice(0, indefinite ? words.length : i + name.length).join(' ');
  return {
    source: {
      roles,
      name: name.length > 0 ? name.join(' ') : null,
      nameWords: name.length,
      determiner: roles.length > 0 && name.length === 0 ? (definite ? 'the' : 'a') : '',
      head: name.at(-1) ?? roles[0]!,
      text,
      owner: null,
    },
    pronoun: false,
  };
}
