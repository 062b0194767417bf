import { emptyDoc, type StoreDoc } from './schema.js';
import type { ChangeResult, LoadedFile, Storage } from './storage.js';

/** Documents in a map, for UI tests: the same repository semantics without a disk. */
export class MemoryStorage implements Storage {
  readonly root = ':memory:';
  private readonly docs = new Map<string, StoreDoc>();

  async load(): Promise<{ files: LoadedFile[]; annotators: string[] }> {
    const files = [...this.docs.entries()].map(([path, doc]) => ({
      path,
      annotator: doc.annotator,
      article: doc.article,
      doc: structuredClone(doc),
      problem: null,
    }));
    const annotators = [...new Set(files.map((file) => file.doc.annotator))];
    return { files, annotators };
  }

  async update<R>(
    annotator: string,
    article: string,
    change: (doc: StoreDoc) => ChangeResult<R>,
  ): Promise<{ doc: StoreDoc; value: R }> {
    const key = JSON.stringify([annotator, article]);
    const current = this.docs.get(key);
    const doc = current ? structuredClone(current) : emptyDoc(article, annotator);
    const { write, value } = change(doc);
    if (write) this.docs.set(key, structuredClone(doc));
    return { doc, value };
  }

  subscribe(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {}
}
