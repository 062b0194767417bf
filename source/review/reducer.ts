import type { Action, KeyAction } from './actions.js';
import {
  acceptCompare,
  compareRowsArrived,
  goCompare,
  moveCompare,
  openCompare,
  shiftCompare,
} from './compare-actions.js';
import {
  backToNote,
  cancelEdit,
  cancelledSaidAgain,
  clearLabels,
  moveField,
  saveEdit,
  startEdit,
  toggleLabel,
  typeInto,
} from './edits.js';
import { guidelinesAction } from './guidelines.js';
import { typedKeysIn } from './keymap.js';
import { land, spotOf } from './landing.js';
import {
  goBack,
  jumpTo,
  moreArrived,
  move,
  nextUntagged,
  open,
  placeHere,
  resultsArrived,
  startedByChange,
  stepResults,
  withCurrent,
} from './navigation.js';
import { resumeAt } from './resume.js';
import { scrolledTop } from './scroll.js';
import { searchBack, searchStartFor } from './search-back.js';
import { moreMatch, resultOf } from './search-count.js';
import {
  carriedTop,
  currentArticle,
  followList,
  followReader,
  marksOf,
  problemsOf,
  searchPage,
} from './selectors.js';
import type { Mode, ReviewState } from './state.js';
import {
  copyToCounterpart,
  goStory,
  markLink,
  moveStory,
  openStory,
  storyArticleRead,
  storyBack,
  storyFound,
  unlinkCounterpart,
} from './story.js';
import {
  acceptSuggestion,
  learnFromAttributes,
  learnFromChange,
  learnFromDone,
  lessonStep,
  nextUncertain,
  rejectionsLoaded,
  rejectSuggestion,
  suggestionsArrived,
} from './suggestions.js';
import { emit, info, setMarks, warn } from './updates.js';
import { helpMaxTop } from './view/help.js';
import { paneLayout } from './view/layout.js';
import { problemLines, problemsHeight } from './view/problems.js';

function quitIfDrained(state: ReviewState): ReviewState {
  if (state.mode.kind !== 'quitting') return state;
  if (state.outbox.length > 0 || state.save.pending > 0) return state;
  return { ...state, quit: true };
}

