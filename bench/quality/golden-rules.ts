/**
 * The English "Golden Rules" of pragmatic_segmenter (`golden-rules/en.jsonl` of the shared
 * benchmarks, one case a line: `{"n","name","text","sentences"}`), scored as upstream scores
 * them: a rule passes when the whole list of sentences is exactly the expected one.
 *
 * Each rule's text is one paragraph for `splitSentences`. A sentence is compared as `margin split`
 * prints it, on one line (`singleLine`): pragmatic_segmenter drops the line breaks inside a
 * sentence ("It was a cold \nnight" is "It was a cold night"), while margin's spans keep them,
 * since they point into the article's text. Line breaks that end a sentence fall between spans
 * and are dropped either way.
 */
import { readFileSync } from 'node:fs';
import { singleLine, splitSentences } from '../../source/corpus/sentences.js';

export interface GoldenRuleFailure {
  n: number;
  name: string;
  expected: string[];
  got: string[];
}

export interface GoldenRulesScore {
  passed: number;
  total: number;
  failures: GoldenRuleFailure[];
}

interface GoldenRule {
  n: number;
  name: string;
  text: string;
  sentences: string[];
}

function isRule(value: unknown): value is GoldenRule {
  const rule = value as Partial<GoldenRule> | null;
  return (
    typeof rule === 'object' &&
    rule !== null &&
    typeof rule.n === 'number' &&
    typeof rule.name === 'string' &&
    typeof rule.text === 'string' &&
    Array.isArray(rule.sentences) &&
    rule.sentences.every((sentence) => typeof sentence === 'string')
  );
}

function readRules(file: string): GoldenRule[] {
  const rules: GoldenRule[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${index + 1}: not JSON`);
      }
      if (!isRule(value)) {
        throw new Error(`${file}:${index + 1}: expected {"n","name","text","sentences"}`);
      }
      rules.push(value);
    });
  return rules;
}

/** The sentences margin finds in one rule's text, each on one line. */
export function splitRule(text: string): string[] {
  return splitSentences(text).map(({ start, end }) => singleLine(text.slice(start, end)));
}

export function scoreGoldenRules(file: string): GoldenRulesScore {
  const rules = readRules(file);
  const failures: GoldenRuleFailure[] = [];
  for (const rule of rules) {
    const got = splitRule(rule.text);
    const same =
      got.length === rule.sentences.length &&
      got.every((sentence, index) => sentence === rule.sentences[index]);
    if (!same) failures.push({ n: rule.n, name: rule.name, expected: rule.sentences, got });
  }
  return { passed: rules.length - failures.length, total: rules.length, failures };
}
