import { randomUUID } from 'node:crypto';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import { indexFileOf } from '../corpus/db/disk-index.js';
import type { Article, Sentence } from '../corpus/types.js';
import { emptyRecord, ownValue } from '../text/own.js';
import { makeAnchor, placeAnchor, sentencesById } from './anchor.js';
import { exportOrder, type OrderSource } from './export-order.js';
import { History, type Step } from './history.js';
import { applyOperation, type FieldChange, type Operation } from './operations.js';
import { AnnotationPlacer, annotatedOf, compareListed, SAVE_BATCH } from './placer.js';
import { chunks, ReadAhead, readAheadSettings } from './read-ahead.js';
import type {
  AdoptOptions,
  AnnotationPatch,
  ChangeSummary,
  Repository,
  StoreEvent,
} from './repository.js';
import {
  beyondLimits,
  cleanAttributes,
  cleanNote,
  type StoreDoc,
  type StoredAnnotation,
  storedForm,
} from './schema.js';
import { RefusedFileError, type Storage } from './storage.js';
import type { CountRow } from './store-index.js';
import type {
  AnnotatedArticle,
  Annotation,
  AnnotationNote,
  ArticleMadeOf,
  ArticleTally,
  Label,
  OwnTally,
  PlacedAnnotation,
  RenderedArticle,
  ReviewStatus,
  StoreProblem,
  StoreTotals,
} from './types.js';

/** Injected in tests so that stored files are byte-for-byte predictable. */
export interface RepositoryOptions {
  now?: () => Date;
  newId?: () => string;
}

/** Beyond this many articles, `tallies` reads every row once instead of one query per article. */
const FEW_ARTICLES = 64;

/**
 * The repository logic over a `Storage`: edits as undoable steps, history, read-only files,
 * change events, and the reads of exports and tallies. Nothing per annotation is held here: the
 * storage's index answers, and an article's annotations are placed on its current text by the
 * `AnnotationPlacer` when asked for.
 */
