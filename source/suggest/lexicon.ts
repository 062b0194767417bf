/**
 * The word lists the rules read, in one place so the documentation can point at them. They are
 * general English news usage, not the vocabulary of any one corpus.
 */

const words = (list: string): ReadonlySet<string> =>
  new Set(list.trim().split(/\s+/).filter(Boolean));

/** Verbs that attribute words to a speaker, in the forms news uses (lower case). */
export const REPORTING_VERBS = words(`
  said says say told tells added adds stated states explained explains noted notes revealed reveals
  confirmed confirms announced announces insisted insists warned warns argued argues claimed claims
  asked asks wrote writes replied replies stressed stresses emphasized emphasised emphasizes
  emphasises remarked remarking declared declares acknowledged admitted denied denies suggested
  urged urges characterized characterised described indicated cited expressed posted tweeted
  commented reported reports agreed agrees continued concluded recalled assured promised pledged
  vowed boasted complained conceded countered disclosed estimated predicted proclaimed quipped
  responded observed maintained mentioned shouted underlined underscored signalled signaled
  testified testifies testify wrote
  saying telling adding stating noting explaining arguing warning insisting stressing writing
  asking calling called calls criticised criticized accused accuses alleged alleges
  repeated reiterated joked lamented cautioned recounted remembered remembers
`);

/**
 * Verbs of saying in the other languages a fact-checker meets, as news writes them beside a
 * quotation (`„…“, sagte Erdoğan`, `«…», dijo Sánchez`, `«…» — заявил Эрдоган`, `"…" dedi`):
 * German, French, Spanish, Italian, Portuguese, Russian, Ukrainian and Turkish, lower case. Forms
 * that are English words too ("dice", "assure", "lance") are left out.
 */
export const OTHER_REPORTING_VERBS = words(`
  sagte sagt sagten erklärte erklärt erklärten betonte betont meinte meint schrieb schreibt
  warnte warnt antwortete ergänzte bekräftigte unterstrich berichtete sagten
  dit déclaré affirmé ajouté expliqué souligné estimé indiqué précisé assuré annoncé répondu
  confié insisté déclare affirme ajoute explique souligne estime précise répond confie insiste
  dijo afirmó declaró añadió explicó señaló aseguró indicó subrayó advirtió comentó manifestó
  respondió afirma declara añade explica señala asegura
  detto dichiarato affermato aggiunto spiegato sottolineato disse afferma dichiara aggiunge
  spiega sottolinea
  disse afirmou declarou acrescentou explicou sublinhou destacou salientou garantiu diz
  acrescenta
  сказал сказала сказали заявил заявила заявили отметил отметила добавил добавила подчеркнул
  подчеркнула сообщил сообщила пояснил пояснила говорит заявляет ответил ответила
  сказав заявив зазначив зазначила додав додала підкреслив підкреслила повідомив повідомила
  пояснив каже заявляє відповів відповіла наголосив наголосила
  dedi söyledi açıkladı belirtti kaydetti vurguladı ekledi
  قال وقال أضاف وأضاف
`);

/**
 * The verbs among those that close the sentence after the quotation, the speaker named before
 * it: Turkish `Erdoğan, "…" dedi.`
 */
export const VERB_LAST_REPORTING_VERBS = words(
  'dedi söyledi açıkladı belirtti kaydetti vurguladı ekledi',
);

/** Auxiliaries between a quotation and its verb: `a dit`, `ha detto`, `hat gesagt`. */
export const AUXILIARIES = words('a ont ha hanno hat haben han');

/**
 * Verbs that report words only with the particle after them ("Ruiz weighed in", "she chimed
 * in", "he pointed out"): the verb and the particle it needs.
 */
export const PHRASAL_REPORTING_VERBS: ReadonlyMap<string, string> = new Map([
  ['weighed', 'in'],
  ['chimed', 'in'],
  ['pointed', 'out'],
]);

/**
 * Documents whose words a quotation gives, named with their author: "said a report from Kotak
 * Institutional Equities", "A statement from the ministry said" (the author is the speaker).
 */
export const DOCUMENT_NOUNS = words(`
  statement statements report reports note notes letter release filing memo email message notice
  post tweet
`);

/** Verbs that take a person's words or view as their object: "X called it ...", "X expressed". */
export const SPEECH_OBJECT_VERBS = words(`
  called calls characterized characterised described describes expressed expresses cited cites
  indicated indicates voiced voices dismissed dismisses hailed hails welcomed welcomes branded
  labelled labeled termed
`);

