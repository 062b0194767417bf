import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh folder per test, removed afterwards; `write` creates files (and folders) in it. */
export function tempCorpus(): {
  root: () => string;
  write: (name: string, content: string | Uint8Array) => Promise<string>;
} {
  let folder: string | null = null;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    folder = null;
  });
  const root = () => {
    if (!folder) throw new Error('call write() or ready() first');
    return folder;
  };
  return {
    root,
    async write(name, content) {
      folder ??= await mkdtemp(join(tmpdir(), 'margin-corpus-'));
      const path = join(folder, name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
      return path;
    },
  };
}

/** A short article that survives cleaning as two paragraphs. */
export const GOOD_ARTICLE = `Talks resume in Geneva

Negotiators from both countries met in Geneva on Tuesday to resume talks that stalled last month over the terms of a ceasefire.

“We are closer than we were a week ago,” one of the diplomats said after the meeting.
`;
