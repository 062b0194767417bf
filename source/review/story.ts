import type { OverruledDecision, StoryLink } from '../store/index.js';
import type { Label } from '../store/types.js';
import type { DiffPart, StoryGroup } from '../story/index.js';
import { labelledKind } from '../story/labelled-kind.js';
import { shownValues } from '../story/shown-values.js';
import { wordDiff } from '../story/word-diff.js';
import stringWidth from '../text/string-width.js';
import { oneLine, oneName } from '../text/untrusted.js';
import { truncate } from '../text/width.js';
import { takenBy } from './attributes.js';
import { typedKeysIn } from './keymap.js';
import { sortLabels } from './marks.js';
import { goBack, jumpTo, placeHere } from './navigation.js';
import { currentArticle, cursorOf, marksOf } from './selectors.js';
import type { Origin, ReviewState } from './state.js';
import { emit, info, STORE_LOADING, setMarks, warn } from './updates.js';

/**
 * The story view in the review: each sentence's counterparts in other outlets (the story
 * engine's groups, computed by the controller in the background and handed in as an action),
 * the panel listing them, jumping there and back, copying tags across, and the reviewer's
 * link and unlink corrections.
 */
export interface StoryView {
  groups: StoryGroup[];
  /** `article\u0000sentence` → index into `groups`. */
  bySentence: Map<string, number>;
  /**
   * Null when `groups` holds every group of the corpus. Otherwise the groups are read article by
   * article (kept by `margin index --story` or `margin story`): the articles read, latest last, each with its groups.
   */
  byArticle: Map<string, StoryGroup[]> | null;
  /** Each group's whole number of members where `groups` holds only its first ones. */
  sizes: Map<string, number>;
  /** Said once the groups are there (the kept groups are older than the corpus or the links). */
  note: string | null;
  /** Articles whose groups were read before the kept groups were found again: shown, read again. */
  stale: ReadonlySet<string>;
  /** Which kept groups (and corpus) the articles were read from; null for groups formed whole. */
  edition: string | null;
}

/** The groups of this many articles stay in the state; older ones are read again if needed. */
const ARTICLES_KEPT = 32;

/** What the story source reads of one article: its groups, and each one's whole size. */
export interface ArticleGroups {
  groups: StoryGroup[];
  sizes: Record<string, number>;
}

export interface StoryState {
  /** Null until the groups have been computed. */
  view: StoryView | null;
  /** Where Esc in the reader goes back to after Enter in the panel. */
  origin: Origin | null;
  /**
   * The panel Enter left, with its entry chosen: Esc in the reader opens it again there, so
   * that Enter, Esc and ↓ walk the versions (qa57 #14).
   */
  panel?: { article: string; sentence: string; selected: number } | null;
  /** The sentence `L` marked, waiting for the sentence to link it to. */
  linkFrom: { article: string; sentence: string } | null;
  /** The marked sentence as the status line names it: `“The strike hit…” (Daily Aggregator)`. */
  linkFromShown?: string | null;
  /**
   * The link just made, until the groups formed with it show whether it joined the two: a link
   * that other decisions outweigh is said to be without effect, never taken as made.
   */
  linked?: StoryLink | null;
}

export const NO_STORY: StoryState = { view: null, origin: null, linkFrom: null, linked: null };

/** Why a link made can leave its two sentences apart (story.md, "Corrections"). */
export const LINK_OUTWEIGHED =
  'linked, but the groups keep these apart: an unlink between their groups, or two sentences ' +
  'of one article, outweighs a link';

const sentenceKey = (article: string, sentence: string) => `${article}\u0000${sentence}`;

/** Every group of the corpus at once. */
export function storyView(groups: StoryGroup[]): StoryView {
  const bySentence = new Map<string, number>();
  groups.forEach((group, index) => {
    for (const member of group.members) {
      bySentence.set(sentenceKey(member.article, member.sentence), index);
    }
  });
  return {
    groups,
    bySentence,
    byArticle: null,
    sizes: new Map(),
    note: null,
    stale: new Set(),
    edition: null,
  };
}

/**
 * Groups to be read article by article. What an earlier view of kept groups read stays on screen
 * until each article is read again (no count blinks out meanwhile) when the groups may have
 * changed (a link placed, an article changed); found again as they were (the review looks once
 * while its list loads and again once it has), what was read stands.
 */