function keyAction(pressed: ReviewState, action: KeyAction): ReviewState {
  // A key of the reviewer's: the cursor is no longer where an undo took it (`landing.ts`).
  const given = pressed.landed ? { ...pressed, landed: null } : pressed;
  // `G` in a list still loading follows its end until any other key (`move`, `corpus/progress`).
  const state =
    given.loading?.toEnd && action.type !== 'cursor/last'
      ? { ...given, loading: { ...given.loading, toEnd: false } }
      : given;
  switch (action.type) {
    case 'cursor/next':
    case 'cursor/prev':
    case 'cursor/page-down':
    case 'cursor/page-up':
    case 'cursor/first':
    case 'cursor/last':
      return move(state, action);
    case 'cursor/next-untagged':
      return nextUntagged(state);
    case 'article/next':
    case 'article/prev': {
      const moved = withCurrent(state, state.current + (action.type === 'article/next' ? 1 : -1));
      if (moved === state) return state;
      return moved.focus === 'reader' ? open(moved) : moved;
    }
    case 'article/open':
      return currentArticle(state) ? open(state) : state;
    case 'pane/toggle': {
      if (state.focus === 'reader') return { ...state, focus: 'list' };
      return currentArticle(state) ? open(state) : state;
    }
    case 'back':
      if (state.mode.kind === 'help')
        return { ...state, mode: state.mode.under ?? { kind: 'browse' } };
      if (
        state.mode.kind === 'compare' ||
        state.mode.kind === 'problems' ||
        state.mode.kind === 'guidelines' ||
        state.mode.kind === 'story'
      ) {
        return { ...state, mode: { kind: 'browse' } };
      }
      if (state.mode.kind === 'note' || state.mode.kind === 'attributes') {
        const back = backToNote(state);
        if (back) return back;
        return cancelEdit(state, state.mode);
      }
      if (state.mode.kind === 'search') return keyAction(state, { type: 'search/cancel' });
      if (state.story.origin && state.focus === 'reader') return storyBack(state);
      if (state.results && state.searchBack) {
        return searchBack(state);
      }
      if (state.results) return { ...state, results: null, message: info('search results closed') };
      if (state.focus === 'reader') return { ...state, focus: 'list' };
      return state;
    case 'tag/toggle':
      return learnFromChange(state, toggleLabel(state, action.label));
    case 'tag/clear':
      return learnFromChange(state, clearLabels(state));
    case 'note/edit':
      return startEdit(state, 'note');
    case 'attributes/edit':
      return startEdit(state, 'attributes');
    case 'edit/save':
      return learnFromAttributes(state, saveEdit(state));
    case 'field/next':
    case 'field/prev':
      return moveField(state, action.type === 'field/next' ? 1 : -1);
    case 'status/toggle-done': {
      const article = currentArticle(state);
      if (!article) return state;
      const marks = marksOf(state, article.id);
      if (marks.readOnly) return { ...state, message: warn(`read-only: ${marks.readOnly}`) };
      const status = marks.status === 'done' ? 'in progress' : 'done';
      const next = setMarks(state, article.id, { ...marks, status });
      return emit(
        { ...next, message: info(status === 'done' ? 'marked done' : 'back to in progress') },
        { kind: 'status', article: article.id, status },
      );
    }
    case 'undo':
    case 'redo':
      return emit({ ...state, message: null }, { kind: action.type, from: spotOf(state) });
    case 'search/open':
      // Opens even before search is ready: what is typed next is the query (it runs once search
      // is), never commands; a refused `/` let "said the" mark the article done with its `d`.
      return {
        ...state,
        message: null,
        mode: {
          kind: 'search',
          query: state.results?.query ?? '',
          cursor: [...(state.results?.query ?? '')].length,
          hits: state.results?.hits ?? [],
          hitsFor: state.results?.query ?? '',
          total: state.results?.total,
          accepting: false,
          stopped: false,
          whole: null,
          selected: state.results?.index ?? 0,
          origin: placeHere(state),
        },
      };
    case 'search/move':
      return moveResults(state, action.delta);
    case 'search/page':
      return moveResults(state, action.delta * searchPage(state));
    case 'search/accept': {
      const mode = state.mode;
      if (mode.kind !== 'search') return state;
      // The results of the last keys are still being computed: open the first once they are in.
      if (mode.hitsFor !== mode.query) return { ...state, mode: { ...mode, accepting: true } };
      // A search that stopped while typing: Enter has it read everything, then shows the results.
      if (mode.stopped) return { ...state, mode: { ...mode, whole: mode.query } };
      const hit = mode.hits[mode.selected];
      if (!hit) return { ...state, message: info('no result to open') };
      const landed = jumpTo(
        { ...state, mode: { kind: 'browse' } },
        hit.article,
        hit.sentence,
        true,
      );
      return {
        ...landed,
        results: { query: mode.query, hits: mode.hits, index: mode.selected, total: mode.total },
        searchBack: searchStartFor(state, mode.origin),
        message: info(
          `${resultOf(mode.selected, mode.hits.length, mode.total)}: ${resultKeys(state)}Esc back`,
        ),
      };
    }
    case 'search/cancel': {
      const mode = state.mode;
      if (mode.kind !== 'search') return state;
      return goBack({ ...state, mode: { kind: 'browse' } }, mode.origin);
    }
    case 'search/back':
      return searchBack(state);
    case 'search/next':
      return stepResults(state, 1);
    case 'search/prev':
      return stepResults(state, -1);
    case 'compare/open':
      return openCompare(state);
    case 'compare/move':
      return moveCompare(state, action.delta);
    case 'compare/accept':
      return acceptCompare(state, action.index);
    case 'compare/go':
      return goCompare(state);
    case 'compare/annotators':
      return shiftCompare(state, action.delta);
    case 'suggestion/accept':
      return acceptSuggestion(state);
    case 'suggestion/reject':
      return rejectSuggestion(state);
    case 'suggestion/next-uncertain':
      return nextUncertain(state);
    case 'story/open':
      return openStory(state);
    case 'story/move':
      return moveStory(state, action.delta);
    case 'story/go':
      return goStory(state);
    case 'story/copy':
      return copyToCounterpart(state);
    case 'story/unlink':
      return unlinkCounterpart(state);
    case 'story/link':
      return markLink(state);
    case 'help/toggle':
      return { ...state, helpTop: 0, mode: toggledHelp(state.mode) };
    case 'problems/toggle':
      return toggledProblems(state);
    case 'problems/scroll': {
      if (state.mode.kind !== 'problems') return state;
      const lines = problemLines(problemsOf(state), state.size.columns).length;
      const height = problemsHeight(state.size);
      const top = scrolledTop(state.mode.top, action.step, height, Math.max(0, lines - height));
      return { ...state, mode: { kind: 'problems', top } };
    }
    case 'help/scroll': {
      const height = paneLayout(state.size).bodyHeight - 1;
      const max = helpMaxTop(state.size.columns, height, state.project);
      return { ...state, helpTop: scrolledTop(state.helpTop, action.step, height, max) };
    }
    case 'guidelines/toggle':
    case 'guidelines/scroll':
      return guidelinesAction(state, action);
    case 'app/quit': {
      const unsaved = unsavedEdit(state);
      if (unsaved) return unsaved;
      return quitIfDrained({
        ...state,
        mode: { kind: 'quitting' },
        message: info('saving… margin quits once everything is written'),
      });
    }
  }
}

