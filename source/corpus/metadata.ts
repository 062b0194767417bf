import * as chrono from 'chrono-node';
import { asciiDigits as easternDigits } from '../text/digits.js';
import { AGENCY_TRAILER } from './boilerplate-patterns.js';
import { isForeignWeekday, monthsOf } from './month-names.js';
import { isKnownOutlet, outletOfAgencyCode } from './outlets.js';
import { isPlaceName } from './places.js';

const DATE_PREFIX = /^\s*date\s+(\d{4})-(\d{2})-(\d{2})(?:\s+|$)/;

/** The scraper's ` date 2025-03-14 ` prefix (000, 003): metadata, not body. */
export function takeDatePrefix(text: string): { text: string; date: string | null } {
  const match = DATE_PREFIX.exec(text);
  if (!match) return { text, date: null };
  return { text: text.slice(match[0].length), date: `${match[1]}-${match[2]}-${match[3]}` };
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Fixed so that a date without a year is never completed from the clock of the machine.
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A date a news article can have: from 1900 to tomorrow (a time zone ahead). Content systems
 * fill empty fields with `0001-01-01T00:00:00Z` or a far-future sentinel; those are no dates.
 */
export function isPlausibleDate(isoDate: string): boolean {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  return Date.UTC(year, month - 1, day) <= Date.now() + DAY_MS;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
/** `19 Nov 2019 07:09 GMT`, `Tue, 19 Nov 2019`: the day before the month. */
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+${MONTH},?\s+(\d{4})\b`,
  'i',
);
/** `Nov 19, 2019`, `Tue Nov 19 2019 05:44:06 GMT+0000`: the month first. */
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?${MONTH}\s+(\d{1,2}),?\s+(\d{4})\b`,
  'i',
);

/**
 * The forms meta tags and `<time datetime>` use most, read without chrono: chrono takes
 * milliseconds a call (hundreds for its first), more than the rest of a page's cleaning.
 */
function commonDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dayFirst = DAY_MONTH_YEAR.exec(text);
  if (dayFirst) return ymd(dayFirst[3]!, dayFirst[2]!, dayFirst[1]!);
  const monthFirst = MONTH_DAY_YEAR.exec(text);
  if (monthFirst) return ymd(monthFirst[3]!, monthFirst[1]!, monthFirst[2]!);
  return null;
}

function ymd(year: string, month: string, day: string): string {
  return iso(Number(year), MONTHS.indexOf(month.toLowerCase()) + 1, Number(day));
}

/** An ISO date from HTML meta (`2025-03-14T10:00:00Z`) or any date chrono reads in full. */
export function parseDate(text: string): string | null {
  const common = commonDate(text.trim());
  if (common !== null) return isPlausibleDate(common) ? common : null;
  const [result] = chrono.parse(text, REFERENCE);
  if (!result?.start.isCertain('year') || !result.start.isCertain('day')) return null;
  const date = iso(result.start.get('year')!, result.start.get('month')!, result.start.get('day')!);
  return isPlausibleDate(date) ? date : null;
}

const NAME =
  /^(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|al|bin|ibn|la|le)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|al|bin|ibn|la|le)){1,3}$/u;

/**
 * A writer's post after the name (`Jane Doe, Staff Writer`, `John Roe, Senior Political
 * Correspondent`): no one's name.
 */
const JOB_TITLE =
  /^(?:(?:senior|chief|staff|contributing|special|political|business|foreign|sports|science|health|deputy|associate|managing|executive|investigative|national|international|global|local|news|city|tech(?:nology)?|economics|education|diplomatic|defen[cs]e|security|environment|climate|legal|crime|culture|arts|entertainment|freelance)\s+)*(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|analyst|photographer)s?$/i;

/**
 * `Oleh Pavliuk, Yevhen Kizilov` or `By Jane Doe and John Roe`: author names, without a post
 * after them (`Jane Doe, Staff Writer`), or null.
 */
export function parseByline(text: string): string | null {
  const bare = text
    .replace(/^(?:by|written by|author|authors|reporting by)\s*:?\s+/i, '')
    .replace(/[\s|,·•–—-]+$/u, '')
    .trim();
  if (bare === '' || bare.length > 120) return null;
  const names = bare
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .filter((name) => name !== '' && !JOB_TITLE.test(name));
  if (names.length === 0 || names.length > 6) return null;
  if (!names.every((name) => NAME.test(name) && /\p{Lu}/u.test(name[0]!))) return null;
  return names.join(', ');
}

export interface Dateline {
  date: string | null;
  /** The people the line names as writers, never an outlet. */
  byline: string | null;
  /** The outlet the line names: `Reuters · 2025-03-14`, `TOKYO, March 14, 2025 (Xinhua)`. */
  source: string | null;
}

const DATE_HINT =
  /\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const YEAR = /(?:^|\D)(?:1[89]|20)\d{2}(?:\D|$)/;

/**
 * Month names of the other languages chrono reads, as a dateline writes them (German, French,
 * Spanish, Italian, Portuguese, Dutch; Russian and Ukrainian in the genitive, "25 апреля";
 * Arabic, both the Egyptian and the Levantine names): outlets about one story write in many
 * languages, and a line naming none is not asked.
 */
const FOREIGN_MONTH =
  /(?:^|[^\p{L}])(?:يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|januari|februari|maart|mei|augustus|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)(?:$|[^\p{L}])/iu;
const FOREIGN = [
  chrono.de,
  chrono.fr,
  chrono.es,
  chrono.it,
  chrono.pt,
  chrono.nl,
  chrono.ru,
  chrono.uk,
  chrono.ar,
];

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** A date chrono (or `plainDate`, for chrono) found in a line: where, and its year, month and day. */
interface ChronoDate {
  index: number;
  length: number;
  year: number;
  month: number;
  day: number;
}