export function keptStoryView(
  note: string | null,
  previous: StoryView | null = null,
  edition: string | null = null,
): StoryView {
  if (previous?.byArticle) {
    if (edition !== null && previous.edition === edition) return { ...previous, note };
    return { ...previous, note, edition, stale: new Set(previous.byArticle.keys()) };
  }
  const empty = { groups: [], bySentence: new Map(), byArticle: new Map(), sizes: new Map() };
  return { ...empty, note, stale: new Set(), edition };
}

/** Whether the view has this article's groups (all of them, or read for it and current). */
export function storyRead(view: StoryView | null, article: string): boolean {
  if (view === null) return false;
  return view.byArticle === null || (view.byArticle.has(article) && !view.stale.has(article));
}

/** Whether the view has groups for this article to show, current or being read again. */
function storyShown(view: StoryView, article: string): boolean {
  return view.byArticle === null || view.byArticle.has(article);
}

/**
 * The view with one more article's groups, read from the kept ones: each sentence of the
 * articles read points to its group (a group read again replaces the old copy).
 */
export function withArticleGroups(
  view: StoryView,
  article: string,
  read: ArticleGroups,
): StoryView {
  if (view.byArticle === null) return view;
  const byArticle = new Map(view.byArticle);
  byArticle.delete(article);
  byArticle.set(article, read.groups);
  while (byArticle.size > ARTICLES_KEPT) byArticle.delete(byArticle.keys().next().value!);
  const groups: StoryGroup[] = [];
  const bySentence = new Map<string, number>();
  const sizes = new Map<string, number>();
  const at = new Map<string, number>();
  for (const [id, each] of byArticle) {
    for (const group of each) {
      let index = at.get(group.id);
      if (index === undefined || id === article) {
        if (index === undefined) {
          index = groups.length;
          groups.push(group);
          at.set(group.id, index);
        } else groups[index] = group;
      }
      const size = id === article ? read.sizes[group.id] : view.sizes.get(group.id);
      if (size !== undefined) sizes.set(group.id, size);
      for (const member of group.members) {
        if (member.article === id) bySentence.set(sentenceKey(id, member.sentence), index);
      }
    }
  }
  const stale = new Set(view.stale);
  stale.delete(article);
  return { ...view, groups, bySentence, byArticle, sizes, stale };
}

/** The group a sentence belongs to, or undefined. */
export function groupOfSentence(
  view: StoryView | null,
  article: string,
  sentence: string,
): StoryGroup | undefined {
  const index = view?.bySentence.get(sentenceKey(article, sentence));
  return index === undefined ? undefined : view?.groups[index];
}

/**
 * Who else reports a sentence, by outlet (a source): `outlets` other than the sentence's own,
 * `unknown` articles whose source could not be told (each may be another outlet), `sameOutlet`
 * other articles of the sentence's own outlet (one page scraped twice, AMP and canonical: no
 * corroboration), and `unread` members of a kept group beyond those described (not known).
 */
export interface OtherOutlets {
  outlets: number;
  unknown: number;
  sameOutlet: number;
  unread: number;
  /** The sentence's own outlet, or null when its source could not be told. */
  own: string | null;
}

export function otherOutlets(
  view: StoryView | null,
  article: string,
  sentence: string,
): OtherOutlets | null {
  const group = groupOfSentence(view, article, sentence);
  if (!group) return null;
  const own =
    group.members.find((member) => member.article === article && member.sentence === sentence)
      ?.source ?? null;
  const outlets = new Set<string>();
  const unknown = new Set<string>();
  const same = new Set<string>();
  for (const member of group.members) {
    if (member.article === article) continue;
    if (member.source === null) unknown.add(member.article);
    else if (member.source === own) same.add(member.article);
    else outlets.add(member.source);
  }
  const described = group.members.length;
  const unread = Math.max(0, (view?.sizes.get(group.id) ?? described) - described);
  return { outlets: outlets.size, unknown: unknown.size, sameOutlet: same.size, unread, own };
}

/**
 * The gutter's count: other outlets that report what this sentence does, each article of
 * unknown source as one (it may be another outlet), not its own outlet's other copies.
 */
export function counterpartCount(
  view: StoryView | null,
  article: string,
  sentence: string,
): number {
  const other = otherOutlets(view, article, sentence);
  return other ? other.outlets + other.unknown + other.unread : 0;
}

