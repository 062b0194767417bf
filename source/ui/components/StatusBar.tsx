import { Text } from 'ink';
import { hintIn, hintsFor, type KeyContext, typedKeysIn } from '../../review/keymap.js';
import { barHints, moreHint } from '../../review/pager-hints.js';
import { resultAt } from '../../review/search-count.js';
import { currentArticle, currentSentence } from '../../review/selectors.js';
import type { ReviewState } from '../../review/state.js';
import { pendingSuggestion, suggestionBrief } from '../../review/suggestions.js';
import stringWidth from '../../text/string-width.js';
import { oneLine } from '../../text/untrusted.js';
import { fitWidth, truncate } from '../../text/width.js';
import type { Theme } from '../theme.js';

export interface SaveIndicator {
  text: string;
  tone: 'ok' | 'busy' | 'error';
}

/** The save indicator of a session that has written nothing yet, once the store is open. */
export const NO_CHANGES = 'no changes';

/** The save indicator's place while a resumed review checks its folder for changed files. */
export const CHECKING = 'checking the folder…';

export function saveText(state: ReviewState): SaveIndicator {
  // Error texts quote file names and the system's messages: one line, no escape sequences.
  if (state.save.error) return { text: oneLine(state.save.error), tone: 'error' };
  const pending = state.save.pending + state.outbox.length;
  if (!state.storeOpen) {
    const waiting = pending === 0 ? '' : ` (${pending} change${pending === 1 ? '' : 's'} waiting)`;
    return { text: `loading annotations…${waiting}`, tone: 'busy' };
  }
  if (pending > 0) return { text: 'saving…', tone: 'busy' };
  // A resumed review's list may lack files added since, until the folder is checked (qa54).
  if (state.checking) {
    return { text: state.save.written ? `saved · ${CHECKING}` : CHECKING, tone: 'busy' };
  }
  // A fresh review has written nothing: `saved` said otherwise (verify52).
  return { text: state.save.written ? 'saved' : NO_CHANGES, tone: 'ok' };
}

/**
 * The bottom line: the last message (or the key hints of the current mode) on the left, the
 * save indicator on the right. A failed write always shows, whatever else is going on.
 */
export function StatusBar({
  state,
  context,
  theme,
}: {
  state: ReviewState;
  context: KeyContext | null;
  theme: Theme;
}) {
  const width = state.size.columns;
  // An empty corpus: nothing was saved nor can be, and only a few keys do anything.
  const empty = state.articles.length === 0 && !state.loading && state.mode.kind === 'browse';
  const save =
    empty && saveText(state).tone === 'ok' ? { text: '', tone: 'ok' as const } : saveText(state);
  const room = Math.max(8, Math.floor(width / 2));
  // A failed write cut short says where the rest is: its reason is what tells how to mend it.
  const shows = ` (${typedKeysIn('reader', 'problems/toggle', state.project.keymap)[0] ?? '!'} shows)`;
  const right =
    save.tone === 'error' && stringWidth(save.text) > room
      ? `${truncate(save.text, Math.max(1, room - stringWidth(shows)))}${shows}`
      : truncate(save.text, room);
  const leftWidth = Math.max(0, width - stringWidth(right) - 2);
  const message = state.message;
  // A project file changed under the review: said first, whole, until margin is started again;
  // the hints after it in what is left.
  const stale = !message && state.projectChanged ? projectChangedText(state) : '';
  const staleWidth = stale ? Math.min(leftWidth, stringWidth(stale)) : 0;
  // Beside it, hints only where a few fit whole (a suggestion cut to "sugg…" says nothing).
  const hintsWidth = stale ? Math.max(0, leftWidth - staleWidth - 3) : leftWidth;
  const hintsFit = !stale || hintsWidth >= 16;
  const rest = message
    ? oneLine(message.text)
    : !hintsFit
      ? ''
      : empty
        ? fittingHints(emptyCorpusHints(state), hintsWidth)
        : context
          ? (suggestionLine(state, context, hintsWidth) ??
            fittingHints(withResultAt(state, context, barHints(state, context)), hintsWidth))
          : '';
  const hints = stale && rest ? ` · ${rest}` : rest;
  const leftColor =
    message?.tone === 'error'
      ? theme.error
      : message?.tone === 'warning'
        ? theme.warning
        : undefined;
  const rightColor =
    save.tone === 'error' ? theme.error : save.tone === 'ok' ? theme.ok : theme.warning;
  return (
    <Text wrap="truncate">
      {stale ? <Text color={theme.warning}>{truncate(stale, staleWidth)}</Text> : null}
      <Text color={leftColor} dimColor={!message && theme.dim}>
        {fitWidth(stale && !rest ? '' : hints, leftWidth - staleWidth)}
      </Text>
      {'  '}
      <Text color={rightColor}>{right}</Text>
    </Text>
  );
}

