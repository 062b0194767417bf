/**
 * The line (1-based) on which each element of one array inside a JSON document starts: the array
 * at `path` (object keys from the root; `[]` for a document that is an array). JSON.parse gives
 * no positions, and an import names each bad task by its line. One pass over the text, which
 * must already be valid JSON.
 */
export function elementLines(text: string, path: readonly string[]): number[] {
  interface Frame {
    array: boolean;
    onPath: boolean;
    expectKey: boolean;
    key: string | null;
  }
  const stack: Frame[] = [];
  const lines: number[] = [];
  let line = 1;
  let counted = 0;
  const record = (offset: number) => {
    for (
      let i = text.indexOf('\n', counted);
      i !== -1 && i < offset;
      i = text.indexOf('\n', i + 1)
    ) {
      line++;
    }
    counted = offset;
    lines.push(line);
  };
  const inTarget = () => {
    const top = stack[stack.length - 1];
    return top?.array === true && top.onPath && stack.length === path.length + 1;
  };
  const childOnPath = () => {
    if (stack.length === 0) return true;
    const top = stack[stack.length - 1]!;
    return (
      top.onPath && !top.array && stack.length <= path.length && top.key === path[stack.length - 1]
    );
  };
  /** The index just past the string starting at `start` (its opening quote). */
  const stringEnd = (start: number) => {
    let i = start + 1;
    for (;;) {
      const quote = text.indexOf('"', i);
      let backslashes = 0;
      while (text[quote - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      i = quote + 1;
    }
  };
  for (let i = 0; i < text.length; ) {
    const char = text[i]!;
    const top = stack[stack.length - 1];
    if (char === '{' || char === '[') {
      if (inTarget()) record(i);
      stack.push({
        array: char === '[',
        onPath: childOnPath(),
        expectKey: char === '{',
        key: null,
      });
      i++;
    } else if (char === '}' || char === ']') {
      stack.pop();
      i++;
    } else if (char === '"') {
      const end = stringEnd(i);
      if (top && !top.array && top.expectKey) {
        top.key = top.onPath ? (JSON.parse(text.slice(i, end)) as string) : null;
        top.expectKey = false;
      } else if (inTarget()) record(i);
      i = end;
    } else if (char === ',') {
      if (top && !top.array) top.expectKey = true;
      i++;
    } else if (char === ':' || char === ' ' || char === '\n' || char === '\r' || char === '\t') {
      i++;
    } else {
      // A number or a literal: runs until the next delimiter.
      if (inTarget()) record(i);
      while (i < text.length && !',]} \n\r\t'.includes(text[i]!)) i++;
    }
  }
  return lines;
}