export class StoreRepository implements Repository {
  readonly root: string;
  /** Problems met while writing that belong to no file (an annotator folder that is a link). */
  private readonly writeProblems = new Map<string, StoreProblem>();
  private readonly folderAnnotators = new Set<string>();
  private names: { version: number; list: string[] } | null = null;
  private readonly placer: AnnotationPlacer;
  private readonly orderSource: OrderSource;
  private readonly history = new History();
  /** The tag `tagged` gives the steps recorded meanwhile. */
  private stepTag: number | undefined;
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private unsubscribe: (() => void) | null = null;
  /**
   * The comparison of every file with the index under way: `close` stops it and waits for its
   * threads and reads (a review quit during its check leaves at once).
   */
  private checking: {
    work: Promise<void>;
    stop: AbortController;
    /** Settles once the comparison runs on threads of its own, or has ended. */
    running: Promise<void>;
  } | null = null;
  /** Opened `later` on an empty index, every file was read: the first `check` is already done. */
  private justChecked = false;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly storage: Storage,
    readonly annotator: string,
    options: RepositoryOptions = {},
  ) {
    this.root = storage.root;
    this.placer = new AnnotationPlacer(storage);
    this.orderSource = {
      placer: this.placer,
      annotated: () => storage.index.annotatedArticles(),
      derived: (name, inputs, compute) => this.derived(name, inputs, compute),
    };
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => randomUUID());
  }

  /** The corpus annotations are placed on (null: where they were made). */
  private get corpus(): CorpusIndex | null {
    return this.placer.corpus;
  }

  /** One annotator's annotations over the whole store, article by article in id order. */
  annotatedBy(annotator: string): Iterable<{ article: string; annotations: PlacedAnnotation[] }> {
    return this.placer.annotatedBy(annotator);
  }

  get version(): number {
    return this.storage.index.version;
  }

  async open(
    corpus?: CorpusIndex | readonly Article[] | null,
    { check = 'now' }: { check?: 'now' | 'later' } = {},
  ): Promise<void> {
    if (corpus) {
      this.placer.placeOn(corpus);
    }
    // The index as the last run left it, at once; `check` then compares every file with it. An
    // empty index (the first open of this store) has nothing to show: the files are read now,
    // and the `check` that follows has nothing to add.
    if (check === 'later' && !this.storage.index.isEmpty()) return;
    await this.check();
    this.justChecked = check === 'later';
  }

  check(): Promise<void> {
    if (this.justChecked) {
      this.justChecked = false;
      return Promise.resolve();
    }
    // One check at a time: an open asked for meanwhile shares the one under way.
    if (!this.checking) {
      const stop = new AbortController();
      let running = () => {};
      const started = new Promise<void>((done) => {
        running = done;
      });
      const work = this.compareFiles(stop.signal, running).finally(() => {
        running();
        this.checking = null;
      });
      this.checking = { work, stop, running: started };
    }
    return this.checking.work;
  }

  async checkArticles(articles: readonly string[]): Promise<boolean> {
    const version = this.storage.index.version;
    const changed = (await this.storage.refreshArticles?.(articles)) ?? null;
    if (changed === null) {
      await this.check();
    } else if (changed.length > 0) {
      for (const article of changed) this.placer.forget(article);
      this.emit(changed);
    }
    return this.storage.index.version !== version;
  }

  checkedAsIs(): boolean {
    return this.storage.checkedAsIs?.() ?? false;
  }

  startCheck(): Promise<void> {
    const work = this.check();
    // Its failure is the caller's when it awaits `check`, not an unhandled rejection meanwhile.
    work.catch(() => undefined);
    return this.checking?.running ?? Promise.resolve();
  }

  private async compareFiles(signal: AbortSignal, onRunning: () => void): Promise<void> {
    const { annotators, changed } = await this.storage.refresh(signal, onRunning);
    this.folderAnnotators.clear();
    for (const annotator of annotators) this.folderAnnotators.add(annotator);
    this.names = null;
    // Watchers (the review) show those articles again: files changed while margin was not running.
    if (changed.length > 0) this.emit(changed);
  }

  list(filter: { article?: string; annotator?: string } = {}): PlacedAnnotation[] {
    if (filter.article === undefined && filter.annotator !== undefined) {
      const own = [...this.annotatedBy(filter.annotator)].flatMap((each) => each.annotations);
      return own.sort(compareListed);
    }
    const articles =
      filter.article === undefined ? this.storage.index.annotatedArticles() : [filter.article];
    const result: PlacedAnnotation[] = [];
    for (const article of articles) {
      for (const annotation of this.placer.placedOf(article)) {
        if (filter.annotator === undefined || annotation.annotator === filter.annotator) {
          result.push(annotation);
        }
      }
    }
    return filter.article === undefined ? result.sort(compareListed) : result;
  }

  *annotated(): Iterable<AnnotatedArticle> {
    const { ids, lazy } = exportOrder(this.orderSource);
    const generation = this.placer.generation();
    // A chunk of articles in one read of each index (a statement on its own costs a lock); the
    // first chunks are small, so that the first article is out after one read.
    for (const [from, size] of chunks(ids.length)) {
      const chunk = this.storage.index.batch(() =>
        this.placer.corpusReads(() =>
          ids
            .slice(from, from + size)
            .map((id) => this.placer.placedWith(id, generation, lazy(id))),
        ),
      );
      for (const [at, placed] of chunk.entries()) {
        if (placed.annotations.length > 0) yield annotatedOf(ids[from + at]!, placed);
      }
    }
    this.placer.save();
  }

  notes(): Iterable<AnnotationNote> {
    return this.storage.index.notes();
  }

  taggedSentences(
    where: { label?: string; annotators?: readonly string[] } = {},
    only?: string,
  ): Map<string, Set<string>> {
    const found = new Map<string, Set<string>>();
    const add = (article: string, sentence: string) => {
      const own = found.get(article);
      if (own) own.add(sentence);
      else found.set(article, new Set([sentence]));
    };
    const generation = this.placer.generation();
    // Files whose kept placements do not hold are placed after the scan: placing writes to the
    // index, which a statement still reading it forbids.
    const again = new Map<string, Set<string>>();
    for (const row of this.storage.index.tagRows(where, only)) {
      const { article, labels, placed } = row;
      const holds =
        placed !== null &&
        placed.length === labels.length &&
        row.placedOn !== null &&
        !this.placer.hasOwnText(article) &&
        ((generation !== null && row.placedIn === generation) ||
          row.placedOn === this.placer.textKey(article));
      if (!holds) {
        const annotators = again.get(article);
        if (annotators) annotators.add(row.annotator);
        else again.set(article, new Set([row.annotator]));
        continue;
      }
      for (const [at, label] of labels.entries()) {
        const place = placed[at];
        // An orphan has lost its sentence: there is nothing to find it on.
        if (place && (where.label === undefined || label === where.label)) add(article, place[0]);
      }
    }
    for (const [id, annotators] of again) {
      for (const annotation of this.placer.placedOf(id)) {
        if (!annotation.placement || !annotators.has(annotation.annotator)) continue;
        if (where.label === undefined || annotation.label === where.label) {
          add(id, annotation.placement.sentence);
        }
      }
    }
    this.placer.save();
    return found;
  }

  *rendered(
    kind: string,
    only?: ReadonlySet<string>,
    withText = false,
    withHeads = true,
  ): Iterable<RenderedArticle> {
    const { ids, lazy } = exportOrder(this.orderSource, only, withHeads);
    const { corpus } = this;
    // A chunk's texts in one statement; none when an article was given with a text of its own.
    const quotedTexts =
      withText && corpus?.quotedTexts && !this.placer.anyOwnText()
        ? (slice: readonly string[]) => corpus.quotedTexts!(slice)
        : null;
    const generation = this.placer.generation();
    const { index } = this.storage;
    const renderings: Array<{
      file: { article: string; annotator: string; fingerprint: string | null; placedOn: string };
      text: string;
    }> = [];
    const keepAll = () => {
      const rows = renderings.splice(0);
      try {
        index.batch(() => {
          for (const { file, text } of rows) index.keepRendered(file, kind, text);
        });
      } catch {
        // A cache that cannot be written (another process holds it too long) is only slower.
      }
    };
    const ahead =
      generation === null ? null : this.readAhead(ids, kind, generation, quotedTexts !== null);
    try {
      for (const [from, size] of chunks(ids.length)) {
        const read = ahead?.next(kind) ?? null;
        const chunk = index.batch(() => {
          const slice = ids.slice(from, from + size);
          const found = read
            ? read.found
            : generation === null
              ? null
              : index.renderedOf(slice, kind, generation);
          return this.placer.corpusReads(() => {
            const texts = read && quotedTexts ? read.texts : quotedTexts?.(slice);
            return slice.map((id): RenderedArticle => {
              const rows = (!this.placer.hasOwnText(id) && found?.get(id)) || [];
              const quoted = texts?.get(id);
              if (rows.length > 0 && rows.every((row) => row.text !== null)) {
                const kept = rows as Array<{ annotator: string; text: Buffer; madeFrom: string }>;
                const article = lazy(id)?.() ?? this.placer.articleOf(id) ?? null;
                return { id, article, kept, annotated: null, quoted, keep: () => undefined };
              }
              const placed = this.placer.placedWith(id, generation, lazy(id));
              const keep = (annotator: string, text: string) => {
                const source = placed.sources.get(annotator);
                if (source?.placedOn == null) return;
                const { fingerprint, placedOn } = source;
                renderings.push({ file: { article: id, annotator, fingerprint, placedOn }, text });
              };
              const annotated = placed.annotations.length > 0 ? annotatedOf(id, placed) : null;
              return {
                id,
                article: annotated?.article ?? null,
                kept: null,
                annotated,
                quoted,
                keep,
              };
            });
          });
        });
        for (const each of chunk) if (each.kept || each.annotated) yield each;
        this.placer.save();
        if (renderings.length >= SAVE_BATCH) keepAll();
      }
    } finally {
      ahead?.close();
    }
    this.placer.save();
    keepAll();
  }

  /**
   * A thread reading the kept renderings (and texts) of `ids` ahead of `rendered`, where both
   * indexes are files and many articles are to be read; else null (read on this thread).
   */
  private readAhead(
    ids: readonly string[],
    kind: string,
    generation: string,
    withTexts: boolean,
  ): ReadAhead | null {
    const store = this.storage.index.file;
    const corpus = withTexts && this.corpus ? indexFileOf(this.corpus) : null;
    if (store === null || (withTexts && corpus === null) || this.placer.anyOwnText()) return null;
    if (ids.length < readAheadSettings.from) return null;
    return ReadAhead.start({ store, corpus, kind, generation, ids });
  }

  *madeOf(kind: string): Iterable<ArticleMadeOf> {
    const generation = this.placer.generation();
    // Without a generation nothing is confirmed: every file's rendering is made again.
    if (generation === null) return;
    let current: ArticleMadeOf = { id: '', files: [] };
    for (const { article, annotator, madeFrom } of this.storage.index.madeOf(kind, generation)) {
      if (current.id !== article) {
        if (current.files.length > 0) yield current;
        current = { id: article, files: [] };
      }
      // An article given with a text of its own is not the corpus's: placed again.
      current.files.push({
        annotator,
        madeFrom: this.placer.hasOwnText(article) ? null : madeFrom,
      });
    }
    if (current.files.length > 0) yield current;
  }

  madeOfDigest(kind: string): string | null {
    const generation = this.placer.generation();
    // An article given with a text of its own is placed again: its files are made again.
    if (generation === null || this.placer.anyOwnText()) return null;
    return this.storage.index.madeOfDigest(kind, generation);
  }

  derived<T>(name: string, inputs: string, compute: () => T): T {
    const generation = this.placer.generation();
    if (generation === null || this.placer.anyOwnText()) return compute();
    const { index } = this.storage;
    const before = index.rowChanges();
    if (before === null) return compute();
    const madeAt = `${before}\0${generation}\0${inputs}`;
    const kept = index.derivedValue(name, madeAt);
    if (kept !== null) return JSON.parse(kept) as T;
    const value = compute();
    // A row that changed meanwhile (placements confirmed, another process's write) may or may
    // not be in the value: it is kept only when none did.
    if (index.rowChanges() === before) index.keepDerived(name, madeAt, JSON.stringify(value));
    return value;
  }

  totals(): StoreTotals {
    const { index } = this.storage;
    const generation = this.placer.generation();
    const labels = new Map<string, Record<string, number>>();
    let orphans = 0;
    let unsure = 0;
    // Label counts are the documents' own, whatever the text; orphans depend on the text.
    for (const row of index.tallyRows(generation)) {
      let own = labels.get(row.annotator);
      if (!own) {
        own = emptyRecord<number>();
        labels.set(row.annotator, own);
      }
      for (const [label, n] of Object.entries(row.counts)) {
        own[label] = (own[label] ?? 0) + n * row.files;
      }
      orphans += row.orphans;
      unsure += row.unsure;
    }
    // An article with placements not confirmed on the corpus's text now, or given with a text
    // of its own, has its orphans counted again: those kept stand only on the text they were for.
    const recount = new Set(unsure > 0 ? index.unsureArticles(generation) : []);
    for (const id of this.placer.ownTexts()) recount.add(id);
    for (const id of recount) {
      const rows = index.countRowsOf(id, generation);
      if (rows.length === 0) continue;
      for (const row of rows) if (row.confirmed) orphans -= row.orphans;
      orphans += this.orphansOf(id, rows, generation);
    }
    this.placer.save();
    return { labels, orphans, perArticle: index.articleTotals() };
  }

  /** One article's orphans: as kept when its text is the one they were placed on, else placed again. */
  private orphansOf(id: string, rows: CountRow[], generation: string | null): number {
    const keyOf = this.placer.textKeyOnce(id);
    const holds = (row: CountRow) =>
      row.confirmed
        ? !this.placer.hasOwnText(id)
        : row.path !== null &&
          this.placer.keptHolds(
            id,
            { path: row.path, placedOn: row.placedOn, placedIn: null },
            generation,
            keyOf,
          );
    if (rows.every(holds)) return rows.reduce((sum, row) => sum + row.orphans, 0);
    const { annotations } = this.placer.placedWith(id, generation);
    return annotations.reduce((sum, annotation) => sum + (annotation.placement ? 0 : 1), 0);
  }

  reviewed(): Array<{ article: string; annotator: string; status: ReviewStatus }> {
    return this.storage.index.reviewed();
  }

  onlyOpened(): Array<{ article: string; annotator: string }> {
    return this.storage.index.onlyOpened();
  }

  annotationCount(): number {
    return this.storage.index.annotationCount();
  }

  tallies(articles?: readonly string[]): ArticleTally[] {
    const { index } = this.storage;
    if (articles === undefined) return index.tallies();
    if (articles.length <= FEW_ARTICLES) return articles.flatMap((id) => index.talliesOf(id));
    const wanted = new Set(articles);
    return index.tallies().filter((tally) => wanted.has(tally.article));
  }

  ownTallies(annotator: string, articles?: readonly string[]): OwnTally[] {
    const { index } = this.storage;
    if (articles === undefined) return index.ownTallies(annotator);
    if (articles.length <= FEW_ARTICLES)
      return articles.flatMap((id) => index.ownTallies(annotator, id));
    const wanted = new Set(articles);
    return index.ownTallies(annotator).filter((tally) => wanted.has(tally.article));
  }

  annotators(): string[] {
    const { index } = this.storage;
    if (this.names?.version !== index.version) {
      const names = new Set([...this.folderAnnotators, ...index.annotators()]);
      this.names = { version: index.version, list: [...names].sort() };
    }
    return [...this.names.list];
  }

  async tag(article: Article, sentenceId: string, label: Label): Promise<Annotation> {
    const sentence = this.sentenceOf(article, sentenceId);
    const { doc, value } = await this.change<{
      annotation: StoredAnnotation;
      step: Step | null;
    }>(article, (current) => {
      const existing = this.onSentence(current, article, sentenceId).find((a) => a.label === label);
      if (existing) return { write: false, value: { annotation: existing, step: null } };
      const annotation = this.create(article, sentence, label);
      const { value: step } = this.applied(
        current,
        article.id,
        'tag',
        `tag ${label}`,
        {
          forward: { type: 'add', annotations: [structuredClone(annotation)] },
          inverse: { type: 'remove', ids: [annotation.id], labels: { [annotation.id]: label } },
        },
        sentenceId,
      );
      return { write: true, value: { annotation, step } };
    });
    if (value.step) this.history.record(value.step);
    return toAnnotation(value.annotation, doc);
  }

  async untag(article: Article, sentenceId: string, label: Label): Promise<void> {
    this.sentenceOf(article, sentenceId);
    await this.removeWhere(
      article,
      sentenceId,
      (a) => a.label === label,
      'untag',
      `untag ${label}`,
    );
  }

  async toggle(article: Article, sentenceId: string, label: Label): Promise<void> {
    const sentence = this.sentenceOf(article, sentenceId);
    const { value } = await this.change(article, (current) => {
      const existing = this.onSentence(current, article, sentenceId).filter(
        (a) => a.label === label,
      );
      if (existing.length > 0) {
        return this.applied(
          current,
          article.id,
          'untag',
          `untag ${label}`,
          {
            forward: { type: 'remove', ids: existing.map((a) => a.id) },
            inverse: { type: 'add', annotations: structuredClone(existing) },
          },
          sentenceId,
        );
      }
      const annotation = this.create(article, sentence, label);
      return this.applied(
        current,
        article.id,
        'tag',
        `tag ${label}`,
        {
          forward: { type: 'add', annotations: [annotation] },
          inverse: { type: 'remove', ids: [annotation.id], labels: { [annotation.id]: label } },
        },
        sentenceId,
      );
    });
    this.history.record(value);
  }

  async clear(article: Article, sentenceId: string): Promise<void> {
    this.sentenceOf(article, sentenceId);
    await this.removeWhere(article, sentenceId, () => true, 'clear', null);
  }

  async annotate(
    article: Article,
    sentenceId: string,
    patch: AnnotationPatch,
    declared?: Readonly<Record<string, readonly string[]>>,
  ): Promise<void> {
    this.sentenceOf(article, sentenceId);
    const tooLarge = beyondLimits(patch.note, patch.attributes);
    if (tooLarge) throw new Error(tooLarge);
    const note = patch.note === undefined ? 'keep' : normaliseNote(patch.note);
    const attributes =
      patch.attributes === undefined ? 'keep' : normaliseAttributes(patch.attributes);
    if (note === 'keep' && attributes === 'keep') return;
    const kind = note !== 'keep' ? 'note' : 'attributes';
    const { value } = await this.change(article, (current) => {
      const targets = this.onSentence(current, article, sentenceId);
      if (targets.length === 0) {
        throw new Error(
          `sentence ${sentenceId} of ${article.id} carries no label of ${this.annotator}: tag it before adding a ${kind}`,
        );
      }
      const updated = this.now().toISOString();
      const before: FieldChange[] = targets.map((a) => ({
        id: a.id,
        note: a.note,
        attributes: a.attributes,
        updated: a.updated,
      }));
      const after: FieldChange[] = targets.map((a) => ({
        id: a.id,
        note: note === 'keep' ? a.note : note,
        attributes:
          attributes === 'keep'
            ? a.attributes
            : withKept(a, ownAttributes(a, attributes, declared), [
                ...(patch.keep ?? []),
                ...(ownValue(patch.keepOn, a.label) ?? []),
              ]),
        updated,
      }));
      const description =
        kind === 'note' ? (note === undefined ? 'remove note' : 'note') : 'attributes';
      return this.applied(
        current,
        article.id,
        kind,
        description,
        {
          forward: { type: 'fields', changes: after },
          inverse: { type: 'fields', changes: structuredClone(before) },
        },
        sentenceId,
      );
    });
    this.history.record(value);
  }

  async adopt(
    article: Article,
    sentenceId: string,
    labels: readonly Label[],
    attributes: Record<string, string>,
    { precedence = 'given', declared, note: givenNote }: AdoptOptions = {},
  ): Promise<void> {
    const sentence = this.sentenceOf(article, sentenceId);
    const tooLarge = beyondLimits(givenNote, attributes);
    if (tooLarge) throw new Error(tooLarge);
    const note = givenNote === undefined ? undefined : normaliseNote(givenNote);
    const given = normaliseAttributes(attributes) ?? {};
    // What a label takes of the given attributes: all, or only those its codebook entry names.
    const givenTo = (label: Label): Record<string, string> => {
      if (!declared) return given;
      const names = ownValue(declared, label) ?? [];
      return Object.fromEntries(Object.entries(given).filter(([name]) => names.includes(name)));
    };
    const { value } = await this.change(article, (current) => {
      const existing = this.onSentence(current, article, sentenceId);
      const have = new Set(existing.map((a) => a.label));
      const merged = (label: Label, own: Record<string, string> | undefined) => {
        const offered = givenTo(label);
        const all = precedence === 'given' ? { ...own, ...offered } : { ...offered, ...own };
        return Object.keys(all).length === 0 ? undefined : all;
      };
      const fresh = [...new Set(labels)]
        .filter((label) => !have.has(label))
        .map((label) => {
          const annotation = this.create(article, sentence, label);
          const own = merged(label, undefined);
          const noted = note === undefined ? annotation : { ...annotation, note };
          return own ? { ...noted, attributes: own } : noted;
        });
      const updated = this.now().toISOString();
      const noteOf = (a: { note?: string | undefined }) =>
        givenNote === undefined ? a.note : note;
      const changed = existing.filter(
        (a) =>
          JSON.stringify(merged(a.label, a.attributes)) !== JSON.stringify(a.attributes) ||
          noteOf(a) !== a.note,
      );
      if (fresh.length === 0 && changed.length === 0) return { write: false, value: null };
      const before: FieldChange[] = changed.map((a) => ({
        id: a.id,
        note: a.note,
        attributes: a.attributes,
        updated: a.updated,
      }));
      const after: FieldChange[] = changed.map((a) => ({
        id: a.id,
        note: noteOf(a),
        attributes: merged(a.label, a.attributes),
        updated,
      }));
      const names = fresh.map((a) => a.label).join(', ');
      const verb = precedence === 'given' ? 'copy' : 'tag';
      return this.applied(
        current,
        article.id,
        'tag',
        names ? `${verb} ${names}` : `${verb} attributes`,
        {
          forward: {
            type: 'batch',
            operations: [
              { type: 'fields', changes: after },
              { type: 'add', annotations: structuredClone(fresh) },
            ],
          },
          inverse: {
            type: 'batch',
            operations: [
              {
                type: 'remove',
                ids: fresh.map((a) => a.id),
                labels: Object.fromEntries(fresh.map((a) => [a.id, a.label])),
              },
              { type: 'fields', changes: structuredClone(before) },
            ],
          },
        },
        sentenceId,
      );
    });
    if (value) this.history.record(value);
  }

  async addMany(
    annotations: Annotation[],
    unsaved?: (error: unknown, annotations: Annotation[]) => void,
  ): Promise<number> {
    const groups = new Map<string, Annotation[]>();
    for (const annotation of annotations) {
      const key = JSON.stringify([annotation.annotator, annotation.article]);
      groups.set(key, [...(groups.get(key) ?? []), annotation]);
    }
    let added = 0;
    for (const group of groups.values()) {
      const first = group[0]!;
      try {
        // In the try: one group the schema refuses does not keep the others from being written.
        const stored = group.map((annotation) => toStored(annotation));
        this.assertWritable(first.article, first.annotator);
        const { value } = await this.update(first.annotator, first.article, (current) => {
          const before = current.annotations.length;
          applyOperation(current, { type: 'add', annotations: stored });
          const count = current.annotations.length - before;
          return { write: count > 0, value: count };
        });
        added += value;
      } catch (error) {
        // One annotator's folder the disk refuses (its permissions, a full disk) does not
        // keep the other files of an import from being written.
        if (!unsaved) throw error;
        unsaved(error, group);
      }
    }
    return added;
  }

  status(article: string, annotator: string = this.annotator): ReviewStatus {
    return this.storage.index.status(article, annotator) ?? 'unreviewed';
  }

  async setStatus(
    article: string,
    status: ReviewStatus,
    { undoable = true }: { undoable?: boolean } = {},
  ): Promise<void> {
    this.assertWritable(article, this.annotator);
    const { value } = await this.update(this.annotator, article, (current) => {
      if (current.status === status) return { write: false, value: null };
      return this.applied(current, article, 'status', `status ${status}`, {
        forward: { type: 'status', status },
        inverse: { type: 'status', status: current.status },
      });
    });
    if (value && undoable) this.history.record(value);
  }

  /**
   * Undoes the last step. One whose annotations were changed outside this session since (folded
   * by `margin relabel`, removed by a teammate's pull) changes nothing: it is dropped, not moved to
   * redo, and the summary says it was `missed` (qa53: `undid: tag number` changed nothing).
   */
  async undo(): Promise<ChangeSummary | null> {
    const step = this.history.peekUndo();
    if (!step) return null;
    if (step.summary.kind !== 'mark' && !(await this.replay(step, step.inverse))) {
      this.history.dropUndo();
      return { ...step.summary, missed: true };
    }
    this.history.settleUndo();
    return step.summary;
  }

  async redo(): Promise<ChangeSummary | null> {
    const step = this.history.peekRedo();
    if (!step) return null;
    if (step.summary.kind !== 'mark' && !(await this.replay(step, step.forward))) {
      this.history.dropRedo();
      return { ...step.summary, missed: true };
    }
    this.history.settleRedo();
    return step.summary;
  }

  async together<T>(article: string, work: () => Promise<T>): Promise<T> {
    const together = this.storage.together?.bind(this.storage);
    if (!together) return work();
    const before = this.history.snapshot();
    try {
      return await together(this.annotator, article, work);
    } catch (error) {
      // The steps recorded inside were never written.
      this.history.restore(before);
      throw error;
    }
  }

  async asOneStep<T>(description: string, work: () => Promise<T>): Promise<T> {
    const since = this.history.count;
    try {
      return await work();
    } finally {
      this.history.joinSince(since, description);
    }
  }

  async tagged<T>(tag: number | undefined, write: () => Promise<T>): Promise<T> {
    this.stepTag = tag;
    try {
      return await write();
    } finally {
      this.stepTag = undefined;
    }
  }

  mark(article: string, description: string, tag?: number, sentence?: string): void {
    const nothing: Operation = { type: 'batch', operations: [] };
    this.history.record({
      annotator: this.annotator,
      article,
      forward: nothing,
      inverse: nothing,
      summary: {
        kind: 'mark',
        article,
        ...(sentence === undefined ? {} : { sentence }),
        description,
        ...(tag === undefined ? {} : { tag }),
      },
    });
  }

  problems(): StoreProblem[] {
    const problems = new Map<string, StoreProblem>();
    for (const problem of this.storage.folderProblems()) problems.set(problem.path, problem);
    for (const problem of this.writeProblems.values()) problems.set(problem.path, problem);
    for (const row of this.storage.index.refusals()) {
      const path = this.storage.displayPath(row.path);
      problems.set(path, {
        path,
        article: row.article,
        annotator: row.annotator,
        message: `${path}: ${row.reason}`,
      });
    }
    return [...problems.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  isReadOnly(article: string): boolean {
    return this.storage.index.refusal(article, this.annotator) !== null;
  }

  watch(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    this.unsubscribe ??= this.storage.subscribe((articles) => {
      // Another process may have put the new rows into the shared index: this process's version
      // of it did not move, so its placed annotations of those articles must go.
      for (const article of articles) this.placer.forget(article);
      this.emit(articles);
    });
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = null;
      }
    };
  }

  async close(): Promise<void> {
    if (this.checking) {
      this.checking.stop.abort();
      await this.checking.work.catch(() => undefined);
    }
    this.placer.save();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.listeners.clear();
    await this.storage.close();
  }

  /** Applies a step's operation; whether it changed the file. */
  private async replay(step: Step, operation: Operation): Promise<boolean> {
    this.assertWritable(step.article, step.annotator);
    const { value } = await this.update(step.annotator, step.article, (current) => {
      const changed = applyOperation(current, operation);
      return { write: changed, value: changed };
    });
    return value;
  }

  private async removeWhere(
    article: Article,
    sentenceId: string,
    matches: (annotation: StoredAnnotation) => boolean,
    kind: 'untag' | 'clear',
    description: string | null,
  ): Promise<void> {
    const { value } = await this.change(article, (current) => {
      const removed = this.onSentence(current, article, sentenceId).filter(matches);
      if (removed.length === 0) return { write: false, value: null };
      const labels = [...new Set(removed.map((a) => a.label))].sort().join(', ');
      return this.applied(
        current,
        article.id,
        kind,
        description ?? `clear ${labels}`,
        {
          forward: { type: 'remove', ids: removed.map((a) => a.id) },
          inverse: { type: 'add', annotations: structuredClone(removed) },
        },
        sentenceId,
      );
    });
    if (value) this.history.record(value);
  }

  /** A change by this annotator on `article`, which also becomes known for placement. */
  private async change<R>(
    article: Article,
    edit: (doc: StoreDoc) => { write: boolean; value: R },
  ): Promise<{ doc: StoreDoc; value: R }> {
    this.placer.writing(article);
    this.assertWritable(article.id, this.annotator);
    return this.update(this.annotator, article.id, edit);
  }

  private async update<R>(
    annotator: string,
    article: string,
    edit: (doc: StoreDoc) => { write: boolean; value: R },
  ): Promise<{ doc: StoreDoc; value: R }> {
    try {
      return await this.storage.update(annotator, article, edit);
    } catch (error) {
      if (error instanceof RefusedFileError) {
        if (error.problem.article === null) {
          this.writeProblems.set(error.problem.path, error.problem);
        }
        this.emit([article]);
        throw new Error(readOnlyMessage(error.problem, article, annotator));
      }
      throw error;
    }
  }

  /**
   * Applies a change to the document as one undoable step: `forward` now, `inverse` on undo. The
   * one way the repository's edits are made, so undo can never miss one.
   */
  private applied(
    doc: StoreDoc,
    article: string,
    kind: ChangeSummary['kind'],
    description: string,
    operations: Pick<Step, 'forward' | 'inverse'>,
    sentence?: string,
  ): { write: true; value: Step } {
    const step = this.step(article, kind, description, operations, sentence);
    applyOperation(doc, step.forward);
    return { write: true, value: step };
  }

  private step(
    article: string,
    kind: ChangeSummary['kind'],
    description: string,
    operations: Pick<Step, 'forward' | 'inverse'>,
    sentence?: string,
  ): Step {
    const tag = this.stepTag;
    return {
      annotator: this.annotator,
      article,
      ...operations,
      summary: {
        kind,
        article,
        ...(sentence === undefined ? {} : { sentence }),
        description,
        ...(tag === undefined ? {} : { tag }),
      },
    };
  }

  private create(article: Article, sentence: Sentence, label: Label): StoredAnnotation {
    const time = this.now().toISOString();
    return {
      id: this.newId(),
      label,
      anchor: makeAnchor(article, sentence),
      created: time,
      updated: time,
    };
  }

  /** This annotator's annotations that sit on the sentence in the article's current text. */
  private onSentence(doc: StoreDoc, article: Article, sentenceId: string): StoredAnnotation[] {
    return doc.annotations.filter(
      (annotation) => placeAnchor(annotation.anchor, article)?.sentence === sentenceId,
    );
  }

  private sentenceOf(article: Article, sentenceId: string): Sentence {
    const sentence = sentencesById(article).get(sentenceId);
    if (!sentence) throw new Error(`article ${article.id} has no sentence ${sentenceId}`);
    return sentence;
  }

  private assertWritable(article: string, annotator: string): void {
    const refused = this.storage.index.refusal(article, annotator);
    if (refused) {
      const path = this.storage.displayPath(refused.path);
      const problem = { ...refused, path, message: `${path}: ${refused.reason}` };
      throw new Error(readOnlyMessage(problem, article, annotator));
    }
  }

  private emit(articles: string[]): void {
    const event = { articles: [...new Set(articles)].sort() };
    for (const listener of this.listeners) listener(event);
  }
}

