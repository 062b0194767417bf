/**
 * The groups of a corpus as last formed, kept on disk beside its corpus index (positions only,
 * as `StoryIndex.groups` gives them), under the key of what they were formed from. Forming the
 * groups of 100,000 articles takes over a minute and a gigabyte; reading them back takes a moment
 * and a few megabytes, and the review reads only the groups of the article on screen.
 */
import { createHash } from 'node:crypto';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { processAlive } from '../corpus/db/process-alive.js';
import { openSqlite } from '../corpus/db/sqlite.js';
import type { ClusterMember, StoryCluster, StoryConstraint } from './types.js';

/**
 * Bump whenever the groups of any corpus may change (the engine's rules, thresholds, features):
 * groups kept by another version are formed again.
 */
export const STORY_ENGINE_VERSION = 14;

/**
 * What a corpus's groups are formed from: the engine, the corpus index's generation (which
 * changes whenever any article may have) and the reviewers' links and unlinks.
 */
export function storyKey(generation: string, constraints: readonly StoryConstraint[]): string {
  return createHash('sha256')
    .update(JSON.stringify([STORY_ENGINE_VERSION, generation, constraints]))
    .digest('hex');
}

/**
 * Each `place` that changed the groups, in turn: the links the groups stood for before it
 * (`baseline`, JSON) and how to take it back (`undo`, JSON of `Undo`). Files kept by older
 * builds have none until a link is placed on them.
 */
const PLACINGS = `
CREATE TABLE IF NOT EXISTS placings (step INTEGER PRIMARY KEY, baseline TEXT NOT NULL, undo TEXT NOT NULL);
`;
/**
 * The most placings kept to be taken back: a link taken back from before them has the groups
 * formed again, as before placings were kept.
 */
const PLACINGS_KEPT = 64;

/**
 * How a placing is taken back: each row it wrote, in turn (`editing`'s log), undone the latest
 * first. Proportional to what the placing changed: a sentence placed in a group of 22,000
 * template sentences is two entries, where each touched group kept whole was 22,000 rows of JSON.
 */
interface Undo {
  log?: LogEntry[];
  /** Kept by older builds: the groups made, and the groups changed as they were, whole. */
  created?: number[];
  /** Each group's number, id, size and members (article, position, rank); null: none had it. */
  groups?: Array<[number, string, number, Array<[string, number, number]>] | [number, null]>;
  /** A placing of articles (`placeArticles`): each article's hash as it was; null: not kept. */
  articles?: Array<[string, string | null]>;
}

/**
 * A row written by a placing: a member put in (group, rank) or taken out (with what it held), a
 * group made, dropped (with its id and size) or changed (its id and size before).
 */
type LogEntry =
  | [typeof MEMBER_IN, number, number]
  | [typeof MEMBER_OUT, number, number, string, number]
  | [typeof GROUP_IN, number]
  | [typeof GROUP_OUT | typeof GROUP_WAS, number, string, number];

const MEMBER_IN = 0;
const MEMBER_OUT = 1;
const GROUP_IN = 2;
const GROUP_OUT = 3;
const GROUP_WAS = 4;

/**
 * The log of a placing's writes, kept by temporary triggers of the placing's own connection
 * (`editing`): what its undo takes back, whichever statement wrote the row.
 */
