import { typedKeysIn } from './keymap.js';
import { goBack, placeHere } from './navigation.js';
import type { Origin, ReviewState, SearchBack } from './state.js';
import { info } from './updates.js';

/**
 * The way back from a search (qa54 #8: after `Enter` on a hit, `Esc`, `Esc` left the reviewer in
 * article 15 of 10,000 with no way back to article 5, sentence 3). The place a search began is
 * kept when a hit is opened; `Esc` out of the results goes back there, and the back key
 * (`Ctrl+O`, as Vim's jump back) goes between that place and the one it was left from, so a
 * reviewer who went back by mistake, or wants the hit again, is one key from it.
 */

/**
 * Where a hit opened now takes the reviewer back to: the start of the search the results came
 * from when `/` was opened again over them (its own origin is the hit then), else `origin`.
 */
export function searchStartFor(state: ReviewState, origin: Origin): SearchBack {
  return { to: state.results && state.searchBack ? state.searchBack.to : origin, began: true };
}

/** The back key as the project's keymap has it ("Ctrl+O"), or null when it has none. */
function backKey(state: ReviewState): string | null {
  return typedKeysIn('reader', 'search/back', state.project.keymap)[0] ?? null;
}

/**
 * Goes to the other end of the last search's jump (its start, or the place left for it), the
 * results closed; the place left becomes the way back.
 */
export function searchBack(state: ReviewState): ReviewState {
  const back = state.searchBack;
  if (!back) return { ...state, message: info('no search to go back from') };
  const { to, began } = back;
  const left = placeHere(state);
  const there = goBack({ ...state, results: null, mode: { kind: 'browse' } }, to);
  const key = backKey(state);
  const how = began ? 'back where the search began' : 'back to the place left';
  const again = began ? 'the place left' : 'where the search began';
  return {
    ...there,
    results: null,
    searchBack: { to: left, began: !began },
    message: info(key ? `${how} · ${key}: ${again}` : how),
  };
}