/** Members of the sentence's group other than itself, in the group's order (earliest first). */
export function counterparts(state: ReviewState, article: string, sentence: string) {
  const group = groupOfSentence(state.story.view, article, sentence);
  if (!group) return [];
  return group.members
    .map((member, index) => ({ member, diff: group.diffs[index] ?? [], index }))
    .filter(({ member }) => !(member.article === article && member.sentence === sentence));
}

function here(state: ReviewState) {
  const article = currentArticle(state);
  const sentence = article?.sentences[cursorOf(state, article)];
  return article && sentence ? { article, sentence } : null;
}

export function openStory(state: ReviewState): ReviewState {
  const at = here(state);
  if (!at) return state;
  if (!state.story.view) return { ...state, message: warn('story groups are still being found') };
  // Groups being read again (a link placed, the corpus looked at again) are the ones the gutter
  // counts meanwhile: the panel opens on them and follows when the new ones come.
  if (!storyShown(state.story.view, at.article.id)) {
    return { ...state, message: warn('this article’s story groups are still being read') };
  }
  if (counterparts(state, at.article.id, at.sentence.id).length === 0) {
    return { ...state, message: info('no other outlet reports this sentence') };
  }
  return {
    ...state,
    mode: { kind: 'story', article: at.article.id, sentence: at.sentence.id, selected: 0 },
  };
}

export function moveStory(state: ReviewState, delta: number): ReviewState {
  const mode = state.mode;
  if (mode.kind !== 'story') return state;
  const count = counterparts(state, mode.article, mode.sentence).length;
  const selected = Math.min(Math.max(0, mode.selected + delta), Math.max(0, count - 1));
  return { ...state, mode: { ...mode, selected } };
}

function selectedCounterpart(state: ReviewState) {
  const mode = state.mode;
  if (mode.kind !== 'story') return null;
  return counterparts(state, mode.article, mode.sentence)[mode.selected] ?? null;
}

/** Enter: to the counterpart in its article; Esc in the reader comes back. */
export function goStory(state: ReviewState): ReviewState {
  const mode = state.mode;
  const chosen = selectedCounterpart(state);
  if (mode.kind !== 'story' || !chosen) return state;
  const origin = placeHere(state);
  const landed = jumpTo(
    { ...state, mode: { kind: 'browse' } },
    chosen.member.article,
    chosen.member.sentence,
    true,
  );
  const { article, sentence, selected } = mode;
  return {
    ...landed,
    story: { ...landed.story, origin, panel: { article, sentence, selected } },
    message: info(`${chosen.member.source ?? chosen.member.article}: Esc goes back to the panel`),
  };
}

/**
 * Esc in the reader after a jump from the panel: back to the sentence it was opened on, with
 * the panel open again on the entry Enter left (while the sentence still has counterparts), so
 * that the next version is ↓ Enter away. Before (qa57 #14) the panel was closed: each of ten
 * outlets' versions cost `o`, `j` × n and Enter.
 */
export function storyBack(state: ReviewState): ReviewState {
  const origin = state.story.origin;
  if (!origin) return state;
  const panel = state.story.panel ?? null;
  const back = goBack({ ...state, story: { ...state.story, origin: null, panel: null } }, origin);
  if (!panel || back.mode.kind !== 'browse') return back;
  const count = counterparts(back, panel.article, panel.sentence).length;
  if (count === 0) return back;
  return {
    ...back,
    mode: { kind: 'story', ...panel, selected: Math.min(panel.selected, count - 1) },
  };
}

