/**
 * Generated articles with known labels, for the suggestion engine's bench: quotes with their
 * speaker (introduced by role and full name, then "Peskov said", "Mr. Peskov said", "he said",
 * "the spokesman said", quotations over two sentences, a lead-in "X said: “…”"), claims with
 * their claimant, events with when and where, and sentences that are none of these (plans,
 * opinions, scare quotes, background). Labels follow docs/readme/suggest.md.
 *
 * Beware: the same person wrote these templates and the rules, so the set mostly shows that the
 * rules do what they mean and how fast the model learns; the seeds' gold is the honest figure.
 * It uses its own random stream and templates, so the main generator's output does not change.
 */
import type { GoldArticle, GoldSentence } from '../evaluate/gold.js';
import { deriveSeed, Random } from './random.js';
import { type CastMember, createStory, longDate, type Story, weekday } from './story.js';
import {
  CASUALTY_NOUNS,
  MONTHS,
  NUMBER_NOUNS,
  QUOTE_CLOSERS,
  QUOTE_OPENERS,
} from './vocabulary.js';

export interface PlantedArticle {
  /** File name, `.txt`: plain text, title first. */
  name: string;
  content: string;
  gold: GoldArticle;
}

/** A planted sentence: its text and labels (one sentence of the body each). */
type Planted = GoldSentence;