/** Role nouns that stand before a name ("Kremlin spokesman Dmitry Peskov") or in its place. */
export const ROLE_NOUNS = words(`
  president presidents vice prime minister ministers secretary spokesman spokeswoman spokesperson
  envoy adviser advisor aide mayor chief leader chancellor governor ambassador general commander
  official officials head director chair chairman chairwoman ceo senator congressman
  congresswoman lawmaker analyst professor king queen pope premier foreign defence defense interior
  treasury finance deputy emissary negotiator representative correspondent editor founder
  economist judge prosecutor attorney captain colonel lieutenant sergeant marshal mp former acting
  coach manager player goalie goalkeeper defenseman defender forward winger striker midfielder
  pitcher quarterback athlete actor actress singer rapper host presenter star producer writer
  author journalist reporter columnist scientist researcher doctor physician nurse surgeon
  lawyer executive chairperson investor strategist engineer administrator commissioner
  superintendent inspector mayor councillor councilman councilwoman activist campaigner speaker
  resident witness neighbor neighbour student teacher voter shopper passenger survivor volunteer
  veteran pastor rabbi imam priest comedian musician filmmaker photographer historian
  präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin außenminister
  außenministerin ministerin ministerpräsident sprecher sprecherin regierungssprecher
  bürgermeister président présidente ministre porte-parole presidente ministro ministra portavoz
  portavoce porta-voz segretario segretaria direttore direttrice sindaco governatore economista
  gerente diretor diretora secretário secretária
  президент министр пресс-секретарь представитель міністр речник
  cumhurbaşkanı başbakan bakan sözcü متحدث
`);

/** Honorifics written before a surname ("Mr Peskov", "Dr. Tedros"). */
export const HONORIFICS = words(
  // "Mme Martin", "Herr Müller", "el Sr. Pérez", "il sig. Rossi"; French "M." (Monsieur) only
  // where a phrase opens with it (people.ts), since "John M. Ford" has it as an initial.
  'mr mrs ms dr sir dame lord lady prof gen col lt sen rep mme herr frau sr sra sig',
);

/** Capitalised words that make a run of capitals a place, body or outlet, never a person. */
export const NON_PERSON_WORDS = words(`
  house state ministry ministries department office council committee commission union nations news
  times post pravda agency bank fund party parliament assembly army forces guard staff kremlin
  pentagon social street square palace court university institute group inc ltd corp company
  reuters afp television tv radio media arabia republic kingdom states emirates sea ocean oblast
  region province city island islands gulf organization organisation association federation
  service services authority police navy force security intelligence centre center airport
  station hospital church mosque cathedral bridge river mountains valley peninsula strait
  coast north south east west central eastern western northern southern europe asia africa
  america americas middle truth telegram facebook x youtube instagram tiktok airlines exchange
  market markets treasury congress senate white black red green blue war world cup games
  olympics summit conference forum ceasefire accord treaty pact deal plan initiative
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december
  montag dienstag mittwoch donnerstag freitag samstag sonntag
`);

/** Countries, their people and a few regions, in lower case: a capital word that is one of them is no name. */
export const NATIONS = words(`
  турции россии украины сша китая германии франции израиля ирана туреччини росії україни китаю
  німеччини франції ізраїлю ірану
  afghanistan afghan albania algeria america american angola argentina armenia armenian australia
  australian austria austrian azerbaijan azerbaijani bahrain bangladesh belarus belarusian belgium
  belgian bolivia bosnia brazil brazilian britain british bulgaria bulgarian cambodia cameroon
  canada canadian chile chilean china chinese colombia congo croatia cuba cuban cyprus czech
  denmark danish dutch ecuador egypt egyptian england english eritrea estonia ethiopia european
  finland finnish france french gaza georgia georgian germany german ghana greece greek hungary
  hungarian india indian indonesia iran iranian iraq iraqi ireland irish israel israeli italy
  italian japan japanese jordan kazakhstan kenya korea korean kosovo kuwait kyiv kiev latvia
  lebanon lebanese libya lithuania lithuanian luxembourg malaysia mexico mexican moldova mongolia
  morocco moscow myanmar nato netherlands nigeria norway norwegian oman pakistan pakistani
  palestine palestinian peru philippines poland polish portugal qatar qatari romania romanian
  russia russian russians saudi scotland serbia serbian singapore slovakia slovenia somalia spain
  spanish sudan sweden swedish switzerland swiss syria syrian taiwan tajikistan thailand tunisia
  turkey turkish turkmenistan uganda uk ukraine ukrainian ukrainians us usa ussr uzbekistan
  venezuela vietnam wales welsh yemen washington beijing london paris berlin brussels tehran
  ankara tokyo riyadh doha cairo jerusalem beirut damascus warsaw rome vienna geneva baku minsk
  soviet western allied
`);

/** Words that may stand inside a name in lower case ("Ursula von der Leyen", "bin Salman"). */
export const NAME_PARTICLES = words('von van der den de del della da di bin ibn al el le la');

/**
 * The definite articles of the other languages read before a role after the verb: "ha detto il
 * ministro", "disse o gerente" (qa59 #12). Compared in lower case only: `La Russa`, `El Paso`
 * are names.
 */
export const OTHER_DEFINITE = words('il lo la le el o os der die das');

/** Third-person pronouns that can stand for a speaker. */
export const PRONOUNS = words('he she they it');

/**
 * Personal pronouns of the other languages whose verbs of saying are read (`Er fügte hinzu: „…“`):
 * capitalised at a sentence's start they look like a name, and a pronoun is no speaker's name.
 */