/** A copy callers may keep or change without touching the stored document. */
function toAnnotation(stored: StoredAnnotation, doc: StoreDoc): Annotation {
  const annotation: Annotation = {
    ...stored,
    article: doc.article,
    annotator: doc.annotator,
    anchor: { ...stored.anchor },
  };
  if (stored.attributes) annotation.attributes = { ...stored.attributes };
  return annotation;
}

function toStored(annotation: Annotation): StoredAnnotation {
  const checked = storedForm({ ...annotation });
  if (!checked.ok) {
    throw new Error(
      `annotation ${annotation.id} of ${annotation.article} is not valid: ${checked.problem}`,
    );
  }
  return checked.stored;
}

function normaliseNote(note: string | null): string | undefined {
  const clean = note === null ? '' : cleanNote(note);
  return clean.trim() === '' ? undefined : clean;
}

function normaliseAttributes(
  attributes: Record<string, string> | null,
): Record<string, string> | undefined {
  if (attributes === null) return undefined;
  const entries = Object.entries(cleanAttributes(attributes)).filter(([, value]) => value !== '');
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function readOnlyMessage(problem: StoreProblem, article: string, annotator: string): string {
  return `${problem.message}; ${article} is read-only for ${annotator} until that file is fixed or moved away`;
}

/** The attributes the patch leaves as this annotation has them (`AnnotationPatch.keep`). */
function withKept(
  annotation: Pick<Annotation, 'attributes'>,
  attributes: Record<string, string> | undefined,
  keep: readonly string[] | undefined,
): Record<string, string> | undefined {
  if (!keep || keep.length === 0) return attributes;
  const rest = Object.entries(attributes ?? {}).filter(([name]) => !keep.includes(name));
  const kept = Object.entries(annotation.attributes ?? {}).filter(([name]) => keep.includes(name));
  const all = [...rest, ...kept];
  return all.length > 0 ? Object.fromEntries(all) : undefined;
}

/**
 * What an annotation keeps of attributes set on its sentence: all of them without a codebook.
 * With one, those its label declares, and of its own those no label of the sentence declares
 * (the editor never showed them: an attribute the codebook dropped stays until the team decides);
 * one whose label the codebook no longer names keeps its own.
 */
function ownAttributes(
  annotation: Pick<Annotation, 'label' | 'attributes'>,
  attributes: Record<string, string> | undefined,
  declared: Readonly<Record<string, readonly string[]>> | undefined,
): Record<string, string> | undefined {
  if (!declared) return attributes;
  const names = ownValue(declared, annotation.label);
  if (!names) return annotation.attributes;
  const shown = new Set(Object.values(declared).flat());
  const kept = [
    ...Object.entries(annotation.attributes ?? {}).filter(([name]) => !shown.has(name)),
    ...Object.entries(attributes ?? {}).filter(([name]) => names.includes(name)),
  ];
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