const UNDO_LOG = `
CREATE TEMP TABLE IF NOT EXISTS undo_log (
  step INTEGER PRIMARY KEY, kind INTEGER NOT NULL, grp INTEGER NOT NULL, rank INTEGER,
  article TEXT, position INTEGER, id TEXT, size INTEGER
);
CREATE TEMP TRIGGER IF NOT EXISTS undo_member_in AFTER INSERT ON main.members BEGIN
  INSERT INTO undo_log (kind, grp, rank) VALUES (${MEMBER_IN}, NEW.grp, NEW.rank);
END;
CREATE TEMP TRIGGER IF NOT EXISTS undo_member_out AFTER DELETE ON main.members BEGIN
  INSERT INTO undo_log (kind, grp, rank, article, position)
    VALUES (${MEMBER_OUT}, OLD.grp, OLD.rank, OLD.article, OLD.position);
END;
CREATE TEMP TRIGGER IF NOT EXISTS undo_member_moved AFTER UPDATE ON main.members BEGIN
  INSERT INTO undo_log (kind, grp, rank, article, position)
    VALUES (${MEMBER_OUT}, OLD.grp, OLD.rank, OLD.article, OLD.position);
  INSERT INTO undo_log (kind, grp, rank) VALUES (${MEMBER_IN}, NEW.grp, NEW.rank);
END;
CREATE TEMP TRIGGER IF NOT EXISTS undo_group_in AFTER INSERT ON main.groups BEGIN
  INSERT INTO undo_log (kind, grp) VALUES (${GROUP_IN}, NEW.number);
END;
CREATE TEMP TRIGGER IF NOT EXISTS undo_group_out AFTER DELETE ON main.groups BEGIN
  INSERT INTO undo_log (kind, grp, id, size) VALUES (${GROUP_OUT}, OLD.number, OLD.id, OLD.size);
END;
CREATE TEMP TRIGGER IF NOT EXISTS undo_group_was AFTER UPDATE ON main.groups
  WHEN OLD.id IS NOT NEW.id OR OLD.size IS NOT NEW.size BEGIN
  INSERT INTO undo_log (kind, grp, id, size) VALUES (${GROUP_WAS}, OLD.number, OLD.id, OLD.size);
END;
`;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
-- In the engine's order; size counts every member.
CREATE TABLE groups (number INTEGER PRIMARY KEY, id TEXT NOT NULL, size INTEGER NOT NULL);
-- rank: the member's place in its group (the lowest: the anchor; a placing may put one before 0). In group order, as the groups come.
CREATE TABLE members (
  article TEXT NOT NULL,
  position INTEGER NOT NULL,
  grp INTEGER NOT NULL,
  rank INTEGER NOT NULL,
  PRIMARY KEY (grp, rank)
) WITHOUT ROWID;
-- Every article the groups were formed from, with its text's hash: what changed since is known.
CREATE TABLE articles (article TEXT PRIMARY KEY, hash TEXT NOT NULL) WITHOUT ROWID;
${PLACINGS}`;
/**
 * Made after the rows are in: one sort instead of a B-tree grown row by row. The members arrive
 * in group order, the table's own, so each lands after the last; by sentence, they were once
 * put in a table of their own, sorted into `members` keyed by sentence, and sorted again for
 * an index by group: two sorts of 2 million rows at 100,000 articles (8.5 s of the save's CPU;
 * 5.1 s with one). Files kept in that layout are read by the same queries.
 */
const SENTENCE_INDEX = 'CREATE INDEX members_sentence ON members (article, position)';
/** SQLite's cache while the groups are appended (`cache_size`: negative, in KiB). */
const APPENDING_CACHE = -2048;
/** Rows a statement while the members are written: one call into SQLite per 64 members. */
const ROWS = 64;
/** A sentence named by two groups (or twice by one), by the index: the engine names none. */
const NAMED_TWICE =
  'SELECT article, position FROM members GROUP BY article, position HAVING count(*) > 1';

/** What groups are formed from, besides the engine: the corpus's state and the links. */
export interface Basis {
  generation: string;
  links: readonly StoryConstraint[];
  /**
   * The highest article number of the corpus index when they were formed (or last placed on):
   * every article written since has a higher one, so those added or changed are found without
   * reading every hash (`placeArticles`). Groups kept without it are formed again instead.
   */
  numbers?: number;
}

/** A link or unlink placed on the kept groups: both sentences by position. */
export interface PlacedLink {
  kind: StoryConstraint['kind'];
  a: ClusterMember;
  b: ClusterMember;
}

/**
 * Articles added, changed or removed since the groups were kept (`SavedGroups.placeArticles`).
 */
export interface ArticleChange {
  /** The corpus index's generation the groups then stand for, and its highest article number. */
  generation: string;
  numbers: number;
  /** The highest article number the groups stood for when the change was found (`Basis`). */
  from: number;
  /** Articles whose members leave: those changed or removed. */
  out: readonly string[];
  /** Each added, changed or removed article with its text's hash now (null: removed). */
  hashes: ReadonlyArray<readonly [string, string | null]>;
  /**
   * The engine's groups holding the added or changed articles' sentences (formed of them and
   * their candidates), members in anchor order.
   */
  groups: readonly StoryCluster[];
  /** Whether an article is one added or changed. */
  isNew: (article: string) => boolean;
  /** The engine's verdict: whether `member` reports the same thing as a kept group's `anchor`. */
  agrees: (member: ClusterMember, anchor: ClusterMember) => boolean;
  /**
   * Whether `member` comes before a kept group's `anchor` in the engine's anchor order (dated
   * earlier; undated last; then by article id and position): it then becomes the group's
   * anchor, as the engine would make it. None: a placed sentence joins at the group's end.
   */
  before?: (member: ClusterMember, anchor: ClusterMember) => boolean;
  /** A group's members left, formed again (`regroup`); null or none: they stay as they are. */
  regroup?: (members: readonly ClusterMember[]) => StoryCluster[] | null;
}

/** A group as the review reads it: some of its members, and how many it has in all. */
export interface SavedCluster extends StoryCluster {
  size: number;
}

/** `SavedGroups.plan`: placings to take back, then links to place. */
export interface Plan {
  revert: number;
  added: StoryConstraint[];
}

/**
 * The links of `now` that `before` lacks, when every link of `before` is still in `now` or was
 * overruled by a later decision on the same pair (`readStoryLinks` keeps the latest): placing
 * the later one stands for both. Null when one was taken back.
 */
function linksAdded(
  before: readonly StoryConstraint[],
  now: readonly StoryConstraint[],
): StoryConstraint[] | null {
  const left = new Map<string, number>();
  for (const link of before) {
    const text = JSON.stringify(link);
    left.set(text, (left.get(text) ?? 0) + 1);
  }
  const added: StoryConstraint[] = [];
  for (const link of now) {
    const text = JSON.stringify(link);
    const count = left.get(text) ?? 0;
    if (count > 0) left.set(text, count - 1);
    else added.push(link);
  }
  const pair = (link: StoryConstraint) =>
    [JSON.stringify(link.a), JSON.stringify(link.b)].sort().join('');
  const decided = new Set(added.map(pair));
  for (const [text, count] of left) {
    if (count > 0 && !decided.has(pair(JSON.parse(text) as StoryConstraint))) return null;
  }
  return added;
}

export class SavedGroups {
  private readonly statements;

  private constructor(private readonly db: Database.Database) {
    this.statements = {
      key: db.prepare("SELECT value FROM meta WHERE key = 'key'").pluck(),
      edited: db.prepare("SELECT value FROM meta WHERE key = 'edited'").pluck(),
      placedFor: db.prepare("SELECT value FROM meta WHERE key = 'placed-for'").pluck(),
      basis: db.prepare("SELECT value FROM meta WHERE key = 'basis'").pluck(),
      count: db.prepare('SELECT count(*) FROM groups').pluck(),
      all: db.prepare(
        'SELECT m.grp AS grp, g.id AS id, m.article AS article, m.position AS position FROM members m JOIN groups g ON g.number = m.grp ORDER BY m.grp, m.rank',
      ),
      ofArticle: db.prepare(
        'SELECT DISTINCT m.grp AS number, g.id AS id, g.size AS size FROM members m JOIN groups g ON g.number = m.grp WHERE m.article = ? ORDER BY m.grp',
      ),
      members: db.prepare(
        'SELECT article, position FROM members WHERE grp = ? ORDER BY rank LIMIT ?',
      ),
      hash: db.prepare('SELECT hash FROM articles WHERE article = ?').pluck(),
      own: db.prepare(
        'SELECT article, position FROM members WHERE grp = ? AND article = ? ORDER BY rank',
      ),
    };
  }

  /** The groups kept in `file`, or null when there are none (or the file is not readable). */
  static read(file: string): SavedGroups | null {
    try {
      const db = openSqlite(file, { readonly: true, fileMustExist: true });
      const saved = new SavedGroups(db);
      // A file of another layout, or not a database: as if there were none.
      saved.statements.count.get();
      return saved;
    } catch {
      return null;
    }
  }

  /**
   * Replaces what `file` keeps with `clusters` (in the engine's order) under `key`. Written to
   * a file of its own and renamed over the old one: a reader never meets half a save (killed,
   * or refused by a full disk), and one that has the old file open goes on reading it. Not
   * synced before the rename (150 MB took 1.4–1.7 s here): a power cut in the seconds after a
   * save may lose this cache. What a save killed on its way left is removed first.
   */
  static save(
    file: string,
    basis: Basis,
    clusters: Iterable<StoryCluster>,
    hashes: Iterable<[string, string]>,
  ): void {
    const writer = new GroupWriter(file, basis);
    try {
      for (const cluster of clusters) {
        for (const each of cluster.members) writer.member(each.article, each.sentence);
        writer.group(cluster.id);
      }
      writer.finish(hashes);
    } catch (error) {
      writer.abandon();
      throw error;
    }
  }

  /**
   * Takes `generation` as the groups' own when the corpus's texts are still those they were
   * formed from, with the same links (or placed for them since): a refresh that reads files
   * again without changing them (a file touched, one written in the second the index was) makes
   * a new generation. Every article's hash is compared (0.3 s at 100,000). Returns whether it did.
   */
  static renew(
    file: string,
    basis: Basis,
    corpus: { size: number; hashOf: (article: string) => string | undefined },
  ): boolean {
    let db: Database.Database;
    try {
      db = openSqlite(file, { fileMustExist: true });
    } catch {
      return false;
    }
    try {
      const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
      const kept = JSON.parse((meta.get('basis') as string | undefined) ?? 'null') as Basis | null;
      if (!kept) return false;
      if (meta.get('key') !== storyKey(kept.generation, kept.links)) return false;
      // Groups a review placed links on are renewed when they were placed for `basis.links`:
      // formed from the kept links at the new generation, placed for these.
      const edited = meta.get('edited') as string | undefined;
      if (edited !== undefined) {
        if (edited !== storyKey(kept.generation, basis.links)) return false;
      } else if (JSON.stringify(kept.links) !== JSON.stringify(basis.links)) return false;
      if (db.prepare('SELECT count(*) FROM articles').pluck().get() !== corpus.size) return false;
      const rows = db
        .prepare('SELECT article, hash FROM articles')
        .raw()
        .iterate() as IterableIterator<[string, string]>;
      for (const [article, hash] of rows) if (corpus.hashOf(article) !== hash) return false;
      const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      db.transaction(() => {
        put.run('key', storyKey(basis.generation, kept.links));
        put.run('basis', JSON.stringify({ ...kept, generation: basis.generation }));
        if (edited !== undefined) put.run('edited', storyKey(basis.generation, basis.links));
      })();
      return true;
    } catch {
      return false;
    } finally {
      db.close();
    }
  }

  /** How many groups are kept. */
  size(): number {
    return this.statements.count.get() as number;
  }

  /** What the groups were formed from (see `storyKey`), or null. */
  key(): string | null {
    return (this.statements.key.get() as string | undefined) ?? null;
  }

  /** The groups as they stand: formed from `key()`, with the links placed since, if any. */
  edition(): string {
    return `${this.key() ?? ''}\u0000${(this.statements.edited.get() as string | undefined) ?? ''}`;
  }

  /**
   * Whether the groups hold for `key`: as formed, or with the links the review placed since.
   * Groups placed on hold only for the links placed: after an undo took a link back, the key
   * they were formed with is asked again, and the groups still carry the link (verify52).
   */
  holdsFor(key: string): boolean {
    const edited = this.statements.edited.get() as string | undefined;
    return edited === undefined ? this.key() === key : edited === key;
  }

  /** The links the placed groups stand for (`place`'s `placedFor`), or null when none placed. */
  placedFor(): StoryConstraint[] | null {
    const text = this.statements.placedFor.get() as string | undefined;
    return text === undefined ? null : (JSON.parse(text) as StoryConstraint[]);
  }

  /**
   * How the groups come to stand for `links`, the corpus being at `generation` as they were
   * formed from it, without the engine forming them again: the placings to take back (the
   * latest first; an undo of an unlink, a teammate's withdrawn link) and the links made since
   * to place after. Null when they must be formed again: the corpus changed, another engine
   * formed them, or a link they stand for was taken back (and not by a later decision on the
   * same pair) from before every placing kept.
   */
  plan(generation: string, links: readonly StoryConstraint[]): Plan | null {
    const basis = this.basis();
    if (!basis || basis.generation !== generation) return null;
    // Formed by this engine (the key names its version), from what the basis says.
    if (this.key() !== storyKey(basis.generation, basis.links)) return null;
    const now = linksAdded(this.placedFor() ?? basis.links, links);
    if (now) return { revert: 0, added: now };
    const baselines = this.baselines();
    for (let at = baselines.length - 1; at >= 0; at--) {
      const added = linksAdded(baselines[at]!, links);
      if (added) return { revert: baselines.length - at, added };
    }
    return null;
  }

  /** The links the groups stood for before each placing kept, the earliest first. */
  private baselines(): StoryConstraint[][] {
    const table = this.db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'placings'")
      .pluck()
      .get();
    if (!table) return [];
    const rows = this.db.prepare('SELECT baseline FROM placings ORDER BY step').pluck().all();
    const found: StoryConstraint[][] = [];
    for (const text of rows as string[]) {
      const baseline = JSON.parse(text) as StoryConstraint[] | { articles: number };
      // A placing of articles is not taken back: the corpus is no longer what came before it.
      if (Array.isArray(baseline)) found.push(baseline);
      else found.length = 0;
    }
    return found;
  }

  /**
   * Whether this version of margin's engine formed the groups (`STORY_ENGINE_VERSION` is in the
   * key): groups of another are formed again, and a reviewer is told why.
   */
  formedByThisEngine(): boolean {
    const basis = this.basis();
    return basis !== null && this.key() === storyKey(basis.generation, basis.links);
  }

  /** The corpus's generation and the links the groups were formed with, or null. */
  basis(): Basis | null {
    const text = this.statements.basis.get() as string | undefined;
    try {
      return text === undefined ? null : (JSON.parse(text) as Basis);
    } catch {
      // Not margin's writing: as if the groups said nothing of what they were formed from.
      return null;
    }
  }

  /**
   * Places links and unlinks made since the groups were formed on the kept groups, for the review
   * (`holdsFor(key)` then holds; `key()` does not, so a command forms the groups again and the
   * engine weighs the links as it does). A link joins the two sentences' groups (the first's
   * anchor stays). An unlink of two sentences of one group hands the group's members to
   * `regroup`, which forms them again as the engine would with the unlink (its other members may
   * have been joined to the first sentence only through the second: they then leave with it);
   * its groups replace the group, the one with the group's anchor under the group's number.
   * Without `regroup`, or where it gives null, the unlink takes the second sentence out of the
   * first's group and leaves the rest. Placed again, a link changes nothing.
   *
   * The last `revert` placings are taken back first, the latest first (`plan`): each group they
   * changed is put back as it was, those they made removed, so that an undone unlink shows the
   * group as it was before it, as forming the corpus again gives it (qa53: above the review's
   * limit the group stayed parted, then `margin story` formed it whole, and a second unlink
   * placed on that gave yet another grouping).
   */
  static place(
    file: string,
    links: readonly PlacedLink[],
    key: string,
    regroup?: (members: readonly ClusterMember[]) => StoryCluster[] | null,
    /** Every link the groups stand for once these are placed: what a later look compares with. */
    placedFor?: readonly StoryConstraint[],
    revert = 0,
  ): void {
    const db = openSqlite(file, { fileMustExist: true });
    try {
      db.exec(PLACINGS);
      const edit = editing(db);
      const { groupOf, last, first, add, membersOf, clear, meta, insertGroup, dropGroup } = edit;
      const { touched, touch, create, settle, undoLog, forget } = edit;
      db.transaction(() => {
        // The links the groups stand for before this placing (after the placings taken back).
        const placedText = meta.get('placed-for') as string | undefined;
        const basisText = meta.get('basis') as string | undefined;
        let baseline = (
          placedText !== undefined
            ? JSON.parse(placedText)
            : ((JSON.parse(basisText ?? 'null') as Basis | null)?.links ?? [])
        ) as StoryConstraint[];
        const steps = db
          .prepare('SELECT step, baseline, undo FROM placings ORDER BY step DESC LIMIT ?')
          .all(revert) as Array<{ step: number; baseline: string; undo: string }>;
        if (steps.length < revert) throw new Error('fewer placings kept than to take back');
        for (const step of steps) {
          const back = JSON.parse(step.undo) as Undo;
          if (back.log) takeBack(db, back.log);
          for (const number of back.created ?? []) {
            clear.run(number);
            dropGroup.run(number);
          }
          for (const [number, id, size, members] of back.groups ?? []) {
            clear.run(number);
            dropGroup.run(number);
            if (id === null) continue;
            insertGroup.run(number, id, size);
            for (const [article, position, rank] of members!)
              add.run(article, position, number, rank);
          }
          db.prepare('DELETE FROM placings WHERE step = ?').run(step.step);
          baseline = JSON.parse(step.baseline) as StoryConstraint[];
        }
        // What was taken back is no part of this placing's undo.
        forget();
        for (const { kind, a, b } of links) {
          const ga = groupOf.get(a.article, a.sentence) as number | undefined;
          const gb = groupOf.get(b.article, b.sentence) as number | undefined;
          if (kind === 'unlink') {
            if (ga === undefined || ga !== gb) continue;
            touch(ga);
            const members = (membersOf.all(ga) as Array<[string, number]>).map(
              ([article, sentence]) => ({ article, sentence }),
            );
            const parts = regroup?.(members) ?? null;
            if (!parts) {
              db.prepare('DELETE FROM members WHERE article = ? AND position = ?').run(
                b.article,
                b.sentence,
              );
              settle(ga);
              continue;
            }
            clear.run(ga);
            const anchor = members[0]!;
            const keeps = parts.find(
              (part) =>
                part.anchor.article === anchor.article && part.anchor.sentence === anchor.sentence,
            );
            for (const part of parts) {
              if (part.members.length < 2) continue;
              const number = part === keeps ? ga : create(part.id, 0);
              part.members.forEach((each, rank) => {
                add.run(each.article, each.sentence, number, rank);
              });
              settle(number);
            }
            settle(ga);
          } else if (ga !== undefined && gb !== undefined) {
            if (ga === gb) continue;
            touch(ga);
            touch(gb);
            // After ga's last, in gb's order (gb's ranks may start below 0: `placeArticles`).
            const after = (last.get(ga) as number) + 1 - (first.get(gb) as number);
            db.prepare('UPDATE members SET grp = ?, rank = rank + ? WHERE grp = ?').run(
              ga,
              after,
              gb,
            );
            settle(ga);
            settle(gb);
          } else if (ga !== undefined || gb !== undefined) {
            const [group, alone] = ga !== undefined ? [ga, b] : [gb!, a];
            touch(group);
            add.run(alone.article, alone.sentence, group, (last.get(group) as number) + 1);
            settle(group);
          } else {
            const number = create(placedId(a), 2);
            add.run(a.article, a.sentence, number, 0);
            add.run(b.article, b.sentence, number, 1);
          }
        }
        if (touched.size > 0) {
          db.prepare('INSERT INTO placings (baseline, undo) VALUES (?, ?)').run(
            JSON.stringify(baseline),
            JSON.stringify({ log: undoLog() } satisfies Undo),
          );
          db.prepare('DELETE FROM placings WHERE step <= (SELECT max(step) FROM placings) - ?').run(
            PLACINGS_KEPT,
          );
        }
        db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('edited', ?)").run(key);
        if (placedFor)
          db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('placed-for', ?)").run(
            JSON.stringify(placedFor),
          );
      })();
    } finally {
      db.close();
    }
  }

  /**
   * Places articles added, changed or removed since the groups were kept on them, without the
   * engine forming the corpus again (`ArticleChange`): the members of those that changed or left
   * go first, each group they were in formed again from its other members as an unlink forms it
   * (`regroup`: what joined through them may fall apart; the part with the group's anchor, or
   * its first member left, keeps its number). Then each sentence of an added or changed article
   * the engine grouped (`groups`, formed of the article and its candidates) joins the kept group
   * of its first partner that has one, in anchor order, where the engine's verdict against that
   * group's anchor says they report the same thing (`agrees`) and the group holds no other
   * sentence of its article, at the group's end (the anchor stays); else it forms a new group
   * with the sentences of its engine group that have none. The articles' hashes are kept, the
   * groups then stand for `generation` and the links they stood for, and `articles-placed`
   * counts the articles placed since the groups were formed (`articlesPlaced`). Recorded as a
   * placing with its undo, which is never taken back: a link taken back from before it has the
   * groups formed again.
   */
  static placeArticles(file: string, change: ArticleChange): void {
    const db = openSqlite(file, { fileMustExist: true });
    try {
      db.exec(PLACINGS);
      const edit = editing(db);
      const { groupOf, last, first, add, membersOf, clear, meta, touched, touch, create } = edit;
      const { settle, undoLog } = edit;
      const groupsOf = db.prepare('SELECT DISTINCT grp FROM members WHERE article = ?').pluck();
      const holdsArticle = db
        .prepare('SELECT 1 FROM members WHERE grp = ? AND article = ? LIMIT 1')
        .pluck();
      const hashOf = db.prepare('SELECT hash FROM articles WHERE article = ?').pluck();
      const putHash = db.prepare('INSERT OR REPLACE INTO articles (article, hash) VALUES (?, ?)');
      const dropHash = db.prepare('DELETE FROM articles WHERE article = ?');
      const dropMembers = db.prepare('DELETE FROM members WHERE grp = ? AND article = ?');
      const rename = db.prepare('UPDATE groups SET id = ? WHERE number = ?');
      const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      const same = (a: ClusterMember, b: ClusterMember) =>
        a.article === b.article && a.sentence === b.sentence;
      db.transaction(() => {
        const basis = JSON.parse(
          (meta.get('basis') as string | undefined) ?? 'null',
        ) as Basis | null;
        // Another process placed them first (a review and a command at once): not twice.
        if (!basis || basis.numbers !== change.from)
          throw new Error('the kept story groups changed while the articles were placed');
        const placedText = meta.get('placed-for') as string | undefined;
        const standsFor =
          placedText === undefined ? basis.links : (JSON.parse(placedText) as StoryConstraint[]);
        const edited = meta.get('edited') as string | undefined;
        // The members of articles that changed or left, out first.
        const leaving = new Set(change.out);
        for (const article of leaving) {
          for (const group of groupsOf.all(article) as number[]) {
            if (touched.has(group)) continue;
            touch(group);
            const members = (membersOf.all(group) as Array<[string, number]>).map(
              ([article, sentence]) => ({ article, sentence }),
            );
            const left = members.filter((each) => !leaving.has(each.article));
            const parts = left.length < 2 ? [] : (change.regroup?.(left) ?? null);
            if (!parts) {
              // The others stay as they stand (a group of template sentences holds 22,000):
              // only the leaving rows go, the ranks keeping their order.
              for (const each of leaving) dropMembers.run(group, each);
              if (left[0] && !same(left[0], members[0]!)) rename.run(placedId(left[0]), group);
              settle(group);
              continue;
            }
            clear.run(group);
            const keeps = parts.find((part) => left[0] && same(part.anchor, left[0]));
            for (const part of parts) {
              if (part.members.length < 2) continue;
              const number = part === keeps ? group : create(part.id, 0);
              if (part === keeps && !same(part.anchor, members[0]!)) rename.run(part.id, group);
              part.members.forEach((each, rank) => {
                add.run(each.article, each.sentence, number, rank);
              });
              settle(number);
            }
            settle(group);
          }
        }
        const articles: NonNullable<Undo['articles']> = [];
        for (const [article, hash] of change.hashes) {
          articles.push([article, (hashOf.get(article) as string | undefined) ?? null]);
          if (hash === null) dropHash.run(article);
          else putHash.run(article, hash);
        }
        // Each new sentence into its partner's kept group, or a new group.
        for (const cluster of change.groups) {
          const fresh = cluster.members.filter((each) => change.isNew(each.article));
          if (fresh.length === 0) continue;
          let target: number | undefined;
          for (const each of cluster.members) {
            if (change.isNew(each.article)) continue;
            target = groupOf.get(each.article, each.sentence) as number | undefined;
            if (target !== undefined) break;
          }
          const anchorRow =
            target === undefined ? undefined : (membersOf.get(target) as [string, number]);
          let anchor = anchorRow && { article: anchorRow[0], sentence: anchorRow[1] };
          const joined = new Set<ClusterMember>();
          for (const each of fresh) {
            if (target === undefined || !anchor) break;
            if (holdsArticle.get(target, each.article) !== undefined) continue;
            if (!change.agrees(each, anchor)) continue;
            touch(target);
            if (change.before?.(each, anchor)) {
              // Dated before the anchor: the group's anchor now, ranked before it (the others
              // keep their rows: a group of template sentences holds 22,000), its id from it.
              add.run(each.article, each.sentence, target, (first.get(target) as number) - 1);
              rename.run(placedId(each), target);
              anchor = each;
            } else add.run(each.article, each.sentence, target, (last.get(target) as number) + 1);
            joined.add(each);
          }
          if (target !== undefined) settle(target);
          const rest = cluster.members.filter(
            (each) =>
              !joined.has(each) &&
              (change.isNew(each.article) ||
                groupOf.get(each.article, each.sentence) === undefined),
          );
          if (rest.length < 2 || !rest.some((each) => change.isNew(each.article))) continue;
          const id = same(rest[0]!, cluster.anchor) ? cluster.id : placedId(rest[0]!);
          const number = create(id, rest.length);
          rest.forEach((each, rank) => {
            add.run(each.article, each.sentence, number, rank);
          });
        }
        if (change.hashes.length > 0) {
          db.prepare('INSERT INTO placings (baseline, undo) VALUES (?, ?)').run(
            JSON.stringify({ articles: change.hashes.length }),
            JSON.stringify({ log: undoLog(), articles } satisfies Undo),
          );
          db.prepare('DELETE FROM placings WHERE step <= (SELECT max(step) FROM placings) - ?').run(
            PLACINGS_KEPT,
          );
        }
        put.run('key', storyKey(change.generation, basis.links));
        put.run(
          'basis',
          JSON.stringify({
            generation: change.generation,
            links: basis.links,
            numbers: change.numbers,
          }),
        );
        if (edited !== undefined) put.run('edited', storyKey(change.generation, standsFor));
        const placed = Number((meta.get('articles-placed') as string | undefined) ?? 0);
        put.run('articles-placed', String(placed + change.hashes.length));
      }).immediate();
    } finally {
      db.close();
    }
  }

  /** How many articles the groups stand for. */
  articleCount(): number {
    return this.db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  }

  /** Articles placed on the groups since the engine formed them (`placeArticles`). */
  articlesPlaced(): number {
    const text = this.db
      .prepare("SELECT value FROM meta WHERE key = 'articles-placed'")
      .pluck()
      .get() as string | undefined;
    return Number(text ?? 0);
  }

  /** Every article the groups stand for, with its text's hash. */
  articleHashes(): IterableIterator<[string, string]> {
    return this.db
      .prepare('SELECT article, hash FROM articles')
      .raw()
      .iterate() as IterableIterator<[string, string]>;
  }

  /** Every group, whole, in the engine's order, one at a time. */
  *clusters(): Generator<StoryCluster> {
    let current = null as { number: number; id: string; members: ClusterMember[] } | null;
    for (const row of this.statements.all.iterate() as IterableIterator<{
      grp: number;
      id: string;
      article: string;
      position: number;
    }>) {
      if (current?.number !== row.grp) {
        if (current) yield clusterOf(current);
        current = { number: row.grp, id: row.id, members: [] };
      }
      current.members.push({ article: row.article, sentence: row.position });
    }
    if (current) yield clusterOf(current);
  }

  /**
   * Every group, whole, largest first and among equals in the engine's order (`clusters`'
   * order), read one at a time: what `margin story` prints. Only the sizes are read before the
   * first group (a few bytes a group), where reading every group to order them took 0.7 s at
   * 10,000 articles before the first could be printed.
   */
  *bySize(): Generator<StoryCluster> {
    // The sizes as kept (`save` and `place` count the members), not counted again here.
    const { numbers, sizes } = keptSizes(this.db);
    const order = largestFirst(numbers, sizes);
    const group = this.db
      .prepare(
        'SELECT g.id, m.article, m.position FROM members m JOIN groups g ON g.number = m.grp WHERE m.grp = ? ORDER BY m.rank',
      )
      .raw();
    for (const at of order) {
      const rows = group.all(numbers[at]) as Array<[string, string, number]>;
      if (rows.length === 0) continue;
      const members = rows.map(([, article, position]) => ({ article, sentence: position }));
      yield clusterOf({ id: rows[0]![0], members });
    }
  }

  /**
   * The groups with a member in `article`: each with its first `limit` members (anchor first)
   * and every member in `article` itself, and its whole size.
   */
  ofArticle(article: string, limit: number): SavedCluster[] {
    const groups = this.statements.ofArticle.all(article) as Array<{
      number: number;
      id: string;
      size: number;
    }>;
    return groups.map(({ number, id, size }) => {
      const first = this.statements.members.all(number, limit) as Array<{
        article: string;
        position: number;
      }>;
      const members = first.map((row) => ({ article: row.article, sentence: row.position }));
      if (size > limit) {
        for (const row of this.statements.own.all(number, article) as typeof first) {
          if (!members.some((m) => m.article === row.article && m.sentence === row.position)) {
            members.push({ article: row.article, sentence: row.position });
          }
        }
      }
      return { id, anchor: members[0]!, members, size };
    });
  }

  /** The hash of the article's text the groups were formed from; undefined: not among them. */
  hashOf(article: string): string | undefined {
    return this.statements.hash.get(article) as string | undefined;
  }

  close(): void {
    this.db.close();
  }
}

/**
 * `SavedGroups.save`, a member at a time: the groups written in one transaction to a temporary
 * beside `file` as they come (in the engine's order), renamed over it by `finish`. A writer
 * that is not finished is `abandon`ed: its temporary is removed.
 */
export class GroupWriter {
  private readonly temporary: string;
  private readonly db: Database.Database;
  private readonly key: string;
  private readonly statements;
  private readonly values: Array<string | number> = [];
  private number = 0;
  private rank = 0;
  /** SQLite's cache as the connection had it, in its pragma's terms. */
  private readonly cacheSize: number;

  /**
   * `distinct`: the members will name each sentence once (the groups of one index, as
   * `StoryIndex.groupLists` packs them), so none is looked for named twice (`keepFirst`: a
   * pass over the index by sentence, some 0.4 s at 100,000 articles, at the save's end, when
   * nothing else is left to do).
   */
  constructor(
    private readonly file: string,
    private readonly basis: Basis,
    private readonly distinct = false,
  ) {
    this.key = storyKey(basis.generation, basis.links);
    this.temporary = `${file}.${process.pid}.tmp`;
    removeLeftovers(file);
    this.db = openSqlite(this.temporary);
    const db = this.db;
    try {
      // A cache, made again if lost: no journal and no sync until the rename.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.exec(SCHEMA);
      // Rows appended in order need few pages at hand: SQLite's cache (16 MB as better-sqlite3
      // builds it) stood beside the whole index when the groups are written as they are packed
      // (`SavingThread`). The sort that makes the index by sentence has it back (`finish`).
      this.cacheSize = db.pragma('cache_size', { simple: true }) as number;
      db.pragma(`cache_size = ${APPENDING_CACHE}`);
      this.statements = {
        group: db.prepare('INSERT INTO groups (number, id, size) VALUES (?, ?, ?)'),
        full: this.insert(ROWS),
      };
      db.exec('BEGIN');
    } catch (error) {
      this.abandon();
      throw error;
    }
  }

  /** The next member of the group being written (the anchor first). */
  member(article: string, position: number): void {
    const values = this.values;
    values.push(article, position, this.number, this.rank++);
    if (values.length === ROWS * 4) {
      this.statements.full.run(values);
      values.length = 0;
    }
  }

  /**
   * Ends the group whose members were just written. Every member counts in the size, as
   * `bySize` and the review read it (the engine names a sentence in one group only).
   */
  group(id: string): void {
    this.statements.group.run(this.number, id, this.rank);
    this.number++;
    this.rank = 0;
  }

  /**
   * Writes the articles' hashes (before the members, or among them: a thread that writes the
   * groups as they come has the hashes before the first).
   */
  articles(hashes: Iterable<[string, string]>): void {
    const article = this.db.prepare(
      'INSERT OR REPLACE INTO articles (article, hash) VALUES (?, ?)',
    );
    for (const [id, hash] of hashes) article.run(id, hash);
  }

  /**
   * Writes the articles' hashes (those not written yet) and the key, and puts the file in place
   * of the last kept.
   */
  finish(hashes: Iterable<[string, string]> = []): void {
    const db = this.db;
    const values = this.values;
    if (values.length > 0) this.insert(values.length / 4).run(values);
    values.length = 0;
    db.pragma(`cache_size = ${this.cacheSize}`);
    db.exec(SENTENCE_INDEX);
    if (!this.distinct) keepFirst(db);
    this.articles(hashes);
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    meta.run('key', this.key);
    meta.run('basis', JSON.stringify(this.basis));
    db.exec('COMMIT');
    db.close();
    renameSync(this.temporary, this.file);
  }

  /** Closes and removes the temporary, of a writer that could not finish. */
  abandon(): void {
    if (this.db?.open) this.db.close();
    rmSync(this.temporary, { force: true });
    rmSync(`${this.temporary}-journal`, { force: true });
  }

  private insert(rows: number) {
    return this.db.prepare(
      `INSERT INTO members (article, position, grp, rank) VALUES ${Array(rows).fill('(?, ?, ?, ?)').join(', ')}`,
    );
  }
}

/**
 * Removes the temporaries of saves of `file` that did not end (their process was killed while
 * writing: each was a file of the groups' size, kept for good), leaving those of a process that
 * still runs, which may be saving now.
 */
function removeLeftovers(file: string): void {
  const folder = dirname(file);
  const name = basename(file);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const each of names) {
    const found = /^(.*)\.(\d+)\.tmp(?:-journal)?$/.exec(each);
    if (!found || found[1] !== name) continue;
    const pid = Number(found[2]);
    if (pid !== process.pid && processAlive(pid)) continue;
    rmSync(join(folder, each), { force: true });
  }
}

/**
 * Leaves a sentence named by two groups in the first of them (the first named, by group and
 * rank), as kept before the members were kept in group order.
 */
function keepFirst(db: Database.Database): void {
  const twice = db.prepare(NAMED_TWICE).raw().all() as Array<[string, number]>;
  if (twice.length === 0) return;
  const places = db
    .prepare('SELECT grp, rank FROM members WHERE article = ? AND position = ? ORDER BY grp, rank')
    .raw();
  const drop = db.prepare('DELETE FROM members WHERE grp = ? AND rank = ?');
  for (const [article, position] of twice) {
    const [, ...later] = places.all(article, position) as Array<[number, number]>;
    for (const [grp, rank] of later) drop.run(grp, rank);
  }
}

/**
 * What a placing changes the kept groups with (`place`, `placeArticles`), on `db` in a
 * transaction of the caller's: the statements, and `touch` (a group as it was, into the undo,
 * before its first change), `create` (a group made) and `settle` (a group's size counted again,
 * dropped below two members).
 */
function editing(db: Database.Database) {
  const groupOf = db.prepare('SELECT grp FROM members WHERE article = ? AND position = ?').pluck();
  const last = db.prepare('SELECT max(rank) FROM members WHERE grp = ?').pluck();
  const first = db.prepare('SELECT min(rank) FROM members WHERE grp = ?').pluck();
  const resize = db.prepare(
    'UPDATE groups SET size = (SELECT count(*) FROM members WHERE grp = @group) WHERE number = @group',
  );
  const add = db.prepare('INSERT INTO members (article, position, grp, rank) VALUES (?, ?, ?, ?)');
  const lonely = db.prepare(
    'DELETE FROM members WHERE grp = @group AND (SELECT size FROM groups WHERE number = @group) < 2',
  );
  const drop = db.prepare('DELETE FROM groups WHERE number = ? AND size < 2');
  const membersOf = db
    .prepare('SELECT article, position FROM members WHERE grp = ? ORDER BY rank')
    .raw();
  const clear = db.prepare('DELETE FROM members WHERE grp = ?');
  const next = db.prepare('SELECT coalesce(max(number), -1) + 1 FROM groups').pluck();
  const meta = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const insertGroup = db.prepare('INSERT INTO groups (number, id, size) VALUES (?, ?, ?)');
  const dropGroup = db.prepare('DELETE FROM groups WHERE number = ?');
  // This placing's undo: the rows it writes, as the triggers log them (`UNDO_LOG`).
  db.exec(UNDO_LOG);
  const forget = () => db.exec('DELETE FROM undo_log');
  forget();
  const logged = db
    .prepare('SELECT kind, grp, rank, article, position, id, size FROM undo_log ORDER BY step')
    .raw();
  const undoLog = (): LogEntry[] =>
    (logged.all() as Array<[number, number, number, string, number, string, number]>).map(
      ([kind, grp, rank, article, position, id, size]): LogEntry => {
        if (kind === MEMBER_IN) return [MEMBER_IN, grp, rank];
        if (kind === MEMBER_OUT) return [MEMBER_OUT, grp, rank, article, position];
        if (kind === GROUP_IN) return [GROUP_IN, grp];
        return [kind === GROUP_OUT ? GROUP_OUT : GROUP_WAS, grp, id, size];
      },
    );
  // The groups this placing changed or made: whether it is recorded at all.
  const touched = new Set<number>();
  const touch = (group: number) => {
    touched.add(group);
  };
  const create = (id: string, size: number): number => {
    const number = next.get() as number;
    insertGroup.run(number, id, size);
    touched.add(number);
    return number;
  };
  const settle = (group: number) => {
    resize.run({ group });
    lonely.run({ group });
    drop.run(group);
  };
  return {
    groupOf,
    last,
    first,
    add,
    membersOf,
    clear,
    meta,
    insertGroup,
    dropGroup,
    touched,
    touch,
    create,
    settle,
    undoLog,
    forget,
  };
}

/** Takes a placing's writes back, the latest first (`Undo.log`). */
function takeBack(db: Database.Database, log: readonly LogEntry[]): void {
  const memberOut = db.prepare('DELETE FROM members WHERE grp = ? AND rank = ?');
  const memberIn = db.prepare(
    'INSERT INTO members (article, position, grp, rank) VALUES (?, ?, ?, ?)',
  );
  const groupOut = db.prepare('DELETE FROM groups WHERE number = ?');
  const groupIn = db.prepare('INSERT INTO groups (number, id, size) VALUES (?, ?, ?)');
  const groupWas = db.prepare('UPDATE groups SET id = ?, size = ? WHERE number = ?');
  for (let at = log.length - 1; at >= 0; at--) {
    const entry = log[at]!;
    switch (entry[0]) {
      case MEMBER_IN:
        memberOut.run(entry[1], entry[2]);
        break;
      case MEMBER_OUT:
        memberIn.run(entry[3], entry[4], entry[1], entry[2]);
        break;
      case GROUP_IN:
        groupOut.run(entry[1]);
        break;
      case GROUP_OUT:
        groupIn.run(entry[1], entry[2], entry[3]);
        break;
      default:
        groupWas.run(entry[2], entry[3], entry[1]);
    }
  }
}

/** The id of a group the review made on kept groups (two sentences linked), from its first. */
export function placedId(first: ClusterMember): string {
  const hash = createHash('sha256').update(`${first.article}\u0000${first.sentence}`);
  return `story-${hash.digest('hex').slice(0, 12)}`;
}

function clusterOf(group: { id: string; members: ClusterMember[] }): StoryCluster {
  return { id: group.id, anchor: group.members[0]!, members: group.members };
}

/**
 * Each group's number and size, in the order of the numbers (the table's key): one plain value
 * a row, the size in its low 26 bits (a group of 67 million sentences; the numbers below 2^27
 * stay exact in a double). Rows as arrays took some 0.2 s of a 277,000 groups' `margin story`
 * before its first line.
 */
const SIZE_BITS = 2 ** 26;

function keptSizes(db: Database.Database): { numbers: Int32Array; sizes: Int32Array } {
  const packed = db
    .prepare(`SELECT number * ${SIZE_BITS} + size FROM groups WHERE size > 0 ORDER BY number`)
    .pluck()
    .all() as number[];
  const numbers = new Int32Array(packed.length);
  const sizes = new Int32Array(packed.length);
  packed.forEach((value, at) => {
    numbers[at] = Math.floor(value / SIZE_BITS);
    sizes[at] = value % SIZE_BITS;
  });
  return { numbers, sizes };
}

/**
 * Positions of `sizes` largest first, equal sizes by `numbers` (ascending): counted by size,
 * each size's positions kept in the order given. A comparison sort of 277,000 groups took some
 * 0.3 s before `margin story`'s first line. `numbers` ascend as `keptSizes` reads them.
 */
export function largestFirst(numbers: Int32Array, sizes: Int32Array): Uint32Array {
  let largest = 0;
  for (const size of sizes) if (size > largest) largest = size;
  const order = new Uint32Array(sizes.length);
  if (largest > 4 * sizes.length + 65_536) {
    // A few very large groups: the counts would outweigh the sort.
    order.forEach((_, at) => {
      order[at] = at;
    });
    return order.sort((a, b) => sizes[b]! - sizes[a]! || numbers[a]! - numbers[b]!);
  }
  // starts[largest - size]: where the groups of that size begin.
  const starts = new Uint32Array(largest + 2);
  for (const size of sizes) starts[largest - size + 1]!++;
  for (let at = 1; at < starts.length; at++) starts[at]! += starts[at - 1]!;
  for (let at = 0; at < sizes.length; at++) order[starts[largest - sizes[at]!]!++] = at;
  return order;
}
