/**
 * Word lists the sentence splitter consults when a period could end a sentence or an abbreviation.
 * Abbreviations are matched case-sensitively without their final period ("U.S" for "U.S."), so
 * that ordinary words ("sat", "col", "no" in "said no.") are not mistaken for them.
 */

/** How an abbreviation behaves when the word after it is capitalised. */
export type AbbreviationKind =
  /**
   * Precedes a name or a number: titles ("Mr. Smith", "Lt. Col."), proper-noun modifiers
   * ("U.S. Army"). Ends a sentence only before a
   * sentence starter ("…moved to the U.S. The next day…").
   */
  | 'prefix'
  /**
   * A dotted acronym that names a country or body ("U.S.", "U.N.", "D.C."): followed by a name
   * ("U.S. Army", "U.N. Security Council") or ending a sentence ("…at the U.N. Russia abstained.").
   */
  | 'acronym'
  /** Usually closes a phrase ("Apple Inc.", "9 a.m.", "etc."): a capitalised word after it starts a new sentence. */
  | 'closing'
  /**
   * A month or weekday: precedes a number or another date word ("Feb. 28", "Fri. Jan. 5",
   * "Sept. 2025"); before any other capitalised word it ends a sentence ("…in Dec. Police said").
   */
  | 'date'
  /**
   * Precedes a number ("No. 5", "Vol. 3", "p. 12"), or is a unit of measure between numbers
   * ("5 ft. 11 in.", "4 lb. 6 oz."): ends a sentence unless a number follows.
   */
  | 'number'
  /** Never ends a sentence in news prose ("e.g.", "i.e.", "vs."). */
  | 'inner';

const table: Record<AbbreviationKind, string> = {
  prefix:
    'Mr Mrs Ms Mx Messrs MM Mmes Mme Mlle Dr Drs Prof Profs Gen Gens Sen Sens Rep Reps Gov Govs Lt ' +
    'Col Maj Capt Cpt Sgt Cpl Pvt Adm Cmdr Cdr Brig Lieut Rev Fr Hon Rt Pres Amb Supt Insp Det Atty ' +
    'Msgr Mgr Treas Sec St Ste Mt Ft Pt Sra Srta Dept Univ Ave Blvd Rd Hwy ' +
    // Titles of European news: "Dott. Rossi", "l'Avv. Conte", "Sig.ra Bianchi", "Lic. Pérez",
    // "Dña. Ana", "Hr. Müller", "Dipl.-Ing.", "Dr. med. Meyer".
    'Dott Dott.ssa Avv Ing Sig Sig.ra Sig.na Geom Lic Dña Hr Hrn Dipl med ' +
    // Italian writes them lower-case inside a sentence: "il sig. Rossi", "la dott.ssa Bianchi".
    'dott dott.ssa avv ing sig sig.ra sig.na geom ' +
    // Portuguese and Spanish: "O prof. Carlos", "la Dra. Pérez", "el Lic. Gómez".
    'prof Dra Sres Sras ' +
    // Russian: "г. Москва", "1999 гг.", "им. Ленина", "ул. Тверская", "см. выше", "ст. 5", "проф.", "ген.",
    // "пгт. Новый", "пос. Лесной"
    'г гг им ул пр пл см ст п проф акад ген пгт пос ' +
    // Ukrainian: "в м. Київ" (city), "вул. Хрещатик", "просп. Перемоги", "Київської обл.",
    // "с. Мала Данилівка" (village), "у 2025 р." (year), "ім. Шевченка", "смт. Гостомель".
    'м вул просп пров бульв обл с р рр смт ' +
    // Italian lower case inside a sentence: "il sen. Rossi"; "l'on." is weighed in the splitter.
    'sen',
  date:
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun ' +
    // German weekdays before a date: "am Mo. 3. März".
    'Mo Di Mi Do Sa So',
  acronym: 'U.S U.K U.N E.U U.A.E U.S.A U.S.S.R D.C N.Y L.A N.Z',
  closing:
    'Inc Ltd Corp Co Cos LLC Llc LLP Plc plc PLC Bros Jr Sr Esq etc al a.m p.m A.M P.M Ph.D M.D ' +
    'т.д т.п руб долл тыс млн млрд тис грн',
  number:
    // "N°." and "Nº." are the numero sign written with a degree sign or an ordinal indicator.
    'No Nos no nos N° Nº nº Vol Vols vol vols p pp Art Arts art Secs Fig Figs fig Ch Chap ch Para Op Nr ' +
    'ft lb lbs oz yd yds табл рис гл ' +
    // Before a street, house, page or telephone number: "Str. 5", "Rs. 3520", "Tel. (030) 123456",
    // "кв. 12", "д. 7", "hal. 41". A list, not any short word: "at the bar. 10 people came" and
    // "for us. 2020 changed everything" are two sentences. No single capital ("S. 225"): that is
    // an initial far more often ("Dr. Silvia S. Martins").
    'Str Rs Tel Tlf Fax Bd Hft Jg Abs Kap Ziff кв д стр hal ' +
    // Polish: "o godz. 12" (at 12 o'clock).
    'godz',
  inner:
    'e.g i.e vs v cf viz approx Approx incl esp resp ca c est Est т.е т.к ' +
    // German: "z.B. Wasser", "u.a. Spanisch", "d.h. Sie", "bzw. ein", "vgl. Kapitel"
    'z.B u.a d.h v.a u.U o.Ä o.ä u.ä u.Ä bzw vgl ggf evtl sog inkl zzgl ' +
    // German amounts before their unit, which German capitalises as every noun: "40 Mio. Euro",
    // "2 Mrd. Dollar", "5 Tsd. Besucher" (as "closing" words, "Euro" began a sentence).
    'Mio Mrd Tsd',
};

