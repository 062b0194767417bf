/**
 * The engine loaded once, on first use, so that nothing on the review's way to its first frame
 * waits for it: `loadSuggestions().then((engine) => …)` after the first frame is drawn.
 */
type Engine = typeof import('./index.js');

let loading: Promise<Engine> | null = null;

export function loadSuggestions(): Promise<Engine> {
  loading ??= import('./index.js');
  return loading;
}
