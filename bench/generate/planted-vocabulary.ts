/**
 * The words planted statements are made of: each concept with several surface forms, so that a
 * retelling can say the same thing in other words ("reject", "refuse", "turn down"). The first
 * form is the one the original uses. None of it appears in the background articles.
 */

/** A verb phrase: after "will" and after "will be". */
export interface VerbConcept {
  base: readonly string[];
  done: readonly string[];
}

export const VERBS: readonly VerbConcept[] = [
  { base: ['reject', 'refuse', 'turn down'], done: ['rejected', 'refused', 'turned down'] },
  { base: ['support', 'back', 'endorse'], done: ['supported', 'backed', 'endorsed'] },
  { base: ['review', 'examine', 'study'], done: ['reviewed', 'examined', 'studied'] },
  { base: ['sign', 'conclude', 'finalise'], done: ['signed', 'concluded', 'finalised'] },
  { base: ['suspend', 'pause', 'halt'], done: ['suspended', 'paused', 'halted'] },
  { base: ['expand', 'extend', 'broaden'], done: ['expanded', 'extended', 'broadened'] },
  {
    base: ['renegotiate', 'reopen talks on', 'revisit'],
    done: ['renegotiated', 'reopened', 'revisited'],
  },
  { base: ['publish', 'release', 'make public'], done: ['published', 'released', 'made public'] },
  { base: ['challenge', 'contest', 'dispute'], done: ['challenged', 'contested', 'disputed'] },
  { base: ['ratify', 'approve', 'adopt'], done: ['ratified', 'approved', 'adopted'] },
  { base: ['investigate', 'probe', 'look into'], done: ['investigated', 'probed', 'looked into'] },
  { base: ['fund', 'finance', 'pay for'], done: ['funded', 'financed', 'paid for'] },
];

export const NOUNS: readonly (readonly string[])[] = [
  ['agreement', 'deal', 'accord'],
  ['plan', 'proposal', 'scheme'],
  ['treaty', 'pact', 'convention'],
  ['framework', 'arrangement', 'mechanism'],
  ['roadmap', 'blueprint', 'strategy'],
  ['settlement', 'compromise', 'understanding'],
];

export const DOMAINS: readonly (readonly string[])[] = [
  ['grain exports', 'grain shipments', 'exports of grain'],
  ['fishing rights', 'fishing quotas', 'rights to fish'],
  ['water sharing', 'shared water use', 'the division of river water'],
  ['gas transit', 'gas transport', 'transit of gas'],
  ['border crossings', 'crossing points on the border', 'border checkpoints'],
  ['prisoner swaps', 'exchanges of detainees', 'prisoner exchanges'],
  ['airspace access', 'use of the airspace', 'overflight rights'],
  ['rail freight', 'freight by rail', 'cargo trains'],
  ['nuclear inspections', 'inspections of nuclear sites', 'nuclear monitoring'],
  ['refugee returns', 'the return of refugees', 'repatriation of refugees'],
  ['mineral royalties', 'royalties on minerals', 'mining royalties'],
  ['port fees', 'harbour charges', 'fees at the ports'],
  ['electricity imports', 'power imports', 'imports of electricity'],
  ['vaccine patents', 'patents on vaccines', 'vaccine intellectual property'],
  ['satellite launches', 'launches of satellites', 'rocket launches'],
  ['cross-border pipelines', 'pipelines across the border', 'border pipelines'],
  ['tariff quotas', 'quotas on tariffs', 'tariff limits'],
  ['debt relief', 'debt forgiveness', 'relief on debt'],
  ['fertiliser sales', 'sales of fertiliser', 'fertiliser exports'],
  ['customs data', 'customs records', 'data from customs'],
  ['drone exports', 'exports of drones', 'drone sales abroad'],
  ['wheat subsidies', 'subsidies for wheat', 'wheat support payments'],
  ['cable landing rights', 'undersea cable access', 'rights to land cables'],
  ['hydropower quotas', 'hydroelectric quotas', 'limits on hydropower'],
];

export const WHEN: readonly (readonly string[])[] = [
  ['before the end of the month', 'by the end of the month', 'within the month'],
  ['in the coming weeks', 'over the next few weeks', 'within weeks'],
  ['after the summer recess', 'once the summer break is over', 'after the summer break'],
  ['at the next summit', 'when the leaders next meet', 'at the upcoming summit'],
  ['without further delay', 'immediately', 'at once'],
  ['under any circumstances', 'in any case', 'whatever happens'],
];

