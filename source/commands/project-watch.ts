import { type FSWatcher, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/** A `git pull` replaces the file by a rename: gather its events into one look. */
const DEBOUNCE_MS = 100;
const POLL_MS = 2_000;

/**
 * Calls `changed` when the project file no longer holds `text`, the text the session started
 * with (a `git pull` renaming a label), including a change made before the watch began: the review's labels, keys and attribute lists are built
 * once, so the reviewer is told to start again rather than tag with a codebook that is gone.
 * Its folder is watched, not the file: git and editors replace the file, and a watch on it would
 * end with the old one. Polls where watching is unavailable. Returns a function that stops.
 */
export function watchProjectFile(
  file: string,
  text: string,
  changed: (how: 'changed' | 'gone') => void,
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let poller: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  // Said once for each new text, and again when it changes back and forth.
  let last = text;
  const look = async () => {
    timer = null;
    const now = await readFile(file, 'utf8').catch(() => null);
    if (stopped || now === last) return;
    last = now ?? '';
    if (now === text) return;
    changed(now === null ? 'gone' : 'changed');
  };
  const schedule = () => {
    if (!stopped) timer ??= setTimeout(() => void look(), DEBOUNCE_MS);
  };
  try {
    watcher = watch(dirname(file), { persistent: false }, (_event, name) => {
      if (name === null || name === basename(file)) schedule();
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = null;
      // After the review stopped watching, nothing would clear a poller started now.
      if (!stopped) poller ??= setInterval(schedule, POLL_MS).unref();
    });
  } catch {
    poller = setInterval(schedule, POLL_MS).unref();
  }
  // A change made after `text` was read and before the watch began sends no event: look once.
  schedule();
  return () => {
    stopped = true;
    watcher?.close();
    if (timer) clearTimeout(timer);
    if (poller) clearInterval(poller);
  };
}
