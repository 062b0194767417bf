import { join } from 'node:path';
import { words } from '../../text/fold.js';
import { changedVariantKey } from '../../text/variants.js';
import { byCodePoint } from '../files.js';
import type { CleanedFile } from './clean-file.js';
import { HeldPostings } from './held.js';
import { indexWords } from './index-words.js';
import { encodePostings } from './postings.js';
import type { StaticProblem } from './scan.js';
import type { Db } from './schema.js';

/** Postings held in memory before they are written as a segment: 16 MB of pairs. */
export const SEGMENT_POSTINGS = 2_000_000;

/** How close to a refresh a file's modification time is too close to trust. */
const RACY_MS = 1500;

/** A title word's postings are stored under a tab and the word: no word holds a tab. */
export const TITLE_MARK = '\t';

/** The bucket search looks up near spellings in: first UTF-16 unit and length. */
export function bucketOf(word: string): number {
  return word.charCodeAt(0) * 65536 + Math.min(word.length, 65535);
}

interface ArticleWords {
  first: number;
  /** The distinct folded words of each sentence. */
  sentences: string[][];
  /** The distinct folded words of the title. */
  title: string[];
}

/**
 * Writes files, articles and their words into the index. Articles are committed in batches as
 * they are read; their words gather in memory and are written as one segment of posting lists
 * every few million postings, with the vocabulary counts. Articles written but not yet in a
 * segment (a process killed in between) are found again by `recover` and indexed from their
 * stored text, without cleaning their files again.
 */
export class IndexWriter {
  /** Keys and article numbers held for the next segment, and count changes. */
  private readonly held = new HeldPostings();
  /** The highest article number whose words are held. */
  private heldTo: number;
  private nextKey: number;
  private nextNumber: number;
  private readonly meta: (key: string) => number;
  private readonly setMeta: (key: string, value: number) => void;
  private readonly statements;
  /** Whether anything changed since the snapshot was written. */
  changed = false;
  /** Articles removed: their words' counts went down, some perhaps to nothing. */
  dropped = 0;

  /**
   * Files modified after this (ms since the epoch) are remembered without their time: a change
   * in the same tick of the file system's clock would not show, so they are compared again.
   */
  private readonly racyAfter: number;

