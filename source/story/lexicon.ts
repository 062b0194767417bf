/**
 * Words that say how a statement was reported rather than what it says. Outlets rewrite these
 * freely ("said", "told reporters", "noted", "according to"), so they carry no weight when two
 * sentences are compared; a reporting verb next to a name marks that name as the speaker.
 */
const REPORTING = `
say says said saying tell tells told telling state states stated stating add adds added adding
note notes noted noting explain explains explained explaining remark remarks remarked remarking
reveal reveals revealed revealing confirm confirms confirmed confirming announce announces
announced announcing claim claims claimed claiming insist insists insisted insisting express
expresses expressed expressing declare declares declared declaring assert asserts asserted
asserting argue argues argued arguing warn warns warned warning stress stresses stressed
stressing emphasize emphasizes emphasized emphasise emphasised underline underlined reiterate
reiterated indicate indicates indicated indicating suggest suggests suggested suggesting write
writes wrote written report reports reported reporting quote quoted according acknowledge
acknowledged admit admitted ask asks asked asking reply replied respond responded answer answered
comment commented characterize characterized describe described called
`;

/** Hedges and fillers that translations and rewrites add or drop without changing the claim. */
const HEDGES = `
may might could would should can will shall must also still even just only however nevertheless
yet though although while whereas furthermore moreover meanwhile additionally likewise instead
rather quite very really particularly especially currently already now then later earlier
reportedly allegedly apparently possibly probably perhaps potentially likely unlikely some any
much many more most less least several various certain such thus therefore hence indeed
regarding concerning about upon within without among amid amidst towards toward via per
mr mrs ms dr sir gen
`;

/** Pronouns and other function words the corpus stopword list leaves out. */
const FUNCTION = `
i me my we us our you your he him his she her it its they them their one ones s t ll re ve d m
this that these those there here whose whom who what which where when why how whether
de la le el al von van der bin
wasn weren isn aren didn doesn hasn haven hadn wouldn couldn shouldn mustn needn
`;

const set = (...lists: string[]) =>
  new Set(lists.flatMap((list) => list.split(/\s+/).filter(Boolean)));

export const REPORTING_WORDS: ReadonlySet<string> = set(REPORTING);
export const WEIGHTLESS_WORDS: ReadonlySet<string> = set(REPORTING, HEDGES, FUNCTION);

/**
 * Titles and the common nouns of institutions: written capitalised, yet not names, and outlets
 * add and drop them freely ("Kremlin spokesman Dmitry Peskov", "Peskov"), as they do a
 * company's legal form ("Ceres Robotics Inc.", "Ceres Robotics"; "Sierra Nevada Corp.",
 * "Sierra Nevada Corporation"). Calendar words are compared as dates (see differences), not
 * as content.
 */
export const TITLE_WORDS: ReadonlySet<string> = set(`
president presidents minister ministers secretary chancellor prime foreign defence defense
ministry general spokesman spokeswoman spokesperson adviser advisor aide mayor envoy head chief
director governor senator king queen prince pope leader national security state states united
office council committee department agency the a an deputy vice negotiator commissioner
ambassador chairman chairwoman
inc incorporated corp corporation ltd llc plc gmbh
`);

/**
 * Particles inside a person's name ("Mohammed bin Salman", "Ursula von der Leyen", "Al Thani"):
 * a speaker's name runs on across them.
 */
export const NAME_PARTICLES: ReadonlySet<string> = set(`
al el bin ibn bint abu ben von van der den de la le da di du del della dos das ter ten
`);

export const CALENDAR_WORDS: ReadonlySet<string> = set(`
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
morning afternoon evening night overnight week weeks month months year years day days
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec early late last next
`);