export const abbreviations: ReadonlyMap<string, AbbreviationKind> = new Map(
  (Object.entries(table) as [AbbreviationKind, string][]).flatMap(([kind, words]) =>
    words.split(' ').map((word) => [word, kind] as const),
  ),
);

/**
 * The abbreviations of US states (AP style) and Canadian provinces that follow a town in a
 * dateline: `PALM BEACH, Fla. (AP) —`. Only there do they go on; elsewhere they are words like
 * any other (`…moved to Tampa, Fla. The storm…` is two sentences).
 */
export const regionAbbreviations: ReadonlySet<string> = new Set(
  (
    'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo ' +
    'Mont Neb Nebr Nev N.H N.J N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Vt Va Wash W.Va ' +
    'Wis Wyo D.C Alta B.C Man N.B N.S Ont Que Sask'
  ).split(' '),
);

/**
 * Words that begin sentences but hardly ever continue a name: after "the U.S." or "J." a
 * capitalised word from this list starts a new sentence ("…to the U.S. The next day…").
 * Lower-case, compared with the word's first letter lower-cased.
 */
export const sentenceStarters: ReadonlySet<string> = new Set(
  (
    'the a an he she it they we i you this that these those there here his her its their our my your ' +
    'but and or so yet nor in on at for from with without by as after before when whenever while if ' +
    'although though because since until unless however meanwhile moreover furthermore also still ' +
    'then now today yesterday tomorrow earlier later last next what who whom whose why how where ' +
    'which some many most all any no not none one two three four five six seven eight nine ten both ' +
    'each every other such according during despite among under over about against instead only ' +
    'even just another several few more much nevertheless nonetheless thus therefore indeed ' +
    'nobody everyone everybody someone somebody nothing everything ' +
    // Russian, for "…в 2025 г. Это…": the Cyrillic abbreviations above are weighed the same way.
    'это он она оно они мы вы я в во на но и а по как однако при после также кроме что когда ' +
    'если хотя по словам тем ' +
    // Ukrainian, for "…у 2025 р. Це…" and "…5 м. Потім…".
    'це він вона воно вони ми ви але і й та за як однак після також крім що коли якщо хоча тому ' +
    'проте потім тоді зараз сьогодні вчора'
  ).split(' '),
);

/**
 * Capitalised words that continue a name after "U.S.", "U.K.", "U.N.", "E.U.", "D.C.": "U.S. Army",
 * "U.K. Prime Minister", "U.N. Security Council", "D.C. Police". Any other capitalised word
 * after such an acronym starts a new sentence. All-capital words ("U.S. CENTCOM") and model
 * names ("U.S. F-16 jets") continue too.
 */
