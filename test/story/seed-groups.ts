/**
 * The same statements and events across the five seed articles, read by hand: each group lists
 * distinctive substrings of its sentences (not sentence ids, which change with the cleaner and
 * the splitter). `missed` lists the members the engine does not join yet — rewordings and
 * translations that share few words — so the test records them and turns red when they start
 * to be found. `related` are sentences that may join the group without being wrong.
 */
export interface GoldGroup {
  name: string;
  /** Each substring names one sentence or, where outlets copied it, several. */
  members: string[];
  missed?: string[];
  related?: string[];
}

export const SEED_GROUPS: GoldGroup[] = [
  {
    name: 'Peskov: reasons to be cautiously optimistic',
    members: ['There are reasons to be cautiously optimistic', 'some room for cautious hope'],
  },
  {
    name: 'Peskov: when Witkoff brings the information to Trump',
    members: [
      'When Mr Witkoff brings all the information to President Trump',
      'When Mr. Witkoff presents all the information to President Trump',
    ],
    related: ['A potential telephone conversation between Putin and Trump might be organized'],
  },
  {
    name: 'Peskov: the president identifies with Trump’s position',
    members: [
      "identified with President Trump's position",
      'the president agrees with Trump’s position',
      // "align with" is one kind of "agree with" (WordNet's hypernym), "stance" a "position".
      'aligned himself with President Trump’s stance',
    ],
  },
  {
    name: 'Trump: the statement is promising but incomplete',
    members: [
      'statements on a ceasefire were “promising” but not complete',
      'Trump called Putin’s response “promising but incomplete,”',
      'a very promising statement, but it wasn’t perfect',
    ],
  },
  {
    name: 'the overnight drone attack on Moscow',
    members: [
      '28 Ukrainian drones were intercepted across six regions',
      'intercepted four Ukrainian drones targeting Moscow',
    ],
    related: ["Moscow's mayor reported drone attacks overnight"],
  },
  {
    name: 'Putin gave Witkoff/Witkov further messages for Trump',
    members: [
      'Putin provided Witkoff with additional messages',
      'gave Witkov “information and additional signals',
    ],
  },
  {
    name: 'Witkoff met Putin in Moscow late on Thursday',
    members: [
      'US envoy Steve Witkoff met Mr Putin in Moscow late on Thursday',
      'Witkoff met with Putin late Thursday',
    ],
    related: ['Putin held a meeting with the United States envoy, Steve Witkoff'],
  },
  {
    // "Russia said" and "the Kremlin said": one voice under two names.
    name: 'the Kremlin prepares talks between Putin and Trump',
    members: [
      'preparing for direct talks between presidents Vladimir Putin and Donald Trump',
      'will organize a meeting between presidents Vladimir Putin and Donald Trump',
    ],
    related: [
      'A potential telephone conversation between Putin and Trump might be organized',
      'Putin held a meeting with the United States envoy, Steve Witkoff',
    ],
  },
  {
    name: 'Peskov: both sides understand a conversation is needed',
    members: [],
    missed: [
      'there was an “understanding on all sides”',
      'Both sides understand that this conversation is necessary',
      'Both parties believe such a call is essential',
    ],
  },
  {
    name: 'Putin: address the initial reasons (original cause) of the crisis',
    members: [],
    missed: [
      'address the “initial reasons” for the crisis',
      'eliminate the original cause of this crisis',
    ],
  },
  {
    name: 'the row between Trump and Zelenskyy at the White House',
    members: [
      "Mr Trump's public row with Ukrainian President Volodymyr Zelenskyy",
      'involved in a tense discussion at the White House on February 28',
    ],
  },
  {
    name: 'Putin will discuss his concerns with Trump by phone',
    members: [],
    missed: [
      'He said he would discuss these concerns in a phone call with Trump',
      'We’ll probably call to talk to President Trump',
    ],
  },
  {
    name: 'Putin: how to monitor a ceasefire along thousands of kilometres',
    members: [],
    missed: [
      'monitored along a front line spanning thousands of kilometers',
      'breach a possible ceasefire agreement over 2,000 kilometers',
    ],
  },
];

/** Pairs that report different things although they look alike: never in one group. */
export const SEED_NEGATIVES: Array<[string, string, string]> = [
  [
    'Waltz’s “cautious optimism” is not Peskov’s remark',
    'he had “cautious optimism” after speaking with Witkoff',
    'There are reasons to be cautiously optimistic',
  ],
  [
    'the April meeting is not the March one',
    'during their meeting, "brought positions closer"',
    'US envoy Steve Witkoff met Mr Putin in Moscow late on Thursday',
  ],
  [
    'two different remarks by Ushakov',
    "said Russia's chosen mediator “is not Steve Witkoff”",
    'Source: Yuri Ushakov',
  ],
  [
    'Trump on the talks is not Putin on calling Trump',
    'characterized the discussions with Putin as “very good and productive.”',
    'We’ll probably call to talk to President Trump',
  ],
  [
    'Lavrov’s deal is not Witkoff’s visit',
    'Sergei Lavrov stated on 24 April',
    'This is Witkoff’s fourth visit to Moscow',
  ],
];
