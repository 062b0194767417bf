import { describe, expect, it } from 'vitest';
import { differences } from '../../source/story/differences.js';
import { type Comparable, initialsOf, sameStatement } from '../../source/story/similarity.js';
import { AMOUNT, NAME_BIT, sentenceFeatures, Vocabulary } from '../../source/story/tokens.js';

const vocabulary = new Vocabulary();
const day = 20_000;
function sentence(text: string, at = day): Comparable {
  const features = sentenceFeatures(text, vocabulary);
  return {
    words: features.words,
    speakers: features.speakers,
    sources: features.sources,
    day: at,
    figures: features.figures,
    units: features.units,
    quoted: features.quotedWords,
  };
}
const same = (a: string, b: string, dayB = day) =>
  sameStatement(sentence(a), sentence(b, dayB), vocabulary) > 0;

describe('whether two sentences report the same thing', () => {
  it('joins an agency copy with light edits', () => {
    expect(
      same(
        '“We will fund the treaty on customs data without further delay,” deputy prime minister Pavel Rahmani said.',
        'Deputy prime minister Pavel Rahmani told reporters: “We will fund the treaty on customs data without further delay.”',
      ),
    ).toBe(true);
  });

  it('joins the same event with another figure, and a name spelled otherwise', () => {
    expect(
      same(
        '53 trucks were stranded in Eskdale on Thursday, the port authority said.',
        'Fifty-six trucks were stranded in Eskdale on Thursday, the port authority said.',
      ),
    ).toBe(true);
    expect(
      same(
        'Trade minister Boris Falkner claimed that the settlement on cable landing rights had cost the country 42 million dollars.',
        'Trade minister Boris Falknar claimed that the settlement on cable landing rights had cost the country 42 million dollars.',
      ),
    ).toBe(true);
  });

  it('keeps apart another speaker’s statement, reworded or in the same words', () => {
    const original =
      '“We will reject the agreement on fishing quotas in the coming weeks,” Peskov said.';
    expect(
      same(
        original,
        'Peskov said the government would refuse the accord on fishing quotas within weeks.',
      ),
    ).toBe(true);
    expect(
      same(
        original,
        'Zelenskyy said the government would refuse the accord on fishing quotas within weeks.',
      ),
    ).toBe(false);
    const a = '“We will not accept any new conditions on the grain corridor,” Peskov said.';
    const b = '“We will not accept any new conditions on the grain corridor,” Zelenskyy said.';
    expect(same(a, b)).toBe(false);
    // A reviewer who links them as one misattributed remark sees both speakers as a difference,
    // as the outlets write them (the engine keys them folded and romanised: "iork").
    const names = (x: string, y: string) =>
      differences([
        { text: x, date: null },
        { text: y, date: null },
      ])
        .find((difference) => difference.kind === 'name')
        ?.values.map((value) => [value.member, value.text]);
    expect(names(a, b)).toEqual([
      [0, 'Peskov'],
      [1, 'Zelenskyy'],
    ]);
    expect(
      names(
        'The grain corridor will stay open through the winter, New York officials said.',
        'The grain corridor will stay open through the winter, Russia said.',
      ),
    ).toEqual([
      [0, 'New York'],
      [1, 'Russia'],
    ]);
    // Capitalised where it names the speaker, though the word is also written in lower case.
    expect(
      names(
        'A new grain corridor will stay open through the bush season, New York officials said.',
        'A new grain corridor will stay open through the bush season, Jean-Claude Bush said.',
      ),
    ).toEqual([
      [0, 'New York'],
      [1, 'Claude Bush'],
    ]);
  });

  it('keeps apart two different quotes by the same person', () => {
    expect(
      same(
        '“We will fund the treaty on customs data without further delay,” minister Pavel Rahmani said.',
        '“Our harbours stay closed to foreign trawlers until the inquiry ends,” minister Pavel Rahmani said.',
      ),
    ).toBe(false);
  });

  it('keeps apart one speaker’s two quotations in one frame, each with words the other lacks', () => {
    const signed =
      '“We will fund the framework on drone exports at the next summit,” trade minister Ines Korda said.';
    expect(
      same(
        signed,
        '“We will expand the framework on grain exports at the next summit,” trade minister Ines Korda said.',
      ),
    ).toBe(false);
    // One outlet trims the quotation, another adds a day: one remark.
    expect(
      same(signed, 'On Monday, “We will fund the framework on drone exports,” Ines Korda said.'),
    ).toBe(true);
  });

  it('keeps apart one speaker’s two claims with other amounts and other subjects', () => {
    const claimed =
      'Finance minister Ines Korda claimed that the framework on refugee returns had cost the country 58 million dollars.';
    expect(
      same(
        claimed,
        'Finance minister Ines Korda claimed that the framework on mineral royalties had cost the country 7 million dollars.',
      ),
    ).toBe(false);
    expect(same(claimed, claimed.replace('58', '61'))).toBe(true);
  });

  it('keeps apart two events in one frame: other town, other figures weeks later', () => {
    expect(
      same(
        '14 residents were evacuated in Eskdale on Sunday, the emergency service said.',
        '16 residents were evacuated in Pomorin on Friday, the emergency service said.',
      ),
    ).toBe(false);
    expect(
      same(
        '27 containers were seized in Grenwick on Monday, the coast guard said.',
        '45 containers were seized in Grenwick on Saturday, the coast guard said.',
        day + 200,
      ),
    ).toBe(false);
  });

  it('never joins sentences that say too little', () => {
    expect(same('He said.', 'He said.')).toBe(false);
    expect(same('Background:', 'Background:')).toBe(false);
  });

  it('takes a short sentence for a copy only when nearly all of it is the other’s, or it states the same amount', () => {
    // One rare word in common weighed 0.6 of a short pair.
    expect(
      same(
        '“She painted murals in the most astonishing corners,” Ruiz told me.',
        'You may be astonished by the murals.',
      ),
    ).toBe(false);
    expect(
      same('The mill declined to comment.', 'The mill declined to comment on the report.'),
    ).toBe(true);
    expect(
      same(
        'From 2011 to 2016 there were 4312 cases of measles recorded, including 97 deaths.',
        'Between 2011 and 2016, 4,312 cases of measles were recorded, with 97 deaths.',
      ),
    ).toBe(true);
  });

  it('reads a figure with a thousands separator or a decimal point as one figure', () => {
    const apart = sentenceFeatures('There were 4312 cases.', vocabulary);
    const separated = sentenceFeatures('There were 4,312 cases.', vocabulary);
    expect(separated.figures).toBe(apart.figures);
    // A comma before other than three digits separates figures; a unit after one is no figure.
    expect(sentenceFeatures('Rounds 1,2,3 were played.', vocabulary).figures).not.toBe(
      sentenceFeatures('Round 123 was played.', vocabulary).figures,
    );
    expect(sentenceFeatures('There were 1.234.567 votes.', vocabulary).figures).not.toBe(
      sentenceFeatures('There were 1.234.890 votes.', vocabulary).figures,
    );
    expect(sentenceFeatures('The hall will cost £3.5bn.', vocabulary).figures).not.toBe(
      sentenceFeatures('The hall will cost £7.2bn.', vocabulary).figures,
    );
    expect(sentenceFeatures('It cost 2.6 billion dollars.', vocabulary).figures).not.toBe(
      sentenceFeatures('It cost 2 or 6 billion dollars.', vocabulary).figures,
    );
  });

  it('compares no heading, caption or list row: a line that does not end as a sentence', () => {
    // A heading naming the product shared its rare words with every sentence about it.
    expect(sentenceFeatures('Ferrovia Model X Pro', vocabulary).words).toEqual([]);
    expect(sentenceFeatures('June 9 -- Harbour Arena, Varnholm', vocabulary).words).toEqual([]);
    expect(
      sentenceFeatures('Ferrovia Model X Pro launched in Varnholm.', vocabulary).words,
    ).not.toEqual([]);
    expect(sentenceFeatures('The Model X Pro “changes everything”', vocabulary).words).not.toEqual(
      [],
    );
    expect(sentenceFeatures('Is the Model X Pro worth it?', vocabulary).words).not.toEqual([]);
    // Every mark the sentence splitter ends a sentence with, before its closers.
    expect(
      sentenceFeatures('प्रधानमंत्री ने रेल परियोजना का उद्घाटन किया।', vocabulary).words,
    ).not.toEqual([]);
    expect(sentenceFeatures('「東京で会議が開かれた。」', vocabulary).words).not.toEqual([]);
  });

  it('reads no words in a web address, and keeps the full stop after one', () => {
    const told = 'The full report on the harbour spill is published by the port council';
    const plain = sentenceFeatures(`${told}.`, vocabulary);
    expect(
      sentenceFeatures(`${told} at https://www.port.example/report.`, vocabulary).words,
    ).toEqual(plain.words);
    expect(sentenceFeatures(`${told} at www.port.example/harbour.`, vocabulary).words).toEqual(
      plain.words,
    );
    // Whatever mark ends the sentence after the address, in any script, stays.
    for (const end of ['…', '。', '؟', '।']) {
      expect(
        sentenceFeatures(`${told} at https://port.example/report${end}`, vocabulary).words,
      ).toEqual(plain.words);
    }
    expect(sentenceFeatures(`${told} at HTTPS://PORT.EXAMPLE/REPORT.`, vocabulary).words).toEqual(
      plain.words,
    );
    // The quotation closes after the address: what follows is not quoted.
    const quoted = sentenceFeatures('“See https://port.example/a,” Ruiz said.', vocabulary);
    expect(quoted.quotedWords).toEqual(
      sentenceFeatures('“See,” Ruiz said.', vocabulary).quotedWords,
    );
  });

  it('reads no words in a web address with a path', () => {
    const plain = sentenceFeatures('Good luck to the team.', vocabulary);
    const tweeted = sentenceFeatures(
      'Good luck to the team. pic.twitter.com/x7Qa9ZtLm2',
      vocabulary,
    );
    expect(tweeted.words).toEqual(plain.words);
    // A bare domain is a name.
    expect(sentenceFeatures('Ferrovia.com said sales rose.', vocabulary).words).toEqual(
      sentenceFeatures('Ferrovia com said sales rose.', vocabulary).words,
    );
  });

  it('gives the same verdict whichever sentence comes first', () => {
    // "min" (rare as a word) and "minute" (common) are one word loosely, from either side.
    const named =
      '"Climbing to the attic was a 20 minute job, as I could only manage three steps at a time and then had to sit and wait," Lindqvist added.';
    const reported =
      '"Climbing to the attic was a 20 min[ute] job as I could only manage three steps at a time and then had to sit and wait," the patient wrote in the report.';
    expect(same(named, reported)).toBe(true);
    expect(same(reported, named)).toBe(true);
  });

  it('takes synonyms and word forms as the same words', () => {
    const a = sentence('The minister rejected the agreement on fishing quotas in Varnholm.');
    const b = sentence('The minister refused the accord on fishing quotas in Varnholm.');
    expect(sameStatement(a, b, vocabulary)).toBeGreaterThan(0.6);
  });
});