function fromChrono(result: chrono.ParsedResult): ChronoDate {
  return {
    index: result.index,
    length: result.text.length,
    year: result.start.get('year')!,
    month: result.start.get('month')!,
    day: result.start.get('day')!,
  };
}

/** The first date chrono finds with its year and day, in English or another language it reads. */
function chronoDate(text: string): ChronoDate | null {
  const plain = plainDate(text);
  if (plain !== undefined) return plain;
  // Not only the first thing a parser reads, but its first full date: Spanish and French read
  // `Mar` in `María` as a Tuesday before `3 de marzo de 2025` (qa56 #2), and English reads the
  // outlet's own name in `Morning Post · 2025-03-11` or `The Sunday Times · …` as a time of day or
  // a weekday before the date (qa57 #3).
  const firstCertain = (results: chrono.ParsedResult[]) => {
    const found = results.find(
      (result) => result.start.isCertain('year') && result.start.isCertain('day'),
    );
    return found ? fromChrono(found) : null;
  };
  const english = DATE_HINT.test(text) ? firstCertain(chrono.parse(text, REFERENCE)) : null;
  if (english !== null || !FOREIGN_MONTH.test(text)) return english;
  for (const parser of FOREIGN) {
    const found = firstCertain(parser.parse(text, REFERENCE));
    if (found !== null) return found;
  }
  return null;
}

const WEEKDAY_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/**
 * A date line's end as most datelines write it, after the writers' names: `Wednesday, 27
 * November 2024, 16:26`, `27 November 2024`, `June 25, 2025`, `Saturday, June 25, 2025, 9:05`.
 * Full names only, single spaces, a real day and a real time.
 */
const PLAIN_DATE_END = new RegExp(
  String.raw`(?:^|(?<= ))(?:(?:${WEEKDAY_NAMES.join('|')}), )?(?:(\d{1,2}) (${MONTH_NAMES.join('|')}) (\d{4})|(${MONTH_NAMES.join('|')}) (\d{1,2}), (\d{4}))(?:, (?:[01]?\d|2[0-3]):[0-5]\d)?$`,
  'i',
);

/**
 * Words chrono reads as a date, a time or part of one (`June`, `Sun`, `Tonight`, `Last`, `Noon`,
 * `Week`): a name before the date holding one is left to chrono, which may find it first.
 */
const CHRONO_WORDS = new Set(
  (
    'jan feb mar apr may jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat ' +
    'sun now today tonight tonite tomorrow tmr tmrw yesterday noon midday midnight morning ' +
    'afternoon evening night eve last next this past ago later after before within since until ' +
    'till from to at on in of the a an am pm weekend weekday day days week weeks month months ' +
    'year years decade decades quarter quarters hour hours hr hrs minute minutes min mins second ' +
    'seconds sec secs moment moments fortnight few several couple half mid early late end ' +
    'beginning begin one two three four five six seven eight nine ten eleven twelve first third ' +
    'fourth fifth spring summer autumn fall winter christmas new'
  ).split(' '),
);
for (const name of [...MONTH_NAMES, ...WEEKDAY_NAMES]) CHRONO_WORDS.add(name);

