/** Outlets known by the domain their links point to (without `www.`). */
const DOMAINS: Record<string, string> = {
  'thenationalnews.com': 'The National',
  'themoscowtimes.com': 'The Moscow Times',
  'pravda.com.ua': 'Ukrainska Pravda',
  'eurointegration.com.ua': 'European Pravda',
  'mehrnews.com': 'Mehr News Agency',
  'en.mehrnews.com': 'Mehr News Agency',
  'tass.com': 'TASS',
  'tass.ru': 'TASS',
  'reuters.com': 'Reuters',
  'apnews.com': 'Associated Press',
  'ap.org': 'Associated Press',
  'afp.com': 'AFP',
  'bbc.com': 'BBC',
  'bbc.co.uk': 'BBC',
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'theguardian.com': 'The Guardian',
  'wsj.com': 'The Wall Street Journal',
  'ft.com': 'Financial Times',
  'cnn.com': 'CNN',
  'aljazeera.com': 'Al Jazeera',
  'kyivindependent.com': 'The Kyiv Independent',
  'kyivpost.com': 'Kyiv Post',
  'ukrinform.net': 'Ukrinform',
  'meduza.io': 'Meduza',
  'rferl.org': 'Radio Free Europe/Radio Liberty',
  'dw.com': 'DW',
  'france24.com': 'France 24',
  'politico.com': 'Politico',
  'politico.eu': 'Politico Europe',
  'euronews.com': 'Euronews',
  'npr.org': 'NPR',
  'foxnews.com': 'Fox News',
  'nbcnews.com': 'NBC News',
  'cbsnews.com': 'CBS News',
  'abcnews.go.com': 'ABC News',
  'irna.ir': 'IRNA',
  'tehrantimes.com': 'Tehran Times',
  'presstv.ir': 'Press TV',
  'rt.com': 'RT',
  'interfax.com': 'Interfax',
  'xinhuanet.com': 'Xinhua',
  'arabnews.com': 'Arab News',
  'khaleejtimes.com': 'Khaleej Times',
  'gulfnews.com': 'Gulf News',
};

/**
 * News agencies by the code they sign an article with (`MNA/`, `IRNA/`). A code in capitals is
 * known only so written (`isKnownOutlet`): `Ana` or `Wafa` in brackets is a person. `Tass` and
 * `Efe` are as British and Spanish papers write those two.
 */
const AGENCY_CODES: Record<string, string> = {
  MNA: 'Mehr News Agency',
  Reuters: 'Reuters',
  AFP: 'AFP',
  AP: 'Associated Press',
  TASS: 'TASS',
  Tass: 'TASS',
  Efe: 'EFE',
  ANSA: 'ANSA',
  EFE: 'EFE',
  DPA: 'dpa',
  UPI: 'UPI',
  PTI: 'Press Trust of India',
  IANS: 'IANS',
  KCNA: 'Korean Central News Agency',
  WAFA: 'WAFA',
  IRNA: 'Islamic Republic News Agency',
  ISNA: "Iranian Students' News Agency",
  FNA: 'Fars News Agency',
  TNA: 'Tasnim News Agency',
  ANA: 'Anadolu Agency',
  KUNA: 'Kuwait News Agency',
  WAM: 'Emirates News Agency',
  SPA: 'Saudi Press Agency',
  QNA: 'Qatar News Agency',
};

export function outletOfAgencyCode(code: string): string | null {
  return AGENCY_CODES[code] ?? null;
}

/** A web address's host, lower case, without `www.`; null for no address. */
export function hostOf(href: string): string | null {
  try {
    return new URL(href).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

function outletOfHost(host: string): string | null {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const known = DOMAINS[h];
    if (known) return known;
  }
  return null;
}

/** The known outlet a page address belongs to (a scraper's `URL Source:`), or null. */
export function outletOfUrl(href: string): string | null {
  const host = hostOf(href);
  return host ? outletOfHost(host) : null;
}

/**
 * The outlet most links point to, when they point mostly to one known site: an article links
 * its own tag pages, but may cite other outlets once or twice.
 */
export function outletOfLinks(hrefs: string[]): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const href of hrefs) {
    const host = hostOf(href);
    if (!host) continue;
    const outlet = outletOfHost(host);
    total++;
    if (outlet) counts.set(outlet, (counts.get(outlet) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [outlet, count] of counts) {
    if (count > bestCount) {
      best = outlet;
      bestCount = count;
    }
  }
  return best !== null && bestCount >= 2 && bestCount * 2 > total ? best : null;
}

/** A name folded for comparison: lower case, without a leading "The" or dots (`A.P.`). */
function foldName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\./g, '')
    .trim();
}

/** A name of capitals alone, as an agency's code is written (`AFP`, `IRNA`, `A.P.`). */
const CAPITALS = /^[\p{Lu}\p{N}.]+$/u;

/** Names margin knows, folded; and its codes in capitals, without their dots, as written. */
let knownNames: Set<string> | null = null;
let knownCodes: Set<string> | null = null;

/**
 * Whether a name is one of the outlets or agencies margin knows (`Al Jazeera`, `Kyiv
 * Independent` for The Kyiv Independent, `Xinhua`, `REUTERS`): a byline or dateline naming it
 * names no writer. A code of capitals is one only in capitals (`ANA`, `A.P.`, `the BBC`): `Ana`, `Wafa` or
 * `Ansa` is a person's name (stop 58: `Maria (Ana) - …` opening a story gave it an agency).
 */
export function isKnownOutlet(name: string): boolean {
  if (knownNames === null || knownCodes === null) {
    const all = [
      ...Object.values(DOMAINS),
      ...Object.values(AGENCY_CODES),
      ...Object.keys(AGENCY_CODES),
    ];
    knownNames = new Set(all.filter((known) => !CAPITALS.test(known)).map(foldName));
    knownCodes = new Set(
      all.filter((known) => CAPITALS.test(known)).map((code) => code.replace(/\./g, '')),
    );
  }
  const bare = name.trim().replace(/^the\s+/i, '');
  if (CAPITALS.test(bare) && knownCodes.has(bare.replace(/\./g, ''))) return true;
  return knownNames.has(foldName(bare));
}
