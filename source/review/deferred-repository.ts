import type { Article } from '../corpus/types.js';
import type {
  AnnotationPatch,
  ChangeSummary,
  Repository,
  StoreEvent,
} from '../store/repository.js';
import type { Annotation, Label, ReviewStatus, StoreProblem } from '../store/types.js';

/** A repository that is still opening, with a way to ask whether it has opened yet. */
export interface DeferredRepository extends Repository {
  /** The opened repository, or null while it is still opening. */
  readonly opened: Repository | null;
}

/**
 * Stands in for a repository while the store is still being read, so the screen can be drawn
 * before it: reads answer as an empty store until it has opened, writes wait for it (in the order
 * they were asked for), and watchers are attached once it is there.
 */
export function deferredRepository(
  annotator: string,
  opening: Promise<Repository>,
): DeferredRepository {
  let opened: Repository | null = null;
  opening.then(
    (repository) => {
      opened = repository;
    },
    () => undefined,
  );
  const later = <T>(use: (repository: Repository) => Promise<T>) => opening.then(use);
  return {
    annotator,
    get root() {
      return opened?.root ?? '';
    },
    get opened() {
      return opened;
    },
    open: (articles: Article[]) => later((r) => r.open(articles)),
    list: (filter?: { article?: string; annotator?: string }) => opened?.list(filter) ?? [],
    annotators: () => opened?.annotators() ?? [],
    tag: (article: Article, sentenceId: string, label: Label): Promise<Annotation> =>
      later((r) => r.tag(article, sentenceId, label)),
    untag: (article: Article, sentenceId: string, label: Label) =>
      later((r) => r.untag(article, sentenceId, label)),
    toggle: (article: Article, sentenceId: string, label: Label) =>
      later((r) => r.toggle(article, sentenceId, label)),
    clear: (article: Article, sentenceId: string) => later((r) => r.clear(article, sentenceId)),
    annotate: (article: Article, sentenceId: string, patch: AnnotationPatch) =>
      later((r) => r.annotate(article, sentenceId, patch)),
    addMany: (annotations: Annotation[]) => later((r) => r.addMany(annotations)),
    status: (article: string, who?: string): ReviewStatus =>
      opened?.status(article, who) ?? 'unreviewed',
    setStatus: (article: string, status: ReviewStatus) =>
      later((r) => r.setStatus(article, status)),
    undo: (): Promise<ChangeSummary | null> => later((r) => r.undo()),
    redo: (): Promise<ChangeSummary | null> => later((r) => r.redo()),
    problems: (): StoreProblem[] => opened?.problems() ?? [],
    isReadOnly: (article: string) => opened?.isReadOnly(article) ?? false,
    watch(listener: (event: StoreEvent) => void) {
      let unwatch: (() => void) | null = null;
      let stopped = false;
      opening.then(
        (repository) => {
          if (!stopped) unwatch = repository.watch(listener);
        },
        () => undefined,
      );
      return () => {
        stopped = true;
        unwatch?.();
      };
    },
    // Leaving before the store has opened must not wait for it: it is closed once it has.
    close() {
      if (opened) return opened.close();
      opening.then((r) => r.close()).catch(() => undefined);
      return Promise.resolve();
    },
  };
}
