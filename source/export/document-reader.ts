import { describeJsonError, type ImportError } from './import-errors.js';
import { findJsonSyntaxError } from './json-syntax.js';

/**
 * The longest element (a task, an annotation) a document import reads, in characters: above
 * any margin writes (a Label Studio task holds an article's clean text, at most 5 MB). A longer
 * one is named and skipped without being held.
 */
export const MAX_ELEMENT_CHARS = 16 * 1024 * 1024;
/**
 * The most of a document outside its list of elements that is held (a W3C collection's
 * header, or a single annotation): a document that is not such a list is read whole up to this.
 */
export const MAX_OUTSIDE_CHARS = 64 * 1024 * 1024;

/** What the reader hands on for each element of a list it was told to stream. */
export type ElementEvent =
  | { index: number; line: number; value: unknown }
  | { index: number; line: number; overlong: true };

/**
 * The placeholders that stand in the skeleton for elements read on their own, four numbers
 * each (a document of a million short elements is a million of them): where one starts and
 * ends in the skeleton, its element's newlines, and its code points after the last of them (or
 * in all).
 */
class Placeholders {
  private values = new Float64Array(1024);
  length = 0;

  add(from: number, to: number, newlines: number, tail: number): void {
    if ((this.length + 1) * 4 > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values.set([from, to, newlines, tail], this.length * 4);
    this.length++;
  }

  at(index: number): { from: number; to: number; newlines: number; tail: number } {
    const [from, to, newlines, tail] = this.values.subarray(index * 4, index * 4 + 4);
    return { from: from!, to: to!, newlines: newlines!, tail: tail! };
  }
}

interface Frame {
  array: boolean;
  /** Object keys from the root while this frame is on one of the paths, else null. */
  keys: string[] | null;
  /** An array whose elements are read one at a time. */
  streamed: boolean;
  expectKey: boolean;
  key: string | null;
}

interface Element {
  kind: 'container' | 'string' | 'scalar';
  parts: string[];
  chars: number;
  depth: number;
  inString: boolean;
  line: number;
  index: number;
  overlong: boolean;
  first: string;
  newlines: number;
  tail: number;
  /** Its text so far ends in the first half of a surrogate pair (split between pieces). */
  endsInLead: boolean;
}

/** The skeleton's verdict: the document with placeholders, or where it stops being JSON. */
export type Skeleton =
  | { ok: true; document: unknown; ranges: Array<{ from: number; to: number }> }
  | { ok: false; error: ImportError };

const SPACE = /[ \t\n\r]/;
const STRUCTURE = /[[\]{}"]/g;
const STRING_STOP = /["\\]/g;
const SCALAR_END = /[,\]} \n\r\t]/g;
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Code points as `[...text].length` counts them: a lone surrogate is one. */
const codePoints = (text: string) => text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
const isLead = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isTrail = (code: number) => code >= 0xdc00 && code <= 0xdfff;
function newlinesIn(text: string): { count: number; last: number } {
  let count = 0;
  let last = -1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    count++;
    last = at;
  }
  return { count, last };
}

/**
 * Reads a JSON document given a piece at a time, and hands on the elements of the arrays at
 * `paths` (object keys from the root; `[]`: a document that is an array) one by one, each
 * parsed by `JSON.parse` and numbered by the line it starts on; the rest of the document, with a
 * short placeholder of the same first character for each element, is its skeleton, parsed at
 * the end. Memory grows with the skeleton and one element, not with the document, while the
 * first error the whole text would give is still found where it is: every element before it
 * parsed, and each placeholder leaves the syntax check where its element would.
 */
export class DocumentReader {
  private readonly skeleton: string[] = [];
  private skeletonChars = 0;
  private readonly placeholders = new Placeholders();
  /** The skeleton's latest short pieces, joined into one part now and then. */
  private pending: string[] = [];
  private readonly ranges: Array<{ from: number; to: number }> = [];
  private readonly stack: Frame[] = [];
  private started = false;
  /** Inside a string outside the elements: the raw text of a key being read, or null. */
  private string: { key: string[] | null } | null = null;
  /** The character after a backslash that ended the last piece. */
  private escaped = false;
  private element: Element | null = null;
  private elements = 0;
  private line = 1;
  /** Past a syntax error or the limit: the rest is only looked at for a line break. */
  private stopped = false;
  private refused: ImportError | null = null;
  private hasNewline = false;

  constructor(
    private readonly paths: ReadonlyArray<readonly string[]>,
    private readonly onElement: (event: ElementEvent) => void,
    private readonly noun: string,
  ) {}

  /** How many lists of elements the reader has met so far. */
  get lists(): number {
    return this.ranges.length;
  }