describe('sentences told in other words', () => {
  it('joins one event counted differently, and keeps apart another thing counted', () => {
    const ministry =
      'The defence ministry said 31 Varnese drones were intercepted over four provinces, including the capital.';
    expect(
      same(
        ministry,
        'In a related incident, air defences intercepted six Varnese drones targeting Kelbrin early on Sunday, as confirmed by the city’s mayor.',
      ),
    ).toBe(true);
    expect(
      same(
        ministry,
        'In a related incident, six Varnese soldiers were captured near Kelbrin early on Sunday, as confirmed by the city’s mayor.',
      ),
    ).toBe(false);
  });

  it('joins one event with the same count, day and place, whatever word names what was counted', () => {
    const cancelled = '32 flights were cancelled in Tarnby on Sunday, the port authority said.';
    expect(
      same(
        cancelled,
        'In Tarnby, the harbour authority reported that on Sunday 32 departures were scrapped.',
      ),
    ).toBe(true);
    expect(
      same(
        cancelled,
        'In Tarnby, the harbour authority reported that on Sunday 45 departures were scrapped.',
      ),
    ).toBe(false);
    expect(
      same(
        cancelled,
        'In Kavarna, the harbour authority reported that on Sunday 32 departures were scrapped.',
      ),
    ).toBe(false);
  });

  it('keeps apart other things counted in one place, frame and day', () => {
    expect(
      same(
        '56 patients were evacuated in Tarnby on Thursday, the regional governor said.',
        '84 trains were cancelled in Tarnby on Thursday, the regional governor said.',
      ),
    ).toBe(false);
  });

  it('joins one speaker’s quotation framed otherwise, not another’s or another quotation', () => {
    const first =
      'Mr Brenner said Estoria’s proposals on the tariffs were “promising” but not complete.';
    expect(
      same(
        first,
        'On Thursday, Aldo Brenner said the offer was “a very promising statement, but it wasn’t perfect.”',
      ),
    ).toBe(true);
    expect(
      same(
        first,
        'On Thursday, Pavel Rahmani said the offer was “a very promising statement, but it wasn’t perfect.”',
      ),
    ).toBe(false);
    expect(
      same(first, 'On Thursday, Aldo Brenner said the talks on the tariffs were “disappointing.”'),
    ).toBe(false);
  });

  it('keeps apart the same report from two organisations named as its source', () => {
    const fire =
      'Some 120 families left their homes near Lake Ordal overnight, the fire brigade said.';
    expect(
      same(
        fire,
        'Some 120 families left their homes near Lake Ordal overnight, the weather office said.',
      ),
    ).toBe(false);
    expect(
      same(
        'According to the health ministry, cholera cases in the northern camps doubled last week.',
        'According to the aid group, cholera cases in the northern camps doubled last week.',
      ),
    ).toBe(false);
    expect(
      same(
        'Cholera cases in the northern camps doubled last week, says the refugee agency.',
        'Cholera cases in the northern camps doubled last week, says the aid group.',
      ),
    ).toBe(false);
    expect(
      same(
        'Firefighters said in a statement that some 120 families left their homes near Lake Ordal overnight.',
        'Forecasters said in a statement that some 120 families left their homes near Lake Ordal overnight.',
      ),
    ).toBe(false);
  });

  it('joins one organisation’s report under another of its names, or from a person', () => {
    const fire =
      'Some 120 families left their homes near Lake Ordal overnight, the fire brigade said.';
    expect(same(fire, fire.replace('the fire brigade', 'fire officials'))).toBe(true);
    expect(same(fire, fire.replace('the fire brigade', 'the fire service'))).toBe(true);
    const service = fire.replace('the fire brigade', 'the fire service');
    expect(same(service, service.replace('the fire service', 'the rescue service'))).toBe(true);
    expect(
      same(
        'The ministry of health said cholera cases in the northern camps doubled last week.',
        'According to health officials, cholera cases in the northern camps doubled last week.',
      ),
    ).toBe(true);
    // A spokesman may speak for the brigade: a person and an organisation are not two sources.
    expect(same(fire, fire.replace('the fire brigade', 'spokesman Arvid Lunde'))).toBe(true);
    // "Said the fire brigade would…": the reported clause's subject, not a source.
    const told = sentenceFeatures(
      'It said the fire brigade would close the Sarn bridge.',
      vocabulary,
    );
    expect(told.sources).toEqual([]);
    const named = sentenceFeatures('It was closed, said the fire brigade.', vocabulary);
    expect(named.sources.map((id) => vocabulary.word(id)).sort()).toEqual(['brigad', 'fire']);
  });

  it('keeps apart two speakers who share only a first name', () => {
    expect(
      same(
        'Trade minister Dario Falkner claimed that the settlement on port fees had cost the country 81 million dollars.',
        'Trade minister Dario Brenner claimed that the plan on port fees had cost the country 33 million dollars.',
      ),
    ).toBe(false);
    expect(
      same(
        '“We will not accept any new conditions on the grain corridor,” Dario Falkner said.',
        '“We will not accept any new conditions on the grain corridor,” Falkner said.',
      ),
    ).toBe(true);
  });

  it('joins one speaker’s statement retold in few and common words, not another’s', () => {
    const said =
      'Mira Holt said the government would expand the settlement on electricity imports next month.';
    expect(
      same(
        said,
        'According to Holt, the understanding on imports of electricity is going to be extended next month.',
      ),
    ).toBe(true);
    expect(
      same(
        said,
        'According to Varga, the understanding on imports of electricity is going to be extended next month.',
      ),
    ).toBe(false);
    const claimed =
      'Trade minister Mira Holt claimed that the agreement on fishing rights had cost the country 12 million dollars.';
    const lost =
      'The country lost 12 million dollars because of the accord on rights to fish, in the view of Holt.';
    expect(same(claimed, lost)).toBe(true);
    expect(same(claimed.replace('12', '40'), lost)).toBe(false);
  });

  it('joins one speaker’s remark retold in other words, not a mention in a longer report', () => {
    expect(
      same(
        '“We will review the framework on water sharing at the next summit,” trade minister Ines Korda said.',
        'According to Korda, the blueprint on shared water use is going to be studied at the upcoming summit.',
      ),
    ).toBe(true);
    const understood =
      'Korda said there was an “understanding on all sides” that a direct conversation is needed.';
    expect(
      same(
        understood,
        'A potential telephone conversation between Brenner and Rahmani might be organized following Tully’s conveyance of messages to Estoria, Korda revealed.',
      ),
    ).toBe(false);
  });

  it('takes a speaker the other sentence names for one voice, not another speaker', () => {
    expect(
      same(
        'Estoria said on Friday it is preparing for direct talks between presidents Aldo Brenner and Pavel Rahmani on a ceasefire in Kelbrin.',
        'Estorian and Veldish officials will organize a meeting between presidents Aldo Brenner and Pavel Rahmani after envoy Mark Tully relays the response to a ceasefire in Kelbrin, Varnholm said Friday.',
      ),
    ).toBe(true);
  });

  it('finds a speaker named in the other sentence as well by the initials of its words', () => {
    const pairs: Array<[string, string]> = [
      [
        'Estoria said on Friday it is preparing for direct talks between presidents Aldo Brenner and Pavel Rahmani on a ceasefire in Kelbrin.',
        'Estorian and Veldish officials will organize a meeting between presidents Aldo Brenner and Pavel Rahmani after envoy Mark Tully relays the response to a ceasefire in Kelbrin, Varnholm said Friday.',
      ],
      [
        'Envoy Mark Tully met president Pavel Rahmani in Varnholm late on Thursday, officials said.',
        'Tulley met president Pavel Rahmani in Varnholm late on Thursday, the Estorian ministry said.',
      ],
      [
        'The port authority said 53 trucks were stranded in Eskdale on Thursday.',
        'The customs office said 53 trucks were stranded in Eskdale on Thursday.',
      ],
    ];
    const withInitials = (text: string): Comparable => {
      const plain = sentence(text);
      return { ...plain, initials: initialsOf(plain.words, vocabulary) };
    };
    // As a comparing thread's views: made when first needed, and kept.
    const later = (text: string): Comparable => ({ ...sentence(text), initials: 0 });
    for (const [a, b] of pairs) {
      const plain = sameStatement(sentence(a), sentence(b), vocabulary);
      expect(sameStatement(withInitials(a), withInitials(b), vocabulary)).toBe(plain);
      expect(sameStatement(withInitials(b), withInitials(a), vocabulary)).toBe(plain);
      const [viewA, viewB] = [later(a), later(b)];
      expect(sameStatement(viewA, viewB, vocabulary)).toBe(plain);
      expect(sameStatement(viewB, viewA, vocabulary)).toBe(plain);
    }
    const [first, second] = [later(pairs[0]![0]), later(pairs[0]![1])];
    expect(sameStatement(first, second, vocabulary)).toBeGreaterThan(0);
    expect(second.initials).toBe(initialsOf(second.words, vocabulary));
  });

  it('joins one person’s words retold without a word in common but the object', () => {
    expect(
      same(
        '“There is still much to be done, but the president has nevertheless identified with President Brenner’s position,” Mr Tully said.',
        '“Nevertheless, the president agrees with Brenner’s position,” Tully said.',
      ),
    ).toBe(true);
    expect(
      same(
        '“There is still much to be done, but the president has nevertheless identified with President Brenner’s position,” Mr Tully said.',
        '“Nevertheless, the president agrees with Brenner’s position,” Rahmani said.',
      ),
    ).toBe(false);
  });

  it('keeps apart one speaker’s remarks on other things, however long the speaker’s name', () => {
    // The name runs on across its particles, and what describes the speaker before the title
    // ("Veldish Prime Minister") is no more a likeness than the name.
    expect(
      same(
        'Veldish Prime Minister Omar bin Khalid Al Rashed said: “We have done everything we were asked to do, and that is what we told them.”',
        'Veldish Prime Minister Omar bin Khalid Al Rashed said late on Thursday that the Red Crescent is preparing for humanitarian corridors in Kelbrin.',
      ),
    ).toBe(false);
    expect(
      same(
        'Northern Council President Ilse von der Brink said: "We will not be silenced, and that is what we told them."',
        'Northern Council President Ilse von der Brink said: "This is a very important moment for the world, so the next steps matter."',
      ),
    ).toBe(false);
  });

  it('keeps apart one frame told of other people or places', () => {
    const arrived =
      'Mr Brenner, who arrived at 9:45 a.m. local time, met officials from the U.S. and the U.K. in Kelbrin.';
    expect(
      same(
        arrived,
        'Mr. Rahmani, who arrived at 7:00 a.m. local time, met officials from the U.S. and the U.K. in Kelbrin.',
      ),
    ).toBe(false);
    expect(
      same(
        arrived,
        'Mr. Brenner, who arrived at 7:30 a.m. local time, met officials from the U.S. and the U.K. in Eskdale.',
      ),
    ).toBe(false);
    // One speaker, one frame, two institutions: a name of common words counts as a name.
    expect(
      same(
        'Brenner confirmed on Thursday that the White House expects progress on the peace plan next week.',
        'Mr. Brenner confirmed on Thursday that Nordbank expects progress on the peace plan before the talks in Kelbrin.',
      ),
    ).toBe(false);
    // The same frame with another time of arrival is the same event, another figure.
    expect(
      same(
        arrived,
        'Mr. Brenner, who arrived at 9:15 a.m. local time, met officials from the U.S. and the U.K. in Kelbrin.',
      ),
    ).toBe(true);
  });

  it('keeps apart two sentences that share a name and little else, not one meeting told twice', () => {
    // One product or place named in both is what they are about, not what they say.
    expect(
      same(
        'Is the Zephyr X5 worth the wait?',
        "We travelled to Korvik's offices in Oslo to try the Zephyr X5 for ourselves.",
      ),
    ).toBe(false);
    expect(
      same(
        'Got an Orvella Echo speaker at home?',
        'In Europe, there will be built-in Orvella Echo support, too.',
      ),
    ).toBe(false);
    // A name describing the speaker is a name too, not a word said in common.
    expect(
      same(
        'On Friday, Nordbank spokesman Arvid Lunde said the Kelbrin summit would go ahead.',
        'The Kelbrin summit is what Nordbank rejected.',
      ),
    ).toBe(false);
    // Who met whom where: three names in common and a verb tell one event…
    expect(
      same(
        'Envoy Lena Brandt met Mr Halvorsen in Tromso late on Thursday and will report to the council.',
        'Brandt met with Halvorsen late Thursday and left Tromso early on Friday.',
      ),
    ).toBe(true);
    // …and without the verb they may have done anything.
    expect(
      same(
        'Lena Brandt praised Arvid Halvorsen in Tromso.',
        'Lena Brandt criticised Arvid Halvorsen in Tromso.',
      ),
    ).toBe(false);
    // One speaker's two remarks about one product, reworded: two remarks.
    expect(
      same(
        'Halvorsen said the Zephyr X5 launch in Tromso was a total embarrassment.',
        'Halvorsen said the Zephyr X5 will be sold in Tromso from spring onwards.',
      ),
    ).toBe(false);
  });

  it('takes a copy of names alone, or of one amount, for a copy', () => {
    expect(
      same(
        'Lena Brandt, Arvid Halvorsen and Ole Tromso.',
        'Lena Brandt, Arvid Halvorsen, Ole Tromso.',
      ),
    ).toBe(true);
    expect(
      same('Some 120 Nordbank staff left Tromso.', 'Some 120 Nordbank staff members quit Tromso.'),
    ).toBe(true);
  });

  it('weighs what describes a speaker against a sentence that names nobody', () => {
    expect(
      same(
        'Brenner has issued warnings to both Estoria and Veldia, threatening sanctions unless they actively engage in his peace initiatives.',
        'Also on Thursday, Nordic Treasury Secretary Ivo Castell said Brenner was “willing to put maximum pressure on both sides,” including sanctions against Estoria.',
      ),
    ).toBe(false);
  });

  it('takes what describes a speaker for no mention of them, nor for another speaker', () => {
    // "Veldish" describes Brenner; Rahmani's sentence with the word "Veldish" does not name him.
    expect(
      same(
        'Veldish President Aldo Brenner said the ceasefire talks in Kelbrin would resume on Monday.',
        'Rahmani said the Veldish ceasefire talks in Kelbrin would resume on Monday.',
      ),
    ).toBe(false);
    const names = (a: string, b: string) =>
      differences([
        { text: a, date: null },
        { text: b, date: null },
      ]).find((difference) => difference.kind === 'name');
    expect(
      names(
        'Veldish President Aldo Brenner said the ceasefire talks in Kelbrin would resume on Monday.',
        'Veldish Foreign Minister Pavel Rahmani said the ceasefire talks in Kelbrin would resume on Monday.',
      )?.values.map((value) => value.member),
    ).toEqual([0, 1]);
  });

  it('weighs a description of the speaker the other sentence also names as shared words', () => {
    expect(
      same(
        'Zarvenian Kolbrek Council President Ilse von der Brink said steel tariffs would rise.',
        'Steel tariffs would rise, a Zarvenian Kolbrek Council paper shows on its website.',
      ),
    ).toBe(true);
  });

  it('keeps apart two countries or bodies abbreviated, and joins one spelled two ways', () => {
    // "U." and "S." weighed nothing: these were copies of each other.
    expect(
      same(
        'The U.S. imposed new duties on imported Zarvenian steel and aluminium on Tuesday.',
        'The U.K. imposed new duties on imported Zarvenian steel and aluminium on Tuesday.',
      ),
    ).toBe(false);
    expect(
      same(
        'NATO warned that the drills near the Kolbrek border would continue through the winter.',
        'The EU warned that the drills near the Kolbrek border would continue through the winter.',
      ),
    ).toBe(false);
    expect(
      same(
        'The U.S. imposed new duties on imported Zarvenian steel and aluminium on Tuesday.',
        'The US imposed new duties on imported Zarvenian steel and aluminium on Tuesday.',
      ),
    ).toBe(true);
    expect(
      same(
        'NATO warned that the drills near the Kolbrek border would continue through the winter.',
        'Nato warned that the drills near the Kolbrek border would continue through the winter.',
      ),
    ).toBe(true);
    // Named on one side alone, an abbreviation is no other actor.
    expect(
      same(
        'Envoy Pavel Rahmani brought additional messages for U.S. President Ilse Brink after the talks.',
        'Envoy Pavel Rahmani brought additional messages for President Ilse Brink after the talks.',
      ),
    ).toBe(true);
  });

  it('reads a reporting word in a name as part of it, not as a verb whose speaker is the names before', () => {
    // Read as a verb, "State" made "Vermont" the speaker of the first two, which then agreed
    // with "The Vermont Herald reported": one name's first words are not the name.
    const office = 'Halvorsen Freight is being investigated by the Vermont State Attorney General.';
    const lowercase =
      'The Vermont state attorney general is investigating Halvorsen Freight after the layoffs.';
    const paper =
      'The Vermont Herald reported on Monday that Halvorsen Freight plans to cut 900 jobs.';
    expect(sentenceFeatures(office, vocabulary).speakers).toEqual([]);
    expect(sentenceFeatures(lowercase, vocabulary).speakers).toEqual([]);
    expect(same(office, paper)).toBe(false);
    expect(same(paper, lowercase)).toBe(false);
    expect(same(office, lowercase)).toBe(true);
    expect(
      sentenceFeatures('The study appeared in the journal Harbor Clinical Reports.', vocabulary)
        .speakers,
    ).toEqual([]);
    // In a line of capitals or capitalised words every word is written as a name: a verb stays one.
    expect(sentenceFeatures('KREMLIN SAYS TALKS WILL GO ON.', vocabulary).speakers).not.toEqual([]);
    expect(
      sentenceFeatures('Putin Says Talks With Kyiv Will Go On.', vocabulary).speakers,
    ).not.toEqual([]);
    // "state that" after a name is the verb.
    expect(
      sentenceFeatures('Russia and China state that the talks will go on.', vocabulary).speakers,
    ).not.toEqual([]);
    // A speaker still "states".
    expect(
      sentenceFeatures('Halvorsen states that the cuts are final.', vocabulary).speakers,
    ).not.toEqual([]);
  });

  it('takes an abbreviation for the speaker only beside the verb, and as its spelling out', () => {
    // Beside the verb, it speaks: and "the WHO" is "the World Health Organization".
    expect(
      same(
        'The drills near the Kolbrek border would continue through the winter, the WHO said on Friday.',
        'The drills near the Kolbrek border would continue through the winter, the World Health Organization said on Friday.',
      ),
    ).toBe(true);
    expect(
      same(
        'The ceasefire near Kolbrek held through the night, the E.U. said, adding that convoys had reached the border.',
        'The ceasefire near Kolbrek held through the night, the European Union said, adding that convoys had reached the border.',
      ),
    ).toBe(true);
    // Further off it says whose the officials are, as "American" does: no other speaker.
    expect(
      same(
        'Zarvenian radar sites near Kolbrek were hit overnight, U.S. officials said on Friday.',
        'Zarvenian radar sites near Kolbrek were hit overnight, the Pentagon said on Friday.',
      ),
    ).toBe(true);
    // The long form of one abbreviation is the same.
    expect(
      same(
        'The USA imposed new duties on imported Zarvenian steel and aluminium on Tuesday.',
        'The U.S. imposed new duties on imported Zarvenian steel and aluminium on Tuesday.',
      ),
    ).toBe(true);
    // Two copies told as "NATO said" and "Nato said" differ in no speaker.
    expect(
      differences([
        {
          text: 'The drills near Kolbrek would continue through the winter, NATO said.',
          date: null,
        },
        {
          text: 'The drills near Kolbrek would continue through the winter, Nato said.',
          date: null,
        },
      ]).filter((difference) => difference.kind === 'name'),
    ).toEqual([]);
  });

  it('reads words in capitals as words in a sentence all in capitals', () => {
    const shouted = sentenceFeatures('THE MINISTER SAID IT WAS OVER FOR US.', vocabulary);
    const written = sentenceFeatures('The minister said it was over for us.', vocabulary);
    expect(shouted.words).toEqual(written.words);
    // "U.S.A." is one word, and the same as "US".
    expect(sentenceFeatures('The U.S.A. and the US.', vocabulary).words).toHaveLength(1);
    expect(sentenceFeatures('The U.S.A. and the UK.', vocabulary).words).toHaveLength(2);
  });
});