/**
 * Ctrl+C in a note or the attributes with text typed and not saved: said once, then a second
 * Ctrl+C quits without it (2026-12-05: the first quit and the note typed was gone unsaid). On the
 * too-small screen the warning says what saves there: a larger terminal (Enter does nothing).
 */
function unsavedEdit(state: ReviewState): ReviewState | null {
  const mode = state.mode;
  if (mode.kind !== 'note' && mode.kind !== 'attributes') return null;
  if (mode.quitAsked) return null;
  const changed =
    mode.kind === 'note'
      ? mode.draft.trim() !== mode.initial.trim()
      : JSON.stringify(mode.values) !== JSON.stringify(mode.initial);
  if (!changed) return null;
  const what = mode.kind === 'note' ? 'note' : 'attributes';
  const save = paneLayout(state.size).tooSmall
    ? 'enlarge to save'
    : mode.kind === 'note' && mode.untagged?.asking
      ? 'its label saves'
      : 'Enter saves';
  return {
    ...state,
    mode: { ...mode, quitAsked: true },
    message: warn(`${what} unsaved: Ctrl+C again drops it · ${save}`),
  };
}

/**
 * The warning of an unsaved edit says what saves it, which a resize across the too-small limit
 * changes: "enlarge to save" stood on the enlarged screen until the next key (qa49).
 */
function unsavedSaidAgain(before: ReviewState, after: ReviewState): ReviewState {
  const mode = after.mode;
  if ((mode.kind !== 'note' && mode.kind !== 'attributes') || !mode.quitAsked) return after;
  if (paneLayout(before.size).tooSmall === paneLayout(after.size).tooSmall) return after;
  const { quitAsked: _asked, ...unasked } = mode;
  return unsavedEdit({ ...after, mode: unasked }) ?? after;
}

/**
 * The store's problems as it gives them now: one it no longer has (a conflicted file resolved,
 * a foreign file removed) leaves the list, which before only grew until margin was restarted.
 */
function withStoreProblems(state: ReviewState, problems: string[] | undefined): ReviewState {
  if (!problems) return state;
  const gone = state.storeProblems.filter((problem) => !problems.includes(problem));
  const kept = gone.length > 0 ? state.warnings.filter((w) => !gone.includes(w)) : state.warnings;
  const added = problems.filter((problem) => !kept.includes(problem));
  const warnings = added.length > 0 ? [...kept, ...added] : kept;
  return { ...state, warnings, storeProblems: problems };
}