  push(piece: string): void {
    let text = piece;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    if (this.stopped) {
      if (!this.hasNewline && text.includes('\n')) this.hasNewline = true;
      return;
    }
    let i = 0;
    let run = 0;
    const keep = (to: number) => {
      if (to > run) this.addSkeleton(text.slice(run, to));
      run = to;
    };
    while (i < text.length && !this.stopped) {
      if (this.element) {
        i = this.continueElement(text, i);
        run = i;
        continue;
      }
      if (this.escaped) {
        this.escaped = false;
        this.string?.key?.push(text[i]!);
        i++;
        continue;
      }
      if (this.string) {
        STRING_STOP.lastIndex = i;
        const found = STRING_STOP.exec(text);
        const at = found ? found.index : text.length;
        this.string.key?.push(text.slice(i, at));
        if (!found) {
          i = text.length;
        } else if (found[0] === '\\') {
          this.string.key?.push('\\');
          i = at + 1;
          this.escaped = true;
        } else {
          this.endString();
          i = at + 1;
        }
        continue;
      }
      const char = text[i]!;
      const top = this.stack[this.stack.length - 1];
      if (top?.streamed) {
        if (char === ',' || SPACE.test(char)) {
          i++;
        } else if (char === ']') {
          this.stack.pop();
          this.ranges[this.ranges.length - 1]!.to = this.elements;
          i++;
        } else if (char === '}' || char === ':') {
          // Cannot follow here: the skeleton's check names it, and nothing after it matters.
          keep(i + 1);
          this.stop();
        } else {
          keep(i);
          this.startElement(char);
        }
        continue;
      }
      if (char === '"') {
        const key = top !== undefined && !top.array && top.expectKey && top.keys !== null;
        this.string = { key: key ? [] : null };
      } else if (char === '{' || char === '[') {
        const keys = this.childKeys();
        const streamed =
          char === '[' &&
          keys !== null &&
          this.paths.some(
            (path) => path.length === keys.length && path.every((k, at) => k === keys[at]),
          );
        this.stack.push({
          array: char === '[',
          keys,
          streamed,
          expectKey: char === '{',
          key: null,
        });
        if (streamed) this.ranges.push({ from: this.elements, to: this.elements });
      } else if (char === '}' || char === ']') {
        if (this.stack.length === 0) {
          keep(i + 1);
          this.stop();
          continue;
        }
        this.stack.pop();
      } else if (char === ',') {
        if (top && !top.array) {
          top.expectKey = true;
          top.key = null;
        }
      }
      i++;
    }
    keep(i);
    if (this.stopped && !this.hasNewline && text.indexOf('\n', i) !== -1) this.hasNewline = true;
  }

  /** The skeleton parsed, or the first place the document stops being JSON. */
  end(): Skeleton {
    if (this.refused) return { ok: false, error: this.refused };
    const element = this.element;
    if (element?.overlong && !this.stopped) {
      // The text ends in an element not held: it ends where the element's own text did.
      const open = element.inString && element.kind === 'container' ? '"' : '';
      this.addPlaceholder(element, element.kind === 'scalar' ? '' : `${element.first}${open}`);
    } else if (element && !this.stopped) this.finishElement();
    this.flush();
    const text = this.skeleton.join('');
    try {
      return { ok: true, document: JSON.parse(text) as unknown, ranges: this.ranges };
    } catch {
      return { ok: false, error: this.syntaxError(text) };
    }
  }

  /** The element a placeholder stands for (`{"":N}`, `[N]`, `"N"`), or null for another value. */
  static placeholderIndex(value: unknown): number | null {
    if (typeof value === 'string') return /^\d+$/.test(value) ? Number(value) : null;
    if (Array.isArray(value)) return typeof value[0] === 'number' ? value[0] : null;
    if (value !== null && typeof value === 'object') {
      const index = (value as Record<string, unknown>)[''];
      return typeof index === 'number' ? index : null;
    }
    return null;
  }

  /** Adds to the skeleton: short pieces are kept together, not one string object each. */
  private append(text: string): void {
    this.pending.push(text);
    this.skeletonChars += text.length;
    if (this.pending.length >= 4096) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.skeleton.push(this.pending.join(''));
    this.pending = [];
  }

  private addSkeleton(text: string, limited = true): void {
    this.append(text);
    const { count } = newlinesIn(text);
    this.line += count;
    if (count > 0) this.hasNewline = true;
    if (limited && this.skeletonChars > MAX_OUTSIDE_CHARS) {
      this.refused = {
        line: 1,
        message: `more than ${MAX_OUTSIDE_CHARS >> 20} M characters outside the list of ${this.noun}s, more than margin reads of a document`,
      };
      this.stop();
    }
  }

  private stop(): void {
    this.stopped = true;
  }

  private childKeys(): string[] | null {
    const top = this.stack[this.stack.length - 1];
    if (!top) return [];
    if (top.array || top.keys === null || top.key === null) return null;
    const keys = [...top.keys, top.key];
    const onPath = this.paths.some(
      (path) => path.length > keys.length - 1 && keys.every((key, at) => path[at] === key),
    );
    return onPath ? keys : null;
  }

  private endString(): void {
    const string = this.string!;
    this.string = null;
    const top = this.stack[this.stack.length - 1];
    if (!top || top.array || !top.expectKey) return;
    top.expectKey = false;
    if (string.key === null) return;
    try {
      top.key = JSON.parse(`"${string.key.join('')}"`) as string;
    } catch {
      top.key = null;
    }
  }

