/**
 * The five seed articles labelled by hand, every sentence, following the guidelines in
 * docs/readme/suggest.md. Sentences are found by a distinctive piece of their text, not by id or
 * position, so the gold survives changes to the cleaner and the splitter. A speaker or claimant
 * given as a list accepts any of its spellings; `null` says the article names no one the reader
 * could point to, so the right suggestion is none.
 */
import type { GoldArticle } from '../../bench/evaluate/gold.js';

export const SEED_GOLD: readonly GoldArticle[] = [
  {
    article: '000_4b207f45d15cbf96',
    sentences: [
      {
        text: 'Russia said on Friday it is preparing for direct talks',
        labels: ['claim'],
        claimant: 'Russia',
      },
      {
        text: 'US envoy Steve Witkoff met Mr Putin in Moscow late on Thursday',
        labels: ['claim', 'event'],
        claimant: 'the Kremlin',
        when: 'late on Thursday',
        where: 'Moscow',
      },
      {
        text: 'we will determine the timing of a conversation” between the two',
        labels: ['quote'],
        speaker: 'Dmitry Peskov',
      },
      {
        text: '“There are reasons to be cautiously optimistic.”',
        labels: ['quote'],
        speaker: 'Dmitry Peskov',
      },
      {
        text: 'He confirmed Mr Witkoff was given an audience',
        labels: ['claim', 'event'],
        claimant: 'Dmitry Peskov',
      },
      { text: 'position on a ceasefire is that Russia is open to talks', labels: ['claim'] },
      {
        text: 'Mr Putin also insisted on Thursday that any ceasefire',
        labels: ['quote'],
        speaker: 'Vladimir Putin',
      },
      {
        text: 'Russia justified its 2022 invasion of Ukraine',
        labels: ['claim', 'event'],
        claimant: 'Russia',
        when: '2022',
        where: 'Ukraine',
      },
      { text: 'Western powers said this was a cover story', labels: [] },
      {
        text: 'Confusion had surrounded Thursday',
        labels: ['quote', 'claim', 'event'],
        speaker: 'Yury Ushakov',
        claimant: 'Yury Ushakov',
        when: 'Thursday',
        where: 'Moscow',
      },
      { text: 'confirmation that the meeting took place keeps the high-wire', labels: [] },
      {
        text: 'There is still much to be done, but the President has nevertheless identified',
        labels: ['quote', 'claim'],
        speaker: 'Dmitry Peskov',
        claimant: 'Dmitry Peskov',
      },
      {
        text: 'He said there was an “understanding on all sides”',
        labels: ['quote', 'claim'],
        speaker: 'Dmitry Peskov',
        claimant: 'Dmitry Peskov',
      },
      {
        text: 'The US has urged Russia to accept the 30-day ceasefire proposal',
        labels: ['event'],
        when: 'Tuesday',
        where: 'Saudi Arabia',
      },
      {
        text: 'Diplomats have scrambled to get the US and Ukraine',
        labels: ['event'],
        when: 'last month',
      },
      {
        text: "Mr Trump said Russia's statements on a ceasefire were",
        labels: ['quote'],
        speaker: 'Donald Trump',
      },
      { text: "We're going to see if Russia is there", labels: ['quote'], speaker: 'Donald Trump' },
      { text: 'Ukraine and its European allies have warned repeatedly', labels: ['claim'] },
      {
        text: "Moscow's mayor reported drone attacks overnight",
        labels: ['claim', 'event'],
        claimant: [null, "Moscow's mayor"],
        when: 'overnight',
        where: 'Moscow',
      },
      {
        text: 'said 28 Ukrainian drones were intercepted across six regions',
        labels: ['claim', 'event'],
        claimant: ['Russia’s Defence Ministry', "Russia's Defence Ministry"],
        where: 'six regions',
      },
      {
        text: 'Ukraine has not commented on the Moscow attack',
        labels: ['event'],
        where: 'Moscow',
      },
      { text: 'said a ceasefire would be a “first step”', labels: ['quote'], speaker: 'Britain' },
      {
        text: 'Foreign Secretary David Lammy told British media',
        labels: ['quote'],
        speaker: 'David Lammy',
      },
    ],
  },
  {
    article: '001_d7fb493d5d978b6e',
    sentences: [
      { text: 'Russian and U.S. officials will organize a meeting', labels: [] },
      {
        text: 'Witkoff met with Putin late Thursday',
        labels: ['event'],
        when: 'late Thursday',
        where: 'Moscow',
      },
      { text: 'Mike Waltz told Fox News that he had', labels: ['quote'], speaker: 'Mike Waltz' },
      { text: 'Dmitry Peskov told reporters', labels: ['quote'], speaker: 'Dmitry Peskov' },
      {
        text: '“There are reasons to be cautiously optimistic.”',
        labels: ['quote'],
        speaker: 'Dmitry Peskov',
      },
      {
        text: 'Both sides understand that this conversation is necessary',
        labels: ['quote', 'claim'],
        speaker: 'Dmitry Peskov',
        claimant: 'Dmitry Peskov',
      },
      {
        text: 'Putin gave his first public remarks on the U.S. ceasefire proposal',
        labels: ['quote', 'claim', 'event'],
        speaker: 'Vladimir Putin',
        claimant: 'Vladimir Putin',
        when: 'Thursday',
      },
      { text: 'He said he would discuss these concerns in a phone call', labels: [] },
      {
        text: 'Putin raised concerns that Ukraine might use a pause',
        labels: ['claim'],
        claimant: 'Vladimir Putin',
      },
      { text: 'He also questioned how the ceasefire would be monitored', labels: [] },
      {
        text: 'Trump called Putin’s response “promising but incomplete,”',
        labels: ['quote'],
        speaker: ['Donald Trump', 'Dmitry Peskov'],
      },
      {
        text: '“Nevertheless, the president agrees with Trump’s position,” Peskov said.',
        labels: ['quote', 'claim'],
        speaker: 'Dmitry Peskov',
        claimant: 'Dmitry Peskov',
      },
    ],
  },
  {
    article: '002_95852239c1d84bad',
    sentences: [
      {
        text: 'Russian President Vladimir Putin held a meeting with the United States envoy',
        labels: ['event'],
      },
      {
        text: 'The Russian leader urged Witkoff to relay',
        labels: ['claim'],
        claimant: 'Dmitry Peskov',
      },
      {
        text: 'During the meeting on Thursday night, Putin provided Witkoff',
        labels: ['event'],
        when: 'Thursday night',
      },
      {
        text: 'While expressing general support for the truce, Putin highlighted',
        labels: ['claim'],
      },
      { text: 'This development follows a news conference', labels: ['event'] },
      {
        text: 'President Trump characterized the discussions with Putin',
        labels: ['quote'],
        speaker: 'Donald Trump',
      },
      {
        text: 'On his Truth Social site, Trump indicated optimism',
        labels: ['quote', 'claim'],
        speaker: 'Donald Trump',
        claimant: 'Donald Trump',
      },
      { text: 'has already accepted the ceasefire proposal', labels: ['claim'] },
      {
        text: 'Russia’s military is gaining ground, supported by North Korean allies',
        labels: ['claim'],
      },
      {
        text: 'A potential telephone conversation between Putin and Trump might be organized',
        labels: [],
      },
      {
        text: '“Both parties believe such a call is essential,” noted Peskov.',
        labels: ['quote', 'claim'],
        speaker: 'Dmitry Peskov',
        claimant: 'Dmitry Peskov',
      },
      {
        text: 'Dmitry Peskov expressed a modicum of optimism',
        labels: ['quote'],
        speaker: 'Dmitry Peskov',
      },
      {
        text: 'Significant work remains, yet the president has aligned himself',
        labels: ['quote', 'claim'],
        speaker: 'Dmitry Peskov',
        claimant: 'Dmitry Peskov',
      },
      { text: 'U.S. officials have prepared to address the technicalities', labels: [] },
      { text: 'Given the breadth of topics and the stark discrepancies', labels: [] },
      {
        text: 'Throughout his campaign, Trump pledged to resolve the conflict within 24 hours',
        labels: ['claim'],
      },
      {
        text: 'seemingly friendly approach towards the White House underscores',
        labels: ['event'],
        when: 'January',
      },
      { text: 'This marks a shift from Former President Joe Biden', labels: [] },
      { text: 'Trump has issued warnings to both Russia and Ukraine', labels: [] },
      {
        text: 'Furthermore, Trump momentarily halted critical military support',
        labels: ['event'],
      },
      {
        text: 'Zelenskyy was involved in a tense discussion at the White House on February 28',
        labels: ['event'],
        when: 'February 28',
        where: 'the White House',
      },
      { text: 'Trump has also contemplated intensifying sanctions on Russia', labels: [] },
      {
        text: 'his administration has shown a tendency to adopt Kremlin perspectives',
        labels: ['claim'],
      },
      {
        text: 'Russian air defenses intercepted four Ukrainian drones targeting Moscow',
        labels: ['claim', 'event'],
        claimant: 'Sergei Sobyanin',
        when: 'early on Friday',
        where: 'Moscow',
      },
      {
        text: 'One drone inflicted damage on the roof of a residential building',
        labels: ['claim', 'event'],
        where: 'close to the Kremlin',
      },
    ],
  },
  {
    article: '003_0a02ae9bd8ded74f',
    sentences: [
      {
        text: 'The Kremlin has stated that Russian leader Vladimir Putin and US envoy Steve Witkoff',
        labels: ['quote', 'claim'],
        speaker: 'the Kremlin',
        claimant: 'the Kremlin',
      },
      { text: 'Source: Yuri Ushakov', labels: [] },
      {
        text: 'Ushakov said that the three-hour',
        labels: ['quote', 'claim'],
        speaker: 'Yuri Ushakov',
        claimant: 'Yuri Ushakov',
      },
      {
        text: 'As for the Ukrainian crisis specifically',
        labels: ['quote', 'claim'],
        speaker: 'Yuri Ushakov',
        claimant: 'Yuri Ushakov',
      },
      { text: 'Background:', labels: [] },
      {
        text: 'This is Witkoff’s fourth visit to Moscow',
        labels: ['claim', 'event'],
        where: 'Moscow',
      },
      {
        text: 'Russian Foreign Minister Sergei Lavrov stated on 24 April',
        labels: ['quote', 'claim'],
        speaker: 'Sergei Lavrov',
        claimant: 'Sergei Lavrov',
      },
      { text: 'Former UK Prime Minister Boris Johnson strongly criticised', labels: ['claim'] },
    ],
  },
  {
    article: '004_acb5286eff63b7e7',
    sentences: [
      {
        text: 'Steve Witkov arrived in Moscow',
        labels: ['event'],
        where: 'Moscow',
      },
      { text: 'Under this agreement, Ukraine agrees to a 30-day ceasefire', labels: ['claim'] },
      {
        text: 'The document did not mention sanctions',
        labels: ['quote', 'claim'],
        speaker: [null, 'the document'],
      },
      {
        text: 'On Friday, a Russian spokesman explained to journalists',
        labels: ['quote', 'claim'],
        speaker: [null, 'a Russian spokesman'],
        claimant: [null, 'a Russian spokesman'],
      },
      {
        text: 'Putin expressed his “absolute support”',
        labels: ['quote', 'claim'],
        speaker: ['Putin', 'Vladimir Putin'],
        claimant: ['Putin', 'Vladimir Putin'],
      },
      { text: 'The Russian president proposed that the dialogue could include', labels: [] },
      {
        text: '“There are issues that need to be discussed.',
        labels: ['quote'],
        speaker: ['Putin', 'Vladimir Putin'],
      },
      {
        text: 'I think we need to talk about them with our American colleagues',
        labels: ['quote'],
        speaker: ['Putin', 'Vladimir Putin'],
      },
      {
        text: 'We’ll probably call to talk to President Trump,” Putin said.',
        labels: ['quote'],
        speaker: ['Putin', 'Vladimir Putin'],
      },
      {
        text: 'Putin emphasized that Moscow is not interested in short-term solutions',
        labels: ['claim'],
        claimant: ['Putin', 'Vladimir Putin'],
      },
      {
        text: 'The Russian president cited the need for a system',
        labels: ['quote'],
        speaker: ['Putin', 'Vladimir Putin'],
      },
      {
        text: '“I believe this suspension will lead to long-term peace',
        labels: ['quote'],
        speaker: ['Putin', 'Vladimir Putin'],
      },
      {
        text: '“Who issuing an order to stop hostilities?',
        labels: ['quote'],
        speaker: ['Putin', 'Vladimir Putin'],
      },
      {
        text: 'Who decides where you breach a possible ceasefire agreement',
        labels: ['quote'],
        speaker: ['Putin', 'Vladimir Putin'],
      },
      { text: 'Furthermore, he proposed the fact that a 30-day ceasefire', labels: [] },
      {
        text: '“The Russian army is moving forward in almost every region',
        labels: ['quote', 'claim'],
        speaker: ['Putin', 'Vladimir Putin'],
        claimant: ['Putin', 'Vladimir Putin'],
      },
      {
        text: 'And how will these 30 days be used?',
        labels: ['quote'],
        speaker: ['Putin', 'Vladimir Putin'],
      },
      {
        text: 'To ensure that newly mobilized units are trained',
        labels: ['quote'],
        speaker: ['Putin', 'Vladimir Putin'],
      },
      {
        text: 'How and how can we ensure that such a thing does not happen?',
        labels: ['quote'],
        speaker: ['Putin', 'Vladimir Putin'],
      },
      {
        text: 'How will control be organized?” he asked.',
        labels: ['quote'],
        speaker: ['Putin', 'Vladimir Putin'],
      },
      {
        text: 'Witkov traveled to Russia last month',
        labels: ['event'],
        when: 'last month',
        where: 'Russia',
      },
      {
        text: 'President Donald Trump said Putin was “a very promising statement',
        labels: ['quote'],
        speaker: 'Donald Trump',
      },
      {
        text: 'Scott Bescent said Trump was “willing to put maximum pressure',
        labels: ['quote', 'claim'],
        speaker: 'Scott Bescent',
        claimant: 'Scott Bescent',
      },
      {
        text: 'the US and its allies have imposed at least 21,692 sanctions',
        labels: ['claim', 'event'],
        when: 'February 2022',
      },
    ],
  },
];