const HELP_HINT = '? help';

/** "margin.json changed: restart margin (q quits)", the quit key as the project has it. */
function projectChangedText(state: ReviewState): string {
  const quit = typedKeysIn('list', 'app/quit', state.project.keymap)[0];
  return `${oneLine(state.projectChanged ?? '')}: restart margin${quit ? ` (${quit} quits)` : ''}`;
}

/** What the keys can do over an empty corpus: the problems (when any), the help, quitting. */
function emptyCorpusHints(state: ReviewState): string[] {
  const { keymap } = state.project;
  const problems =
    state.warnings.length > 0 ? typedKeysIn('list', 'problems/toggle', keymap)[0] : undefined;
  const useful = new Set(['help/toggle', 'app/quit']);
  const hints = keymap
    .filter((entry) => useful.has(entry.action.type))
    .map((entry) => hintIn('list', entry, keymap))
    .filter((hint): hint is string => hint !== null);
  return problems ? [`${problems} problems`, ...hints] : hints;
}

/**
 * Stepping through search results changes what `n` does (the next result, not the note): its
 * hint says where in them the reviewer is for as long as it lasts ("n/N result 2/18"), not only
 * the message right after a jump.
 */
function withResultAt(state: ReviewState, context: KeyContext, hints: string[]): string[] {
  const { results } = state;
  if (context !== 'results' || !results || results.hits.length === 0) return hints;
  const { keymap } = state.project;
  const next = keymap.find((entry) => entry.action.type === 'search/next');
  const hint = next ? hintIn(context, next, keymap) : null;
  const at = resultAt(results.index, results.hits.length, results.total);
  return hints.map((each) => (each === hint ? `${each} ${at}` : each));
}

/**
 * As many whole hints as fit (a hint cut in half says nothing); when some must go, `? help` stays
 * at the end, since the help lists the rest.
 */
export function fittingHints(hints: string[], width: number): string {
  const join = (parts: string[]) => parts.join(' · ');
  if (stringWidth(join(hints)) <= width) return join(hints);
  const keep = hints.includes(HELP_HINT) ? [HELP_HINT] : [];
  const taken: string[] = [];
  for (const hint of hints) {
    if (hint === HELP_HINT) continue;
    if (stringWidth(join([...taken, hint, ...keep])) > width) break;
    taken.push(hint);
  }
  const text = join([...taken, ...keep]);
  return stringWidth(text) <= width ? text : join(taken);
}

/**
 * In the reader, a sentence with a suggestion shows it instead of the hints: the labels with
 * their values (the speaker of a quote: what the reviewer checks before `y`), then the keys that
 * decide it, from the keymap. The values come first; the hints give way, `y accept` last (qa52:
 * the speaker was cut at 120 columns while `w unsure` and `? help` stayed). Inside a tall
 * sentence the key that reads on and the one that accepts both stay, the text cut for them.
 */
function suggestionLine(state: ReviewState, context: KeyContext, width: number): string | null {
  if (context !== 'reader' && context !== 'results') return null;
  const article = currentArticle(state);
  const sentence = currentSentence(state);
  if (!article || !sentence) return null;
  const pending = pendingSuggestion(state, article.id, sentence.id);
  if (!pending) return null;
  const text = `suggested: ${oneLine(suggestionBrief(pending, state.project.labels))}`;
  const more = moreHint(state, context);
  const [accept, ...others] = hintsFor(context, state.project.keymap, 'Suggest');
  const must = more ? [more, ...(accept ? [accept] : [])] : [];
  const shown = [...(more ? [more] : []), ...(accept ? [accept] : []), ...others, HELP_HINT];
  const wanted = [...must, ...(more ? [] : accept ? [accept] : []), HELP_HINT, ...others];
  const join = (hints: string[]) => shown.filter((hint) => hints.includes(hint)).join(' · ');
  const room = (hints: string[]) => width - stringWidth(join(hints)) - 3;
  if (must.length > 0 && stringWidth(text) > room(must)) {
    return `${truncate(text, Math.max(0, room(must)))} · ${join(must)}`;
  }
  const taken: string[] = [];
  for (const hint of wanted) {
    if (stringWidth(text) > room([...taken, hint])) break;
    taken.push(hint);
  }
  return taken.length > 0 ? `${text} · ${join(taken)}` : truncate(text, width);
}
