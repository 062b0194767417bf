/** Scores an analysed article against a model: what the UI shows as dimmed suggested tags. */

import { ownValue } from '../text/own.js';
import type { SuggestModel } from './model.js';
import { corrected, score as scoreOf, withRules } from './model.js';
import type { ArticleAnalysis, Attributes, LabelScore, LabelSpec, Suggestion } from './types.js';

/** A label is suggested from this probability on. */
export const THRESHOLD = 0.5;

/** One suggestion per sentence, one score per label of `labels`, in that order. */
export function suggest(
  analysis: ArticleAnalysis,
  model: SuggestModel,
  labels: readonly LabelSpec[],
): Suggestion[] {
  return analysis.sentences.map((read) => {
    let uncertainty = 0;
    let doubt: string | null = null;
    const scores: LabelScore[] = labels.map((spec) => {
      const { name } = spec;
      // A label that takes another name's rules (a renamed quote) reads the sentence as those.
      const sentence = withRules(read, name, spec.rules);
      const score = scoreOf(model, sentence, name);
      const builtIn = Object.hasOwn(sentence.priors, name);
      const learnt = model.labels.get(name);
      if (builtIn || (learnt && learnt.positives + learnt.negatives > 0)) {
        const unsure = 1 - Math.abs(2 * score - 1);
        if (doubt === null || unsure > uncertainty) {
          uncertainty = unsure;
          doubt = name;
        }
      }
      return {
        label: name,
        score,
        suggested: score >= THRESHOLD,
        reasons: builtIn ? sentence.rules.filter((rule) => rule.startsWith(`${name}.`)) : [],
        attributes: declared(
          spec,
          Object.entries(ownValue(sentence.attributes, name) ?? {}).map(([key, value]) => [
            key,
            corrected(model, key, value),
          ]),
        ),
      };
    });
    return {
      sentence: read.sentence,
      index: read.index,
      labels: scores,
      uncertainty,
      doubt,
    };
  });
}

/**
 * The attributes the label's spec declares (every one found when the spec does not say),
 * a fixed list's value spelt as the list spells it, or left out when it is not in the list.
 */
function declared(spec: LabelSpec, found: Array<[string, string]>): Attributes {
  if (!spec.attributes) return Object.fromEntries(found);
  const kept: Attributes = {};
  for (const [key, value] of found) {
    const attribute = spec.attributes.find((candidate) => candidate.name === key);
    if (!attribute) continue;
    if (!attribute.values) {
      kept[key] = value;
      continue;
    }
    const folded = value.toLowerCase();
    const listed = attribute.values.find((candidate) => candidate.toLowerCase() === folded);
    if (listed !== undefined) kept[key] = listed;
  }
  return kept;
}

/**
 * The uncertainty from which a sentence is a doubt worth the reviewer's look (`w`): a score
 * between 10% and 90%. Below it margin is sure either way.
 */
export const DOUBT = 0.2;

/**
 * Most uncertain first (scores nearest 0.5), as an active-learning queue; ties keep article
 * order. Suggestions of several articles can be ordered together.
 */
export function byUncertainty(suggestions: readonly Suggestion[]): Suggestion[] {
  return suggestions
    .map((suggestion, order) => ({ suggestion, order }))
    .sort((a, b) => b.suggestion.uncertainty - a.suggestion.uncertainty || a.order - b.order)
    .map(({ suggestion }) => suggestion);
}
