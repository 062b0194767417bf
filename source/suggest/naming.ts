/**
 * What an article's naming phrases tell: the full names it gives (for a later surname), the roles
 * it introduces people by ("the city’s mayor, Sergei Sobyanin"), the gender it tells of a person
 * ("Ms Ruiz", "spokeswoman Ann Lee", "Reed said he …") and the bodies it names ("the Justice
 * Department"), for references.ts to resolve pronouns and descriptions against.
 */

import type { Attribution } from './attribution.js';
import { NAME_PARTICLES, NON_PERSON_WORDS } from './lexicon.js';
import { isNameWord, isPersonRole, type Mention, mention, type People } from './people.js';
import type { Gender, References } from './reference.js';
import type { Token } from './tokens.js';

/** Every naming phrase of a sentence (runs of capitalised, role and nation words). */
export function phrases(tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const token of tokens) {
    const keep =
      token.kind === 'word' &&
      (token.capital ||
        isNameWord(token) ||
        isPersonRole(token.lower) ||
        (run.length > 0 && (token.possessive || NAME_PARTICLES.has(token.text))));
    if (keep) run.push(token);
    else {
      if (run.length > 0) runs.push(run);
      run = [];
      if (token.text === ',' && runs.length > 0) runs.push([token]);
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Registers full names, and role phrases set beside a name by commas; notes what each phrase
 * tells (`notice`). Returns how many phrases name someone.
 */
export function register(
  people: People,
  references: References,
  runs: Token[][],
  index: number,
): number {
  let previous: Mention | null = null;
  let commaAfterPrevious = false;
  let named = 0;
  for (const run of runs) {
    if (run.length === 1 && run[0]!.text === ',') {
      commaAfterPrevious = previous !== null;
      continue;
    }
    const found = mention(run);
    if (found) {
      people.add(found, index);
      if (found.name) named++;
      notice(people, references, run, found, index);
      if (
        commaAfterPrevious &&
        previous &&
        !previous.name &&
        found.name &&
        found.nameWords >= 2 &&
        isPersonRole(previous.head)
      ) {
        people.introduce(previous.roles, found.name, index);
      }
    }
    previous = found;
    commaAfterPrevious = false;
  }
  return named;
}

/** Words that tell a person's gender beside their name: "Ms Ruiz", "spokeswoman Ann Lee". */
const GENDER_WORDS: Record<string, Gender> = {
  mr: 'm',
  sir: 'm',
  lord: 'm',
  king: 'm',
  spokesman: 'm',
  chairman: 'm',
  congressman: 'm',
  councilman: 'm',
  businessman: 'm',
  actor: 'm',
  ms: 'f',
  mrs: 'f',
  miss: 'f',
  dame: 'f',
  lady: 'f',
  queen: 'f',
  spokeswoman: 'f',
  chairwoman: 'f',
  congresswoman: 'f',
  councilwoman: 'f',
  businesswoman: 'f',
  actress: 'f',
};

/**
 * What a naming phrase tells: the gender of a person named with "Ms" or "spokeswoman", and a
 * body it names ("the Justice Department", "Russia's Foreign Ministry").
 */
function notice(
  people: People,
  references: References,
  run: Token[],
  found: Mention,
  index: number,
): void {
  if (found.name) {
    const told = run.map((token) => GENDER_WORDS[token.lower]).find(Boolean);
    if (told) references.setGender(people.fullName(found.name), told);
  } else if (NON_PERSON_WORDS.has(found.head) && run.some((token) => token.capital)) {
    references.addBody(found.text, found.head, index);
  }
}

/** Pronouns after a sentence's subject that tell its gender: "Reed said he had acted". */
const GENDERED: Record<string, Gender> = {
  he: 'm',
  his: 'm',
  him: 'm',
  himself: 'm',
  she: 'f',
  her: 'f',
  herself: 'f',
};

/**
 * "Reed said he had acted …": a pronoun after a named subject tells the subject's gender, when
 * no one else is named in the sentence.
 */
export function tellGender(
  references: References,
  tokens: Token[],
  inside: boolean[],
  subject: Attribution,
  name: string,
): void {
  for (let i = subject.at + 1; i < tokens.length; i++) {
    const gender = inside[i] ? undefined : GENDERED[tokens[i]!.lower];
    if (gender) {
      references.setGender(name, gender);
      return;
    }
  }
}
