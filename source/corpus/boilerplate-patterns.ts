/**
 * Lines news sites add around an article, each with the reason a test or a curious reviewer can
 * read. A pattern matches a whole unit (one line or paragraph), never a part of a sentence.
 */
/** An agency's sign-off on a line of its own: `MNA/`, `/TASS/`, `(Reuters)`, `— AFP`. */
export const AGENCY_TRAILER =
  /^(?:\/?([A-Z]{2,6})\/\d*|\((Reuters|[A-Z]{2,6})\)|[—–-]\s*(Reuters|[A-Z]{2,6}))$/;

/** Capitalised names and places: `Howard Schneider in Washington and Ann Saphir`. */
const NAMES = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*(?:,?\s+(?:(?:and|in|from|at)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*)*`;
/** One credit: `Reporting by …`, `Additional reporting by …`, `Editing by …`. */
const CREDIT = String.raw`(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Gg]raphics|[Rr]esearch)\s+by\s+${NAMES}`;

/** The credits of a story, one or more: `Reporting by …; Editing by …`. */
const CREDITS = String.raw`${CREDIT}(?:\s*[;,]\s*${CREDIT})*\.?`;

/** A social network's or a share bar's button. */
const NETWORK = `(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|e-?mail|mail|pinterest|flipboard|bluesky|threads|messenger|vk|xing|print|drucken|imprimer|copy link|link kopieren|copier le lien)[,|·•/]?`;

/** Names and agencies, nothing else, that a credit line gives. */
const HELPER = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.-]*|dpa|epd|kna|afp|apa|agenturen|agences|agencias|agenzie|agencies)`;
const HELPERS = String.raw`(?:[Tt]he\s+|l['’])?${HELPER}(?:(?:\s*,\s*|\s+)(?:(?:von|van|de|der|den|da|del|di|du|des|la|le|und|and|et|y|e|l['’]|writers?|reporters?|correspondents?|photographers?|staff)\s*)*${HELPER})*(?:\s+(?:writers?|reporters?|correspondents?|staff))?`;

/** The agencies an image credit ends with, as the last 13 characters of a line show them. */
const CREDITED_END = /(?:getty images|afp|reuters|ap photo|ap|epa|shutterstock|tass|ria novosti)$/;

/**
 * A line's boilerplate patterns. `may`, where given, is a test every line the pattern matches
 * passes (the words its lookaheads require, its last word): a line that fails it is not tried
 * against the pattern, whose `.*` scans cost a cold index 5 % of its cleaning (scale57). `lower`
 * is the line lower-cased: a pattern's `i` flag matches an ASCII letter only in either case.
 */