/** The review state machine: every key and every outside event goes through here. */
export function reduce(state: ReviewState, action: Action): ReviewState {
  switch (action.type) {
    case 'text/type':
      return startedByChange(
        state,
        typeInto(state, action.input, action.key, action.pasted === true),
      );
    case 'app/force-quit':
      return { ...state, forceQuit: true };
    case 'edit/cancelled-again':
      return cancelledSaidAgain(state);
    case 'app/terminate':
      return quitIfDrained({
        ...state,
        mode: { kind: 'quitting' },
        message: info('saving… margin quits once everything is written'),
      });
    case 'compare/rows':
      return compareRowsArrived(state, action.article, action.rows);
    case 'story/groups':
      return storyFound(state, action.view);
    case 'story/article':
      return storyArticleRead(state, action.article, action.read);
    case 'search/ready':
      return { ...state, searchAvailable: true };
    case 'key/reader-only':
      return {
        ...state,
        message: warn(`${action.label} works on the article's sentences: Enter opens it`),
      };
    case 'paste/refused':
      return {
        ...state,
        message: warn('paste ignored: notes, search, attributes take it'),
      };
    case 'search/more': {
      const mode = state.mode;
      if (mode.kind !== 'search') {
        return resultsArrived(state, action.query, action.hits, action.total);
      }
      if (mode.hitsFor !== action.query || mode.wanted === undefined) return state;
      // Nothing new: the last stays selected.
      const { paged, at } = moreArrived(mode, action.hits, action.total);
      return { ...state, mode: { ...paged, selected: at ?? paged.hits.length - 1 } };
    }
    case 'search/query': {
      const mode = state.mode;
      if (mode.kind !== 'search' || action.query !== mode.query) return state;
      const stopped = action.stopped === true;
      // Enter came first: a search that stopped is asked to read everything, then to open.
      if (stopped && mode.accepting) {
        return { ...state, mode: { ...mode, hitsFor: action.query, stopped, whole: mode.query } };
      }
      // More results asked for a query typed over since are not this one's.
      const { wanted: _earlier, ...asked } = mode;
      const next = {
        ...state,
        mode: {
          ...asked,
          hits: action.hits,
          hitsFor: action.query,
          total: action.total,
          selected: 0,
          accepting: false,
          stopped,
        },
      };
      return mode.accepting ? keyAction(next, { type: 'search/accept' }) : next;
    }
    case 'terminal/resize': {
      const next = { ...state, size: action.size };
      return unsavedSaidAgain(state, {
        ...next,
        top: followReader(next, carriedTop(state, next)),
        listTop: followList(next, state.listTop),
      });
    }
    case 'corpus/progress': {
      const toEnd = state.loading?.toEnd === true && state.focus === 'list';
      // Still waiting while nothing is counted: the read goes on once the other margin is done.
      const waiting = action.total === 0 ? state.loading?.waiting : undefined;
      const next = {
        ...state,
        articles:
          action.articles.length > 0 ? [...state.articles, ...action.articles] : state.articles,
        loading: {
          done: action.done,
          total: action.total,
          ...(toEnd ? { toEnd } : {}),
          ...(waiting === undefined ? {} : { waiting }),
        },
      };
      if (toEnd) return withCurrent(next, next.articles.length - 1);
      return { ...next, listTop: followList(next, state.listTop) };
    }
    case 'corpus/checking':
      return state.checking === action.active ? state : { ...state, checking: action.active };
    case 'corpus/waiting':
      return {
        ...state,
        loading: { done: 0, total: 0, ...state.loading, waiting: action.message },
      };
    case 'corpus/loaded': {
      const warnings = [...state.warnings, ...action.warnings];
      if (!action.articles) return { ...state, loading: null, warnings };
      // Articles streamed in as they were read; keep the one under the cursor under it.
      const id = currentArticle(state)?.id;
      const found = id ? action.articles.findIndex((article) => article.id === id) : 0;
      const toEnd = state.loading?.toEnd === true && state.focus === 'list';
      const next = {
        ...state,
        articles: action.articles,
        current: toEnd ? Math.max(0, action.articles.length - 1) : Math.max(0, found),
        loading: null,
        warnings,
        ...(action.notice ? { message: info(action.notice) } : {}),
      };
      return {
        ...next,
        top: followReader(next, state.top),
        listTop: followList(next, state.listTop),
      };
    }
    case 'store/synced': {
      const warnings = action.warnings
        ? [...state.warnings, ...action.warnings.filter((w) => !state.warnings.includes(w))]
        : state.warnings;
      const summaries = action.summaries
        ? { ...state.summaries, ...action.summaries }
        : state.summaries;
      const next = withStoreProblems(
        { ...state, marks: { ...state.marks, ...action.marks }, summaries, warnings },
        action.problems,
      );
      return { ...refusedBehind(state, next), top: followReader(next, state.top) };
    }
    case 'store/opened': {
      const next = withStoreProblems(
        {
          ...state,
          storeOpen: true,
          marks: { ...state.marks, ...action.marks },
          summaries: action.summaries ?? state.summaries,
        },
        action.problems,
      );
      return { ...next, top: followReader(next, state.top) };
    }
    case 'store/failed':
      return {
        ...state,
        warnings: [...state.warnings, action.message],
        message: { text: action.message, tone: 'error' },
      };
    case 'save/progress':
      return quitIfDrained({
        ...state,
        save: { ...state.save, pending: action.pending, error: action.error },
      });
    case 'suggestions/arrived':
      return suggestionsArrived(state, action.article, action.suggestions);
    case 'suggestions/step':
      return lessonStep(state, action.lesson, action.redo);
    case 'suggestions/rejections':
      return rejectionsLoaded(state, action.rejections);
    case 'suggestions/problem':
      return {
        ...state,
        suggestions: action.off ? { ...state.suggestions, off: action.message } : state.suggestions,
        warnings: state.warnings.includes(action.message)
          ? state.warnings
          : [...state.warnings, action.message],
        message: warn(action.message),
      };
    case 'save/result': {
      const said = action.message ? { ...state, message: info(action.message) } : state;
      return action.landing ? land(said, action.landing) : said;
    }
    case 'keys/waiting':
      return { ...state, message: info(action.message) };
    case 'place/resume':
      return resumeAt(state, action.place);
    case 'project/changed':
      return { ...state, projectChanged: action.what };
    default:
      if (state.mode.kind === 'quitting') return state;
      {
        // A message answers the last key; the next key replaces or clears it.
        const next = keyAction({ ...state, message: null }, action);
        return startedByChange(
          state,
          action.type === 'status/toggle-done' ? learnFromDone(state, next) : next,
        );
      }
  }
}