/** Gives the selected counterpart this sentence's labels and attributes: one undoable step. */
export function copyToCounterpart(state: ReviewState): ReviewState {
  const mode = state.mode;
  const chosen = selectedCounterpart(state);
  if (mode.kind !== 'story' || !chosen) return state;
  if (!state.storeOpen) return { ...state, message: warn(STORE_LOADING) };
  const own = marksOf(state, mode.article).sentences[mode.sentence];
  if (!own || own.labels.length === 0) {
    return { ...state, message: warn('this sentence has no labels to copy') };
  }
  const target = chosen.member;
  const marks = marksOf(state, target.article);
  if (marks.readOnly) return { ...state, message: warn(`read-only: ${marks.readOnly}`) };
  const current = marks.sentences[target.sentence];
  const labels = sortLabels([...new Set([...(current?.labels ?? []), ...own.labels])]);
  const attributes = { ...(current?.attributes ?? {}), ...own.attributes };
  const where = target.source ?? target.article;
  // qa50: "copied quote to … (u undoes)" where the counterpart had it all already, and a
  // speaker replaced without a word.
  const had = current?.attributes ?? {};
  // Own properties only: a stored attribute may be named `constructor` (an import).
  const value = (name: string) => (Object.hasOwn(had, name) ? had[name] : undefined);
  // Each label takes only the attributes it declares, a fixed list's values only (qa53: a
  // claim's `misleading` went to the figure the counterpart had, and its claimant with it).
  const taken = takenBy(labels, own.attributes, state.project.labels);
  const takenOnTarget = new Set((current?.labels ?? []).flatMap((label) => taken[label] ?? []));
  const replaced = Object.entries(own.attributes).filter(
    ([name, given]) =>
      value(name) !== undefined && value(name) !== given && takenOnTarget.has(name),
  );
  const unchanged =
    own.labels.every((label) => current?.labels.includes(label)) &&
    Object.entries(own.attributes).every(([name, given]) => value(name) === given);
  if (unchanged) {
    return { ...state, message: info(`${where} has ${own.labels.join(', ')} already, as here`) };
  }
  const next = setMarks(state, target.article, {
    ...marks,
    sentences: {
      ...marks.sentences,
      [target.sentence]: { note: current?.note ?? null, labels, attributes },
    },
  });
  const instead = replaced.map(([name, given]) => `${name}: ${value(name)} → ${given}`).join(', ');
  // The project's undo key (qa53: "(u undoes)" with undo on `z`).
  const undo = typedKeysIn('story', 'undo', state.project.keymap)[0];
  const told = `copied ${own.labels.join(', ')} to ${where}${instead ? ` (${instead})` : ''}${undo ? ` (${undo} undoes)` : ''}`;
  return emit(
    { ...next, message: info(told) },
    {
      kind: 'adopt',
      article: target.article,
      sentence: target.sentence,
      labels: own.labels,
      attributes: own.attributes,
      declared: taken,
    },
  );
}

/** x in the panel: the selected counterpart does not report what this sentence does. */
export function unlinkCounterpart(state: ReviewState): ReviewState {
  const mode = state.mode;
  const chosen = selectedCounterpart(state);
  if (mode.kind !== 'story' || !chosen) return state;
  const link: StoryLink = {
    kind: 'unlink',
    a: { article: mode.article, sentence: mode.sentence },
    b: { article: chosen.member.article, sentence: chosen.member.sentence },
  };
  return emit(
    {
      ...state,
      mode: { kind: 'browse' },
      message: info('unlinked: the groups are being recomputed'),
    },
    { kind: 'story-link', link },
  );
}

/**
 * Columns a marked sentence and its outlet take in the status line: what matters first in 60
 * (its save state beside it), the rest of the message after them.
 */
const NAMED_WIDTH = 41;
const OUTLET_WIDTH = 20;

/**
 * A sentence as a message names it: its opening words and its outlet, in `width` columns (at
 * least 12 of them for the words).
 */
function sentenceNamed(text: string, outlet: string, width = NAMED_WIDTH): string {
  const tail = ` (${truncate(oneName(outlet), OUTLET_WIDTH)})`;
  const room = Math.max(12, width - stringWidth(tail) - 2);
  return `“${truncate(oneLine(text).trim(), room).replace(/\s+…$/u, '…')}”${tail}`;
}

/** One overruling: the pair, who, what and when. */
export function overruledKey({ mine, by, kind, created }: OverruledDecision): string {
  return JSON.stringify([mine.a, mine.b, by, kind, created]);
}

/** A sentence of the store as a message names it, by its text where the review has it. */
function storedSentenceNamed(
  state: ReviewState,
  at: { article: string; sentence: string },
  width: number,
): string {
  const article = state.articles.find((candidate) => candidate.id === at.article);
  const outlet = article?.source ?? at.article;
  const sentence = article?.sentences.find((candidate) => candidate.id === at.sentence);
  return sentence
    ? sentenceNamed(sentence.text, outlet, width)
    : `a sentence of ${oneName(outlet)}`;
}

