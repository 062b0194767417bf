/**
 * The words the generated news is made of. Names carry the spelling variants real scraped
 * corpora mix (Witkoff/Witkov, Zelenskyy/Zelensky, Kyiv/Kiev) so that search and re-anchoring
 * meet them; each article picks one spelling per name, as one outlet would.
 */

export interface Person {
  first: string;
  /** Spelling variants of the family name, the most common first. */
  last: readonly string[];
  role: string;
  honorific: 'Mr' | 'Ms' | 'Dr' | 'Gen';
}

export interface Topic {
  name: string;
  people: readonly Person[];
  /** Place names; `a|b` marks transliteration variants. */
  places: readonly string[];
  organizations: readonly string[];
  /** Things that are discussed, agreed or rejected. */
  objects: readonly string[];
  /** What goes wrong: strikes, floods, outbreaks. */
  incidents: readonly string[];
  tags: readonly string[];
  background: readonly string[];
  /** Whether casualty and front-line sentences belong in this topic's news. */
  war: boolean;
}

const person = (
  first: string,
  last: string,
  role: string,
  honorific: Person['honorific'] = 'Mr',
): Person => ({ first, last: last.split('|'), role, honorific });

export const TOPICS: readonly Topic[] = [
  {
    name: 'ukraine',
    people: [
      person('Vladimir', 'Putin', 'Russian President'),
      person('Donald', 'Trump', 'U.S. President'),
      person('Steve', 'Witkoff|Witkov|Whitkoff', 'U.S. envoy'),
      person('Volodymyr', 'Zelenskyy|Zelensky|Zelenskiy', 'Ukrainian President'),
      person('Dmitry', 'Peskov|Peskow', 'Kremlin spokesman'),
      person('Yury', 'Ushakov|Ouchakov', 'Kremlin aide'),
      person('Sergei', 'Lavrov|Lawrow', 'Russian Foreign Minister'),
      person('Sergei', 'Sobyanin', 'Moscow mayor'),
      person('Scott', 'Bessent|Bescent', 'U.S. Treasury Secretary'),
      person('Marco', 'Rubio', 'U.S. Secretary of State'),
      person('Andrii', 'Sybiha|Sibiga', 'Ukrainian Foreign Minister'),
      person('Andriy', 'Yermak|Iermak', 'head of the presidential office'),
      person('Kaja', 'Kallas', 'EU foreign policy chief', 'Ms'),
      person('Valery', 'Gerasimov', 'chief of the general staff', 'Gen'),
    ],
    places: [
      'Kyiv|Kiev',
      'Moscow',
      'Kharkiv|Kharkov',
      'Odesa|Odessa',
      'Dnipro|Dnepr',
      'Zaporizhzhia|Zaporozhye',
      'Lviv|Lvov',
      'Kursk',
      'Riyadh',
      'Istanbul',
      'Washington',
      'Brussels',
      'St. Petersburg',
      'Pavlohrad',
    ],
    organizations: [
      'the Kremlin',
      'the White House',
      'NATO|Nato',
      'the U.N.|the UN',
      'the European Union',
      'the Pentagon',
      "Russia's Defence Ministry|Russia's Defense Ministry",
      "Ukraine's General Staff",
      'the State Department',
    ],
    objects: [
      'a 30-day ceasefire',
      'direct talks',
      'new sanctions',
      'military aid',
      'a prisoner exchange',
      'the peace plan',
      'security guarantees',
      'an energy truce',
      'a minerals deal',
      'intelligence sharing',
      'a Black Sea shipping deal',
      'the frozen assets',
    ],
    incidents: [
      'drone strike',
      'missile attack',
      'artillery barrage',
      'glide-bomb attack',
      'shelling',
    ],
    tags: ['Russo-Ukrainian war', 'Russia', 'USA', 'Ukraine', 'Diplomacy', 'Sanctions'],
    background: [
      'Russia launched its full-scale invasion of Ukraine in February 2022.',
      'Moscow justified the invasion by saying its NATO-backed neighbour threatened its security.',
      'Western powers have called the war an imperialist land grab.',
      'Russian forces occupy nearly a fifth of Ukraine’s territory.',
    ],
    war: true,
  },
  {
    name: 'economy',
    people: [
      person('Christine', 'Lagarde', 'European Central Bank President', 'Ms'),
      person('Jerome', 'Powell', 'Federal Reserve Chair'),
      person('Kristalina', 'Georgieva|Georgiewa', 'IMF Managing Director', 'Ms'),
      person('Rachel', 'Reeves', 'British finance minister', 'Ms'),
      person('Ngozi', 'Okonjo-Iweala', 'WTO Director-General', 'Dr'),
      person('Kazuo', 'Ueda', 'Bank of Japan Governor'),
      person('Abdulaziz', 'bin Salman', 'Saudi energy minister'),
    ],
    places: [
      'Frankfurt',
      'London',
      'Washington',
      'Tokyo',
      'Beijing|Peking',
      'Vienna',
      'Geneva',
      'New York',
    ],
    organizations: [
      'the Federal Reserve',
      'the European Central Bank',
      'the IMF',
      'the World Bank',
      'OPEC+',
      'the U.S. Labor Department',
      'Eurostat',
      'Goldman Sachs Group Inc.',
    ],
    objects: [
      'an interest-rate cut',
      'new tariffs',
      'a trade agreement',
      'the inflation target',
      'a bond-buying programme',
      'oil output cuts',
      'the budget rules',
      'a digital euro',
    ],
    incidents: ['market sell-off', 'bank run', 'supply shock', 'currency slide'],
    tags: ['Economy', 'Markets', 'Inflation', 'Trade', 'Central banks'],
    background: [
      'Inflation in the euro zone peaked at 10.6% in October 2022.',
      'The Fed raised rates 11 times between March 2022 and July 2023.',
      'Oil prices have swung widely since the start of the year.',
    ],
    war: false,
  },
  {
    name: 'middle-east',
    people: [
      person('Benjamin', 'Netanyahu', 'Israeli Prime Minister'),
      person('Recep Tayyip', 'Erdoğan|Erdogan', 'Turkish President'),
      person('Abdel Fattah', 'el-Sisi|al-Sisi|el-Sissi', 'Egyptian President'),
      person('Mohammed', 'bin Abdulrahman Al Thani', 'Qatari Prime Minister'),
      person('Ali', 'Khamenei|Khamene’i', 'Iran’s Supreme Leader'),
      person('Abbas', 'Araghchi|Araqchi', 'Iranian Foreign Minister'),
      person('Tedros', 'Adhanom Ghebreyesus', 'WHO Director-General', 'Dr'),
    ],
    places: [
      'Tehran|Teheran',
      'Doha',
      'Cairo',
      'Ankara',
      'Jerusalem',
      'Beirut',
      'Damascus',
      'Gaza',
    ],
    organizations: [
      'the U.N. Security Council|the UN Security Council',
      'the Arab League',
      'the International Atomic Energy Agency',
      'the World Health Organization',
      'the Red Crescent',
    ],
    objects: [
      'a hostage deal',
      'humanitarian corridors',
      'nuclear inspections',
      'a truce',
      'reconstruction funds',
      'aid deliveries',
    ],
    incidents: ['air strike', 'rocket attack', 'explosion', 'blockade'],
    tags: ['Middle East', 'Diplomacy', 'Humanitarian aid', 'Iran'],
    background: [
      'Mediators have tried for months to broker a lasting truce.',
      'Aid agencies say the humanitarian situation remains dire.',
    ],
    war: true,
  },
  {
    name: 'europe',
    people: [
      person('Emmanuel', 'Macron', 'French President'),
      person('Friedrich', 'Merz', 'German Chancellor'),
      person('Keir', 'Starmer', 'British Prime Minister'),
      person('Giorgia', 'Meloni', 'Italian Prime Minister', 'Ms'),
      person('Ursula', 'von der Leyen', 'European Commission President', 'Ms'),
      person('David', 'Lammy', 'Foreign Secretary'),
      person('Donald', 'Tusk', 'Polish Prime Minister'),
    ],
    places: ['Paris', 'Berlin', 'London', 'Rome', 'Brussels', 'Warsaw', 'Strasbourg', 'The Hague'],
    organizations: [
      'the European Commission',
      'the Bundestag',
      'Downing Street|No. 10',
      'the Élysée Palace|the Elysee Palace',
      'the European Parliament',
    ],
    objects: [
      'a defence fund',
      'the migration pact',
      'the coalition agreement',
      'a snap election',
      'the energy price cap',
      'a joint borrowing plan',
    ],
    incidents: ['cyberattack', 'strike by rail workers', 'power outage', 'farmers’ protest'],
    tags: ['Europe', 'Politics', 'EU', 'Elections'],
    background: [
      'European leaders have promised to spend more on defence.',
      'The bloc’s 27 members must agree unanimously on foreign policy.',
    ],
    war: false,
  },
];

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const MONTH_ABBREVIATIONS = [
  'Jan.',
  'Feb.',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
] as const;