/** `?` opens the help, or closes it back to the panel it was opened over (the story panel, …). */
function toggledHelp(mode: Mode): Mode {
  if (mode.kind === 'help') return mode.under ?? { kind: 'browse' };
  if (mode.kind === 'story' || mode.kind === 'compare') return { kind: 'help', under: mode };
  return { kind: 'help' };
}

/** `!` shows every problem in full (the list has room for two), and again closes them. */
function toggledProblems(state: ReviewState): ReviewState {
  if (state.mode.kind === 'problems') return { ...state, mode: { kind: 'browse' } };
  if (problemsOf(state).length === 0) {
    // While the corpus loads, problems are still to come: "no problems" stayed on screen under
    // the ten the load then found.
    const text = state.loading
      ? 'no problems so far; the corpus is still loading'
      : 'no problems to show';
    return { ...state, message: info(text) };
  }
  return { ...state, mode: { kind: 'problems', top: 0 } };
}

/**
 * Moves the selected search result by `delta`; a move past the last one shown while more match
 * selects the last and asks for the next results (`wanted`), which `search/more` brings.
 */
function moveResults(state: ReviewState, delta: number): ReviewState {
  const mode = state.mode;
  if (mode.kind !== 'search' || mode.hits.length === 0) return state;
  const target = Math.max(0, mode.selected + delta);
  const last = mode.hits.length - 1;
  const more =
    mode.hitsFor === mode.query && !mode.stopped && moreMatch(mode.hits.length, mode.total);
  if (target > last && more) {
    return { ...state, mode: { ...mode, selected: last, wanted: target } };
  }
  return { ...state, mode: { ...mode, selected: Math.min(target, last) } };
}

/**
 * "n/N, " as the project's keys have them (qa53: the defaults were named); short, so that "Esc
 * ends" is still there at 60 columns after "result 1 of the first 50 of 635".
 */
function resultKeys(state: ReviewState): string {
  const key = (type: KeyAction['type']) => typedKeysIn('results', type, state.project.keymap)[0];
  const keys = [key('search/next'), key('search/prev')].filter((each) => each !== undefined);
  return keys.length > 0 ? `${keys.join('/')}, ` : '';
}

/**
 * The current article's file refused since the last look (a `git pull` left conflict markers in
 * it): its tags vanish from the screen, so the status bar says why at once, not at the next key
 * that would write (qa58 #11).
 */
function refusedBehind(before: ReviewState, after: ReviewState): ReviewState {
  const article = currentArticle(after);
  if (!article) return after;
  const reason = marksOf(after, article.id).readOnly;
  if (reason === null || marksOf(before, article.id).readOnly !== null) return after;
  return { ...after, message: warn(`read-only: ${reason}`) };
}