describe('what real pages were misread by (engine 8)', () => {
  it('reads an abbreviation opening a sentence as a name, as it reads it inside one', () => {
    const opening = sentenceFeatures('ESA will pay for the new Hera probe.', vocabulary);
    const inside = sentenceFeatures(
      'Officials said ESA will pay for the new Hera probe.',
      vocabulary,
    );
    const named = (words: number[]) =>
      words.filter((id) => id & NAME_BIT).map((id) => vocabulary.word(id));
    expect(named(opening.words)).toEqual(named(inside.words));
    expect(named(opening.words)).toContain('ESA');
    // So two things said of one probe by one agency share names only, and stay apart.
    expect(
      same(
        'ESA will pay for the new Hera probe, officials said.',
        "ESA also praised the Hera probe's camera.",
      ),
    ).toBe(false);
  });

  it('reads a company’s legal form as no name of its own', () => {
    expect(
      same(
        'Brightwater Corp. and Halden Inc. will build the new ferry terminal in Tromso, the port authority said.',
        'The port authority said Brightwater Corporation and Halden Ltd. will build the new ferry terminal in Tromso.',
      ),
    ).toBe(true);
  });

  it('does not take two words in common, one thing named, for a rewording', () => {
    expect(
      same(
        'They showed steam tractor designs of all sizes.',
        'We are building our Red Valley steam tractor, which is a big one.',
      ),
    ).toBe(false);
    // Three, a subject and what is said of it, still make one.
    expect(
      same(
        'The harbour board approved the new steam tractor depot in Karsava.',
        'A new depot for steam tractors in Karsava was approved by the board.',
      ),
    ).toBe(true);
  });

  it('reads a figure joined to a word by a hyphen as part of a name, not an amount stated', () => {
    const sized = sentenceFeatures('Welcome to the new 14-inch Zephyr Book.', vocabulary);
    const counted = sentenceFeatures('Shops sold 14 Zephyr Books.', vocabulary);
    expect(sized.figures & AMOUNT).toBe(0);
    expect(counted.figures & AMOUNT).toBe(AMOUNT);
    // The figure is still compared and shown: another size is another figure.
    expect(sized.figures).not.toBe(
      sentenceFeatures('Welcome to the new 16-inch Zephyr Book.', vocabulary).figures,
    );
    expect(
      same(
        'The same seems true of the 14-inch Zephyr Book.',
        'Welcome to the new 14-inch Zephyr Book.',
      ),
    ).toBe(false);
  });

  it('reads a straight quotation mark closing a quotation opened before, not opening one', () => {
    const closing = sentenceFeatures(
      'But the river will not flood this year," said Lucas Halden, a geologist at the survey.',
      vocabulary,
    );
    const quoted = closing.quotedWords.map((id) => vocabulary.word(id));
    expect(quoted).toContain('river');
    expect(quoted).not.toContain('geologist');
  });

  it('takes the speaker before a description, not the names that end it', () => {
    const speakerOf = (text: string) =>
      sentenceFeatures(text, vocabulary)
        .speakers.map((id) => vocabulary.word(id))
        .sort();
    expect(
      speakerOf(
        'Lucas Halden, a geologist at the survey in Tromso, Norway, said the river would not flood.',
      ),
    ).toEqual(['halden', 'lucas']);
    expect(speakerOf('Halden, the survey’s head, said the river would not flood.')).toEqual([
      'halden',
    ]);
    expect(speakerOf('Ingrid Moen, Halden’s deputy, said the river would not flood.')).toEqual([
      'ingrid',
      'moen',
    ]);
    // Two people described alike are two speakers, not one place.
    expect(
      same(
        'Lucas Halden, a geologist at the survey in Tromso, Norway, said the river would not flood this spring.',
        'Ingrid Moen, a hydrologist at the institute in Bergen, Norway, said the river would not flood this spring.',
      ),
    ).toBe(false);
  });
});