/**
 * The status line when teammates' later decisions overrule the reviewer's own links or unlinks:
 * the decision first, who made it and that it overrules (the later decision counts, story.md),
 * whole at 60 columns, then the pair named by its sentence in the article on screen (else its
 * first), others counted before it, the whole within 100 columns beside the save state (qa57
 * #11's `…; the later decision counts` was cut there to `the later dec…`).
 */
export function overruledMessage(
  state: ReviewState,
  overruled: readonly OverruledDecision[],
): string {
  const [first] = overruled;
  if (!first) return '';
  const who = oneName(first.by);
  const onScreen = currentArticle(state)?.id;
  const { a, b } = first.mine;
  const what =
    first.kind === 'unlink'
      ? 'later unlink overrules your link'
      : 'later link overrules your unlink';
  const more = overruled.length > 1 ? ` (and ${overruled.length - 1} more)` : '';
  const named = storedSentenceNamed(
    state,
    b.article === onScreen && a.article !== onScreen ? b : a,
    NAMED_WIDTH - stringWidth(more),
  );
  return `${who}'s ${what}${more}: ${named}`;
}

/** A group as a message names it: "event group of 5 outlets". */
function groupNamed(state: ReviewState, group: StoryGroup): string {
  const outlets = new Set(group.members.map((member) => member.source ?? member.article)).size;
  return `${groupKind(state, group) ?? 'statement'} group of ${outlets} ${outlets === 1 ? 'outlet' : 'outlets'}`;
}

/**
 * The group's kind as the review names it: the codebook's label most members carry, counting
 * the reviewer's own labels as they stand (the story thread describes the groups without the
 * store's), ties in `labelledKind`'s order; else the kind the group was described with, which
 * is one of the codebook's labels or none (qa57: `claim` in a codebook of statistic and quote).
 */
export function groupKind(state: ReviewState, group: StoryGroup): string | null {
  const kinds = state.project.labels.map((label) => label.name);
  const labelled = labelledKind(
    group.members.map((member) => [
      ...member.labels,
      ...(marksOf(state, member.article).sentences[member.sentence]?.labels ?? []),
    ]),
    kinds,
  );
  if (labelled !== null) return labelled;
  return group.kind !== null && kinds.includes(group.kind) ? group.kind : null;
}

/**
 * L on one sentence, then L on another: they report the same thing. Each says which sentence
 * it marked or linked to: a reviewer whose `Enter` reopened an article where it was left linked
 * another sentence than the one meant, and nothing on screen said so (qa55).
 */
export function markLink(state: ReviewState): ReviewState {
  const at = here(state);
  if (!at) return state;
  const current = { article: at.article.id, sentence: at.sentence.id };
  const from = state.story.linkFrom;
  if (!from || (from.article === current.article && from.sentence === current.sentence)) {
    const again = from !== null;
    const key = typedKeysIn('reader', 'story/link', state.project.keymap)[0] ?? 'it again';
    const shown = sentenceNamed(at.sentence.text, at.article.source ?? at.article.id);
    return {
      ...state,
      story: {
        ...state.story,
        linkFrom: again ? null : current,
        linkFromShown: again ? null : shown,
      },
      message: info(
        again
          ? 'link cancelled'
          : `marked: ${shown} · ${key} on the sentence that reports the same thing`,
      ),
    };
  }
  if (from.article === current.article) {
    return { ...state, message: warn('link sentences of two different articles') };
  }
  const group = groupOfSentence(state.story.view, from.article, from.sentence);
  const named = state.story.linkFromShown ?? 'the marked sentence';
  const told = `linked to ${named}${group ? `, ${groupNamed(state, group)}` : ''}; regrouping`;
  return emit(
    {
      ...state,
      story: {
        ...state.story,
        linkFrom: null,
        linkFromShown: null,
        linked: { kind: 'link', a: from, b: current },
      },
      message: info(told),
    },
    { kind: 'story-link', link: { kind: 'link', a: from, b: current } },
  );
}

/** The groups have been formed or found: the note they come with is said once. */
export function storyFound(state: ReviewState, view: StoryView): ReviewState {
  // The note first: a link the groups did not take is what the reviewer needs to know.
  return storyArrived(view.note ? { ...state, message: info(view.note) } : state, view);
}

/** One more article's kept groups, read. */
export function storyArticleRead(state: ReviewState, article: string, read: ArticleGroups) {
  const view = state.story.view;
  if (!view || view.byArticle === null) return state;
  return storyArrived(state, withArticleGroups(view, article, read));
}