interface State {
  story: Story;
  random: Random;
  /** People whose full name the article has given, with the role it gave them by. */
  introduced: CastMember[];
  /** People whose role the article has given beside their full name ("Kremlin spokesman Dmitry Peskov"). */
  roled: CastMember[];
  /** The last person quoted or named as a subject: what "he said" stands for. */
  last: CastMember | null;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The head word of a role, as a text refers back to it: "Kremlin spokesman" → "spokesman". */
const roleHead = (role: string): string => role.split(' ').at(-1)!.toLowerCase();

function quote(state: State): string {
  const closer = state.random.pick(QUOTE_CLOSERS);
  const opener = state.random.pick(QUOTE_OPENERS);
  return closer ? `${opener}, ${closer}` : opener;
}

const pronoun = (member: CastMember): string => (/^(Ms|Mrs)\b/.test(member.titled) ? 'she' : 'he');

/** Someone the article has not named yet, if any is left. */
function newcomer(state: State): CastMember | null {
  const left = state.story.cast.filter((member) => !state.introduced.includes(member));
  return left.length > 0 ? state.random.pick(left) : null;
}

function introduce(state: State, member: CastMember, withRole = false): void {
  if (!state.introduced.includes(member)) state.introduced.push(member);
  if (withRole && !state.roled.includes(member)) state.roled.push(member);
  state.last = member;
}

const OPEN = '“';
const CLOSE = '”';

type Builder = (state: State) => Planted[] | null;

const SPEECH = ['said', 'told reporters', 'said in a statement', 'added', 'told state television'];

const BUILDERS: Record<string, { weight: number; build: Builder }> = {
  // “…,” Kremlin spokesman Dmitry Peskov said.
  introQuote: {
    weight: 3,
    build: (s) => {
      const member = newcomer(s);
      if (!member) return null;
      introduce(s, member, true);
      const text = `${OPEN}${quote(s)},${CLOSE} ${member.role} ${member.full} ${s.random.pick(SPEECH)}.`;
      return [{ text, labels: ['quote'], speaker: member.full }];
    },
  },
  // “…,” Peskov said.  /  “…,” Mr. Peskov said.
  surnameQuote: {
    weight: 3,
    build: (s) => {
      if (s.introduced.length === 0) return null;
      const member = s.random.pick(s.introduced);
      s.last = member;
      const who = s.random.chance(0.5) ? member.last : member.titled;
      const verb = s.random.pick(SPEECH);
      const text = s.random.chance(0.3)
        ? `${OPEN}${quote(s)},${CLOSE} ${s.random.pick(['said', 'added'])} ${who}.`
        : `${OPEN}${quote(s)},${CLOSE} ${who} ${verb}.`;
      return [{ text, labels: ['quote'], speaker: member.full }];
    },
  },
  // “…,” he said.
  pronounQuote: {
    weight: 2,
    build: (s) => {
      const member = s.last;
      const text = `${OPEN}${quote(s)},${CLOSE} ${member ? pronoun(member) : 'he'} said.`;
      return [{ text, labels: ['quote'], speaker: member ? member.full : null }];
    },
  },
  // “…,” the spokesman said.
  roleQuote: {
    weight: 1.5,
    build: (s) => {
      if (s.roled.length === 0) return null;
      const member = s.random.pick(s.roled);
      // "the head of the presidential office" is referred back to in too many ways.
      if (member.role.includes(' of ')) return null;
      const head = roleHead(member.role);
      const sharing = s.roled.filter((other) => roleHead(other.role) === head);
      if (sharing.length !== 1) return null;
      s.last = member;
      const text = `${OPEN}${quote(s)},${CLOSE} the ${head} said.`;
      return [{ text, labels: ['quote'], speaker: member.full }];
    },
  },
  // Dmitry Peskov said: “…”  /  Kremlin spokesman Dmitry Peskov told reporters: “…”
  leadQuote: {
    weight: 1.5,
    build: (s) => {
      const member = newcomer(s) ?? s.random.pick(s.story.cast);
      const known = s.introduced.includes(member);
      introduce(s, member, !known);
      const who = known ? member.last : `${member.role} ${member.full}`;
      const text = `${capitalize(who)} said: ${OPEN}${quote(s)}.${CLOSE}`;
      return [{ text, labels: ['quote'], speaker: member.full }];
    },
  },
  // “… . …,” Peskov said.  (two sentences, one speaker)
  twoSentenceQuote: {
    weight: 1.5,
    build: (s) => {
      if (s.introduced.length === 0) return null;
      const member = s.random.pick(s.introduced);
      s.last = member;
      const first = `${OPEN}${s.random.pick(QUOTE_OPENERS)}.`;
      const second = `${quote(s)},${CLOSE} ${member.last} said.`;
      return [
        { text: first, labels: ['quote'], speaker: member.full },
        { text: second, labels: ['quote'], speaker: member.full },
      ];
    },
  },
  // Peskov called the plan “a step in the right direction”.
  partialQuote: {
    weight: 1.5,
    build: (s) => {
      const member = newcomer(s) ?? s.random.pick(s.story.cast);
      const known = s.introduced.includes(member);
      introduce(s, member, !known);
      const who = known ? member.titled : `${member.role} ${member.full}`;
      const phrase = s.random.pick([
        'a step in the right direction',
        'unacceptable',
        'deeply worrying',
        'a historic opportunity',
        'premature',
      ]);
      const text = `${capitalize(who)} called ${s.random.pick(s.story.topic.objects)} ${OPEN}${phrase}${CLOSE}.`;
      return [{ text, labels: ['quote'], speaker: member.full }];
    },
  },
  // Diplomats are still weighing the “frozen assets” idea.  (scare quotes: no one speaks)
  scareQuote: {
    weight: 1,
    build: (s) => [
      {
        text: `Diplomats are still weighing the ${OPEN}${s.random.pick(s.story.topic.objects).replace(/^(a|an|the) /, '')}${CLOSE} idea.`,
        labels: [],
      },
    ],
  },
  // Russia's Defence Ministry said 2,340 drones had been recorded since May 2024.
  figureClaim: {
    weight: 2,
    build: (s) => {
      const org = s.random.pick(s.story.organizations);
      const text = `${capitalize(org)} said ${s.random.int(12, 48_000).toLocaleString('en-US')} ${s.random.pick(NUMBER_NOUNS)} had been recorded since ${s.random.pick(MONTHS)} ${s.story.date.getUTCFullYear() - 1}.`;
      return [{ text, labels: ['claim'], claimant: [org, org.replace(/^the /, '')] }];
    },
  },
  // According to the Kremlin, Witkoff has agreed in principle to direct talks.
  accordingClaim: {
    weight: 1.5,
    build: (s) => {
      const org = s.random.pick(s.story.organizations);
      const member = s.random.pick(s.story.cast);
      const stance = s.random.pick([
        'has agreed in principle to',
        'rejected',
        'remains open to',
        'has accepted',
      ]);
      // The person is the clause's subject: the nearest named person for a later "he said".
      introduce(s, member);
      const text = `According to ${org}, ${member.full} ${stance} ${s.random.pick(s.story.topic.objects)}.`;
      return [{ text, labels: ['claim'], claimant: [org, org.replace(/^the /, '')] }];
    },
  },
  // Peskov said on Friday that the White House has accepted a prisoner exchange.
  saidThatClaim: {
    weight: 2,
    build: (s) => {
      const member = newcomer(s) ?? s.random.pick(s.story.cast);
      const known = s.introduced.includes(member);
      introduce(s, member, !known);
      const who = known ? member.last : `${member.role} ${member.full}`;
      const org = s.random.pick(s.story.organizations);
      const stance = s.random.pick([
        'has accepted',
        'has rejected',
        'supports',
        'is ready to discuss',
      ]);
      const text = `${capitalize(who)} said on ${weekday(s.story.date)} that ${org} ${stance} ${s.random.pick(s.story.topic.objects)}.`;
      return [{ text, labels: ['claim'], claimant: member.full }];
    },
  },
  // Exports fell 4.2% in March, the steepest drop since 2019.
  statisticClaim: {
    weight: 1.5,
    build: (s) => {
      const noun = s.random.pick(['Exports', 'Inflation', 'Unemployment', 'Output', 'Prices']);
      const text = `${noun} ${s.random.pick(['rose', 'fell'])} ${s.random.int(1, 12)}.${s.random.int(0, 9)}% in ${s.random.pick(MONTHS)}, the ${s.random.pick(['largest', 'steepest'])} change since ${s.random.int(1995, 2020)}.`;
      return [{ text, labels: ['claim'] }];
    },
  },
  // Witkoff met Putin in Moscow on Thursday.
  meetingEvent: {
    weight: 2,
    build: (s) => {
      const [a, b] = [s.random.pick(s.story.cast), s.random.pick(s.story.cast)];
      if (a === b) return null;
      const place = s.random.pick(s.story.places);
      const day = weekday(s.story.date);
      const nameA = s.introduced.includes(a) ? a.last : a.full;
      introduce(s, a);
      const text = `${nameA} met ${b.full} in ${place} on ${day}.`;
      return [{ text, labels: ['event'], when: day, where: place }];
    },
  },
  // A drone strike hit Kharkiv on Friday, killing 4 civilians.
  attackEvent: {
    weight: 1.5,
    build: (s) => {
      if (!s.story.topic.war) return null;
      const place = s.random.pick(s.story.places);
      const day = weekday(s.story.date);
      const text = `${capitalize(withArticle(s.random.pick(s.story.topic.incidents)))} hit ${place} on ${day}, killing ${s.random.int(2, 40)} ${s.random.pick(CASUALTY_NOUNS)}.`;
      return [{ text, labels: ['claim', 'event'], when: day, where: place }];
    },
  },
  // The next round of talks is scheduled for March 3, 2025 in Riyadh.
  scheduledEvent: {
    weight: 1,
    build: (s) => {
      const when = longDate(new Date(s.story.date.getTime() + s.random.int(3, 40) * 86_400_000));
      const place = s.random.pick(s.story.places);
      const text = `The next round of talks is scheduled for ${when} in ${place}.`;
      return [{ text, labels: ['event'], when, where: place }];
    },
  },
  // Mr. Witkoff arrived in Moscow late on Thursday.
  arrivalEvent: {
    weight: 1.5,
    build: (s) => {
      const member = s.random.pick(s.story.cast);
      const place = s.random.pick(s.story.places);
      const day = weekday(s.story.date);
      const who = s.introduced.includes(member) ? member.titled : member.full;
      introduce(s, member);
      const text = `${who} arrived in ${place} late on ${day}.`;
      return [{ text, labels: ['event'], when: `late on ${day}`, where: place }];
    },
  },
  // Officials are expected to discuss the peace plan again.  (a plan: none)
  plan: {
    weight: 1.5,
    build: (s) => [
      {
        text: `Officials are expected to discuss ${s.random.pick(s.story.topic.objects)} again.`,
        labels: [],
      },
    ],
  },
  // The mood among diplomats was described as cautious.  (an opinion: none)
  opinion: {
    weight: 1.5,
    build: (s) => [
      {
        text: s.random.pick([
          'The mood among diplomats was cautious.',
          'Few observers expect a quick breakthrough.',
          'The stakes could hardly be higher for both sides.',
          'Much now depends on the next few weeks.',
          'It remains unclear how the two sides could bridge their differences.',
        ]),
        labels: [],
      },
    ],
  },
  // Witkoff would travel to Brussels if talks progress.  (a plan with a place: none)
  conditional: {
    weight: 1,
    build: (s) => {
      const member = s.random.pick(s.story.cast);
      const who = s.introduced.includes(member) ? member.last : member.full;
      introduce(s, member);
      return [
        {
          text: `${who} could travel to ${s.random.pick(s.story.places)} if the talks make progress.`,
          labels: [],
        },
      ];
    },
  },
};

const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

const WEIGHTS = Object.fromEntries(
  Object.entries(BUILDERS).map(([name, { weight }]) => [name, weight]),
) as Record<string, number>;

/** Labelled article `index` for `seed`; independent of every other article. */
export function generatePlantedArticle(seed: number, index: number): PlantedArticle {
  const random = new Random(deriveSeed(seed, 'planted', index));
  const story = createStory(random);
  const state: State = { story, random, introduced: [], roled: [], last: null };
  const count = random.int(8, 30);
  const planted: Planted[][] = [];
  let sentences = 0;
  while (sentences < count) {
    const built = BUILDERS[random.weighted(WEIGHTS)]!.build(state);
    if (!built) continue;
    planted.push(built);
    sentences += built.length;
  }
  // Paragraphs of two to four planted pieces: the cleaner may take a lone short line for boilerplate.
  const paragraphs: string[] = [];
  for (let at = 0; at < planted.length; ) {
    const size = random.int(2, 4);
    paragraphs.push(
      planted
        .slice(at, at + size)
        .map((piece) => piece.map((sentence) => sentence.text).join(' '))
        .join(' '),
    );
    at += size;
  }
  const id = `planted_${String(index).padStart(5, '0')}`;
  const title = `${capitalize(story.cast[0]!.last)} and ${story.cast[1]!.last} in talks over ${random.pick(story.topic.objects)}`;
  return {
    name: `${id}.txt`,
    content: `${title}\n\n${paragraphs.join('\n\n')}\n`,
    gold: { article: id, sentences: planted.flat() },
  };
}