  private startElement(first: string): void {
    this.element = {
      kind: first === '{' || first === '[' ? 'container' : first === '"' ? 'string' : 'scalar',
      parts: [],
      chars: 0,
      depth: 0,
      inString: false,
      line: this.line,
      index: this.elements++,
      overlong: false,
      first,
      newlines: 0,
      tail: 0,
      endsInLead: false,
    };
  }

  /** Reads the element on from `i`; gives where the text after it starts. */
  private continueElement(text: string, i: number): number {
    const element = this.element!;
    let at = i;
    let done = false;
    if (element.kind === 'scalar') {
      SCALAR_END.lastIndex = at;
      const found = SCALAR_END.exec(text);
      at = found ? found.index : text.length;
      done = found !== null;
    } else {
      while (at < text.length) {
        if (this.escaped) {
          this.escaped = false;
          at++;
          continue;
        }
        if (element.inString) {
          STRING_STOP.lastIndex = at;
          const found = STRING_STOP.exec(text);
          if (!found) {
            at = text.length;
            break;
          }
          at = found.index + 1;
          if (found[0] === '\\') this.escaped = true;
          else {
            element.inString = false;
            if (element.depth === 0) {
              done = true;
              break;
            }
          }
          continue;
        }
        STRUCTURE.lastIndex = at;
        const found = STRUCTURE.exec(text);
        if (!found) {
          at = text.length;
          break;
        }
        at = found.index + 1;
        const char = found[0];
        if (char === '"') element.inString = true;
        else if (char === '{' || char === '[') element.depth++;
        else if (--element.depth <= 0) {
          done = true;
          break;
        }
      }
    }
    this.addToElement(text.slice(i, at));
    if (done) this.finishElement();
    return at;
  }

  private addToElement(text: string): void {
    const element = this.element!;
    const { count, last } = newlinesIn(text);
    element.newlines += count;
    const joined = element.endsInLead && isTrail(text.charCodeAt(0)) ? 1 : 0;
    element.tail =
      count > 0 ? codePoints(text.slice(last + 1)) : element.tail + codePoints(text) - joined;
    if (text.length > 0) element.endsInLead = isLead(text.charCodeAt(text.length - 1));
    if (element.overlong) return;
    element.chars += text.length;
    if (element.chars > MAX_ELEMENT_CHARS) {
      element.overlong = true;
      element.parts = [];
    } else element.parts.push(text);
  }

  /** Hands the element on and leaves its placeholder, or stops at it when it is not JSON. */
  private finishElement(): void {
    const element = this.element!;
    this.element = null;
    this.line += element.newlines;
    if (element.newlines > 0) this.hasNewline = true;
    if (element.overlong) {
      this.onElement({ index: element.index, line: element.line, overlong: true });
      this.addPlaceholder(element, placeholderOf(element));
      return;
    }
    const text = element.parts.join('');
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      // The first error is in it (everything before parsed): the skeleton's check finds it.
      this.line -= element.newlines;
      this.addSkeleton(text, false);
      this.stop();
      return;
    }
    this.onElement({ index: element.index, line: element.line, value });
    // A short number or literal stands for itself: the skeleton is then the text there.
    if (element.kind === 'scalar' && text.length <= 32) this.append(text);
    else this.addPlaceholder(element, placeholderOf(element));
  }

  private addPlaceholder(element: Element, text: string): void {
    const from = this.skeletonChars;
    this.append(text);
    this.placeholders.add(from, this.skeletonChars, element.newlines, element.tail);
  }

  /** The whole text's first syntax error, as `parseDocument` named it, from the skeleton's. */
  private syntaxError(skeleton: string): ImportError {
    const found = findJsonSyntaxError(skeleton);
    const offset = found?.offset ?? 0;
    let line = 1;
    let column = 1;
    let at = 0;
    const walk = (to: number) => {
      const text = skeleton.slice(at, to);
      const { count, last } = newlinesIn(text);
      if (count > 0) {
        line += count;
        column = codePoints(text.slice(last + 1)) + 1;
      } else column += codePoints(text);
      at = to;
    };
    for (let index = 0; index < this.placeholders.length; index++) {
      const placeholder = this.placeholders.at(index);
      if (placeholder.from >= offset) break;
      walk(placeholder.from);
      if (placeholder.newlines > 0) {
        line += placeholder.newlines;
        column = placeholder.tail + 1;
      } else column += placeholder.tail;
      at = placeholder.to;
    }
    walk(offset);
    // The message as the whole text gave it: the same words, at the whole text's place.
    const described = describeJsonError(skeleton).replace(
      /^(?:line \d+, )?column \d+/,
      this.hasNewline ? `line ${line}, column ${column}` : `column ${column}`,
    );
    return { line, message: `not valid JSON: ${described}` };
  }
}

function placeholderOf(element: Element): string {
  if (element.kind === 'container') {
    return element.first === '{' ? `{"":${element.index}}` : `[${element.index}]`;
  }
  if (element.kind === 'string') return `"${element.index}"`;
  return element.first === '-' ? '-0' : /[0-9]/.test(element.first) ? '0' : 'null';
}
