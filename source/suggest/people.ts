/**
 * People an article names, and how a mention of one ("Peskov", "Mr Peskov", "the spokesman",
 * "he") leads back to the name the article gives them in full ("Dmitry Peskov").
 */
import { STOPWORDS } from '../corpus/stopwords.js';
import { CJK_ROLES } from './cjk.js';
import {
  HONORIFICS,
  NAME_PARTICLES,
  NATIONS,
  NON_PERSON_WORDS,
  OTHER_DEFINITE,
  PRONOUNS,
  ROLE_NOUNS,
} from './lexicon.js';
import { nounKind } from './senses.js';
import type { Token } from './tokens.js';

/** A noun phrase split into what describes the person and the name itself. */
export interface Mention {
  /** Lower-case describing words: `kremlin`, `spokesperson`, `russian`. */
  roles: string[];
  /** The name as written, or null when the phrase has none. */
  name: string | null;
  /** The name's word count: one for a bare surname. */
  nameWords: number;
  /** `a`, `an`, `the`, `one`, or '' for none. */
  determiner: string;
  /** The last word of the phrase, lower case. */
  head: string;
  /** The phrase as written, a leading determiner in lower case ("the Kremlin"). */
  text: string;
  /** A full name the phrase ends in, in the possessive ("Tom Reed’s"), without the `’s`. */
  owner: string | null;
  /**
   * The phrase names a body in a script with no capitals to tell it by (`外交部`, the Foreign
   * Ministry): kept as written, as "the Foreign Ministry" is, and never a person.
   */
  body?: true;
}

const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'another', 'its', 'his', 'her', 'their']);

/**
 * The indefinite articles of the other languages (`un porte-parole`, `ein Sprecher`), read as
 * English "a"; never in capitals (`UN` is the United Nations).
 */
const OTHER_INDEFINITE = new Set(['ein', 'eine', 'un', 'une', 'uno', 'una', 'um', 'uma']);
const otherIndefinite = ([word, next]: Token[]): boolean =>
  OTHER_INDEFINITE.has(word!.lower) &&
  word!.text !== word!.text.toUpperCase() &&
  // `Uma Thurman said`, `Una Mullally said`: a name goes on after an English first name, where
  // a role follows the article (`ein Sprecher`, `un porte-parole`; review57-c).
  !(next !== undefined && isNameWord(next) && !isRole(next.lower));

/**
 * "Of" in the Romance languages, which is a name particle too (`Lula da Silva`): right after a
 * role (`un portavoce del Cremlino`) it says what the post is of, and no name starts with it.
 */
const ROMANCE_OF = new Set(['de', 'del', 'della', 'da', 'di', 'do']);

/** Two to five capitals and nothing else: CEO, DL, FBI. */
const ACRONYM = /^\p{Lu}{2,5}$/u;

/** Prepositions that join a post or body to what it is of: "Bank of Japan", "Office for …". */
const NAMED_AFTER = new Set(['of', 'for']);

/** Spokesman, spokeswoman and spokesperson are one role. */
const roleWord = (lower: string): string =>
  lower.startsWith('spokes') ? 'spokesperson' : lower.replace(/s$/, '');

/** German compounds that end in a role: `kremlsprecher`, `regierungssprecherin`, `außenminister`. */
const GERMAN_ROLE =
  /^\p{L}{3,}(?:sprecher|sprecherin|minister|ministerin|präsident|präsidentin|kanzler|kanzlerin)$/u;

/** The last letters of those compounds (r, n, t): most words are not asked the pattern. */
const GERMAN_END = new Set([114, 110, 116]);

/** A role word, hyphenated ones too ("director-general", "vice-president"). */
export const isRole = (lower: string): boolean =>
  ROLE_NOUNS.has(lower) ||
  CJK_ROLES.has(lower) ||
  (lower.length > 9 &&
    GERMAN_END.has(lower.charCodeAt(lower.length - 1)) &&
    GERMAN_ROLE.test(lower)) ||
  lower === 'spokesperson' ||
  (lower.includes('-') && lower.split('-').every((part) => ROLE_NOUNS.has(part)));

/** Describes a person without being part of their name. */
export function isDescriptor(token: Token): boolean {
  return (
    isRole(token.lower) ||
    NATIONS.has(token.lower) ||
    NON_PERSON_WORDS.has(token.lower) ||
    HONORIFICS.has(token.lower) ||
    token.possessive
  );
}

/** A capitalised word that can be part of a person's name. */
/** "el-Sisi", "al-Assad": a particle joined to a capitalised name. */
const JOINED_PARTICLE = /^(?:al|el|ad|ash|as|at|bin|ibn|abu|de|di|da|van|von)-\p{Lu}/u;

