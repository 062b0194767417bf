/**
 * Loaded with `--import` into each vitest worker process before vitest itself.
 *
 * The worker calls the main process over birpc with a fixed 60 s timeout (birpc's
 * DEFAULT_TIMEOUT; no option reaches it: vitest-dev/vitest#11082). A test that keeps its worker
 * busy for one long synchronous stretch (a CLI run through spawnSync, the extraction benchmark's
 * 181 pages, the story engine over a built corpus) blocks it past 60 s on a loaded machine; the
 * main process's reply then waits in the poll queue while Node runs the expired timer first, and
 * a run whose every test passed ends with `Timeout calling "onTaskUpdate"` and exit 1: 52 such
 * errors at load 20-25 on two cores, 2026-12-08. birpc takes `setTimeout` from globalThis when
 * it is loaded, so the one it takes is this one, which gives its 60-second timers ten minutes
 * (times MARGIN_TEST_PATIENCE, as the tests' own limits): only a main process that no longer
 * answers at all is named later. Tests' own timers are Node's, unchanged (review59-b: a
 * test's 60 s guard had become ten minutes).
 */
const BIRPC_TIMEOUT_MS = 60_000;
const extra = Number(process.env.MARGIN_TEST_PATIENCE ?? '1');
const patient = BIRPC_TIMEOUT_MS * 10 * (Number.isFinite(extra) && extra > 0 ? extra : 1);
const original = globalThis.setTimeout;

/** Only vitest's own 60-second timers: a test's guard of that length keeps its length. */
function fromVitest() {
  return /[\\/]node_modules[\\/]vitest[\\/]/.test(new Error().stack ?? '');
}

function setTimeout(callback, ms, ...args) {
  const wait = ms === BIRPC_TIMEOUT_MS && fromVitest() ? patient : ms;
  return original(callback, wait, ...args);
}
// `util.promisify(setTimeout)` and the like read these from the function.
for (const key of Reflect.ownKeys(original)) {
  if (!(key in setTimeout) || typeof key === 'symbol') {
    Object.defineProperty(setTimeout, key, Object.getOwnPropertyDescriptor(original, key));
  }
}
globalThis.setTimeout = setTimeout;
