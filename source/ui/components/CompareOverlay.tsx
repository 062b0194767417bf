import { Box, Text } from 'ink';
import { GOLD } from '../../export/adjudication.js';
import { articleById, marksOf } from '../../review/selectors.js';
import type { ReviewState } from '../../review/state.js';
import { compareColumns, REFUSED } from '../../review/view/compare-columns.js';
import { type LabelSet, letterOf, sortLabelNames } from '../../store/labels.js';
import type { Label } from '../../store/types.js';
import { oneLine, oneName } from '../../text/untrusted.js';
import { fitWidth } from '../../text/width.js';
import type { Theme } from '../theme.js';

/** One column per project label (its letter or `·`), then `?` for each label it no longer has. */
const letters = (set: LabelSet, labels: readonly Label[]) => {
  const own = set.map((label) => (labels.includes(label.name) ? label.letter : '·')).join('');
  const unknown = sortLabelNames(set, labels).filter((name) => letterOf(set, name) === '?');
  return own + unknown.map(() => '?').join('');
};

/**
 * `c` with --compare: one row per sentence, disagreements first, with each annotator's labels in
 * a numbered column and the gold version last; 1–9 take a column's version into gold. Nine
 * annotators are shown at a time (`←`/`→` for the others), each numbered by the key that takes it.
 */
export function CompareOverlay({
  state,
  annotators,
  width,
  height,
  theme,
}: {
  state: ReviewState;
  annotators: string[];
  width: number;
  height: number;
  theme: Theme;
}) {
  const mode = state.mode;
  if (mode.kind !== 'compare') return null;
  const article = articleById(state, mode.article);
  if (!article) return null;
  const rows = mode.rows ?? [];
  const texts = new Map(article.sentences.map((s) => [s.id, s.text]));
  const gold = marksOf(state, article.id);
  const first = mode.first ?? 0;
  const { cell, perPage } = compareColumns(rows, state.project.labels.length, width);
  const shownOf = <T,>(list: readonly T[]) => list.slice(first, first + perPage);
  // Names come from folder names in the store, as untrusted as any file name.
  const shown = shownOf(annotators).map(oneLine);
  const names = shown.map((name, i) => fitWidth(`${i + 1} ${name}`, cell)).join('');
  const disagreements = rows.filter((row) => row.disagreement).length;
  const more =
    annotators.length > perPage
      ? ` · annotators ${first + 1}–${first + shown.length} of ${annotators.length} (←/→)`
      : '';
  // Whose files the gold column is written to, named only when it is not the gold annotator
  // itself (`review --compare` writes as gold: "gold: gold" said nothing).
  const writer = state.annotator === GOLD ? '' : ` · gold: ${oneName(state.annotator)}`;
  const title =
    annotators.length === 0
      ? 'No other annotator has tagged this article yet.'
      : `${disagreements} of ${rows.length} sentences disagree (listed first)${more}${writer}`;
  const bodyHeight = Math.max(1, height - 2);
  const top = Math.max(0, Math.min(mode.selected - bodyHeight + 1, rows.length - bodyHeight));
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold color={theme.accent} wrap="truncate">
        {fitWidth(title, width)}
      </Text>
      <Text dimColor={theme.dim} wrap="truncate">
        {fitWidth(`    ${names}${fitWidth('gold', cell)}sentence`, width)}
      </Text>
      {rows.slice(top, top + bodyHeight).map((row, offset) => {
        const selected = top + offset === mode.selected;
        const own = gold.sentences[row.sentence]?.labels ?? [];
        const cells = shownOf(row.annotators)
          // A refused file's labels are unknown, and an article only opened (or never) was not
          // reviewed: never drawn as none (`···`).
          .map((entry) =>
            fitWidth(
              entry.refused
                ? REFUSED
                : (entry.unreviewed ?? letters(state.project.labels, entry.labels)),
              cell,
            ),
          )
          .join('');
        const line = `${selected ? '▶' : ' '} ${row.disagreement ? '≠' : ' '} ${cells}${fitWidth(letters(state.project.labels, own), cell)}${oneLine(texts.get(row.sentence) ?? '')}`;
        return (
          <Text
            key={row.sentence}
            wrap="truncate"
            bold={selected}
            color={selected ? theme.cursor : row.disagreement ? theme.warning : undefined}
          >
            {line}
          </Text>
        );
      })}
    </Box>
  );
}