/** What happens in an event, with the thing it happens to. */
export interface EventConcept {
  things: readonly string[];
  verbs: readonly string[];
}

export const EVENTS: readonly EventConcept[] = [
  {
    things: ['drones', 'unmanned aircraft', 'UAVs'],
    verbs: ['intercepted', 'shot down', 'downed'],
  },
  {
    things: ['residents', 'inhabitants', 'people'],
    verbs: ['evacuated', 'moved to safety', 'relocated'],
  },
  {
    things: ['containers', 'shipping containers', 'boxes of cargo'],
    verbs: ['seized', 'impounded', 'confiscated'],
  },
  { things: ['homes', 'houses', 'dwellings'], verbs: ['flooded', 'inundated', 'submerged'] },
  {
    things: ['protesters', 'demonstrators', 'marchers'],
    verbs: ['detained', 'arrested', 'taken into custody'],
  },
  { things: ['trucks', 'lorries', 'freight vehicles'], verbs: ['stranded', 'stuck', 'held up'] },
  { things: ['sheep', 'livestock', 'farm animals'], verbs: ['culled', 'destroyed', 'put down'] },
  {
    things: ['flights', 'air services', 'departures'],
    verbs: ['cancelled', 'scrapped', 'called off'],
  },
];

export const ORGANISATIONS: readonly (readonly string[])[] = [
  ['the regional governor', 'the governor of the region', 'regional authorities'],
  ['the interior ministry', 'interior officials', 'the ministry of the interior'],
  ['the coast guard', 'coastguard officials', 'the maritime guard'],
  ['the emergency service', 'emergency workers', 'the rescue service'],
  ['the port authority', 'port officials', 'the harbour authority'],
];

const FIRST = `Anika Boris Celine Dario Elif Farid Greta Hamza Ilse Jonas Katya Lorenz Maren Nikos
Oksana Pavel Quentin Rosa Stefan Tamar Ulrich Vesna Wiktor Yasmin Zoltan Agata Bogdan Clara Dmitar
Emre Fiona Goran Hedda Ivo Jelena Kamil Lidia Milos Nadia Orest`.split(/\s+/);

const LAST = `Roskova Brenner Castellan Duvall Ekholm Fairbrook Gorsky Halvorsen Ivanic Jurkowski
Kettler Lindqvist Marchetti Novikoff Oberlin Petrakis Quist Rahmani Szabo Tervonen Ulyanich
Vasquez Wollstein Yakimenko Zeller Ardenne Bakhtiar Cerny Dragomir Esposito Falkner Grigorian
Hollis Ibarra Janssen Kowalczyk Lemaire Mosley Nakashima Orlov Pellegrini Radovan Sokolov Trevisan
Valenti Weissman Yilmaz Zubarev Aldana Borodin Calloway Demirel Everly Fontaine Gashi Hartung Ilves
Jovanovic Kristoff Lazarev`.split(/\s+/);

export const ROLES = [
  'foreign minister',
  'trade minister',
  'government spokesman',
  'opposition leader',
  'central bank governor',
  'energy commissioner',
  'chief negotiator',
  'deputy prime minister',
];

export const TOWNS =
  `Varnholm Ostrava Kelmir Dunvale Brezno Torvik Alsenburg Marisol Kavarna Petrinja
Lindau Sarvas Holmvik Tiraspolka Veszto Morava Klaipor Eskdale Ravnica Dobrich Zelenogor Harstad
Pomorin Valcea Grenwick Istrana Belmonte Karsava Novaro Sulina`.split(/\s+/);

export function personName(first: number, last: number): { first: string; last: string } {
  return { first: FIRST[first % FIRST.length]!, last: LAST[last % LAST.length]! };
}

export const NAME_COUNT = { first: FIRST.length, last: LAST.length };

/**
 * Another spelling of a name, as transliterations differ: a final "ff" or "v", "y" or "i",
 * "k" or "c", a doubled or single consonant, "w" or "v".
 */
export function respell(name: string): string {
  const rules: Array<[RegExp, string]> = [
    [/ff$/, 'v'],
    [/v$/, 'ff'],
    [/y/, 'i'],
    [/i(?=[aeou])/, 'y'],
    [/k(?=[aeiou])/, 'c'],
    [/ll/, 'l'],
    [/ss/, 's'],
    [/w/, 'v'],
    [/ch/, 'kh'],
    [/sh/, 'sch'],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(name.slice(1))) {
      return name[0] + name.slice(1).replace(pattern, replacement);
    }
  }
  return `${name.slice(0, -1)}${name.endsWith('e') ? 'a' : 'e'}`;
}
