/**
 * Who a pronoun or a description stands for: the people and bodies an article has named as a
 * sentence's subject or a quote's speaker, most recent last, with what the article told of them
 * (he or she; a body, not a person). "She said" is the nearest person not known to be a man,
 * "it said" the nearest body, "the department said" the body last named with that head word.
 */

export type Gender = 'm' | 'f';

interface Entry {
  name: string;
  index: number;
  /** A person, not a body ("the Kremlin", "Big Machine have denied"). */
  person: boolean;
}

/** Sentences back that a pronoun may reach for the one it stands for. */
const PRONOUN_REACH = 6;
/** Sentences back that "it" or "they" may reach for a body: they stand close to it. */
const BODY_REACH = 3;
/** Sentences back that "the Russian president" may reach for the person just named. */
const DESCRIPTION_REACH = 3;

export class References {
  private readonly entries: Entry[] = [];
  private readonly genders = new Map<string, Gender>();
  private readonly bodies: Array<{ name: string; head: string; index: number }> = [];

  /** Records that sentence `index` names `name` as its subject or speaker. */
  note(name: string, index: number, person: boolean): void {
    const at = this.entries.findIndex((entry) => entry.name === name);
    if (at >= 0) this.entries.splice(at, 1);
    this.entries.push({ name, index, person });
  }

  /** What the article tells of a person's gender; the first telling stands. */
  setGender(name: string, gender: Gender): void {
    if (!this.genders.has(name)) this.genders.set(name, gender);
  }

  /** Whether `head` ("he", "she") may stand for `name`: what the article told of them allows it. */
  fits(name: string, head: string): boolean {
    const gender = this.genders.get(name);
    return gender === undefined || gender === (head === 'she' ? 'f' : 'm');
  }

  /** Whether the article told of `name`'s gender. */
  told(name: string): boolean {
    return this.genders.has(name);
  }

  /**
   * Whether a person other than `but`, within the reach of "he"/"she" before sentence `index`,
   * is known to be of the gender `head` names.
   */
  toldNear(head: string, index: number, but: string): boolean {
    const wanted: Gender = head === 'she' ? 'f' : 'm';
    return [...this.recent(index, PRONOUN_REACH)].some(
      (entry) => entry.person && entry.name !== but && this.genders.get(entry.name) === wanted,
    );
  }

  /** A body the article names ("the Justice Department"), by its last word. */
  addBody(name: string, head: string, index: number): void {
    this.bodies.push({ name, head, index });
  }

  /**
   * "he" or "she": the nearest person within reach not known to be of the other gender (a woman
   * named with "Ms" further back is no likelier "she" than a nearer person the article told
   * nothing of: on the generated set preferring her lost three speakers); the person found is
   * then known to be of that gender.
   */
  pronoun(head: string, index: number): string | null {
    const wanted: Gender = head === 'she' ? 'f' : 'm';
    for (const entry of this.recent(index, PRONOUN_REACH)) {
      if (!entry.person) continue;
      const gender = this.genders.get(entry.name);
      if (gender === undefined) this.genders.set(entry.name, wanted);
      if (gender === undefined || gender === wanted) return entry.name;
    }
    return null;
  }

  /**
   * "it said", "they said": the nearest body within reach; "they" stops at a person (a pronoun
   * for several people names no one speaker), "it" passes over people (it is never one).
   */
  collective(head: string, index: number): string | null {
    for (const entry of this.recent(index, BODY_REACH)) {
      if (!entry.person) return entry.name;
      if (head === 'they') return null;
    }
    return null;
  }

  /** The person named as subject or speaker in the last few sentences, or null. */
  nearestPerson(index: number): string | null {
    for (const entry of this.recent(index, DESCRIPTION_REACH)) {
      if (entry.person) return entry.name;
    }
    return null;
  }

  /** "the department": the body last named up to sentence `index` whose last word is `head`. */
  bodyByHead(head: string, index: number): string | null {
    for (let i = this.bodies.length - 1; i >= 0; i--) {
      const body = this.bodies[i]!;
      if (body.index <= index && body.head === head) return body.name;
    }
    return null;
  }

  /** The entries named within `reach` sentences before sentence `index`, nearest first. */
  private *recent(index: number, reach: number): Generator<Entry> {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i]!;
      if (index - entry.index > reach) return;
      yield entry;
    }
  }

  /** A pronoun subject ("He proposed …") keeps the person it stands for the nearest one. */
  refresh(name: string, index: number): void {
    const entry = this.entries.find((candidate) => candidate.name === name);
    if (entry) this.note(name, index, entry.person);
  }
}
