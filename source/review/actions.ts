import type { Article } from '../corpus/types.js';
import type { SearchHit } from '../search/types.js';
import type { Label } from '../store/types.js';
import type { CompareView } from './compare.js';
import type { KeyState } from './keys.js';
import type { ArticleMarks } from './marks.js';
import type { ReviewPlace } from './resume.js';
import type { ScrollStep } from './scroll.js';
import type { Landing } from './state.js';
import type { ArticleGroups, StoryView } from './story.js';
import type { ArticleSuggestions } from './suggestions.js';
import type { Size } from './view/layout.js';

/** What a key asks for: intents, never setters. The keymap table names these. */
export type KeyAction =
  | { type: 'cursor/next' }
  | { type: 'cursor/prev' }
  | { type: 'cursor/page-down' }
  | { type: 'cursor/page-up' }
  | { type: 'cursor/first' }
  | { type: 'cursor/last' }
  | { type: 'cursor/next-untagged' }
  | { type: 'article/next' }
  | { type: 'article/prev' }
  | { type: 'article/open' }
  | { type: 'pane/toggle' }
  | { type: 'back' }
  | { type: 'tag/toggle'; label: Label }
  | { type: 'tag/clear' }
  | { type: 'note/edit' }
  | { type: 'attributes/edit' }
  | { type: 'edit/save' }
  | { type: 'field/next' }
  | { type: 'field/prev' }
  | { type: 'status/toggle-done' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'search/open' }
  | { type: 'search/move'; delta: number }
  /** A page of results down or up; past the last shown, the next results are read. */
  | { type: 'search/page'; delta: number }
  | { type: 'search/accept' }
  | { type: 'search/cancel' }
  | { type: 'search/next' }
  | { type: 'search/prev' }
  /** Back to where the last search began, and again to where that left (`search-back.ts`). */
  | { type: 'search/back' }
  | { type: 'compare/open' }
  | { type: 'compare/move'; delta: number }
  | { type: 'compare/accept'; index: number }
  | { type: 'compare/go' }
  | { type: 'compare/annotators'; delta: 1 | -1 }
  | { type: 'suggestion/accept' }
  | { type: 'suggestion/reject' }
  | { type: 'suggestion/next-uncertain' }
  | { type: 'story/open' }
  | { type: 'story/move'; delta: number }
  | { type: 'story/go' }
  | { type: 'story/copy' }
  | { type: 'story/unlink' }
  | { type: 'story/link' }
  | { type: 'help/toggle' }
  | { type: 'help/scroll'; step: ScrollStep }
  | { type: 'app/quit' }
  | { type: 'problems/toggle' }
  | { type: 'problems/scroll'; step: ScrollStep }
  | { type: 'guidelines/toggle' }
  | { type: 'guidelines/scroll'; step: ScrollStep };

/** What happened outside the keyboard: typing in an input, the terminal, the corpus, the store. */
export type EventAction =
  /** A key typed into the open input (note, attribute field, search query). */
  /** `pasted`: the terminal said the text was pasted, so it is never taken for a key's choice. */
  | { type: 'text/type'; input: string; key: KeyState; pasted?: true }
  /**
   * An edit was cancelled by an Escape joined to the keys after it (`escapeFirst`): what they did
   * took the status line, so it says again that the edit can come back, unless they said more.
   */
  | { type: 'edit/cancelled-again' }
  /** Ctrl+C while waiting for writes to finish: leave without waiting. */
  | { type: 'app/force-quit' }
  /** Text pasted where no input is open: taken as nothing, and said so. */
  | { type: 'paste/refused' }
  /** A key of the article's (a tag, `n`) pressed on the list: nothing done, and said so. */
  | { type: 'key/reader-only'; label: string }
  /**
   * `stopped`: the search gave up before it had read all it needed (see SearchFunction).
   * `total`: how many sentences match in all, as `SearchAnswer` says.
   */
  | {
      type: 'search/query';
      query: string;
      hits: SearchHit[];
      stopped?: boolean;
      total?: number | null;
    }
  /** More results of the query shown (`SearchMode.wanted`): `hits` begins with those shown. */
  | { type: 'search/more'; query: string; hits: SearchHit[]; total?: number | null }
  /** The compare table of an article, read from the store. */
  | { type: 'compare/rows'; article: string; rows: CompareView[] }
  /** The story groups, computed in the background over the whole corpus and the links. */
  | { type: 'story/groups'; view: StoryView }
  /** One article's kept groups, read for the reader (see `StoryView.byArticle`). */
  | { type: 'story/article'; article: string; read: ArticleGroups }
  /** The search code has loaded over the whole corpus: `/` works from now on. */
  | { type: 'search/ready' }
  /** The process was asked to end (SIGTERM, SIGHUP): finish the writes, then quit. */
  | { type: 'app/terminate' }
  | { type: 'terminal/resize'; size: Size }
  | { type: 'corpus/progress'; articles: Article[]; done: number; total: number }
  /** A resumed review checks its folder for files added, changed or removed (`active`), or is done. */
  | { type: 'corpus/checking'; active: boolean }
  /** The corpus's read waits (for another margin indexing it): the loading line says so. */
  | { type: 'corpus/waiting'; message: string }
  /** The whole corpus in its final order (null when reading it failed), and unreadable files. */
  | {
      type: 'corpus/loaded';
      articles: Article[] | null;
      warnings: string[];
      /** Said in the status bar: articles that arrived in the folder or left it. */
      notice?: string;
    }
  /** `summaries`: the list's counts of articles whose files changed, read or not. */
  | {
      type: 'store/synced';
      marks: Record<string, ArticleMarks>;
      summaries?: Record<string, ArticleMarks>;
      warnings?: string[];
      /** The store's problems now, replacing those it gave before (a conflict resolved). */
      problems?: string[];
    }
  /** The store has been read and placed on the whole corpus: its marks replace the guesses. */
  | {
      type: 'store/opened';
      marks: Record<string, ArticleMarks>;
      summaries?: Record<string, ArticleMarks>;
      /** The store's problems: files it could not read, which it leaves alone. */
      problems: string[];
    }
  | { type: 'store/failed'; message: string }
  | { type: 'save/progress'; pending: number; error: string | null }
  | { type: 'save/result'; message: string | null; landing?: Landing }
  /** Back where the reviewer stopped last time, once that article is in the list. */
  | { type: 'place/resume'; place: ReviewPlace }
  /** The project file changed or went ("margin.json changed"): said until margin restarts. */
  | { type: 'project/changed'; what: string }
  /** Keys wait (for the list, the store or suggestions): the screen says why nothing moved. */
  | { type: 'keys/waiting'; message: string }
  /** The suggestions of an article under the model as it is now (after each decision again). */
  | { type: 'suggestions/arrived'; article: string; suggestions: ArticleSuggestions }
  /** A model file that was refused, or could not be saved: one line naming it. */
  | { type: 'suggestions/problem'; message: string; off?: true }
  /** Undo (`redo` false) or redo gave back the step of a lesson the model learnt. */
  | { type: 'suggestions/step'; lesson: number; redo: boolean }
  /** The annotator's rejections from earlier sessions: article → sentence → labels. */
  | { type: 'suggestions/rejections'; rejections: Record<string, Record<string, string[]>> };

export type Action = KeyAction | EventAction;
