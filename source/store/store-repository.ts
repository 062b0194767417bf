import { randomUUID } from 'node:crypto';
import type { Article, Sentence } from '../corpus/types.js';
import { makeAnchor, type Placement, placeAnchor, sentencesById } from './anchor.js';
import { History, type Step } from './history.js';
import { applyOperation, type FieldChange, type Operation } from './operations.js';
import type { AnnotationPatch, ChangeSummary, Repository, StoreEvent } from './repository.js';
import {
  beyondLimits,
  cleanAttributes,
  cleanNote,
  type StoreDoc,
  type StoredAnnotation,
  storedAnnotationSchema,
} from './schema.js';
import { type LoadedFile, RefusedFileError, type Storage } from './storage.js';
import type { Annotation, Label, PlacedAnnotation, ReviewStatus, StoreProblem } from './types.js';

/** Injected in tests so that stored files are byte-for-byte predictable. */
export interface RepositoryOptions {
  now?: () => Date;
  newId?: () => string;
}

/** One annotator's file for one article, as this session knows it. */
interface Entry {
  doc: StoreDoc | null;
  problem: StoreProblem | null;
  placed: PlacedAnnotation[] | null;
}

/** The repository logic over a `Storage`: placement, history, read-only files, change events. */
export class StoreRepository implements Repository {
  readonly root: string;
  private readonly entries = new Map<string, Map<string, Entry>>();
  private readonly problemList = new Map<string, StoreProblem>();
  private readonly folderAnnotators = new Set<string>();
  /** Null until `open` is given articles: annotations are then placed where they were made. */
  private articles: Map<string, Article> | null = null;
  /** Articles seen through `tag` and friends, for placement when no corpus was given. */
  private readonly seen = new Map<string, Article>();
  private readonly history = new History();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private unsubscribe: (() => void) | null = null;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    private readonly storage: Storage,
    readonly annotator: string,
    options: RepositoryOptions = {},
  ) {
    this.root = storage.root;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => randomUUID());
  }

  async open(articles: Article[] | null): Promise<void> {
    if (articles) this.articles = new Map(articles.map((article) => [article.id, article]));
    const { files, annotators } = await this.storage.load();
    this.entries.clear();
    this.problemList.clear();
    this.folderAnnotators.clear();
    for (const annotator of annotators) this.folderAnnotators.add(annotator);
    for (const file of files) this.accept(file);
  }

  list(filter: { article?: string; annotator?: string } = {}): PlacedAnnotation[] {
    const byArticle =
      filter.article === undefined
        ? [...this.entries.values()]
        : [this.entries.get(filter.article) ?? new Map<string, Entry>()];
    const result: PlacedAnnotation[] = [];
    for (const byAnnotator of byArticle) {
      for (const [annotator, entry] of byAnnotator) {
        if (filter.annotator !== undefined && annotator !== filter.annotator) continue;
        result.push(...this.placed(entry));
      }
    }
    return result.sort(compareListed);
  }

  annotators(): string[] {
    const names = new Set(this.folderAnnotators);
    for (const byAnnotator of this.entries.values()) {
      for (const [annotator, entry] of byAnnotator) if (entry.doc) names.add(annotator);
    }
    return [...names].sort();
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
      const { value: step } = this.applied(current, article.id, 'tag', `tag ${label}`, {
        forward: { type: 'add', annotations: [structuredClone(annotation)] },
        inverse: { type: 'remove', ids: [annotation.id] },
      });
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
        return this.applied(current, article.id, 'untag', `untag ${label}`, {
          forward: { type: 'remove', ids: existing.map((a) => a.id) },
          inverse: { type: 'add', annotations: structuredClone(existing) },
        });
      }
      const annotation = this.create(article, sentence, label);
      return this.applied(current, article.id, 'tag', `tag ${label}`, {
        forward: { type: 'add', annotations: [annotation] },
        inverse: { type: 'remove', ids: [annotation.id] },
      });
    });
    this.history.record(value);
  }

  async clear(article: Article, sentenceId: string): Promise<void> {
    this.sentenceOf(article, sentenceId);
    await this.removeWhere(article, sentenceId, () => true, 'clear', null);
  }

  async annotate(article: Article, sentenceId: string, patch: AnnotationPatch): Promise<void> {
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
        attributes: attributes === 'keep' ? a.attributes : attributes,
        updated,
      }));
      const description =
        kind === 'note' ? (note === undefined ? 'remove note' : 'note') : 'attributes';
      return this.applied(current, article.id, kind, description, {
        forward: { type: 'fields', changes: after },
        inverse: { type: 'fields', changes: structuredClone(before) },
      });
    });
    this.history.record(value);
  }

  async adopt(
    article: Article,
    sentenceId: string,
    labels: readonly Label[],
    attributes: Record<string, string>,
  ): Promise<void> {
    const sentence = this.sentenceOf(article, sentenceId);
    const tooLarge = beyondLimits(undefined, attributes);
    if (tooLarge) throw new Error(tooLarge);
    const given = normaliseAttributes(attributes) ?? {};
    const { value } = await this.change(article, (current) => {
      const existing = this.onSentence(current, article, sentenceId);
      const have = new Set(existing.map((a) => a.label));
      const merged = (own: Record<string, string> | undefined) => {
        const all = { ...(own ?? {}), ...given };
        return Object.keys(all).length === 0 ? undefined : all;
      };
      const fresh = [...new Set(labels)]
        .filter((label) => !have.has(label))
        .map((label) => {
          const annotation = this.create(article, sentence, label);
          const own = merged(undefined);
          return own ? { ...annotation, attributes: own } : annotation;
        });
      const updated = this.now().toISOString();
      const changed = existing.filter(
        (a) => JSON.stringify(merged(a.attributes)) !== JSON.stringify(a.attributes),
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
        note: a.note,
        attributes: merged(a.attributes),
        updated,
      }));
      const names = fresh.map((a) => a.label).join(', ');
      return this.applied(current, article.id, 'tag', names ? `copy ${names}` : 'copy attributes', {
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
            { type: 'remove', ids: fresh.map((a) => a.id) },
            { type: 'fields', changes: structuredClone(before) },
          ],
        },
      });
    });
    if (value) this.history.record(value);
  }

  async addMany(annotations: Annotation[]): Promise<number> {
    const groups = new Map<string, Annotation[]>();
    for (const annotation of annotations) {
      const key = JSON.stringify([annotation.annotator, annotation.article]);
      groups.set(key, [...(groups.get(key) ?? []), annotation]);
    }
    let added = 0;
    for (const group of groups.values()) {
      const first = group[0]!;
      this.assertWritable(first.article, first.annotator);
      const stored = group.map((annotation) => toStored(annotation));
      const { doc, value } = await this.update(first.annotator, first.article, (current) => {
        const before = current.annotations.length;
        applyOperation(current, { type: 'add', annotations: stored });
        const count = current.annotations.length - before;
        return { write: count > 0, value: count };
      });
      this.setDoc(doc);
      added += value;
    }
    return added;
  }

  status(article: string, annotator: string = this.annotator): ReviewStatus {
    return this.entries.get(article)?.get(annotator)?.doc?.status ?? 'unreviewed';
  }

  async setStatus(article: string, status: ReviewStatus): Promise<void> {
    this.assertWritable(article, this.annotator);
    const { doc, value } = await this.update(this.annotator, article, (current) => {
      if (current.status === status) return { write: false, value: null };
      return this.applied(current, article, 'status', `status ${status}`, {
        forward: { type: 'status', status },
        inverse: { type: 'status', status: current.status },
      });
    });
    this.setDoc(doc);
    if (value) this.history.record(value);
  }

  async undo(): Promise<ChangeSummary | null> {
    const step = this.history.peekUndo();
    if (!step) return null;
    await this.replay(step, step.inverse);
    this.history.settleUndo();
    return step.summary;
  }

  async redo(): Promise<ChangeSummary | null> {
    const step = this.history.peekRedo();
    if (!step) return null;
    await this.replay(step, step.forward);
    this.history.settleRedo();
    return step.summary;
  }

  problems(): StoreProblem[] {
    return [...this.problemList.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  isReadOnly(article: string): boolean {
    return this.entries.get(article)?.get(this.annotator)?.problem != null;
  }

  watch(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    this.unsubscribe ??= this.storage.subscribe((files) => this.external(files));
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.unsubscribe?.();
        this.unsubscribe = null;
      }
    };
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.listeners.clear();
    await this.storage.close();
  }

  private async replay(step: Step, operation: Operation): Promise<void> {
    this.assertWritable(step.article, step.annotator);
    const { doc } = await this.update(step.annotator, step.article, (current) => ({
      write: applyOperation(current, operation),
      value: null,
    }));
    this.setDoc(doc);
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
      return this.applied(current, article.id, kind, description ?? `clear ${labels}`, {
        forward: { type: 'remove', ids: removed.map((a) => a.id) },
        inverse: { type: 'add', annotations: structuredClone(removed) },
      });
    });
    if (value) this.history.record(value);
  }

  /** A change by this annotator on `article`, which also becomes known for placement. */
  private async change<R>(
    article: Article,
    edit: (doc: StoreDoc) => { write: boolean; value: R },
  ): Promise<{ doc: StoreDoc; value: R }> {
    const known = this.articles?.get(article.id) ?? this.seen.get(article.id);
    if (known !== article) {
      if (this.articles?.has(article.id)) this.articles.set(article.id, article);
      else this.seen.set(article.id, article);
      // Placements were computed against the text this article had before.
      for (const entry of this.entries.get(article.id)?.values() ?? []) entry.placed = null;
    }
    this.assertWritable(article.id, this.annotator);
    const result = await this.update(this.annotator, article.id, edit);
    this.setDoc(result.doc);
    return result;
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
        this.accept({ ...error.problem, doc: null, problem: error.problem });
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
  ): { write: true; value: Step } {
    const step = this.step(article, kind, description, operations);
    applyOperation(doc, step.forward);
    return { write: true, value: step };
  }

  private step(
    article: string,
    kind: ChangeSummary['kind'],
    description: string,
    operations: Pick<Step, 'forward' | 'inverse'>,
  ): Step {
    return {
      annotator: this.annotator,
      article,
      ...operations,
      summary: { kind, article, description },
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
    const problem = this.entries.get(article)?.get(annotator)?.problem;
    if (problem) throw new Error(readOnlyMessage(problem, article, annotator));
  }

  private setDoc(doc: StoreDoc): void {
    this.accept({ path: '', annotator: doc.annotator, article: doc.article, doc, problem: null });
  }

  private accept(file: LoadedFile): void {
    if (file.problem) this.problemList.set(file.problem.path, file.problem);
    else this.problemList.delete(file.path);
    if (file.article === null || file.annotator === null) return;
    let byAnnotator = this.entries.get(file.article);
    if (!byAnnotator) {
      byAnnotator = new Map();
      this.entries.set(file.article, byAnnotator);
    }
    if (file.doc === null && file.problem === null) byAnnotator.delete(file.annotator);
    else byAnnotator.set(file.annotator, { doc: file.doc, problem: file.problem, placed: null });
    if (file.doc) this.folderAnnotators.add(file.annotator);
  }

  private external(files: LoadedFile[]): void {
    for (const file of files) this.accept(file);
    const articles = files.flatMap((file) => (file.article === null ? [] : [file.article]));
    this.emit(articles);
  }

  private emit(articles: string[]): void {
    const event = { articles: [...new Set(articles)].sort() };
    for (const listener of this.listeners) listener(event);
  }

  private placed(entry: Entry): PlacedAnnotation[] {
    if (entry.placed) return entry.placed;
    const { doc } = entry;
    if (!doc) return [];
    const article = this.articles?.get(doc.article) ?? this.seen.get(doc.article);
    entry.placed = doc.annotations.map((stored) => {
      let placement: Placement | null;
      if (article) placement = placeAnchor(stored.anchor, article);
      else if (this.articles === null) {
        // No corpus given: trust the offsets the annotation was made with.
        const { sentence, start, end } = stored.anchor;
        placement = { sentence, start, end };
      } else placement = null;
      return { ...toAnnotation(stored, doc), placement };
    });
    return entry.placed;
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
  const { article: _article, annotator: _annotator, ...rest } = annotation;
  const checked = storedAnnotationSchema.safeParse(
    Object.fromEntries(Object.entries(rest).filter(([key]) => key !== 'placement')),
  );
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(
      `annotation ${annotation.id} of ${annotation.article} is not valid: ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  return checked.data;
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

function compareListed(a: PlacedAnnotation, b: PlacedAnnotation): number {
  return (
    compare(a.article, b.article) ||
    (a.placement?.start ?? Number.POSITIVE_INFINITY) -
      (b.placement?.start ?? Number.POSITIVE_INFINITY) ||
    a.anchor.start - b.anchor.start ||
    compare(a.label, b.label) ||
    compare(a.annotator, b.annotator) ||
    compare(a.id, b.id)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
