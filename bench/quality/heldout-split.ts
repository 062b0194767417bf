/**
 * Sentence-splitting cases nobody here tuned on: the RSpec files of pragmatic_segmenter
 * (`spec/pragmatic_segmenter/languages/*_spec.rb`), read as they are published. Each
 * `it … do … end` block gives a text (`text: "…"`, `text = "…"` or a `<<-EOF` heredoc) and the
 * expected sentences (`expect(ps.segment).to eq([…])`). The "Golden Rules" contexts are left out:
 * the English ones are the 52 rules margin was tuned on, and the other languages' repeat their
 * `#segment` cases.
 *
 * pragmatic_segmenter also cleans the text it splits (joins hard-wrapped lines, squeezes spaces,
 * drops HTML tags and dot leaders); margin's splitter does not clean. Both sides are compared with
 * their whitespace squeezed, and a case whose spec asks for cleaning (a `doc_type`, markup in the
 * text, a run of dots) is tagged `cleaning` so its misses are read apart from boundary errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { splitSentences } from '../../source/corpus/sentences.js';

export interface SpecCase {
  /** `english_spec.rb #012 correctly segments text #012`. */
  id: string;
  language: string;
  text: string;
  expected: string[];
  /** The spec marks the case `skip` (not implemented upstream either). */
  skipped: boolean;
  /** The expected output relies on pragmatic_segmenter's cleaning, not only on boundaries. */
  cleaning: boolean;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', s: ' ', '0': '\0' };

/** Reads a Ruby string literal starting at `at`; returns its value and the index after it. */
function rubyString(source: string, at: number): { value: string; end: number } | null {
  const quote = source[at];
  if (quote !== '"' && quote !== "'") return null;
  let value = '';
  let i = at + 1;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\' && i + 1 < source.length) {
      const next = source[i + 1]!;
      if (quote === "'") {
        // Single quotes know only \' and \\.
        value += next === "'" || next === '\\' ? next : `\\${next}`;
      } else {
        value += ESCAPES[next] ?? next;
      }
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  return null;
}

/** A `<<-EOF … EOF` heredoc starting at `at` (its body keeps its indentation, as Ruby's does). */
function heredoc(source: string, at: number): { value: string; end: number } | null {
  const head = /^<<[-~]?([A-Z_]+)[^\n]*\n/.exec(source.slice(at));
  if (!head) return null;
  const bodyStart = at + head[0].length;
  const close = new RegExp(`^[ \\t]*${head[1]}[ \\t]*$`, 'm');
  const rest = source.slice(bodyStart);
  const match = close.exec(rest);
  if (!match) return null;
  return { value: rest.slice(0, match.index), end: bodyStart + match.index + match[0].length };
}

function literalAt(source: string, at: number): { value: string; end: number } | null {
  return source.startsWith('<<', at) ? heredoc(source, at) : rubyString(source, at);
}

/** The strings of a `[ "a", 'b' ]` array starting at the `[`. */
function stringArray(source: string, at: number): string[] | null {
  const values: string[] = [];
  let i = at + 1;
  while (i < source.length) {
    while (/[\s,]/.test(source[i] ?? '')) i++;
    if (source[i] === ']') return values;
    const literal = rubyString(source, i);
    if (!literal) return null;
    values.push(literal.value);
    i = literal.end;
  }
  return null;
}

const TEST = /^\s*it\s+(["'])(.*?)\1\s+do\s*$/gm;

/** The cases of one spec file, in file order. */
export function parseSpec(file: string, source: string): SpecCase[] {
  const cases: SpecCase[] = [];
  const fileLanguage = /\(([a-z]{2})\)/.exec(source)?.[1] ?? '??';
  const golden = goldenRanges(source);
  const starts = [...source.matchAll(TEST)];
  for (const [index, match] of starts.entries()) {
    const start = match.index ?? 0;
    if (golden.some(([from, to]) => start >= from && start < to)) continue;
    const end = starts[index + 1]?.index ?? source.length;
    const block = source.slice(start, end);
    const text = caseText(block);
    const expectAt = block.indexOf('eq([');
    const expected = expectAt >= 0 ? stringArray(block, expectAt + 3) : null;
    if (text === null || expected === null) continue;
    const language = /language:\s*["']([a-z]{2})["']/.exec(block)?.[1] ?? fileLanguage;
    cases.push({
      id: `${path.basename(file)} ${match[2]}`,
      language,
      text,
      expected,
      skipped: /^\s*skip\b/m.test(block),
      cleaning: /doc_type:/.test(block) || /<\/?[a-z][^>]*>|&[a-z]+;|\.{4,}|\{b\^/.test(text),
    });
  }
  return cases;
}

/** Spans of `context "Golden Rules" do … end` (up to the next top-level describe or context). */
function goldenRanges(source: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of source.matchAll(/^\s*context\s+["']Golden Rules["']\s+do\s*$/gm)) {
    const from = match.index ?? 0;
    const next = /^\s*(describe|context)\s/gm;
    next.lastIndex = from + match[0].length;
    const after = next.exec(source);
    ranges.push([from, after?.index ?? source.length]);
  }
  return ranges;
}

/** The text a case segments: the `text:` argument, or the `text =` variable it names. */
function caseText(block: string): string | null {
  const assigned = /\btext\s*=\s*/.exec(block);
  if (assigned) {
    const literal = literalAt(block, assigned.index + assigned[0].length);
    if (literal) return literal.value;
  }
  const argument = /\btext:\s*/.exec(block);
  if (!argument) return null;
  return literalAt(block, argument.index + argument[0].length)?.value ?? null;
}

/** Every `*_spec.rb` under `folder`, parsed. */
export function loadSpecCases(folder: string): SpecCase[] {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('_spec.rb'))
    .sort();
  return files.flatMap((name) => parseSpec(name, readFileSync(path.join(folder, name), 'utf8')));
}

const squeeze = (sentence: string): string => sentence.replace(/\s+/g, ' ').trim();

/** margin's sentences of a case's text, each with its whitespace squeezed. */
export function marginSentences(text: string): string[] {
  return splitSentences(text)
    .map(({ start, end }) => squeeze(text.slice(start, end)))
    .filter((sentence) => sentence !== '');
}

export function passes(spec: SpecCase): boolean {
  const got = marginSentences(spec.text);
  const want = spec.expected.map(squeeze).filter((sentence) => sentence !== '');
  return got.length === want.length && got.every((sentence, i) => sentence === want[i]);
}