export function isNameWord(token: Token): boolean {
  return (
    token.kind === 'word' &&
    (token.capital || JOINED_PARTICLE.test(token.text)) &&
    !isDescriptor(token) &&
    !STOPWORDS.has(token.lower) &&
    !PRONOUNS.has(token.lower) &&
    (!token.text.includes('.') || /^(?:\p{Lu}|Jr|Sr)\.$/u.test(token.text))
  );
}

const MONSIEUR = /^MM?\.$/;

/** A name in Han or kana (`毛宁`, `松野博一`), written without spaces, family name first. */
const HAN_OR_KANA = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u;

/** Splits a phrase (already cut at its edges) into roles and a trailing name. */
export function mention(tokens: Token[]): Mention | null {
  const words = tokens.filter((token) => token.kind === 'word');
  if (words.length === 0) return null;
  let determiner = '';
  let from = 0;
  if (DETERMINERS.has(words[0]!.lower)) {
    determiner = words[0]!.lower;
    from = 1;
  } else if (OTHER_DEFINITE.has(words[0]!.text) && words.length > 1) {
    determiner = 'the';
    from = 1;
  } else if (otherIndefinite(words)) {
    determiner = 'a';
    from = 1;
  }
  let nameStart = words.length;
  for (let i = words.length - 1; i >= from; i--) {
    const word = words[i]!;
    const particle = NAME_PARTICLES.has(word.text) && i > from && i < words.length - 1;
    // "Harbour FC GK Tom Reed": an acronym before a full name is a post or a body.
    if (words.length - i > 2 && ACRONYM.test(word.text)) break;
    if (isNameWord(word) || particle) nameStart = i;
    else break;
  }
  nameStart = afterBody(words, nameStart);
  if (
    nameStart > from &&
    nameStart < words.length &&
    ROMANCE_OF.has(words[nameStart]!.text) &&
    isRole(words[nameStart - 1]!.lower) &&
    // A role in lower case (`portavoce del`); a title in capitals goes before a name that starts
    // with the particle (`President de Klerk`, `President da Silva`; review57-c).
    words[nameStart - 1]!.text === words[nameStart - 1]!.lower
  ) {
    // `portavoce del Cremlino` names no one; `segretaria del Pd Elly Schlein` names who holds
    // the post after what it is of, one word, when two words or more are left (qa59 #12).
    if (words.length - (nameStart + 2) >= 2) nameStart += 2;
    else {
      // `il presidente della Regione`: as English "the president of the Region", the post
      // alone, not the body it is of taken for the person (review59-b).
      words.splice(nameStart);
      nameStart = words.length;
    }
  }
  // "the High Commissioner for Human Rights": capitals after "of" or "for" name what a post or
  // body is of, not a person.
  if (nameStart > from && NAMED_AFTER.has(words[nameStart - 1]!.lower)) nameStart = words.length;
  // A possessive name describes someone else ("a Putin aide" is not Putin); "the" before
  // capitals with no role names a body ("the Red Crescent"), not a person.
  if (determiner === 'the' && nameStart === from) nameStart = words.length;
  // French "M. Erdoğan", "MM. Durand": Monsieur opening the phrase before a name, not an
  // initial ("John M. Ford" has one inside).
  const monsieur =
    nameStart === from && from + 1 < words.length && MONSIEUR.test(words[from]!.text);
  if (monsieur) nameStart = from + 1;
  const nameWords = words.slice(nameStart);
  const last = words[words.length - 1]!;
  const name =
    nameWords.length > 0 && !last.possessive ? nameWords.map((word) => word.text).join(' ') : null;
  // "Tom Reed’s two goals": a full name in the possessive still names someone.
  const owner = last.possessive ? ownerName(words.slice(from)) : null;
  const roles = words
    .slice(from, name ? nameStart : words.length)
    .filter((word, i) => !HONORIFICS.has(word.lower) && !(monsieur && i === 0))
    .map((word) => roleWord(word.lower));
  return {
    roles,
    name,
    nameWords: name ? nameWords.length : 0,
    determiner,
    head: roleWord(last.lower),
    text: phraseText(words),
    owner,
  };
}

/**
 * Where a person's name starts in a run of four or more capitalised words that opens with a body
 * ("Director of Harbour Inspection Ana-Maria Ruiz"): after the last word WordNet files as a
 * group or an act, when two words or more are left; names of people seldom hold such words.
 */
function afterBody(words: Token[], nameStart: number): number {
  if (words.length - nameStart < 4) return nameStart;
  for (let i = words.length - 3; i >= nameStart; i--) {
    const kind = nounKind(words[i]!.lower);
    if (kind === 'group' || kind === 'act') return i + 1;
  }
  return nameStart;
}