/** A writer's name word (`Kovalenko`, `O’Connor,`, `Jean-Pierre`) or the words between names. */
const NAME_WORD = /^\p{Lu}[\p{Ll}’'-]*\p{Ll},?$/u;

/**
 * The date chrono would find in a line of writers' names and a date (`By Oleh Pavliuk, Lena
 * Fischer · June 25, 2025`, `Lena Fischer Wednesday, 27 November 2024, 16:26`), read without it:
 * chrono takes a quarter to half a millisecond a line, a tenth of a cold index's cleaning
 * (2026-12-07, scale57). Only where chrono finds nothing before the date: the names are
 * capitalised words none of which chrono reads (`CHRONO_WORDS`), with no digit; chrono's own
 * text of the date, the weekday and the time included, is the match. Undefined for any other
 * line (chrono is asked), and for a day that is none (31 April), which chrono reads otherwise.
 * test/corpus/plain-date.test.ts holds it to chrono's answers.
 */
export function plainDate(text: string): ChronoDate | null | undefined {
  const match = PLAIN_DATE_END.exec(text);
  if (!match) return undefined;
  const words = text.slice(0, match.index).split(' ');
  words.pop(); // the space before the date, or nothing
  for (const [i, word] of words.entries()) {
    if (word === '·' || word === 'and' || (i === 0 && word === 'By')) continue;
    if (!NAME_WORD.test(word)) return undefined;
    if (CHRONO_WORDS.has(word.replace(/,$/, '').toLowerCase())) return undefined;
  }
  const [month, day, year] = match[2]
    ? [match[2], match[1]!, match[3]!]
    : [match[4]!, match[5]!, match[6]!];
  const m = MONTH_NAMES.indexOf(month.toLowerCase()) + 1;
  const d = Number(day);
  const y = Number(year);
  const when = new Date(Date.UTC(y, m - 1, d));
  if (d < 1 || when.getUTCMonth() !== m - 1 || when.getUTCDate() !== d) return undefined;
  return { index: match.index, length: match[0].length, year: y, month: m, day: d };
}

/**
 * A day, a word and a year (`3 Mart 2025`, `14 Şubat 2025 Cuma`), for Turkish dates, which chrono
 * does not read: the word is asked of Turkish's months (`monthsOf`, the runtime's locale data,
 * as the story reads other languages' months) only when it is no month of English or of a
 * language chrono reads: their lines should not load ICU's data in every cleaner.
 */
const DAY_WORD_YEAR = /(?<![\p{L}\d])(\d{1,2})\.?\s+(\p{L}{4,8})\s+(\d{4})(?![\p{L}\d])/gu;

/** A Turkish date, read from the Turkish month names. */
function turkishDate(text: string): { index: number; length: number; date: string | null } | null {
  for (const match of text.matchAll(DAY_WORD_YEAR)) {
    const plain = match[2]!.toLowerCase();
    if (MONTH_NAMES.includes(plain) || plain === 'sept' || FOREIGN_MONTH.test(plain)) continue;
    // Turkish's own lower case: `KASIM` is `kasım`, `NİSAN` `nisan`.
    const word = match[2]!.toLocaleLowerCase('tr');
    const month = monthsOf('tr').findIndex((forms) => forms.includes(word)) + 1;
    if (month === 0) continue;
    return {
      index: match.index,
      length: match[0].length,
      date: realDate(Number(match[3]), month, Number(match[1])),
    };
  }
  return null;
}

/** The ISO date of a day, or null for one that cannot be (31 April, the year 3000). */
function realDate(y: number, m: number, d: number): string | null {
  const when = new Date(Date.UTC(y, m - 1, d));
  const date = iso(y, m, d);
  return when.getUTCMonth() === m - 1 && when.getUTCDate() === d && isPlausibleDate(date)
    ? date
    : null;
}

const PUBLISHED =
  /^(?:published|updated|posted|last updated|first published|date|publié le|mis à jour le|veröffentlicht am|aktualisiert am|stand|publicado el|actualizado el|pubblicato il|aggiornato il|gepubliceerd op|опубликовано|обновлено|опубліковано|оновлено)\s*(?:on|at)?\s*:?\s*/iu;

/**
 * A place before the date, as agency datelines begin: `WASHINGTON, March 3, 2025`, `Berlin,
 * 3. März 2025`. One capitalised word and a comma, or up to three words in capitals; two
 * capitalised words are read as a byline's name, as before, and one word set apart otherwise
 * (`Reuters · 2025-03-14`) as an outlet.
 */
const PLACE = /^(?:\p{Lu}[\p{L}'’.-]*\s*,|\p{Lu}{2,}(?:[\s-]+\p{Lu}{2,}){0,2}\s*[,–—-]?)$/u;

const FULL_MONTH = `(${MONTH_NAMES.join('|')})`;
/** `March 3, 2025` or `3 March 2025` and nothing else on the line: most datelines. */
const BARE_DATE = new RegExp(
  String.raw`^\s*(?:${FULL_MONTH}\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+${FULL_MONTH},?\s+(\d{4}))\s*$`,
  'i',
);

/**
 * The date of a line that is only a date with the month in full, read without chrono: it gives
 * the same answer as chrono for these (an impossible day is no date), at a hundredth of the cost,
 * and most datelines have this form. Undefined for any other line.
 */
function bareDate(text: string): string | null | undefined {
  const match = BARE_DATE.exec(text);
  if (!match) return undefined;
  const [month, day, year] = match[1]
    ? [match[1], match[2]!, match[3]!]
    : [match[5]!, match[4]!, match[6]!];
  const m = MONTH_NAMES.indexOf(month.toLowerCase()) + 1;
  const d = Number(day);
  const y = Number(year);
  const when = new Date(Date.UTC(y, m - 1, d));
  if (d < 1 || when.getUTCMonth() !== m - 1 || when.getUTCDate() !== d) return null;
  const date = iso(y, m, d);
  return isPlausibleDate(date) ? date : null;
}

/**
 * Full-width digits (`２０２５年３月１４日`), Eastern Arabic and Persian ones (`٣ مارس ٢٠٢٥`) as
 * ASCII, one code unit for one: offsets stay.
 */
function asciiDigits(text: string): string {
  return easternDigits(
    text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
  );
}

/** `2025年3月14日` (Chinese, Japanese), `2025년 3월 14일` (Korean): chrono reads neither. */
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日号號일]/u;

interface FoundDate {
  index: number;
  length: number;
  /** Null for a date that cannot be one (day 31 of April, a year 3000). */
  date: string | null;
}

function findDate(text: string): FoundDate | null {
  const cjk = CJK_DATE.exec(text);
  if (cjk) {
    const [y, m, d] = [Number(cjk[1]), Number(cjk[2]), Number(cjk[3])];
    const when = new Date(Date.UTC(y, m - 1, d));
    const real = when.getUTCMonth() === m - 1 && when.getUTCDate() === d;
    const date = iso(y, m, d);
    return {
      index: cjk.index,
      length: cjk[0].length,
      date: real && isPlausibleDate(date) ? date : null,
    };
  }
  const turkish = turkishDate(text);
  if (turkish) return turkish;
  // chrono takes milliseconds a line: ask it only about lines with a year and a month or day name.
  const result = YEAR.test(text) ? chronoDate(text) : null;
  if (result === null) return null;
  const date = iso(result.year, result.month, result.day);
  return {
    index: result.index,
    length: result.length,
    date: isPlausibleDate(date) ? date : null,
  };
}

/** What the words around a line's date say: the writers, and the outlet. */
interface Who {
  people: string[];
  source: string | null;
}

/**
 * Words that name an organisation, not a person, in the name of an outlet (`Kyiv Independent`,
 * `Sky News`, `Süddeutsche Zeitung`): a byline line naming one names no writer.
 */
const OUTLET_WORDS = new Set(
  (
    'news newswire wire agency press times post independent journal herald daily tribune telegraph ' +
    'radio tv television broadcasting broadcast network media gazette observer review today express ' +
    'chronicle magazine service insider monitor weekly online group bureau dispatch globe guardian ' +
    'mirror economist bulletin courier inquirer examiner sentinel channel world international ' +
    'newsroom report zeitung nachrichten rundschau presse agence actualités diario noticias ' +
    // A paper's edition and its old names (`Morning Star`, `Evening Standard`, `Weekend
    // Australian`, `Daily Mail`, `Sunday Mirror`): no first name or surname is one of these.
    'morning evening sunday weekend standard mail advertiser statesman ' +
    'periódico corriere gazzetta notizie jornal folha notícias nieuws krant dagblad правда новости ' +
    'известия газета вести ведомости новини відомості'
  ).split(' '),
);
/** A site's sections, which stand beside the date as an outlet does (`Opinion | March 14, 2025`). */
const SECTIONS = new Set(
  (
    'news world politics opinion opinions business sport sports technology tech science health ' +
    'culture arts entertainment lifestyle life travel style food europe asia africa americas ' +
    'uk us local national international economy markets money finance analysis features feature ' +
    'breaking live video videos comment commentary editorial editorials environment climate ' +
    'education society region regions home latest top stories investigations explainer interview'
  ).split(' '),
);
/** A first word that is an article: `The Hindu`, `Le Monde`, `Die Zeit`, `El País`. */
const ARTICLES = new Set('the le la les der die das el il lo los las het de'.split(' '));
/** Words a byline gives for no one in particular: no writer, no outlet. */
const NOBODY =
  /^(?:(?:our\s+)?(?:staff|staff reporter|staff writer|correspondent|editors?|editorial( board)?|admin|administrator|web desk|news desk|desk|team)|the editors|the team)$/i;
/** An outlet's name in Chinese, Japanese or Korean: a paper, an agency, a station, a site. */
const CJK_OUTLET =
  /(?:[社报報网網台刊]|新闻|新聞|日报|电视|電視|通信|通讯|通訊|媒体|媒體|传媒|傳媒|频道|頻道|广播|廣播|在线|在線|ニュース|放送|일보|뉴스|방송|신문|통신)/u;
const STAFF =
  /\s+(?:staff(?:\s+(?:reporters?|writers?))?|reporters?|correspondents?|desk|newsroom|editors?|team)$/i;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_PERSON = /^[\p{Script=Han}\p{Script=Hangul}]{2,4}$/u;
const ONE_WORD = /^\p{Lu}[\p{L}\p{N}'’&.-]*$/u;
/**
 * Arabic and Hebrew have no capitals to tell a name by: one word set apart beside the date is an
 * outlet (`الجزيرة`), two to four after a writer's label (`بقلم أحمد علي`, "by") a writer.
 */
const CASELESS_WORD = /^[\p{Script=Arabic}\p{Script=Hebrew}][\p{L}\p{M}\p{N}'’&.-]*$/u;
const CASELESS_NAME =
  /^[\p{Script=Arabic}\p{Script=Hebrew}][\p{L}\p{M}]*(?:\s+[\p{Script=Arabic}\p{Script=Hebrew}][\p{L}\p{M}]*){1,3}$/u;

/**
 * Words of Arabic and Hebrew outlets' names, which have no capitals to be told by: news (`سكاي
 * نيوز عربية`, Sky News Arabia), Arabic (`عربية`, as in `CNN بالعربية`), newspaper, agency,
 * channel, radio, television, times, post.
 */
const CASELESS_OUTLET_WORDS = new Set([
  'نيوز',
  'أخبار',
  'اخبار',
  'الأخبار',
  'عربية',
  'العربية',
  'بالعربية',
  'صحيفة',
  'جريدة',
  'وكالة',
  'قناة',
  'تلفزيون',
  'التلفزيون',
  'إذاعة',
  'اذاعة',
  'راديو',
  'تايمز',
  'بوست',
  'חדשות',
  'ערוץ',
  'עיתון',
  'רדיו',
  'טיימס',
  'פוסט',
]);

/** A word that is a site's address: `NJ.com`, `Moneycontrol.com`. */
const DOMAIN_WORD = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[a-z]{2,}$/iu;

/**
 * Whether a name of two words or more is an outlet's: known, an article first, an acronym
 * before other words, or an outlet word. Never a name ending in a lower-case word (`CTV News
 * for`) or with a number inside (`India Post News Weekly 0 Comments`): those are sentences.
 */
function isOutletName(name: string): boolean {
  if (isKnownOutlet(name)) return true;
  if (CJK.test(name)) return CJK_OUTLET.test(name) || !CJK_PERSON.test(name);
  const words = name.split(/\s+/);
  // Arabic and Hebrew: by an outlet's word (`سكاي نيوز عربية`), never a writer's name of as
  // many words (`أحمد علي`).
  if (CASELESS_NAME.test(name)) return words.some((word) => CASELESS_OUTLET_WORDS.has(word));
  if (!/^\p{Lu}/u.test(name) || words.length > 6 || /\s\p{Ll}+$/u.test(name)) return false;
  if (words.slice(0, -1).some((word) => /^\d+$/.test(word))) return false;
  if (ARTICLES.has(words[0]!.toLowerCase())) return true;
  // `BBC World`, `NHK World`; not a name in capitals, `LISA MASCARO`.
  if (/^\p{Lu}{3,5}$/u.test(words[0]!) && words.some((word) => /\p{Ll}/u.test(word))) return true;
  return words.some((word) => OUTLET_WORDS.has(word.toLowerCase().replace(/[.,]$/, '')));
}

function isPersonName(name: string): boolean {
  if (CJK.test(name)) return CJK_PERSON.test(name);
  return NAME.test(name) && /\p{Lu}/u.test(name[0]!);
}

const PERSON_LABEL =
  /^(?:(?:by|written by|reporting by|words by|story by|authors?|reporter|بقلم|מאת)(?:\s*:\s*|\s+)|(?:记者|記者|作者|撰文|文|기자)\s*(?:[:：/／|｜]\s*|\s+))/iu;
/**
 * "By" in German, French, Spanish and Portuguese (`Von Anna Müller`, `Par Jean Dupont`, `Por María
 * García`): capitalised and before a name of two words or more, so that a name that begins so
 * (`Von Miller`) stays whole.
 */
const OTHER_PERSON_LABEL = /^(?:Von|Par|Por)\s+(?=\p{Lu}[\p{L}'’.-]*\s+\p{Lu})/u;
/** Where a labelled writer wrote from, after the name: ` in Brussels`, ` à Moscou`, ` aus Kiew`. */
const WRITTEN_FROM =
  /(?<=\S\s+\S+)\s+(?:in|from|at|à|en|aus|in der|desde|из|в|у|з)\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u;
const SOURCE_LABEL =
  /^(?:(?:source|sources|from|via)(?:\s*:\s*|\s+)|(?:来源|來源|消息来源|出典|출처)\s*(?:[:：]\s*|\s+))/iu;
/** An editor's credit, in Chinese and Japanese pages' head: `责任编辑：王琳`, `編輯：陳明`. */
const EDITOR_LABEL = /^(?:责任编辑|責任編輯|责编|编辑|編輯)\s*[:：/／|｜]?/u;
/** A label with nothing after it: `Author:`, `Sources:`, `Air Date:`. */
const BARE_LABEL = /^(?:by|written by|authors?|sources?|来源|來源|作者)$/iu;

/**
 * What one part of a dateline names (`By Jane Doe and John Roe`, `Reuters`, `来源：新华社`), or
 * null when it is anything else: a line with words that name no one is a sentence, not a dateline.
 * `apart`: the part is set off from the rest of the line by `·`, `|`, a dash or brackets, as an
 * outlet's name is (`Xinhua · 2025-03-14`); a lone word without that is a place or a first name
 * (`Stephanie September 17, 2014`, `by Regan`), read as neither writer nor outlet.
 */
function whoOf(segment: string, apart: boolean): Who | null {
  const nobody: Who = { people: [], source: null };
  // A label, not a name: `Air Date:`, `Published:`.
  if (/[:：]\s*$/u.test(segment)) return nobody;
  let text = segment
    .trim()
    .replace(/[\s,;·•|｜／–—-]+$/u, '')
    .replace(/\s+(?:on|at)$/i, '');
  const published = text.replace(PUBLISHED, '');
  if (published === '') return nobody;
  if (/^(?:published|updated|posted)\b/i.test(text)) text = published;
  if (text === '' || NOBODY.test(text) || BARE_LABEL.test(text)) return nobody;
  // The editor who saw the page through (`责任编辑：王琳`) is no writer of it (qa59 #11).
  if (EDITOR_LABEL.test(text)) return nobody;
  if (text.length > 120) return null;
  const sourceLabel = SOURCE_LABEL.exec(text);
  if (sourceLabel) {
    // An outlet's name, not where a figure came from (`Source: Russian Defense Ministry`).
    const name = text.slice(sourceLabel[0].length).trim();
    const outlet = /\s/.test(name) ? isOutletName(name) : /^[\p{Lu}\p{Lo}]/u.test(name);
    return outlet ? { people: [], source: outletOfAgencyCode(name) ?? name } : null;
  }
  const personLabel = PERSON_LABEL.exec(text) ?? OTHER_PERSON_LABEL.exec(text);
  if (personLabel) text = text.slice(personLabel[0].length).trim();
  // `Par Benoît Vitkine (Moscou, correspondant)`: the writer's post, or their outlet if it is one
  // margin knows (`By Jane Doe (Reuters)`).
  const aside = personLabel ? /\s*[(（]([^()（）]{1,60})[)）]$/u.exec(text) : null;
  if (aside) text = text.slice(0, aside.index);
  const asideOutlet = aside && isKnownOutlet(aside[1]!) ? aside[1]! : null;
  // `By Bill Hoppe | Special to the Pioneer Press`.
  text = text.replace(/^special to\s+/i, '').replace(/^the\s/, 'The ');
  // `y` joins two writers of two words or more each: `Santiago Ramón y Cajal` is one name.
  const names = text
    .split(/\s*[,，、]\s*|\s+(?:and|und|et)\s+|\s*&\s*|\s+y\s+(?=\S+\s+\S)(?<=\S\s+\S+\s+y\s+)/u)
    .filter(Boolean);
  if (names.length === 0 || names.length > 6) return null;
  // `By Henry Foy in Brussels`, `Par Benoît Vitkine à Moscou`: where the writer wrote from.
  if (personLabel) names.push(names.pop()!.replace(WRITTEN_FROM, ''));
  const who: Who = {
    people: [],
    source: asideOutlet === null ? null : (outletOfAgencyCode(asideOutlet) ?? asideOutlet),
  };
  for (const [i, name] of names.entries()) {
    if (NOBODY.test(name) || SECTIONS.has(name.toLowerCase())) continue;
    // `By JERUSALEM POST STAFF`: the outlet's own people, no one by name.
    const staff = name.replace(STAFF, '');
    if (staff !== name && (!/\s/.test(staff) || isOutletName(staff))) who.source ??= staff;
    else if (!/\s/.test(name) && !CJK.test(name)) {
      // One word: an outlet set apart (`Xinhua ·`), an agency in capitals (`By REUTERS`), a
      // site's address or a known outlet; else a place or a first name, neither.
      const outlet =
        isKnownOutlet(name) ||
        DOMAIN_WORD.test(name) ||
        (i === 0 &&
          (personLabel
            ? /^\p{Lu}{2,}$/u.test(name)
            : apart && (ONE_WORD.test(name) || CASELESS_WORD.test(name))));
      if (outlet) who.source ??= outletOfAgencyCode(name) ?? name;
      else if (!/^\p{Lu}/u.test(name)) return null;
    } else if (isOutletName(name)) who.source ??= outletOfAgencyCode(name) ?? name;
    else if (isPersonName(name) || (personLabel && CASELESS_NAME.test(name))) {
      // `New Delhi, News Nation Bureau`: a place before an outlet is the dateline's place, not
      // a writer. WordNet is asked only here, where a name stands before an outlet's.
      const next = names[i + 1];
      const beforeOutlet =
        next !== undefined &&
        (isKnownOutlet(next) || DOMAIN_WORD.test(next) || (/\s/.test(next) && isOutletName(next)));
      if (!(beforeOutlet && !personLabel && isPlaceName(name))) who.people.push(name);
    } else return null;
  }
  return who;
}

/** Parts of a line set apart by `·`, `|`, `•`, `／` or a spaced dash. */
const SEPARATOR = /\s+[–—-]\s+|\s*[·•|｜／]\s*|\s{2,}|\u3000+/u;

/**
 * What the parts of `text` name together. `apart`: the part beside the date (the last, or the
 * first when the date comes first) is set off from it (`Xinhua · 2025-03-14`, `2025-03-14 —
 * Reuters`), not only by a space or a comma.
 */
function whoOfAll(text: string, apart: boolean, dateFirst = false): Who | null {
  const who: Who = { people: [], source: null };
  const parts = text.split(SEPARATOR).filter((part) => part.trim());
  for (const [i, segment] of parts.entries()) {
    // Only the part beside the date can be joined to it by a space or a comma alone.
    const touching = dateFirst ? i === 0 : i === parts.length - 1;
    const part = whoOf(segment, apart || !touching);
    if (part === null) return null;
    who.people.push(...part.people);
    who.source ??= part.source;
  }
  return who;
}

/**
 * A time after a line's date, as languages write it: `, 16:26`, `at 9:05 a.m.`, `à 10h05`, `um
 * 11:05 Uhr`, `a las 10:05`, `в 12:30`.
 */
const TIME_AFTER_DATE =
  /^[,，]?\s*(?:(?:at|à|a las|a la|um|alle|om|às|в|о)\s+)?\d{1,2}(?:[:：]\d{2}(?:[:：]\d{2})?|h\d{2})(?:\s*(?:[ap]\.?m\.?|uhr|h)(?![\p{L}]))?/iu;

/**
 * The second date of a line that gives when the article was changed too, in the languages whose
 * "published" `PUBLISHED` reads (`, modifié le 14 mars 2025 à 15h40`, `· Updated 2 hours ago`,
 * `aktualisiert am …`), or a reading time: the line's date is the first.
 */
const UPDATE_AFTER_DATE =
  /^(?:[·•—–,|-]\s*)?(?:(?:last\s+)?updated|modifié|mis à jour|aktualisiert|geändert|actualizado|modificado|aggiornato|atualizado|bijgewerkt|gewijzigd|обновлено|изменено|оновлено|змінено|\d+\s*min(?:ute)?s?\s+read$)(?![\p{L}])/iu;

/** Time zones and the like after a date: `10:00 GMT`. */
const CODE = /^\(?(\p{Lu}{2,5})\)?$/u;

/**
 * What follows a line's date: nothing, a time, `Updated …`, an agency in brackets (`(AP)`,
 * `(Xinhua)`), `| anything` (a site's menu, as before), or an outlet or writer set apart
 * (`· Xinhua`, `— Reuters`); null for anything else (the rest of a sentence).
 */
function whoAfter(after: string, date: string): Who | null {
  let tail = withoutTime(after);
  // The day of the week after the date, as Turkish writes it (`14 Şubat 2025 Cuma`), and the
  // time after that.
  const day = /^\p{L}{4,12}(?![\p{L}\d])/u.exec(tail)?.[0];
  if (day !== undefined && isWeekdayAfter(day, date)) tail = withoutTime(tail.slice(day.length));
  const who: Who = { people: [], source: null };
  while (tail !== '') {
    if (UPDATE_AFTER_DATE.test(tail)) break;
    if (tail.startsWith('|') || tail.startsWith('｜')) {
      const rest = whoOfAll(tail.slice(1), true, true);
      if (rest !== null) who.source ??= rest.source;
      if (rest !== null) who.people.push(...rest.people);
      break;
    }
    const bracket = /^[(（]([^()（）]{1,60})[)）]\s*/u.exec(tail);
    const code = CODE.exec(tail);
    if (code) {
      who.source ??= outletOfAgencyCode(code[1]!);
      break;
    }
    let part: Who | null;
    if (bracket) {
      part = whoOf(bracket[1]!, true);
      tail = tail.slice(bracket[0].length);
    } else if (/^[·•—–,／-]/u.test(tail) || CJK.test(tail[0]!)) {
      // After a comma a lone word is a place: `20 November 2019 11:42, UK`.
      part = whoOfAll(tail.replace(/^[·•—–,／-]/u, ''), /^[·•—–／-]/u.test(tail), true);
      tail = '';
    } else return null;
    if (part === null) return null;
    who.people.push(...part.people);
    who.source ??= part.source;
  }
  return who;
}

/** `text` without the time it opens with (`, 16:26`, `9:05 pm`), trimmed. */
function withoutTime(text: string): string {
  return (
    text
      .trim()
      .replace(TIME_AFTER_DATE, '')
      // chrono reads `11:05` with the date, not the `Uhr` after it.
      .replace(/^\s*uhr(?![\p{L}])/iu, '')
      .trim()
  );
}

/**
 * Whether `word` after the date `date` is its day of the week: an English one, or one of the
 * other languages read after a date written in words that are not English (their names are the
 * runtime's locale data, which an English line need not load).
 */
function isWeekdayAfter(word: string, date: string): boolean {
  if (WEEKDAY_NAMES.includes(word.toLowerCase())) return true;
  if (!/\p{L}/u.test(date)) return false;
  const english = date.toLowerCase().match(/\p{L}+/gu) ?? [];
  return !english.some((each) => MONTH_NAMES.includes(each)) && isForeignWeekday(word);
}

/**
 * Russian and Ukrainian write "year" after it: `14 марта 2025 г.`, `14 березня 2025 р.`, `2025
 * года`. chrono reads the letter without its period (or not at all): the rest is no one's name.
 */
function withoutYearWord(date: string, after: string): string {
  if (/\s[гр]$/u.test(date)) return after.replace(/^\./, '');
  return after.replace(/^\s*(?:г|р|года|року)(?:\.|(?!\p{L}))/u, '');
}

function dateline(date: string | null, who: Who): Dateline {
  return {
    date,
    byline: who.people.length > 0 ? [...new Set(who.people)].join(', ') : null,
    source: who.source,
  };
}

/**
 * A byline and/or dateline line near the top: `Published March 3, 2025`,
 * `Friday, 25 April 2025, 18:14`, `By Jane Doe`, 003's names glued to their dateline
 * (`Oleh Pavliuk, Yevhen KizilovFriday, 25 April 2025, 18:14`), and the outlet beside the date
 * as scrapers write it (`Reuters · 2025-03-14`, `2025-03-14 | Xinhua`, `By Xinhua · …`,
 * `TOKYO, March 14, 2025 (Xinhua)`, `新华社 2025年3月14日`, `来源：新华社`): a byline names
 * people, never an outlet. Null for anything else, so that a sentence that merely mentions a
 * date stays in the body.
 */
export function parseDateline(line: string): Dateline | null {
  if (line.length > 120) return null;
  const text = asciiDigits(line);
  const bare = bareDate(text);
  if (bare !== undefined) return bare === null ? null : { date: bare, byline: null, source: null };
  const found = findDate(text);
  if (found !== null) {
    if (found.date === null) return null;
    const before = text.slice(0, found.index).trim();
    const date = text.slice(found.index, found.index + found.length);
    const after = whoAfter(withoutYearWord(date, text.slice(found.index + found.length)), date);
    if (after === null) return null;
    if (PLACE.test(before) && !isKnownOutlet(before.replace(/[\s,–—-]+$/u, ''))) {
      return dateline(found.date, after);
    }
    const who = whoOfAll(before, /(?:[·•|｜／]|\s[–—-])$/u.test(before));
    if (who === null) return null;
    return dateline(found.date, {
      people: [...who.people, ...after.people],
      source: who.source ?? after.source,
    });
  }
  // Without a date, a "By …" line, or a Chinese site's `来源：` line (`Source:` elsewhere names
  // where a figure or a photo came from as often as the article's outlet).
  if (
    PERSON_LABEL.test(text) ||
    OTHER_PERSON_LABEL.test(text) ||
    /^(?:来源|來源|消息来源|出典|출처)/u.test(text)
  ) {
    const who = whoOfAll(text, false);
    if (who === null || (who.people.length === 0 && who.source === null)) return null;
    return dateline(null, who);
  }
  return null;
}

/**
 * The outlet a line of its own names, as scrapers put it above the date line (`Reuters`,
 * `The Coastal Observer`, `By Nordpost`, `Source: Harbour Daily`, `新华社`), and the writer
 * before a known outlet (`Tom Davies Associated Press`): read by the rules of the part beside a
 * date, set apart by the line break. Null for anything else. Stricter than beside a date:
 * - one bare word must be an outlet margin knows or a site's address (a lone word at the head
 *   is as often a section, `World`, or a first name; `By Nordpost` is no outlet either, as
 *   `By Mike` is none: review56-b);
 * - a name of two words or more must be known or hold an outlet's word (`Coastal Observer`; a
 *   standfirst `The Long Road to Peace` opens with an article as outlets do);
 * - a name of four words or more must be known or open with an article (`Elliot Brownstein
 *   Florida Today` is a writer and an outlet run together, and which words are whose is not
 *   known);
 * - a name of section and outlet words alone (`Breaking News`, `World News`) is a section.
 */
export function parseOutletLine(line: string): { byline: string | null; source: string } | null {
  const text = asciiDigits(line.trim());
  if (text === '' || text.length > 80) return null;
  const outlet = (source: string | null) => (source === null ? null : { byline: null, source });
  if (isKnownOutlet(text)) return outlet(outletOfAgencyCode(text) ?? text);
  if (ONE_WORD.test(text)) return DOMAIN_WORD.test(text) ? outlet(text) : null;
  const words = text.split(/\s+/);
  // A writer run into a known outlet: `Tom Davies Associated Press`.
  for (let k = 2; k <= 3 && k < words.length; k++) {
    const person = words.slice(0, k).join(' ');
    const rest = words.slice(k).join(' ');
    if (isKnownOutlet(rest) && isPersonName(person) && !ARTICLES.has(words[0]!.toLowerCase())) {
      return { byline: person, source: outletOfAgencyCode(rest) ?? rest };
    }
  }
  const who = whoOfAll(text, true);
  if (who === null || who.people.length > 0 || who.source === null) return null;
  const named = who.source.split(/\s+/);
  const plain = (word: string) => word.toLowerCase().replace(/[.,]$/, '');
  if (named.length >= 4 && !isKnownOutlet(who.source) && !ARTICLES.has(plain(named[0]!))) {
    return null;
  }
  // A standfirst above the date (`The Long Road to Peace`, `The Big Read`) opens with an article
  // as outlets do: a name of words margin does not know must hold an outlet's word.
  if (
    named.length >= 2 &&
    !isKnownOutlet(who.source) &&
    !named.some((word) => OUTLET_WORDS.has(plain(word)))
  ) {
    return null;
  }
  if (named.every((word) => SECTIONS.has(plain(word)) || OUTLET_WORDS.has(plain(word)))) {
    return null;
  }
  return outlet(who.source);
}

/** Longer lines are a sentence mentioning a date, not a line giving one. */
const DATE_LINE_LENGTH = 80;

/**
 * The date of a short line that gives one with other things glued on, as byline blocks scraped
 * without spaces do (`Guy HedgecoeBBC News, Madrid30 October 2024`). For the lines above an
 * article's body only: elsewhere such a line may be another story's.
 */
export function lineDate(written: string): string | null {
  const text = asciiDigits(written);
  if (text.length > DATE_LINE_LENGTH || !YEAR.test(text)) return null;
  const bare = bareDate(text);
  if (bare !== undefined) return bare;
  const turkish = turkishDate(text);
  if (turkish) return turkish.date;
  const result = chronoDate(text);
  if (result === null) return null;
  const date = iso(result.year, result.month, result.day);
  return isPlausibleDate(date) ? date : null;
}

const SOURCE_LINES: RegExp[] = [
  /^a message from (.+?)\s*:?$/i,
  /^support (.+?) on (?:patreon|buy me a coffee|ko-fi)!?$/i,
  /^(?:subscribe to|sign up for) (.+?)(?:['’]s)? newsletters?\b/i,
  /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(.+?)(?:[.,]?\s*(?:all rights reserved|все права защищены|всі права захищені).*|\.)?$/i,
];

const NOT_OUTLETS = new Set(['us', 'our work', 'our journalism', 'the editors', 'the team']);

/** The outlet a boilerplate line names (`A Message from The Moscow Times:`), or null. */
export function sourceFromLine(text: string): string | null {
  for (const pattern of SOURCE_LINES) {
    const name = pattern.exec(text)?.[1]?.trim();
    if (!name || NOT_OUTLETS.has(name.toLowerCase())) continue;
    if (/^\p{Lu}/u.test(name) && name.split(/\s+/).length <= 6) return name;
  }
  const trailer = AGENCY_TRAILER.exec(text);
  return trailer ? outletOfAgencyCode(trailer[1] ?? trailer[2] ?? trailer[3]!) : null;
}

/**
 * A wire story's dateline opening its first paragraph: the place, maybe the day, the agency in
 * brackets and a dash (`MOSCOW, March 14 (Reuters) - …`, `KYIV, Ukraine (AP) — …`, `BERLIN
 * (dpa) - …`, `WASHINGTON (CNN) — …`).
 */
const WIRE_DATELINE =
  /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*[^()\n]{1,40}?)?\s*[(（]([\p{L}.]{2,12})[)）]\s*(?:[-–—]{1,2}|:)\s/u;

/** The agency or outlet a paragraph's wire dateline names, if it is one margin knows. */
export function agencyOfDateline(text: string): string | null {
  const match = WIRE_DATELINE.exec(text);
  if (!match) return null;
  const code = match[1]!.replace(/\./g, '');
  // In lower case as dpa signs (`(afp)`), a code; capitalised, `(Ana)`, a person's name.
  const lower = code === code.toLowerCase();
  const known = outletOfAgencyCode(code) ?? (lower ? outletOfAgencyCode(code.toUpperCase()) : null);
  if (known !== null) return known;
  return isKnownOutlet(code) ? code : null;
}

/**
 * An agency's sign-off closing a story's last paragraph after its last sentence, as ANSA and
 * other agencies end each story: `… hanno presentato emendamenti. (ANSA).` The paragraph without
 * it and the agency's code, or null.
 */
const SIGN_OFF = /(?<=[.!?…»"”’)])\s+[(（](\p{Lu}{2,6}|Reuters|Xinhua|dpa)[)）]\.?$/u;

export function agencySignOff(text: string): { text: string; agency: string } | null {
  const found = SIGN_OFF.exec(text);
  if (!found) return null;
  return { text: text.slice(0, found.index), agency: found[1]! };
}

/**
 * The reporters a Chinese wire dateline names, which are the story's writers (the page's
 * `责任编辑` is its editor): `新华社北京12月6日电（记者 李娜、张伟）…` → `李娜, 张伟`.
 */
const REPORTERS_OF_DATELINE =
  /^[^（(。]{0,30}?电\s*[（(]\s*(?:记者|記者)\s*([^（）()。]{2,40}?)\s*[）)]/u;

export function reportersOfDateline(text: string): string | null {
  const found = REPORTERS_OF_DATELINE.exec(text.trimStart().replace(/^\u3000+/, ''));
  if (!found) return null;
  const names = found[1]!.split(/\s*[、，,]\s*|\s+/u).filter((name) => CJK_PERSON.test(name));
  return names.length > 0 ? names.join(', ') : null;
}