export const acronymContinuations: ReadonlySet<string> = new Set(
  (
    'Army Navy Naval Air Force Forces Marine Marines Coast Guard Space Military Special Central ' +
    'Command Defense Defence Senate Senator Senators House Congress Congressional Congressman ' +
    'Congresswoman Representative Representatives Capitol Treasury Treasuries State States ' +
    'Department Justice Commerce Energy Labor Labour Health Education Interior Homeland Veterans ' +
    'Agriculture Transportation Secretary Secretary-General President Presidential Vice Prime ' +
    'Minister Ministry Foreign Home Office Ambassador Ambassadors Embassy Embassies Consulate ' +
    'Envoy Mission Attorney District Court Courts Supreme Circuit Judge Federal Fed Reserve ' +
    'Government Administration Agency Bureau Census Postal Service Services Border Patrol Customs ' +
    'Immigration Secret Intelligence National Security Council General Assembly Human Rights ' +
    'Commission Commissioner High Parliament Parliamentary Member Members Peacekeeping ' +
    'Peacekeepers Refugee Refugees Charter Climate Summit Nuclear Atomic Development Food Drug ' +
    'Environmental Chamber Trade Open Steel Bank Bancorp Geological Survey Olympic Soccer ' +
    'Dollar Economy Election Elections Stock Stocks Markets Bond Bonds Inflation Jobs Route ' +
    'Highway Constitution Navy Coalition Allies Officials Official Troops Soldiers Citizens ' +
    'Sanctions Policy Envoys Delegation Team Mayor Council Police Metro Public Schools ' +
    'Sen Rep Gen Adm Lt Col Maj Capt Amb Dept Deputy Assistant Acting Under Chief Joint ' +
    'Northern Southern European Pacific Africa Cyber Strategic Academy Inspector Surgeon ' +
    'Solicitor Comptroller Enforcement Marshals Park Patent Mint Museum Institute Peace News ' +
    'Securities Exchange Citizenship Fish Wildlife Forest Conference Catholic Bishops Airlines ' +
    'Patriot Abrams Bradley Javelin Stinger Tomahawk Reaper Apache Chinook Black'
  ).split(' '),
);

/** After a "closing" abbreviation, capitalised words that continue the phrase ("Inc. Chief Executive"). */
export const closingContinuations: ReadonlySet<string> = new Set(
  (
    'CEO CFO COO CTO Chief Chairman Chairwoman Chair President Executive Founder Spokesman ' +
    'Spokeswoman Spokesperson Director Board Vice Managing Day Boulevard Avenue Street Road High ' +
    'School Memorial Center Centre Foundation Award Prize Stadium Bridge Hospital ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday ET EST EDT CT CST CDT MT MST MDT PT ' +
    'PST PDT GMT UTC BST CET CEST EET EEST MSK IST JST AEST AEDT ' +
    // German partnerships: "GmbH & Co. KG"
    'KG KGaA'
  ).split(' '),
);

/** Verbs of an attribution after a quoted question or exclamation: `“Why?” Putin asked.` */
export const speechVerbs: ReadonlySet<string> = new Set(
  (
    'said says asked asks added adds told tells wrote writes replied replies continued insisted ' +
    'exclaimed shouted noted explained stated declared concluded recalled warned argued quipped ' +
    'joked wondered demanded cried yelled urged answered responded remarked observed'
  ).split(' '),
);

/**
 * Lower-case words that leave a line unfinished: a line ending in one of them continues on the
 * next line even when that line starts with a capital ("between presidents\nVladimir Putin").
 */
export const continuingWords: ReadonlySet<string> = new Set(
  (
    'the a an of to in on at for from with by and or nor but as that than between into onto upon ' +
    'about over under after before during against among via per its their his her our your my is ' +
    'are was were be been has have had will would said says told'
  ).split(' '),
);

/**
 * Lower-case nouns for a person's role, which a name follows: "the journalist C. Jones", "economist
 * A. Brown". A lone capital after one of them is an initial; after other lower-case words it is
 * a label that can end a sentence ("vitamin C.", "hepatitis B.").
 */
