/**
 * A second, fresh held-out set of quote speakers: 147 quotes on 10 pages of the public
 * article-extraction benchmark (`../shared/benchmarks/article-extraction/`) that no file in
 * bench/quality, test/ or docs used (by id, or by a name or phrase of their text), labelled on
 * 2026-12-04 by speak16b from the text alone, following the guidelines of docs/readme/suggest.md
 * ("What counts as what": the speaker is the person or body the article gives the words to, by
 * the fullest name the article gives them, even where that name comes later in the article),
 * before the engine was run on these pages. It replaces suggest-speaker-holdout.ts as the set
 * no rule is written against once that one's misses were read (it is a development set since).
 *
 * Speaker-only, like the first: every row is a quote (every sentence of a quotation, partial
 * quotes with a reporting verb and a named speaker too) whose article names its speaker. Left
 * out: headings that quote words, slogans and quoted terms no one is said to speak ("Meth. We're
 * on it.", "de-confliction zone"), short quoted terms dubbed or seen by someone ("the Gordon
 * problem", "Achilles heel"), quotes of an unnamed source ("the source said", "one mother …
 * she said") or of a group the article does not name ("the authors wrote"), and a sentence that
 * is only a closing quotation mark. No other sentence is labelled, so only the speaker figure
 * (and quote recall) means anything here. The pages were chosen as the benchmark's unused news
 * with quotes (politics, business, local, science policy; its unused pages hold no sport or court
 * story with quotes except two whose names the docs cite). Rows have the form of
 * suggest-real-gold.ts; no benchmark text is copied here. Never tune to it: measure, and write
 * the figure down.
 */
import type { RealGoldPage } from './suggest-real-gold.js';