export const OTHER_PRONOUNS = words(`
  er sie wir ihr il ils elles nous vous él ellos ellas usted egli
  eles elas он она оно они мы вы він вона воно вони ми ви onlar biz
`);

/** Verbs and nouns of happenings: meetings, visits, attacks, agreements. */
export const EVENT_WORDS = words(`
  met meet meets meeting meetings talks held hold holds visit visited visits visiting arrived
  arrive arrives arrival traveled travelled travel flew landed left departed returned attack
  attacks attacked strike strikes struck striking shelling shelled bombed bombing explosion
  exploded fired launched launch intercepted downed shot killed killing wounded injured injuring
  died dead destroyed damaged damage invaded invasion invade signed signing sign summit conference
  call phoned election elected vote voted protest protests rally crashed crash collapsed fire
  flood earthquake storm raid raided captured seized advanced withdrew retreated clashed clashes
  fighting battle negotiations negotiated deployed deployment halted suspended imposed lifted
  banned arrested detained released freed exchange swap ceremony inauguration sworn resigned
  appointed dismissed fired hit hits targeting targeted drone drones missile missiles encounter
  gathering discussion discussions session hearing trial won win wins beat beats defeated defeat
  lost scored eliminated voted elected re-elected resigned appointed unveiled opened closed
  crashed died arrested charged convicted sentenced pleaded sued ruled approved passed acquired
  merged fled evacuated rescued erupted outbreak rally rallies match game race testified
`);

/** Modal and future words: a plan, forecast or wish, which is not a checkable claim. */
export const FUTURE_WORDS = words(`
  will would could might may shall should going plans plan planned hopes hope expects expected
  intends intend aims aim wants want wish likely possible potential probably perhaps
`);

/** Words of opinion and evaluation: a view, not a checkable claim. */
export const OPINION_WORDS = words(`
  optimistic optimism pessimistic hope hopeful disappointing disappointed wrong right good bad
  great terrible horrible promising productive constructive useful important believe believes
  think thinks feel feels seems seemingly appears apparently notable significant crucial
  unfortunately fortunately welcome regrettable shameful outrageous ridiculous
`);

/** Verbs that report a stance someone holds: what a checker can hold them to. */
export const STANCE_WORDS = words(`
  supports support supported backs backed opposes opposed rejects rejected accepts accepted
  agrees agreed agreement denies denied is are was were has have had remains remained
  confirmed acknowledged insisted refused refuses ready open willing understands understand
  aligned identified
`);

export const MONTH_NAMES = words(`
  january february march april may june july august september october november december jan feb
  mar apr jun jul aug sep sept oct nov dec
`);

export const WEEKDAY_NAMES = words('monday tuesday wednesday thursday friday saturday sunday');

/** Time words chrono does not read as dates but news uses for when. */
export const TIME_WORDS = words(`
  overnight yesterday today tonight tomorrow morning afternoon evening night weekend earlier
  later recently
`);

/** Words that hedge an assertion: the writer does not vouch for it. */
export const HEDGE_WORDS = words(`
  may might could possibly perhaps likely unlikely reportedly allegedly apparently seemingly seems
  seem seemed appears appear appeared suggests suggest expected estimated believed thought rumoured rumored
`);

/** Past forms that do not end in -ed: the verbs of what happened. */
export const IRREGULAR_PAST = words(`
  went came took made gave ran fought met left held told found saw became began broke brought
  built caught chose drove fell fled flew got grew hit kept knew led lost paid put rose sent set
  shot sold spent stood struck swept threw won wrote beat bought dealt drew fed felt forgot froze
  hung hid laid lay lit meant quit rang sank sat slid spoke split spread stole stuck swore swam
  taught tore understood woke wore withdrew overtook undertook sought sprang shut shook bit bled
  dug forbade forgave rode
  done gone taken given seen known shown grown drawn driven fallen flown thrown beaten broken
  chosen frozen hidden ridden risen spoken stolen sworn torn woken worn written begun sunk struck
`);

/** Words ending in -ed that are no past tense. */
export const NOT_PAST = words(`
  need needed indeed hundred hundreds embed speed proceed exceed succeed feed seed breed bleed
  shed bed red wed reed creed greed weed steed shred sled tweed united limited
  ahead instead
`);

/** Words that give a number its measure: a count of something, an amount, a share. */
export const UNIT_WORDS = words(`
  percent million millions billion billions trillion people persons troops soldiers civilians
  dead deaths killed injured wounded cases votes seats years months weeks days hours minutes
  miles kilometres kilometers km metres meters feet inches tons tonnes barrels dollars euros
  pounds yuan rupees jobs workers members students children women men homes houses vehicles
  cars jets aircraft planes ships shares points goals games matches times degrees mph kph
  gw mw kw gwh mwh kwh acres hectares
`);

/** Numbers written as words: "three people", "dozens of homes". */
export const NUMBER_WORDS = words(`
  two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
  hundred hundreds thousand thousands million millions billion billions dozen dozens half quarter
  percent
`);