/** Two or more name words that end a phrase, the last in the possessive, without its `’s`. */
function ownerName(words: Token[]): string | null {
  const plain = (word: Token): boolean => isNameWord({ ...word, possessive: false });
  if (!plain(words[words.length - 1]!)) return null;
  let start = words.length - 1;
  while (start > 0 && plain(words[start - 1]!) && !words[start - 1]!.possessive) start--;
  if (words.length - start < 2) return null;
  return words
    .slice(start)
    .map((word, i, all) => (i === all.length - 1 ? word.text.slice(0, -2) : word.text))
    .join(' ');
}

/** The phrase as written, with a leading determiner in lower case ("the Kremlin"). */
function phraseText(words: Token[]): string {
  return words
    .map((word, i) =>
      i === 0 && DETERMINERS.has(word.lower) ? word.text.toLowerCase() : word.text,
    )
    .join(' ');
}

/** Everyone an article names in full, with the roles it introduces them by. */
export class People {
  private readonly bySurname = new Map<string, string>();
  private readonly byFirstName = new Map<string, string | null>();
  private readonly fullNames: string[] = [];
  private readonly introductions: Array<{ roles: Set<string>; person: string; at: number }> = [];

  /** Records a mention in sentence `at`; only full names (two words or more) enter the register. */
  add(found: Mention, at: number): void {
    if (found.owner) this.register(found.owner);
    if (!found.name || found.nameWords < 2) return;
    this.register(found.name);
    const roles = found.roles.filter((role) => !STOPWORDS.has(role));
    if (roles.some(isRole)) {
      this.introductions.push({ roles: new Set(roles), person: found.name, at });
    }
  }

  private register(name: string): void {
    const surname = name.split(' ').at(-1)!.toLowerCase();
    if (!this.bySurname.has(surname)) this.bySurname.set(surname, name);
    // A first name stands for one person only while no one else shares it ("Maria" for
    // "Maria Lopez", the way features name children, victims and players).
    const first = name.split(' ')[0]!.toLowerCase();
    const known = this.byFirstName.get(first);
    if (known === undefined) this.byFirstName.set(first, name);
    else if (known !== name) this.byFirstName.set(first, null);
    if (!this.fullNames.includes(name)) this.fullNames.push(name);
  }

  /** Links a role phrase to a full name said beside it ("the city’s mayor, Sergei Sobyanin"). */
  introduce(roles: string[], person: string, at: number): void {
    const kept = roles.filter((role) => !STOPWORDS.has(role));
    if (kept.length > 0) this.introductions.push({ roles: new Set(kept), person, at });
  }

  /**
   * The full name for a surname (or a first name no one else has) the article gave in full
   * somewhere, else the name itself.
   */
  fullName(name: string, firstNames = true): string {
    // Chinese and Japanese write the family name first and no space: `松野` is `松野博一`.
    if (name.charCodeAt(0) >= 0x3040 && HAN_OR_KANA.test(name)) {
      return (
        this.fullNames.find((full) => full.length > name.length && full.startsWith(name)) ?? name
      );
    }
    if (!name.includes(' ')) {
      const lower = name.toLowerCase();
      const byFirst = firstNames ? this.byFirstName.get(lower) : undefined;
      return this.bySurname.get(lower) ?? byFirst ?? name;
    }
    // A surname of several words: "Adhanom Ghebreyesus", "von der Leyen".
    const tail = ` ${name.toLowerCase()}`;
    return this.fullNames.find((full) => full.toLowerCase().endsWith(tail)) ?? name;
  }

  /** Whether a name or surname is one of the people the article names in full. */
  knows(name: string): boolean {
    return (
      // Not by a first name: "in Jordan" stays a place in an article that names Jordan Peterson.
      this.bySurname.has(name.split(' ').at(-1)!.toLowerCase()) ||
      this.fullName(name, false) !== name
    );
  }

  /**
   * The one person introduced with every one of these roles up to sentence `at`, or null when
   * none or several: "the president" is unclear once two presidents have been named.
   */
  byRole(roles: string[], at: number): string | null {
    const wanted = roles.filter((role) => !STOPWORDS.has(role));
    if (wanted.length === 0) return null;
    const people = new Set<string>();
    for (const introduction of this.introductions) {
      if (introduction.at > at) continue;
      if (wanted.every((role) => introduction.roles.has(role))) people.add(introduction.person);
    }
    return people.size === 1 ? [...people][0]! : null;
  }

  /** Whether anyone was introduced with every one of these roles up to sentence `at`. */
  introduced(roles: string[], at: number): boolean {
    return this.introductions.some(
      (introduction) =>
        introduction.at <= at && roles.every((role) => introduction.roles.has(role)),
    );
  }

  /** Whether the article introduced this person with a role ("Kremlin spokesman Dmitry Peskov"). */
  hasRoles(person: string): boolean {
    return this.introductions.some((introduction) => introduction.person === person);
  }
}

/** A role or group word as the head of a phrase: a person or body the article describes. */
export const isPersonRole = isRole;