describe('what real pages were misread by (engine 9)', () => {
  it('leaves out what a hyphened figure measures before a name, as part of naming one model', () => {
    const words = (text: string) =>
      sentenceFeatures(text, vocabulary).words.map((id) => vocabulary.word(id));
    expect(words('Welcome to the new 14-inch Zephyr Book.')).not.toContain('inch');
    // Before a common noun it is said of the thing: "a 14-inch screen" keeps it.
    expect(words('The Zephyr Book has a 14-inch screen.')).toContain('inch');
    // Two remarks on one model share its name and no more.
    expect(
      same(
        'The new 14-inch Zephyr Book is a lot like the old 13-inch Zephyr Book, save for a few throwback features.',
        'In our eyes, there are more important aspects to the 14-inch Zephyr Book redesign than the screen.',
      ),
    ).toBe(false);
    expect(
      same(
        'My 13-inch Zephyr Book has a Glow Strip, which I hate.',
        'The keyboard on the 14-inch Zephyr Book has a Glow Strip above a physical escape key.',
      ),
    ).toBe(false);
  });

  it('does not let two speakers borrowed from the sentences around part one quotation copied whole', () => {
    const quote =
      '“We are largely on track with the harbour works and have seen good results, but some savings expected for this year will take longer than we first assumed.”';
    const borrowing = (speakerSentence: string, borrowed = true): Comparable => ({
      ...sentence(quote),
      speakers: sentenceFeatures(speakerSentence, vocabulary).speakers,
      borrowed,
    });
    // One outlet names the chief in the sentence before, another the company.
    const chief = borrowing('Brightwater chief Halvard Ostby said sales had fallen.');
    const company = borrowing('The results were weaker than expected, Brightwater said.');
    expect(sameStatement(chief, company, vocabulary)).toBeGreaterThan(0);
    expect(sameStatement(company, chief, vocabulary)).toBeGreaterThan(0);
    // Named in the sentence itself, on either side, another speaker is another statement.
    expect(sameStatement({ ...chief, borrowed: false }, company, vocabulary)).toBe(0);
    expect(sameStatement(chief, { ...company, borrowed: false }, vocabulary)).toBe(0);
    // And under a borrowed speaker, a quotation reworded is no copy.
    const reworded: Comparable = {
      ...sentence(
        '“We are mostly on track with the harbour works and the results are good, though this year’s savings will come later than planned.”',
      ),
      speakers: company.speakers,
      borrowed: true,
    };
    expect(sameStatement(chief, reworded, vocabulary)).toBe(0);
  });
});