export const personNouns: ReadonlySet<string> = new Set(
  (
    'journalist reporter correspondent editor writer author columnist commentator blogger ' +
    'photographer cartoonist filmmaker producer anchor presenter host analyst economist historian ' +
    'scientist researcher professor lecturer scholar expert spokesman spokeswoman spokesperson ' +
    'official officer director chairman chairwoman president minister secretary senator governor ' +
    'mayor lawmaker legislator congressman congresswoman councillor councilman judge lawyer ' +
    'attorney prosecutor detective inspector agent ambassador envoy diplomat negotiator mediator ' +
    'adviser advisor aide deputy candidate activist campaigner coach player manager founder owner ' +
    'colleague actor actress singer musician artist poet novelist architect engineer designer ' +
    'student teacher doctor physician surgeon nurse pastor priest rabbi imam bishop businessman ' +
    'businesswoman entrepreneur investor banker commander general captain lieutenant sergeant ' +
    'colonel major soldier pilot son daughter wife husband brother sister father mother uncle ' +
    'aunt cousin friend neighbour neighbor resident witness victim suspect defendant plaintiff ' +
    'named dubbed'
  ).split(' '),
);

/**
 * Capitalised nouns that a number or letter labels: after them a lone capital is the label, not
 * an initial, and can end a sentence ("in World War I. Historians…", "won Group D. Portugal…",
 * "takes Vitamin C. Doctors…"); after a name it is an initial ("Albert I. Jones").
 */
export const labelledNouns: ReadonlySet<string> = new Set(
  (
    'War Phase Title Class Type Stage Level Grade Part Chapter Volume Book Act Scene Round ' +
    'Division Tier Article Section Schedule Annex Appendix Category Series Model Unit Block ' +
    'League Group Pool Zone Track Step Option Plan Amendment Exhibit Figure Table Gate Terminal ' +
    'Platform Vitamin Hepatitis Vatican Apollo Bundesliga Ligue Serie Formula Gemini Sputnik ' +
    'Saturn Bowl'
  ).split(' '),
);

/**
 * French words after which `M.` is Monsieur before a name, not an initial or a label: "a dit M.
 * Erdoğan", "selon M. Dupont", "explique M. Martin" (qa56 #3). Lower-case, as the word is compared.
 */
export const monsieurLeaders: ReadonlySet<string> = new Set(
  (
    'a à de du des et ou que qu selon par pour avec chez entre sans contre sur après avant dont ' +
    'où quand mais comme dit déclaré ajouté affirmé estimé souligné précisé indiqué expliqué ' +
    'assuré rappelé répondu confié reconnu jugé insisté explique déclare ajoute affirme estime ' +
    'souligne précise indique assure rappelle répond confie reconnaît juge insiste lance raconte ' +
    'interrogé interrogée'
  ).split(' '),
);

/**
 * Words that open a time phrase: "At 5 a.m.", "Shortly after 9 p.m.". Before a time they make
 * no sentence of their own, so the abbreviation after them does not end one ("At 5 a.m. Mr.
 * Smith left").
 */
export const timePrepositions: ReadonlySet<string> = new Set(
  (
    'at by from until till before after around about since on shortly just early late ' +
    'between starting beginning'
  ).split(' '),
);

/**
 * German months, which a day written as an ordinal precedes: "am 3. März", "zum 01. Januar 2015".
 * Capitalised, unlike the months of the other languages that write the day so ("3. marts").
 */
export const ordinalMonths: ReadonlySet<string> = new Set(
  'Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November Dezember'.split(
    ' ',
  ),
);

/**
 * German words that go before an ordinal written as a number and its noun: "der 2. Weltkrieg",
 * "zum 75. Jahrestag", "im 3. Quartal". German capitalises every noun, so the noun after the
 * period looks like a sentence's first word; after one of these the number is an ordinal.
 */
export const ordinalLeaders: ReadonlySet<string> = new Set(
  // Not "am": "I am 35. My…" is English; "am 3. März" is read as a date by its month.
  (
    'der die das den dem des im zum zur vom beim ins ans seit ab bis ' +
    'ihr ihre ihren ihrem seine seinen seinem sein ein eine einen'
  ).split(' '),
);