export const SPEAKER_HOLDOUT_2: readonly RealGoldPage[] = [
  {
    // Impeachment hearings: Kurt Volker and Tim Morrison testify (cbsnews.com, 2019-11-19)
    page: '7a664e40d256470fdb12d10c3f8d1c6db0581e9b080c71765e55f273a3ac7d03',
    labelled: '2026-12-04 (speak16b)',
    sentences: [
      [3, '225b9391', 'q', 'Tim Morrison'],
      [8, 'ee61ea52', 'q', 'Tim Morrison'],
      [9, '9ea17383', 'q', 'Tim Morrison'],
      [10, 'd5b2af5e', 'q', 'Tim Morrison'],
      [11, '8c030efe', 'q', 'Tim Morrison'],
      [13, 'abbd23df', 'q', 'Kurt Volker'],
      [14, '6e8d65ff', 'q', 'Kurt Volker'],
      [15, '4f76b958', 'q', 'Kurt Volker'],
      [16, '041ae6f6', 'q', 'Kurt Volker'],
      [17, '82dcd004', 'q', 'Kurt Volker'],
      [18, '13b54f88', 'q', 'Kurt Volker'],
      [22, '4dfcdc02', 'q', 'Kurt Volker'],
      [24, '61759abe', 'q', 'Kurt Volker'],
      [30, 'f837f709', 'q', 'Tim Morrison'],
      [34, '6b44a83e', 'q', 'Kurt Volker'],
      [35, '228b4538', 'q', 'Kurt Volker'],
      [37, '3832ed4b', 'q', 'Kurt Volker'],
      [38, '2414a284', 'q', 'Kurt Volker'],
      [45, '0ce5c186', 'q', 'Schiff'],
      [46, 'cd0160ce', 'q', 'Kurt Volker'],
    ],
  },
  {
    // Google launches Stadia: a Google director, an analyst, Ubisoft and Take-Two
    // (hollywoodreporter.com)
    page: '8267acacb9e4a109b1f7ee7bafe735b73e9c94180b703b131f9e90c9be044f39',
    labelled: '2026-12-04 (speak16b)',
    sentences: [
      [0, '9ae45211', 'q', 'Jack Buser'],
      [2, '1992faba', 'q', 'Jack Buser'],
      [3, 'd91ae275', 'q', 'Jack Buser'],
      [6, '4a707669', 'q', 'Jack Buser'],
      [13, '2a0ee1d6', 'q', 'Lewis Ward'],
      [14, '368dbce6', 'q', 'Lewis Ward'],
      [15, 'f9deae0b', 'q', 'Lewis Ward'],
      [17, '2f8c40d1', 'q', 'Chris Early'],
      [18, '2fb8bc71', 'q', 'Chris Early'],
      [19, '19052f09', 'q', 'Strauss Zelnick'],
      [20, 'c695c596', 'q', 'Strauss Zelnick'],
      [21, '5e2c6801', 'q', 'Strauss Zelnick'],
      [24, 'ebf89111', 'q', 'Lewis Ward'],
      [25, 'd9bfe790', 'q', 'Lewis Ward'],
      [26, 'da9ce924', 'q', 'Chris Early'],
      [27, '2494b7c2', 'q', 'Chris Early'],
      [28, 'fab92be3', 'q', 'Chris Early'],
      [29, '8af7f639', 'q', 'Jack Buser'],
      [30, '15d7cbf9', 'q', 'Jack Buser'],
      [31, '3d5d5842', 'q', 'Jack Buser'],
      [32, '54455e1d', 'q', 'Jack Buser'],
      [34, 'fcddbfcc', 'q', 'Chris Early'],
      [35, 'eb790741', 'q', 'Chris Early'],
      [36, '9be3d5f4', 'q', 'Chris Early'],
      [39, 'eb0a0211', 'q', 'Lewis Ward'],
      [41, '6bf41c9d', 'q', 'Jack Buser'],
      [42, 'f56cb74f', 'q', 'Jack Buser'],
      [43, '77a77506', 'q', 'Jack Buser'],
      [44, '08295213', 'q', 'Jack Buser'],
    ],
  },
  {
    // Trump's showmanship in the trade war with China (nytimes.com, 2019-11-18)
    page: '702d1da63b8e064cb70617620e45c2d116b4912c9bc9d518dcf5ce54bb8057ed',
    labelled: '2026-12-04 (speak16b)',
    sentences: [
      [2, 'e25a2196', 'q', 'Trump'],
      [3, '52bb9a79', 'q', 'Trump'],
      [4, '2d790049', 'q', 'Trump'],
      [5, 'a190e955', 'q', 'Trump'],
      [6, '84f94206', 'q', 'Trump'],
      [15, '43b80116', 'q', 'Trump'],
      [16, '5947b899', 'q', 'Trump'],
      [17, '0f6d4919', 'q', 'Trump'],
      [24, '34c5788a', 'q', 'John Williams'],
      [25, 'e8aee9ba', 'q', 'John Williams'],
      [33, '37e69a97', 'q', 'Eswar Prasad'],
      [34, 'ebffa6d0', 'q', 'Eswar Prasad'],
      [46, '16fef82b', 'q', 'Phil Levy'],
      [47, '4131d219', 'q', 'Phil Levy'],
      [48, '1f669dbd', 'q', 'Phil Levy'], // its spaced closing quote kept since 2026-12-07
      [51, '57d3b8a2', 'q', 'Zippy Duvall'],
      [52, 'feac154f', 'q', 'Zippy Duvall'],
      [61, '67d65945', 'q', 'He Jianxiong'],
    ],
  },
  {
    // Fact-check: Russia's claims about al-Tanf and the Rukban camp (polygraph.info)
    page: '1ee91d1fce65e09be8b8d2d29eab771546d98ca2ba5c862941e660e9fec12432',
    labelled: '2026-12-04 (speak16b)',
    sentences: [
      [1, '5ed07424', 'q', 'the Pentagon'],
      [20, '3db0d3a0', 'q', 'Omar Lamrani'],
      [21, '96c3b141', 'q', 'Omar Lamrani'],
      [23, 'ab82cc81', 'q', 'Charles Simpson'],
      [24, 'ce4b4b2d', 'q', 'Charles Simpson'],
      [30, '1caa8451', 'q', 'Sean Robertson'],
      [31, '12f79a16', 'q', 'Sean Robertson'],
      [32, '7b666644', 'q', 'Sean Robertson'],
      [33, '7f7cffcd', 'q', 'Sean Robertson'],
      [34, '44e8f587', 'q', 'Farhan Aziz Haq'],
      [36, 'acee42b2', 'q', 'Charles Simpson'],
      [37, 'cf60aaba', 'q', 'Charles Simpson'],
      [38, '66054bd0', 'q', 'Sean Robertson'],
      [39, '8cacd0f9', 'q', 'Sean Robertson'],
    ],
  },
  {
    // Spokane ad agencies on South Dakota's anti-meth campaign (spokesman.com, 2019-11-19)
    page: 'c13b9c0e04fb28d445d22e92bff6ab7f7800a429930677c28c4dad89f3269869',
    labelled: '2026-12-04 (speak16b)',
    sentences: [
      [3, '9aadd363', 'q', 'Michelle Hege'],
      [4, '79ab0076', 'q', 'Michelle Hege'],
      [5, 'e5dfe57f', 'q', 'Michelle Hege'],
      [8, 'd3a309ed', 'q', 'Michelle Hege'],
      [9, 'ef9fcd0c', 'q', 'Michelle Hege'],
      [12, '19408d26', 'q', 'Julie Graham'],
      [14, '379ba614', 'q', 'Julie Graham'],
      [15, 'd66af20d', 'q', 'Julie Graham'],
      [16, '5b92d1ba', 'q', 'Julie Graham'],
      [18, '894356a4', 'q', 'Julie Graham'],
      [19, '5a22fab7', 'q', 'Julie Graham'],
      [22, 'f1dbe576', 'q', 'Jeff Sanborn'],
      [23, 'a886b042', 'q', 'Jeff Sanborn'],
      [24, 'a3f9b605', 'q', 'Jeff Sanborn'],
      [26, '4ef58c03', 'q', 'Jeff Sanborn'],
      [27, '949a90ac', 'q', 'Jeff Sanborn'],
      [28, '127459dc', 'q', 'Jeff Sanborn'],
    ],
  },
  {
    // NASA adds SpaceX, Blue Origin and others to its moon delivery bidders (aljazeera.com)
    page: '42aad16bde9288623543642a9ce1a396be83e2db44aa2ff8cbbfe46e14abd7cc',
    labelled: '2026-12-04 (speak16b)',
    sentences: [
      [5, '62c71498', 'q', 'Steve Clarke'],
      [6, '3a6da52a', 'q', 'Steve Clarke'],
      [16, '485d37d4', 'q', 'Brent Sherwood'],
      [17, 'bc5873df', 'q', 'Brent Sherwood'],
      [18, '8a58ca5f', 'q', 'Brent Sherwood'],
      [19, 'c611d491', 'q', 'Brent Sherwood'],
      [22, 'c88a3204', 'q', 'Michael Sims'],
      [23, '230f3d25', 'q', 'Michael Sims'],
      [24, 'ce05b0d5', 'q', 'Michael Sims'],
      [25, '76307979', 'q', 'Michael Sims'],
    ],
  },
  {
    // The same NASA selection, from the agency's statement and telecon (space.com)
    page: 'c50845a7158af12ee75acea301a3ea0dad1e848d6b9dbdb43ba7f2d825b2528b',
    labelled: '2026-12-04 (speak16b)',
    sentences: [
      [3, '1676954b', 'q', 'Jim Bridenstine'],
      [4, 'cb4dee21', 'q', 'Jim Bridenstine'],
      [5, 'dfb89c97', 'q', 'Jim Bridenstine'],
      [15, 'ce2df0f3', 'q', 'Thomas Zurbuchen'],
      [16, '80f699d2', 'q', 'Thomas Zurbuchen'],
      [23, 'f99ba335', 'q', 'Steve Clarke'],
      [24, 'fd47f9f0', 'q', 'Steve Clarke'],
      [27, '6282749b', 'q', 'Steve Clarke'],
    ],
  },
  {
    // Hong Kong: police besiege Polytechnic University, China's ambassador warns
    // (express.co.uk)
    page: '624fcd903d56fc7055fa7097b330629450c095ad6937318deb027be7803bbf35',
    labelled: '2026-12-04 (speak16b)',
    sentences: [
      [4, 'd5f00969', 'q', 'Liu Xiaming'],
      [5, 'de736f79', 'q', 'Cheuk Hau-yip'],
      [6, '3022a193', 'q', 'Cheuk Hau-yip'],
      [7, '7960d014', 'q', 'Cheuk Hau-yip'],
      [8, '9ffb07f9', 'q', 'Liu Xiaming'],
      [9, 'd3a2f3c1', 'q', 'Liu Xiaming'],
      [10, '7f0e1aa2', 'q', 'Liu Xiaming'],
      [11, 'd9214be2', 'q', 'Liu Xiaming'],
      [12, 'a5270776', 'q', 'Liu Xiaming'],
      [20, 'f7bbf7f9', 'q', 'the UK'],
    ],
  },
  {
    // Cannabis use disorder where the drug is legal: a study and an outside expert
    // (newsweek.com)
    page: '7f93c1944a41d01960f8a16fdfda6c562e86f04ead8375ab796c4278402df9a8',
    labelled: '2026-12-04 (speak16b)',
    sentences: [
      [14, 'e1dc3c6b', 'q', 'Silvia S. Martins'],
      [15, 'fed0bfc3', 'q', 'Silvia S. Martins'],
      [16, '883b602f', 'q', 'Silvia S. Martins'],
      [17, 'e7aa6b02', 'q', 'Ian Hamilton'],
      [18, '1af60aee', 'q', 'Ian Hamilton'],
      [21, '227e60f5', 'q', 'Ian Hamilton'],
      [23, '985f706d', 'q', 'Ian Hamilton'],
      [24, '2da2ffe9', 'q', 'Ian Hamilton'],
    ],
  },
  {
    // Instagram's business accounts and their analytics (wired.com)
    page: 'd48aeb9cf2f2ff15769a57513249b4a6a669159f3e50b335e741d4206a824e88',
    labelled: '2026-12-04 (speak16b)',
    sentences: [
      [7, '1e5b1e70', 'q', 'Adam Mosseri'],
      [16, '0638855f', 'q', 'Kym Lino'],
      [30, 'f898e7f7', 'q', 'Joseph Minga'],
      [32, 'd3d93bf7', 'q', 'Joseph Minga'], // its spaced closing quote kept since 2026-12-07
      [35, '83d6176b', 'q', 'Will Tjernlund'],
      [36, '055e6362', 'q', 'Will Tjernlund'],
      [37, '6a83e985', 'q', 'Will Tjernlund'],
      [40, 'dd71b134', 'q', 'Joseph Minga'],
      [41, '04e5b620', 'q', 'Joseph Minga'],
      [42, '37338caa', 'q', 'Joseph Minga'],
      [43, 'd95ee4df', 'q', 'Joseph Minga'],
      [60, '0a2da00a', 'q', 'Kym Lino'],
      [65, '0b4acf39', 'q', 'David Stier'],
    ],
  },
];
