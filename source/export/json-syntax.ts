/**
 * Where a text that `JSON.parse` refused first goes wrong, and what was expected there: V8's own
 * message names no position for most mistakes ("Unexpected token ','"), and quotes the input.
 * One pass with an explicit stack, so a deeply nested or very long line costs no more than
 * reading it.
 */
export interface JsonSyntaxError {
  /** UTF-16 offset of the first character that cannot be there (the length: the text ended). */
  offset: number;
  expected: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL = /true|false|null/y;
const WHITESPACE = /[ \t\n\r]*/y;

type Frame = 'object' | 'array';

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: Frame[] = [];
  let i = 0;
  const skip = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.test(text);
    i = WHITESPACE.lastIndex;
  };
  const fail = (expected: string): JsonSyntaxError => ({ offset: i, expected });
  /** Reads a string at `i` (its opening quote); null when it is whole. */
  const string = (): JsonSyntaxError | null => {
    i++;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return null;
      }
      if (code < 0x20) return fail('a control character to be escaped (\\n, \\u001b)');
      if (code === 0x5c) {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else return fail('an escape such as \\n, \\" or \\u00e9');
      } else i++;
    }
    return fail('the closing quote of a string');
  };
  // `value`: a value must come next; otherwise what follows a finished value.
  let state: 'value' | 'first-value' | 'key' | 'first-key' | 'after' = 'value';
  for (;;) {
    skip();
    if (state === 'value' || state === 'first-value') {
      const char = text[i];
      if (char === undefined) return fail('a value');
      if (char === ']' && state === 'first-value') {
        i++;
        stack.pop();
        state = 'after';
      } else if (char === '{') {
        i++;
        stack.push('object');
        state = 'first-key';
      } else if (char === '[') {
        i++;
        stack.push('array');
        state = 'first-value';
      } else if (char === '"') {
        const problem = string();
        if (problem) return problem;
        state = 'after';
      } else {
        NUMBER.lastIndex = i;
        LITERAL.lastIndex = i;
        if (NUMBER.test(text)) i = NUMBER.lastIndex;
        else if (LITERAL.test(text)) i = LITERAL.lastIndex;
        else
          return fail('a value (a string in double quotes, a number, true, false, null, { or [)');
        state = 'after';
      }
    } else if (state === 'key' || state === 'first-key') {
      if (text[i] === '}' && state === 'first-key') {
        i++;
        stack.pop();
        state = 'after';
        continue;
      }
      if (text[i] !== '"') return fail('a property name in double quotes');
      const problem = string();
      if (problem) return problem;
      skip();
      if (text[i] !== ':') return fail("':' after the property name");
      i++;
      state = 'value';
    } else {
      const frame = stack[stack.length - 1];
      if (!frame) return i < text.length ? fail('nothing after the value') : null;
      const close = frame === 'object' ? '}' : ']';
      if (text[i] === ',') {
        i++;
        state = frame === 'object' ? 'key' : 'value';
      } else if (text[i] === close) {
        i++;
        stack.pop();
      } else return fail(`',' or '${close}'`);
    }
  }
}
