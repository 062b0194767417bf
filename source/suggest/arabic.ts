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
    // minister"; not `متحدث باسم الوزارة` ("a spokesman for the ministry"), `مسؤول أوكراني`.
    definite = words[0]!.startsWith('ال') || (words[1]?.startsWith('ال') ?? false);
    roles.push(stem(words[0]!));
    i = 1;
    // `باسم الكرملين`: what the spokesman speaks for; `الخارجية الروسية`: words that qualify.
    if (words[i] === 'باسم' && words[i + 1]) {
      roles.push(stem(words[i + 1]!));
      i += 2;
    }
    while (i < words.length && words[i]!.startsWith('ال')) {
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