export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export const REPORTERS = [
  'Oleh Pavliuk',
  'Yevhen Kizilov',
  'Anna Kovalenko',
  'James Whitfield',
  'Maria Gonzalez',
  'Sophie Laurent',
  'Tom Ellison',
  'Priya Raman',
  'Daniel O’Connor',
  'Lena Fischer',
  'Ahmed Hassan',
  'Kateryna Tyshchenko',
];

export const OUTLETS = [
  { name: 'The National', domain: 'thenationalnews.com' },
  { name: 'The Moscow Times', domain: 'themoscowtimes.com' },
  { name: 'Ukrainska Pravda', domain: 'pravda.com.ua' },
  { name: 'Mehr News Agency', domain: 'en.mehrnews.com' },
  { name: 'The Daily Ledger', domain: 'dailyledger.example' },
  { name: 'Continental Post', domain: 'continentalpost.example' },
  { name: 'Harbour Tribune', domain: 'harbourtribune.example' },
] as const;

export const AGENCY_TRAILERS = ['MNA/', '(Reuters)', '— AFP', 'IRNA/', '/TASS/', '(AP)', 'ANSA/'];

export const SPEECH_VERBS = [
  'said',
  'told reporters',
  'told journalists',
  'said in a statement',
  'wrote on X',
  'told state television',
  'added',
  'said on Telegram',
];

