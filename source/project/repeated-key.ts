/** Where a key of a JSON object is given a second time, and which key. */
export interface RepeatedKey {
  /** The object's place: keys and array indexes from the top. */
  path: Array<string | number>;
  key: string;
}

interface Frame {
  /** The object's keys so far; null for an array. */
  keys: Set<string> | null;
  path: Array<string | number>;
  /** The array's current index, or the object's current key. */
  index: number;
  key: string;
}

/** The index just after the string that opens at `at` (a `"`). */
function endOfString(text: string, at: number): number {
  let end = at + 1;
  while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
  return end + 1;
}

/**
 * The first key an object of `text` (valid JSON) gives twice, or null. `JSON.parse` keeps the
 * last silently: a hand edit or a merge that left `"undo"` twice in `keys` took one of them
 * without a word.
 */
export function firstRepeatedKey(text: string): RepeatedKey | null {
  const stack: Frame[] = [];
  for (let at = 0; at < text.length; ) {
    const char = text[at]!;
    const top = stack.at(-1);
    if (char === '"') {
      const end = endOfString(text, at);
      let next = end;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      if (top?.keys && text[next] === ':') {
        const key = JSON.parse(text.slice(at, end)) as string;
        if (top.keys.has(key)) return { path: top.path, key };
        top.keys.add(key);
        top.key = key;
      }
      at = end;
      continue;
    }
    if (char === '{' || char === '[') {
      const path = top ? [...top.path, top.keys ? top.key : top.index] : [];
      stack.push({ keys: char === '{' ? new Set() : null, path, index: 0, key: '' });
    } else if (char === '}' || char === ']') stack.pop();
    else if (char === ',' && top && !top.keys) top.index++;
    at++;
  }
  return null;
}
