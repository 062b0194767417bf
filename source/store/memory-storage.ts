import { fingerprint, serialise } from './format.js';
import { emptyDoc, type StoreDoc } from './schema.js';
import type { ChangeResult, Storage } from './storage.js';
import { StoreIndex } from './store-index.js';
import type { StoreProblem } from './types.js';

/** Documents in a map, for UI tests: the same repository semantics without a disk. */
export class MemoryStorage implements Storage {
  readonly root = ':memory:';
  readonly index = StoreIndex.open(null, this.root);
  private readonly docs = new Map<string, StoreDoc>();

  async refresh(): Promise<{ annotators: string[]; changed: string[] }> {
    this.index.batch(() => {
      for (const [key, doc] of this.docs) this.put(key, doc);
    });
    // Every write went through the index already: nothing changed behind it.
    return { annotators: [], changed: [] };
  }

  folderProblems(): StoreProblem[] {
    return [];
  }

  displayPath(path: string): string {
    return path;
  }

  async update<R>(
    annotator: string,
    article: string,
    change: (doc: StoreDoc) => ChangeResult<R>,
  ): Promise<{ doc: StoreDoc; value: R }> {
    const key = `${JSON.stringify(annotator)}/${JSON.stringify(article)}`;
    const current = this.docs.get(key);
    const doc = current ? structuredClone(current) : emptyDoc(article, annotator);
    const { write, value } = change(doc);
    if (write) {
      this.docs.set(key, structuredClone(doc));
      this.put(key, doc);
    }
    return { doc, value };
  }

  subscribe(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    this.index.close();
  }

  private put(key: string, doc: StoreDoc): void {
    this.index.put({
      path: key,
      folder: JSON.stringify(doc.annotator),
      article: doc.article,
      annotator: doc.annotator,
      signature: '',
      mtimeMs: 0,
      readAt: 0,
      fingerprint: fingerprint(serialise(doc)),
      doc,
      reason: null,
    });
  }
}
