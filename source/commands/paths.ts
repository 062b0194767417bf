import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CommandIO } from './command.js';

/** A path as the command line gave it, resolved against the folder the command runs in. */
export function fromCwd(io: CommandIO, path: string): string {
  return isAbsolute(path) ? path : join(io.cwd, path);
}

/**
 * Rewrites a message's paths under the corpus folder `root` (absolute) to paths under `typed`,
 * the folder as the user named it: every command and the review name a file one way.
 */
export function shownUnder(root: string, typed: string): (text: string) => string {
  const prefix = join(typed, 'x').slice(0, -1);
  const rootPrefix = join(root, 'x').slice(0, -1);
  // One pass: a second one found the root again inside the path just written when the typed path
  // climbs to it (`../../tmp/rt` for /tmp/rt gave `../..../../tmp/rt/e.txt`; qa50).
  // The folder alone only where its name ends (`/work/seeds`, not the start of `/work/seedsx`).
  const either = new RegExp(`${escaped(rootPrefix)}|${escaped(root)}(?=$|[\\s:;,)"'’”])`, 'g');
  return (text) => {
    let named = false;
    return text.replace(either, (found) => {
      if (found === rootPrefix) return prefix;
      // The folder itself, named once, as before.
      if (named) return found;
      named = true;
      return typed;
    });
  };
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `path` with links resolved as far as it exists: the nearest folder above it that exists, made
 * real, with the rest of the path joined to it. A path through a link into a folder is inside it.
 */
export function realAsFarAsItExists(path: string): string {
  const rest: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      return join(realpathSync(at), ...rest.reverse());
    } catch {
      const up = dirname(at);
      if (up === at) return join(at, ...rest.reverse());
      rest.push(basename(at));
      at = up;
    }
  }
}

/** Whether `path` is `folder` or below it, links resolved on both sides. */
export function isWithin(path: string, folder: string): boolean {
  const near = relative(realAsFarAsItExists(folder), realAsFarAsItExists(path));
  // "..exports" is a name below the folder; ".." alone or "../…" is above it.
  return near === '' || (near !== '..' && !near.startsWith(`..${sep}`) && !isAbsolute(near));
}