export const REPORTED_VERBS = [
  'is ready to discuss',
  'would not accept',
  'has agreed in principle to',
  'is preparing for',
  'warned against',
  'called for',
  'rejected',
  'will review',
  'remains open to',
  'demanded guarantees on',
  'expects progress on',
  'has postponed a decision on',
];

export const HEADLINE_VERBS = [
  'weighs',
  'rejects',
  'backs',
  'signals openness to',
  'warns over',
  'pushes for',
  'casts doubt on',
];

export const QUOTE_OPENERS = [
  'There are reasons to be cautiously optimistic',
  'We are not going to accept any conditions',
  'This is a very important moment for the world',
  'Nobody wants this to drag on for months',
  'The door remains open, but time is running out',
  'We have done everything we were asked to do',
  'It would be wrong to lay down conditions now',
  'Both sides understand that this conversation is necessary',
  'There is still much to be done',
  'We will not be silenced',
  'I think we need to talk about it with our partners',
  'The numbers speak for themselves',
];

export const QUOTE_CLOSERS = [
  'and everyone knows it',
  'but we will see what happens next week',
  'whatever the other side says',
  'and that is what we told them',
  'so the next steps matter',
  '',
  '',
];

/** Appended to some sentences: real reporting piles context onto its statements. */
export const ASIDES = [
  ', amid mixed messages on its willingness to negotiate',
  ', officials familiar with the matter said',
  ', a move that surprised several diplomats',
  ', according to people briefed on the discussions',
  ', although details remain unclear',
  ', in what analysts described as a significant shift',
  ' after weeks of public disagreement',
  ', two sources told the newspaper',
];

export const CASUALTY_NOUNS = ['people', 'civilians', 'residents', 'workers', 'children'];

export const NUMBER_NOUNS = [
  'drones',
  'missiles',
  'sanctions',
  'refugees',
  'jobs',
  'homes',
  'trucks of aid',
  'detainees',
];

export const HASHTAG_STOPWORDS = new Set(['the', 'a', 'an', 'to', 'of', 'on', 'in', 'for', 'and']);