  constructor(
    private readonly db: Db,
    private readonly root: string,
    started = Date.now(),
  ) {
    this.racyAfter = started - RACY_MS;
    const get = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
    const set = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    this.meta = (key) => Number(get.get(key) ?? 0);
    this.setMeta = (key, value) => {
      set.run(key, String(value));
    };
    this.nextKey = this.meta('next_key');
    this.nextNumber = Math.max(1, this.meta('next_number'));
    this.heldTo = this.meta('indexed');
    this.statements = {
      file: db.prepare('SELECT article FROM files WHERE path = ?').pluck(),
      putFile: db.prepare(
        `INSERT OR REPLACE INTO files (path, folder, size, mtime, article, problem, duplicate)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      dropFile: db.prepare('DELETE FROM files WHERE path = ?'),
      markDuplicate: db.prepare(
        'UPDATE files SET article = NULL, problem = ?, duplicate = 1 WHERE path = ?',
      ),
      filesUnder: db.prepare(
        "SELECT path FROM files WHERE folder = ? OR (folder >= ? || '/' AND folder < ? || '0')",
      ),
      dropFolders: db.prepare(
        "DELETE FROM folders WHERE path = ? OR (path >= ? || '/' AND path < ? || '0')",
      ),
      putFolder: db.prepare('INSERT OR REPLACE INTO folders (path, mtime) VALUES (?, ?)'),
      owner: db.prepare('SELECT number, path FROM articles WHERE id = ?'),
      articleWords: db.prepare('SELECT first, title, text, spans FROM articles WHERE number = ?'),
      dropArticle: db.prepare('DELETE FROM articles WHERE number = ?'),
      putArticle: db.prepare(
        `INSERT INTO articles (number, id, path, first, count, title, date, byline, source,
           source_key, opening, hash, content, warnings, sentence_ids, spans, text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      uncount: db.prepare(
        'UPDATE vocabulary SET sentences = sentences - ?, titles = titles - ? WHERE word = ?',
      ),
      count: db.prepare(
        `INSERT INTO vocabulary (word, sentences, titles, bucket, variant) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (word) DO UPDATE SET sentences = sentences + excluded.sentences,
           titles = titles + excluded.titles`,
      ),
      putPostings: db.prepare('INSERT INTO postings (segment, word, list) VALUES (?, ?, ?)'),
      putSegment: db.prepare('INSERT INTO segments (segment, position, postings) VALUES (?, ?, ?)'),
      unindexed: db.prepare(
        'SELECT number, first, title, text, spans FROM articles WHERE number > ? ORDER BY number',
      ),
    };
  }

  /** Indexes the words of articles written by a process that stopped before writing them. */
  recover(): void {
    const rows = this.statements.unindexed.all(this.meta('indexed')) as ArticleRow[];
    for (const row of rows) {
      this.hold(row.number, wordsOfRow(row));
      this.changed = true;
    }
  }

  /** Files gone from the corpus, and static problems replacing entries: one transaction. */
  apply(drop: readonly string[], dropFolders: readonly string[], problems: StaticProblem[]): void {
    if (drop.length === 0 && dropFolders.length === 0 && problems.length === 0) return;
    this.db.transaction(() => {
      for (const path of drop) this.dropFile(path);
      for (const folder of dropFolders) {
        const under = this.statements.filesUnder.pluck().all(folder, folder, folder) as string[];
        for (const path of under) this.dropFile(path);
        this.statements.dropFolders.run(folder, folder, folder);
      }
      for (const problem of problems) {
        this.dropFile(problem.path);
        this.statements.putFile.run(problem.path, problem.folder, -1, -1, null, problem.problem, 0);
      }
    })();
    this.changed = true;
  }

  /** Remembers the folders as listed: done last, so a stopped refresh lists them again. */
  folders(listed: ReadonlyArray<{ path: string; mtime: number }>): void {
    this.db.transaction(() => {
      for (const folder of listed) {
        this.statements.putFolder.run(folder.path, folder.mtime);
        // A folder that could not be read before and can now is no problem any more.
        if (folder.mtime >= 0 && folder.path !== '') this.dropFile(folder.path);
      }
    })();
  }

  /** Files as read, in corpus order: one transaction. */
  write(results: readonly CleanedFile[]): void {
    if (results.length === 0) return;
    this.db.transaction(() => {
      for (const result of results) this.writeOne(result);
      this.setMeta('next_key', this.nextKey);
      this.setMeta('next_number', this.nextNumber);
    })();
    this.changed = true;
    if (this.held.size >= SEGMENT_POSTINGS) this.flush();
  }

  private writeOne(result: CleanedFile): void {
    const { path, record } = result;
    const folder = parentOf(path);
    const mtime = result.mtime > this.racyAfter ? -1 : result.mtime;
    this.dropFile(path);
    if (!record) {
      const problem = result.problem ?? 'unknown';
      this.statements.putFile.run(path, folder, result.size, mtime, null, problem, 0);
      return;
    }
    // The first file in corpus order keeps an id two files share; the other is named.
    const owner = this.statements.owner.get(record.id) as
      | { number: number; path: string }
      | undefined;
    if (owner) {
      const reason = (other: string) => duplicateReason(record.id, join(this.root, other));
      if (byCodePoint(owner.path, path) < 0) {
        this.statements.putFile.run(path, folder, result.size, mtime, null, reason(owner.path), 1);
        return;
      }
      this.dropArticle(owner.number);
      this.statements.markDuplicate.run(reason(path), owner.path);
    }
    const number = this.nextNumber++;
    const first = this.nextKey;
    const count = record.spans.length / 3;
    this.nextKey += count;
    this.statements.putArticle.run(
      number,
      record.id,
      path,
      first,
      count,
      record.title,
      record.date,
      record.byline,
      record.source,
      record.sourceKey,
      record.opening,
      record.hash,
      record.content,
      record.warnings,
      record.sentenceIds,
      Buffer.from(record.spans.buffer, record.spans.byteOffset, record.spans.byteLength),
      record.text,
    );
    this.statements.putFile.run(path, folder, result.size, mtime, number, null, 0);
    const sentences = record.words ? record.words.split(' ') : [];
    const holders = record.wordSentences;
    let at = 0;
    for (const word of sentences) {
      const count = holders[at]!;
      this.held.addSentences(word, first, holders, at + 1, at + 1 + count);
      at += 1 + count;
    }
    const title = record.titleWords ? record.titleWords.split(' ') : [];
    for (const word of title) this.held.add(word, number, 1);
    this.heldTo = Math.max(this.heldTo, number);
  }

  private dropFile(path: string): void {
    const number = this.statements.file.get(path) as number | null | undefined;
    if (typeof number === 'number') this.dropArticle(number);
    this.statements.dropFile.run(path);
  }

  /** Removes an article and takes its words out of the counts; its postings become dead keys. */
  private dropArticle(number: number): void {
    const row = this.statements.articleWords.get(number) as ArticleRow | undefined;
    if (!row) return;
    const indexed = this.meta('indexed');
    const counted = wordCounts(wordsOfRow({ ...row, number }));
    for (const [word, [sentences, titles]] of counted) {
      if (number <= indexed) this.statements.uncount.run(sentences, titles, word);
      else this.held.uncount(word, sentences, titles);
    }
    this.statements.dropArticle.run(number);
    this.dropped++;
  }

  private hold(number: number, found: ArticleWords): void {
    found.sentences.forEach((list, i) => {
      const key = found.first + i;
      for (const word of list) this.held.add(word, key, 0);
    });
    for (const word of found.title) this.held.add(word, number, 1);
    this.heldTo = Math.max(this.heldTo, number);
  }

  /** Writes the held postings as a new segment, with the vocabulary counts: one transaction. */
  flush(): void {
    if (this.held.empty) {
      if (this.heldTo > this.meta('indexed')) this.setMeta('indexed', this.heldTo);
      return;
    }
    const { statements } = this;
    const segment = this.meta('next_segment') + 1;
    this.db.transaction(() => {
      let total = 0;
      for (const { word, sentences, titles, lists } of this.held.entries()) {
        statements.count.run(word, sentences, titles, bucketOf(word), changedVariantKey(word));
        const [keys, numbers] = lists as [Uint32Array, Uint32Array];
        if (keys.length > 0) statements.putPostings.run(segment, word, encodePostings(keys));
        if (numbers.length > 0)
          statements.putPostings.run(segment, TITLE_MARK + word, encodePostings(numbers));
        total += keys.length + numbers.length;
      }
      statements.putSegment.run(segment, segment, total);
      this.setMeta('next_segment', segment);
      this.setMeta('indexed', this.heldTo);
    })();
    this.held.clear();
    this.changed = true;
  }
}

interface ArticleRow {
  number: number;
  first: number;
  title: string | null;
  text: string;
  spans: Buffer;
}

/** The words of a stored article, folded again from its text. */
function wordsOfRow(row: ArticleRow): ArticleWords {
  const spans = new Uint32Array(
    row.spans.buffer.slice(row.spans.byteOffset, row.spans.byteOffset + row.spans.byteLength),
  );
  const sentences: string[][] = [];
  for (let i = 0; i < spans.length; i += 3) {
    sentences.push([...new Set(indexWords(row.text.slice(spans[i + 1]!, spans[i + 2]!)))]);
  }
  return { first: row.first, sentences, title: [...new Set(words(row.title ?? ''))] };
}

function wordCounts(found: ArticleWords): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>();
  const get = (word: string) => {
    let entry = counts.get(word);
    if (!entry) {
      entry = [0, 0];
      counts.set(word, entry);
    }
    return entry;
  };
  for (const list of found.sentences) for (const word of list) get(word)[0]++;
  for (const word of found.title) get(word)[1]++;
  return counts;
}

export function duplicateReason(id: string, owner: string): string {
  return `skipped, its id "${id}" is already used by ${owner}`;
}

export function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}