export const BOILERPLATE: ReadonlyArray<{
  reason: string;
  pattern: RegExp;
  may?: (lower: string, text: string) => boolean;
}> = [
  {
    // Names only, never "Reporting by the BBC showed…": the credit line agencies end a story
    // with, bare or in the brackets Reuters and AP set it in (`(Reporting by …; Editing by …)`).
    reason: 'agency credits',
    pattern: new RegExp(String.raw`^(?:${CREDITS}|\(${CREDITS}\)\.?|\[${CREDITS}\]\.?)$`, 'u'),
  },
  {
    // Agencies' and papers' links under a story: "Our Standards: The Thomson Reuters Trust
    // Principles", "Purchase Licensing Rights", "Reprints & Permissions", and the "(opens in a
    // new tab)" that a screen reader's link text carries. Said generally, not as one site words it.
    reason: 'legal footer',
    pattern:
      /^(?:our (?:editorial )?standards|editorial (?:standards|guidelines)|(?:purchase|buy) (?:licensing|reprint) rights|reprints?(?: (?:and|&) permissions)?|\(?opens? (?:in )?(?:a )?new (?:tab|window)\)?)\s*:?.{0,80}$/i,
  },
  {
    reason: 'ad publisher id',
    pattern: /^(?:ca-)?pub-\d{6,}$/i,
    may: (lower) => lower.startsWith('pub-') || lower.startsWith('ca-pub-'),
  },
  {
    reason: 'advertisement marker',
    pattern:
      /^(?:advertisement|advertising|advert|ads?|sponsored(?: content)?|promoted|story continues below(?: advertisement)?|scroll to continue(?: with content)?|continue reading (?:below|the main story))\s*:?$/i,
  },
  {
    // An ad slot's label in the languages met (Folha's `PUBLICIDADE`, `Anzeige`, `Реклама`, `广告`).
    reason: 'advertisement marker',
    pattern:
      /^(?:publicidade|publicidad|publicité|pubblicità|werbung|anzeige|advertentie|reklama|reklam|реклама|広告|广告|廣告|광고|إعلان|פרסומת)\s*:?$/iu,
    may: (_lower, text) => text.length <= 16,
  },
  {
    reason: 'site furniture',
    pattern: /^(?:optimized|optimised|powered|designed|developed) by \S.{0,40}$/i,
  },
  {
    reason: 'navigation',
    pattern:
      /^(?:all (?:sections|news|topics|categories|stories)|menu|main menu|search|home|homepage|skip to (?:main )?content|back to top|sections|more|close|open menu|toggle navigation|next article|previous article|load more|show more)$/i,
  },
  {
    reason: 'support appeal',
    pattern:
      /^(?:support (?:us|our (?:work|journalism|newsroom))|support .{2,60} on (?:patreon|buy me a coffee|ko-fi)|donate(?: now| today)?|make a (?:donation|contribution)|become a (?:member|patron|supporter|subscriber)|not ready to support(?: us)? today|remind me later|continue|pa(?:y|i)ments? methods?|maybe later|no,? thanks)[.!?]*$/i,
  },
  {
    reason: 'sign-in or subscribe',
    pattern:
      /^(?:sign in|sign up|log ?in|log ?out|register|create (?:an |a free )?account|my account|subscribe(?: now| today| for .{1,40})?|already (?:a subscriber|have an account)\??.{0,40}|get unlimited access.{0,60}|start your (?:free )?trial.{0,40})[.!?]*$/i,
  },
  {
    // What a paywall says where the story stops: `Subscribe to continue reading.`, `This
    // article is for subscribers only.`, `To keep reading, log in or subscribe.` (a paywalled
    // page shows its standfirst with its teaser: `standfirst.ts`).
    reason: 'paywall',
    pattern:
      /^(?:(?:subscribe|sign in|sign up|log ?in|register)(?: now| today)?(?: (?:to|and) (?:continue|keep) reading| to read (?:the full|the rest of this|this) (?:article|story))(?: for free| for \S{1,12} a (?:week|month))?|(?:this|the rest of this) (?:article|story|content) is (?:only )?(?:for|available to|reserved for|exclusive to) (?:paying )?(?:subscribers|members)(?: only)?|to (?:continue|keep) reading,? (?:please )?(?:subscribe|sign in|log ?in|register)[^.!?]{0,40})[.!?]*$/i,
    may: (lower) =>
      lower.includes('read') || lower.includes('subscribers') || lower.includes('members'),
  },
  {
    reason: 'share or follow',
    pattern:
      /^(?:share(?: this)?(?: article| story| page| post)?(?: on .{1,30})?|follow us(?: on .{1,60})?|tweet|print|email|e-mail|copy link|link copied|facebook|twitter|x|telegram|whatsapp|linkedin|reddit|flipboard|pinterest|comments?)\s*:?$/i,
  },
  {
    // A share bar in any of the languages met (`Teilen: Facebook X WhatsApp`, `Partager :
    // Facebook Twitter`), or a row of networks' names alone.
    reason: 'share or follow',
    pattern: new RegExp(
      String.raw`^(?:(?:share|teilen|partager|compartir|compartilhar|partilhar|condividi|delen|udostępnij|поделиться|поділитися)(?:\s+(?:this|on|via|auf|sur|en|em|su))?\s*:?(?:\s*${NETWORK})*|${NETWORK}(?:\s*${NETWORK}){1,12})$`,
      'iu',
    ),
  },
  {
    // Who helped, in the languages met, made only of names and agencies: `Mit Informationen
    // von Demian von Osten, ARD-Studio Moskau`, `Avec AFP`, `Con información de EFE`, `With
    // reporting from Reuters`; `The Associated Press contributed to this report.` Case counts:
    // `Avec le soutien de la France, Kiev résiste.` is a sentence.
    reason: 'agency credits',
    pattern: new RegExp(
      String.raw`^\(?(?:(?:[Mm]it (?:Informationen|Material|Agenturmaterial)(?: von| der| des)?|[Aa]vec(?: l['’])?|[Cc]on (?:información|informaciones|informazioni) (?:de|di)|[Ww]ith (?:additional )?(?:reporting|information) (?:from|by))\s+${HELPERS}|${HELPERS}\s+(?:also\s+)?contributed(?:\s+reporting)?(?:\s+to this (?:report|story|article))?)\.?\)?\.?$`,
      'u',
    ),
  },
  {
    // A paywall's notice that the account reads on another device (`Lecture du Monde en cours
    // sur un autre appareil.`, `You are reading on another device`).
    reason: 'sign-in or subscribe',
    pattern:
      /^(?=.{0,160}$)(?=.*(?:another|other|autre|otro|otra|anderen|altro|outro|другом)\s+(?:device|appareil|dispositivo|gerät|terminal|устройстве))(?=.*(?:read|lecture|lectura|lesen|lettura|leitura|account|compte|cuenta|konto|session|sesión|abonn|subscri|чтени))(?=.*(?:en cours|in progress|currently|already|is being|are being|is open|wird gerade|bereits|ya se|está siendo|già|já|уже)).*$/iu,
    may: (lower) => /device|appareil|dispositivo|gerät|terminal|устройстве/.test(lower),
  },
  {
    // An opinion page's disclaimer: `The views expressed are the author's own.`, `Opinions
    // expressed by contributors are their own.`
    reason: 'disclaimer',
    pattern:
      // What a disclaimer says after its verb (the writer's own; not necessarily the outlet's):
      // `The views expressed by the minister are not shared by the cabinet` is news (review58-d).
      /^(?=.{0,300}$)(?:the |any |all )?(?:views|opinions)(?: and opinions| and views| or opinions| or views)? expressed\b.{0,120}\b(?:(?:are|is)\s+(?:solely\s+|entirely\s+)?(?:(?:the\s+)?(?:author|writer|contributor|columnist)s?['’]?s?\b|(?:their|his|her|my|its)\s+own\b|those\s+of\b)|(?:do|does|may|don['’]t)\s+(?:not\s+)?(?:necessarily\s+)?(?:reflect|represent)\b).*$/i,
    may: (lower) => lower.includes('expressed'),
  },
  {
    // A gallery's or page's note: `All photographs subject to copyright.`
    reason: 'copyright',
    pattern:
      /^(?:all |the )?(?:photos?|photographs?|images?|pictures?|videos?|content|material)(?: and (?:photos?|images?|videos?|text))?(?: (?:on|in) this (?:page|site|gallery|article))? (?:(?:are|is) )?(?:subject to|protected by) copyright\.?$/i,
    may: (lower) => lower.includes('copyright'),
  },
  {
    // A newsletter box's first line names it in a few words ("Sign up to First Edition",
    // "Sign up for our Morning Briefing") … "after newsletter promotion". A longer line, or one
    // with a figure or a price, is a step or an offer the story gives ("Sign up for the Disney+
    // bundle using the same email as your Hulu account" in a deals article), not the box.
    reason: 'newsletter',
    pattern:
      /^(?:sign up (?:to|for) (?![^.!?]*[\d$€£¥])[^\s.!?]+(?:\s+[^\s.!?]+){0,5}|(?:after|skip past) newsletter promotion|privacy notice\s*:.{0,400})$/i,
  },
  {
    reason: 'newsletter',
    pattern:
      /^(?=.{0,200}$)(?=.*\bnewsletters?\b)(?=.*\b(?:sign up|subscribe|inbox|e-?mail|register)\b).*$/i,
    may: (lower) => lower.includes('newsletter'),
  },
  {
    reason: 'cookie notice',
    pattern:
      // A notice speaks to the reader ("we use", "you agree"); a story reports on cookie rules.
      /^(?=.{0,400}$)(?=.*\bcookies?\b)(?=.*\b(?:accept|consent|privacy|we use|this (?:site|website)|browsing)\b)(?=.*\b(?:we|our|us|you|your|this (?:site|website))\b).*$/i,
    may: (lower) => lower.includes('cookie'),
  },
  {
    reason: 'related list heading',
    pattern:
      /^(?:read more|read also|also read|see also|see more|read next|up next|related(?: articles| stories| news| coverage| topics| posts)?|more (?:from|on|about|news|stories)\b.{0,50}|more (?:\S+ ){1,3}(?:stories|news|articles|reads|videos)|recommended(?: for you| reading)?|most (?:read|popular|viewed)|you (?:may|might) also like(?: to read)?|don['’]?t miss|trending(?: now)?|explore more(?: on (?:these|this) topics?)?|latest(?: news)?|recent news|top stories|editor'?s picks|what to read next|keep reading|continue reading)\s*[:.…]*$/i,
  },
  {
    // "Read also" and "related news" as other languages head a block of links: `اقرأ أيضا`,
    // `Leia também`, `Lesen Sie auch`, `Читайте також`, `関連ニュース`, `相关新闻`.
    reason: 'related list heading',
    pattern:
      /^(?:اقرأ أيضا\u064B?|اقرأ المزيد|leia (?:também|mais)|veja também|lesen sie (?:auch|mehr)|mehr zum thema|lire aussi|à lire aussi|lee también|lea también|читайте (?:також|также)|по теме|關聯新聞|关联新闻|相关新闻|相關新聞|相关阅读|延伸阅读|関連ニュース|関連記事|관련 ?기사)\s*[:.…]*$/iu,
    may: (_lower, text) => text.length <= 24,
  },
  {
    reason: 'related link',
    pattern:
      /^(?:read more|read also|also read|see also|see more|related(?: [\p{L}-]+){0,2}|watch|listen|don['’]?t miss)\s*:\s*\S.{0,200}$/iu,
  },
  {
    // How the site runs its comments, under a story: "Comments are closed", "Note: we are
    // moderating all comments…", "ATENÇÃO: Comentários … não serão aprovados pelo moderador".
    // A story's "comments" (a minister's) come with no such words.
    reason: 'comment notice',
    pattern:
      /^(?=.{0,250}$)(?=.*\b(?:comments?|comentários?|commentaires?|kommentare?|join the conversation)\b)(?=.*\b(?:moderat\w*|approv\w*|aprovad\w*|closed|spam|conversation|guidelines|respectful)\b).*$/i,
    may: (lower) =>
      lower.includes('comment') ||
      lower.includes('coment') ||
      lower.includes('kommentar') ||
      lower.includes('join the conversation'),
  },
  {
    // A slideshow's counter over each slide ("Image 1 of 5"), read as a line of its own.
    reason: 'gallery counter',
    pattern: /^(?:image|photo|picture|slide|foto|bild)s? \d{1,3} (?:of|\/|von|de|di|из) \d{1,3}$/i,
  },
  { reason: 'hashtags', pattern: /^(?:#[\p{L}\p{N}_.'’-]+[\s,]*){2,}$/u },
  {
    reason: 'tag list',
    pattern: /^(?:tags?|topics?|keywords|filed under|categories)\s*:.{0,300}$/i,
  },
  {
    reason: 'counter',
    pattern: /^\d[\d,.]*\s*k?\s*(?:comments?|shares?|views?|likes?|reactions?|reads?)?$/i,
  },
  { reason: 'copyright', pattern: /^(?:©|\(c\)|copyright\b).{0,300}$/i },
  {
    // "All rights reserved" as other languages say it on a line of its own: ANSA's
    // `RIPRODUZIONE RISERVATA © Copyright ANSA`, `Todos os direitos reservados`, `版权所有`.
    reason: 'copyright',
    pattern:
      /^(?=.{0,200}$).*(?:riproduzione riservata|diritti riservati|direitos reservados|derechos reservados|droits réservés|rechte vorbehalten|版权所有|版權所有|無断転載|転載を禁じ|جميع الحقوق محفوظة).*$/iu,
    may: (lower) => /riservat|reservad|réservés|vorbehalten|版权|版權|転載|الحقوق/.test(lower),
  },
  {
    reason: 'copyright',
    pattern: /^(?=.{0,300}$).*\ball rights reserved\b.*$/i,
    may: (lower) => lower.includes('all rights reserved'),
  },
  // Unanchored and without flags: a lookahead and `.*` made this cost more than the line is worth.
  { reason: 'copyright', pattern: /[Вв]с[еі] права за(?:щищены|хищені)/ },
  {
    reason: 'legal footer',
    pattern:
      /^(?:privacy(?: policy| notice)?|terms(?: of (?:use|service)| and conditions| & conditions)|cookie (?:policy|settings)|contact(?: us)?|about(?: us)?|imprint|impressum|accessibility|sitemap|careers|advertise(?: with us)?|(?:reuse|republish) this (?:content|article|story))(?:\s*[|·•]\s*.{0,40})*$/i,
  },
  {
    reason: 'image credit',
    pattern:
      /^(?:stock |file |main |featured |header |cover )?(?:photo|image|picture|illustration|video|graphic|photograph|credit|photo credit)s?\s*(?::|by\b|©|-|–).{0,120}$/i,
  },
  {
    reason: 'image credit',
    pattern:
      /^(?=.{0,160}$).*(?:\/|\||\(|,)\s*(?:getty images|afp|reuters|ap photo|ap|epa|shutterstock|tass|ria novosti)\)?$/i,
    may: (lower) =>
      CREDITED_END.test(lower.endsWith(')') ? lower.slice(-14, -1) : lower.slice(-13)),
  },
  {
    // A caption ending in its credit: `Protesters gather in the square (Image: GETTY)`.
    reason: 'image credit',
    pattern: /^(?=.{0,300}$).*\((?:image|photo|picture|pic|credit|video)s?\s*:\s*[^()]{1,60}\)$/i,
    may: (_lower, text) => text.endsWith(')'),
  },
  {
    reason: 'share or follow',
    pattern:
      /^(?:like|liked|enjoy|enjoyed|love|loved) (?:this|the) (?:story|article|post)\?.{0,60}$/i,
  },
  { reason: 'agency trailer', pattern: AGENCY_TRAILER },
  {
    // Where the story came from, on a line of its own under it: `Source: Reuters`, Al
    // Jazeera's `المصدر: الجزيرة + وكالات`, `Fonte: Agência Brasil`, `来源：新华网`. A few names,
    // no sentence (`Source: a senior official said…` has a verb and goes on), and no figure: a
    // text file's `Source: Harbour Daily · 2025-03-14` under its title is its outlet and date.
    reason: 'source trailer',
    pattern:
      /^(?![^\d]*\d)(?:sources?|fonte|fuente|quelle|источник|джерело|źródło|kaynak|المصدر|מקור|来源|來源|出典|출처)\s*[:：]\s*[^\s.!?。！？:：][^.!?。！？:：]{0,50}$/iu,
    may: (_lower, text) => text.length <= 70 && /[:：]/.test(text),
  },
  {
    // A "report a typo" notice: select the words and press Ctrl+Enter (Orphus and its kin, at
    // the foot of every Ukrainska Pravda or RBC story), in whatever language.
    reason: 'typo notice',
    pattern: /^(?=.{0,300}$).*\bctrl\s*\+\s*enter\b.*$/iu,
    may: (lower) => lower.includes('ctrl'),
  },
  {
    // An editor's credit, not the writers': `【责任编辑:王琳】`, `责任编辑：王琳`, `(編輯：陳明)`.
    reason: 'editor credit',
    pattern:
      /^[\s（(【[]*(?:责任编辑|責任編輯|责编|編輯|编辑)\s*[:：]\s*[^\s】）)\]]{1,12}\s*[】）)\]]?$/u,
    may: (_lower, text) => /编|編/.test(text),
  },
  {
    // A line of bracketed labels only: Chinese sites' `【纠错】【责任编辑:王琳】` box.
    reason: 'site furniture',
    pattern: /^(?:\s*【[^【】]{1,20}】)+\s*$/u,
    may: (_lower, text) => text.startsWith('【') || text.trimStart().startsWith('【'),
  },
  {
    // A photo's caption ending in its credit as Chinese papers set it: `图为… 新华社记者 陈晨 摄`,
    // `（记者 李娜 摄）`: a name of two to four characters after a space or 记者, then 摄.
    reason: 'image credit',
    pattern:
      /^(?=.{0,200}$).*(?:[\s　]|记者|記者)[\p{Script=Han}·]{2,4}(?:[、，][\p{Script=Han}·]{2,4})*\s*摄[）)]?[。.]?$/u,
    may: (_lower, text) => text.includes('摄'),
  },
  {
    // "Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter @jdoe."
    reason: 'author contact',
    pattern:
      /^(?=.{0,250}$)(?=.*\b(?:reach|reached|contact|contacted|email|e-mail|follow)\b)(?=.*(?:\S@\w|\s@\w|https?:\/\/)).*$/i,
    may: (_lower, text) => text.includes('@') || text.includes('://'),
  },
  { reason: 'timestamp', pattern: /^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?$/i },
  {
    // A live blog's `Updated at 11.52 GMT`, `Aktualisiert um 11:52 Uhr`, `Mis à jour à 11h52`.
    reason: 'timestamp',
    pattern:
      /^(?:(?:last )?updated|posted|published|aktualisiert|mis à jour|actualizado|aggiornato|atualizado|bijgewerkt|обновлено|оновлено)(?: at| on| um| à| a las| alle| às| om| в| о)?:? \d{1,2}[:.h]\d{2}\s*(?:[ap]\.?m\.?|uhr|h)?(?:\s*\(?(?:GMT|UTC|BST|CET|CEST|MEZ|MESZ|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT|MSK|EET|EEST|IST|AEST|AEDT|JST|KST)\)?)?\.?$/iu,
  },
  {
    // A live blog's badge on an entry: `Key event`, `Pinned post`.
    reason: 'live blog label',
    pattern: /^(?:key event|pinned(?: post)?|live(?: updates?)?)$/i,
  },
  {
    // A newsletter's furniture, kept when a reader saves the email (qa59 #5): "View in
    // browser", "You are receiving this email because you signed up…", "Unsubscribe | Manage
    // preferences", "Forward to a friend".
    reason: 'email footer',
    pattern:
      /^(?:view (?:this (?:email|newsletter) |it )?(?:in|on) (?:your |a |the )?(?:browser|web)|you(?: are|'re) receiving this (?:email|e-mail|newsletter|message)\b[\s\S]*|unsubscribe(?:\s*[|·•]\s*(?:manage|update) (?:your )?(?:email )?(?:preferences|subscription)s?)?|(?:manage|update) (?:your )?(?:email )?(?:preferences|subscriptions?)|forward (?:this (?:email|newsletter) )?to a friend)\s*\.?$/i,
    may: (lower) =>
      lower.includes('browser') ||
      lower.includes('web') ||
      lower.includes('receiving') ||
      lower.includes('subscri') ||
      lower.includes('preferences') ||
      lower.includes('friend'),
  },
];

/** Opens a donation or membership appeal that runs to its closing line or the end. */
export const APPEAL_OPENER =
  /^(?:a message from .{2,80}|dear (?:readers?|friends|subscribers)[,!:.]?.{0,40})$/i;

/** The last line of an appeal's call to action. */
export const APPEAL_CLOSER =
  /^(?:remind me later|not ready to support(?: us)? today|maybe later|no,? thanks|pa(?:y|i)ments? methods?|continue)[.!?]*$/i;

/** A line that introduces a list of other headlines. */
export const HEADLINE_LIST_HEADING =
  /^(?:recent news|latest news|latest|more news|all news|top stories|related(?: news| articles)?|read more|most read|news feed)\s*:?$/i;

/** Language switchers (`Укр Рус Eng`): two or more of these as words of a short line. */
export const LANGUAGE_WORDS = new Set([
  'eng',
  'en',
  'english',
  'ukr',
  'ua',
  'uk',
  'укр',
  'українська',
  'рус',
  'ру',
  'ru',
  'rus',
  'русский',
  'deu',
  'de',
  'deutsch',
  'fr',
  'français',
  'es',
  'español',
  'ar',
  'العربية',
  'fa',
  'فارسی',
  'pl',
  'polski',
  'it',
  'italiano',
  'pt',
  'português',
  'tr',
  'türkçe',
  '中文',
  'zh',
]);