function storyArrived(state: ReviewState, view: StoryView): ReviewState {
  const linked = state.story.linked ?? null;
  const outcome = linked && storyRead(view, linked.a.article) ? linkJoined(view, linked) : null;
  const next = {
    ...state,
    story: { ...state.story, view, ...(outcome === null ? {} : { linked: null }) },
    ...(outcome === false ? { message: warn(LINK_OUTWEIGHED) } : {}),
  };
  const mode = next.mode;
  if (mode.kind !== 'story') return next;
  const count = counterparts(next, mode.article, mode.sentence).length;
  if (count === 0) return { ...next, mode: { kind: 'browse' } };
  return { ...next, mode: { ...mode, selected: Math.min(mode.selected, count - 1) } };
}

/**
 * Whether the link's two sentences are in one group of `view`: undefined when the view cannot
 * tell (a group read with its first members only, the other not among them).
 */
function linkJoined(view: StoryView, link: StoryLink): boolean | undefined {
  const group = groupOfSentence(view, link.a.article, link.a.sentence);
  if (!group) return false;
  const { article, sentence } = link.b;
  if (group.members.some((m) => m.article === article && m.sentence === sentence)) return true;
  return (view.sizes.get(group.id) ?? group.members.length) > group.members.length
    ? undefined
    : false;
}

/** One line per kind of fact the members state differently: "28 ≠ four". */
export function differenceSummary(group: StoryGroup): string[] {
  return group.differences.map((difference) => shownValues(difference).join(' ≠ '));
}

export interface PanelRow {
  article: string;
  sentence: string;
  source: string | null;
  date: string | null;
  /** The reviewer's own labels on it. */
  labels: Label[];
  /** Its text against the sentence the panel was opened on: `added` are the words it differs by. */
  parts: DiffPart[];
  /** Another article of the sentence's own outlet (a copy of the same page, say). */
  sameOutlet: boolean;
}

/** What the story panel lists: the counterparts, each diffed against the sentence at hand. */
export function panelRows(state: ReviewState): {
  group: StoryGroup;
  text: string;
  rows: PanelRow[];
  title: string;
} | null {
  const mode = state.mode;
  if (mode.kind !== 'story') return null;
  const group = groupOfSentence(state.story.view, mode.article, mode.sentence);
  const own = group?.members.find(
    (member) => member.article === mode.article && member.sentence === mode.sentence,
  );
  if (!group || !own) return null;
  const rows = counterparts(state, mode.article, mode.sentence).map(({ member }) => ({
    article: member.article,
    sentence: member.sentence,
    source: member.source,
    date: member.date,
    labels: marksOf(state, member.article).sentences[member.sentence]?.labels ?? [],
    parts: wordDiff(own.text, member.text).filter((part) => part.kind !== 'removed'),
    sameOutlet: own.source !== null && member.source === own.source,
  }));
  const outlets = otherOutlets(state.story.view, mode.article, mode.sentence)!;
  // Of a kept group only the first members are read: the title counts all of them.
  return { group, text: own.text, rows, title: panelTitle(outlets, rows.length) };
}

const counted = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The panel's heading: the other outlets that report the sentence, the articles of unknown source
 * apart from them (as `margin story` counts them), and the sentence's own outlet's other copies,
 * which corroborate nothing ("2 other outlets report this" once counted a page scraped twice).
 * A kept group of more members than were read counts versions, whose outlets are not known.
 */
export function panelTitle(outlets: OtherOutlets, listed: number): string {
  const { unknown, sameOutlet, unread, own } = outlets;
  if (unread > 0) {
    return `${counted(listed + unread, 'other version reports', 'other versions report')} this (the earliest ${listed} listed)`;
  }
  const parts = [
    outlets.outlets > 0 ? counted(outlets.outlets, 'other outlet', 'other outlets') : '',
    unknown > 0 ? `${counted(unknown, 'article', 'articles')} of unknown source` : '',
  ].filter(Boolean);
  const reporting = outlets.outlets + unknown;
  const who =
    parts.length === 0
      ? 'no other outlet reports this'
      : `${parts.join(' and ')} report${reporting === 1 ? 's' : ''} this`;
  if (sameOutlet === 0 || own === null) return who;
  return `${who}; ${counted(sameOutlet, 'other article', 'other articles')} of ${oneLine(own)} too`;
}
