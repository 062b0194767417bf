/**
 * Who an attribution's source is, as the article names them: a name (the full one the article
 * gave), a pronoun ("he" the nearest person, "it" the nearest body), a role ("the spokesman" the
 * spokesman introduced) or a body ("the Kremlin", "the department" the department named before);
 * null where the article leaves it unclear.
 */
import { STOPWORDS } from '../corpus/stopwords.js';
import type { Attribution } from './attribution.js';
import { NATIONS } from './lexicon.js';
import { isNameWord, isPersonRole, type People } from './people.js';
import type { References } from './reference.js';
import type { Token } from './tokens.js';

export interface Context {
  people: People;
  references: References;
}

/** What `resolve` reads of the sentence an attribution is in. */
interface Sentence {
  subject: Attribution | null;
  tokens: Token[];
  inside: boolean[];
  /** The subject of a short opening clause of time (`openingClauseSubject`). */
  clause?: Attribution | null;
}

/** The source of an attribution as the article names them; null where the article leaves it unclear. */
export function resolve(
  attribution: Attribution,
  context: Context,
  index: number,
  sentence: Sentence | null = null,
): { name: string; person: boolean } | null {
  const { source } = attribution;
  const { people, references } = context;
  if (attribution.pronoun) {
    if (source.head === 'he' || source.head === 'she') {
      const own = sentence
        ? (subjectPerson(attribution, sentence, context, index) ??
          clausePerson(attribution, sentence, context, index))
        : null;
      if (own) return own;
      const name = references.pronoun(source.head, index);
      return name ? { name, person: true } : null;
    }
    if (sentence === null) return null;
    const { subject, tokens, inside } = sentence;
    // "The document did not …, but it said": "it" after the sentence's own subject is that
    // subject, a body only if the article names one.
    if (subject && !subject.pronoun && subject.at < attribution.at) {
      const own = resolve(subject, context, index);
      return own && !own.person ? own : null;
    }
    // "…,” it said." / "In a statement, it said": the body last named as a subject or speaker;
    // "…, but it said" may be anything the sentence named before.
    if (!opensClause(tokens, inside, attribution.at - 1)) return null;
    const body = references.collective(source.head, index);
    return body ? { name: body, person: false } : null;
  }
  if (source.body) return { name: source.text, person: false };
  if (source.name) {
    // Bodies ("Russia", "the Kremlin") never reach here: the word lists keep them out of names,
    // so a name is a person, a lone one a surname.
    return { name: people.fullName(source.name), person: true };
  }
  if (['a', 'an', 'one', 'another'].includes(source.determiner)) return null;
  if (isPersonRole(source.head)) {
    // "Moscow's mayor" is the mayor of a place, not a description of someone just named.
    const owned = /['’]s\b/.test(source.text);
    const byRole =
      people.byRole(source.roles, index) ??
      (owned ? null : described(source.roles, context, index));
    return byRole ? { name: byRole, person: true } : null;
  }
  // A body or group is kept as the article names it ("the Kremlin", "Western powers"); a phrase
  // with no capitalised word of substance ("That", "the agency") names no one, unless the
  // article named a body by that word before ("the Justice Department" … "the department").
  const named = source.text
    .split(' ')
    .some((word) => /^\p{Lu}/u.test(word) && !STOPWORDS.has(word.toLowerCase()));
  if (named) return { name: source.text, person: false };
  const body = source.determiner === 'the' ? references.bodyByHead(source.head, index) : null;
  return body ? { name: body, person: false } : null;
}

/** Words that may open a sentence before its subject's name: the article, a conjunction. */
const CLAUSE_OPENERS = new Set([
  'the',
  'when',
  'after',
  'as',
  'since',
  'because',
  'while',
  'although',
  'though',
  'if',
  'before',
  'once',
  'until',
  'but',
  'and',
]);

/** Verbs that follow a subject's name: "Carlineo was arrested", "Smith has said". */
const AUXILIARIES = new Set(['was', 'is', 'has', 'had', 'will', 'would', 'could', 'did', 'does']);

/**
 * "Carlineo was arrested … for a call he made, in which he said …": "he" after the sentence's own
 * subject, a person named (not a pronoun, not "Smith's lawyer"), is that person, not the one a
 * sentence before named (qa54: the previous sentence's `James Kennedy Jr.`). Not when quoted words
 * come first (the subject may be theirs), nor when the article told of the person what the
 * pronoun cannot be.
 */
function subjectPerson(
  attribution: Attribution,
  sentence: Sentence,
  context: Context,
  index: number,
): { name: string; person: boolean } | null {
  const { subject, tokens, inside } = sentence;
  if (!subject || subject.pronoun || !subject.source.name || subject.at >= attribution.at) {
    return null;
  }
  // "“Pat Carlineo is passionate …,” she said": a name in the quoted words is not who speaks.
  if (inside.slice(0, attribution.at).some(Boolean)) return null;
  if (/['’]s\b/.test(subject.source.text)) return null;
  // The sentence's subject, not a name in an opening phrase: "In a Tumblr post at the time she
  // described …" is no one's but "she"'s (a blind page: `Tumblr`). At the start, or after the
  // comma of an opening phrase ("On Monday, Carlineo …").
  if (subject.at > 0 && tokens[subject.at - 1]?.text !== ',') return null;
  // A clause's subject may follow a conjunction ("When Afghan President Ashraf Ghani first
  // announced …, he said"), never a preposition ("In a Tumblr post … she described").
  const lead = tokens[subject.at];
  if (!lead || (STOPWORDS.has(lead.lower) && !CLAUSE_OPENERS.has(lead.lower))) return null;
  const first = tokens.findIndex((token) => token.text === subject.source.name?.split(' ')[0]);
  if (first < 0 || !isNameWord(tokens[first]!)) return null;
  // One capital word is a name when the article names that person in full, or a verb follows it
  // ("Carlineo was arrested"); "Sometimes employees …, he said" and "Many of …" are no one.
  const named =
    subject.source.name.includes(' ') ||
    subject.source.roles.length > 0 ||
    context.people.knows(subject.source.name) ||
    AUXILIARIES.has(tokens[first + 1]?.lower ?? '');
  if (!named) return null;
  const own = resolve(subject, context, index);
  if (!own?.person) return null;
  return context.references.fits(own.name, attribution.source.head) ? own : null;
}

/**
 * "When Lamb arrived, he said …": "he" the main clause opens with, after a short opening clause
 * of time, is that clause's subject, on the same terms as the sentence's own subject.
 */
function clausePerson(
  attribution: Attribution,
  sentence: Sentence,
  context: Context,
  index: number,
): { name: string; person: boolean } | null {
  const { subject, clause } = sentence;
  if (!clause || !subject?.pronoun || subject.source.head !== attribution.source.head) return null;
  const own = subjectPerson(attribution, { ...sentence, subject: clause }, context, index);
  // No gender is known of a first name: someone nearby the article told of as "she" is likelier
  // than a clause's person it told nothing of ("Ms Ann Cole spoke. After Joe Biden left, she
  // said …"; an opening clause's person taken for every "she" after it was taken back, 8fa5c24).
  const { references } = context;
  const head = attribution.source.head;
  if (!own || (!references.told(own.name) && references.toldNear(head, index, own.name))) {
    return null;
  }
  return own;
}

/**
 * Whether a pronoun at `at` opens its clause: nothing but quoted words before it, or a short
 * opening phrase and its comma ("In a statement, it said").
 */
function opensClause(tokens: Token[], inside: boolean[], at: number): boolean {
  const plain = tokens
    .slice(0, at)
    .filter((token, i) => !inside[i] && token.kind === 'word').length;
  return plain === 0 || (tokens[at - 1]?.text === ',' && plain <= 4 && !inside[at - 2]);
}

/**
 * "The Russian president said" where no one was introduced as Russian president: the one
 * president the article introduced, else the person just named if the article gave them no post
 * (news names a person, then describes them: "Putin said …" / "The Russian president cited …").
 */
function described(roles: string[], context: Context, index: number): string | null {
  const posts = roles.filter((role) => !NATIONS.has(role));
  if (posts.length === roles.length || posts.length === 0) return null;
  const byPost = context.people.byRole(posts, index);
  if (byPost) return byPost;
  if (context.people.introduced(posts, index)) return null;
  const nearest = context.references.nearestPerson(index);
  return nearest && !context.people.hasRoles(nearest) ? nearest : null;
}
