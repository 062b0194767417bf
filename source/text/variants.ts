/** Words shorter than this are too short to be told apart by their romanisation. */
export const MIN_VARIANT = 4;
const variantMarks = /y|kh|ie|ii|ff$/;

/**
 * One key for the common romanisations of a name: "kh" and "h" (Kharkiv, Harkiv); "y", "i",
 * "ie", "iy" and "ii" as one "i" (Kyiv, Kiev; Zelensky, Zelenskyy, Zelenskiy; Yury, Yuri);
 * a final "ff" and "v" (Witkoff, Witkov). English "-ying" keeps its "y" ("flying" is not "fling").
 * Null for words too short to be told apart this way.
 */
export function variantKey(word: string): string | null {
  if (word.length < MIN_VARIANT) return null;
  return word
    .replace(/ying$/, '\u0000')
    .replace(/kh/g, 'h')
    .replace(/y/g, 'i')
    .replace(/ie/g, 'i')
    .replace(/i+/g, 'i')
    .replace(/ff$/, 'v')
    .replace('\u0000', 'ying');
}

/**
 * The key of a vocabulary word that its spelling changes ("kyiv" → "kiv"), or null when the word
 * is its own key: the words a search must look up by key, since the key is not among them.
 */
export function changedVariantKey(word: string): string | null {
  if (word.length < MIN_VARIANT || !variantMarks.test(word)) return null;
  const key = variantKey(word)!;
  return key === word ? null : key;
}
