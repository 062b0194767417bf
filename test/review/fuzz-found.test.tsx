import { render, useInput } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeStdin, FakeStdout } from '../../bench/harness/fake-terminal.js';
import { EffectQueue } from '../../source/review/effects.js';
import { KeyInterpreter } from '../../source/review/interpret.js';
import { NO_KEY } from '../../source/review/keys.js';
import { reduce } from '../../source/review/reducer.js';
import type { ReviewState } from '../../source/review/state.js';
import { LIMITS } from '../../source/store/schema.js';
import { keyboardStdin, withoutCtrlFunctionKeys } from '../../source/ui/keyboard-stdin.js';
import { keyOf, pressed, typed } from '../helpers/keys.js';
import { testRepository } from '../ui/harness.js';
import { ARTICLES, readerState } from './fixtures.js';

/** The failures the key fuzz (fuzz.test.tsx) found, each kept as a plain case. */

const enter = (state: ReviewState) => pressed(state, { label: 'Enter', key: 'return' });

describe('a note or attribute over the store’s limit', () => {
  // Seeds 20261203 and 20261204: a pasted note of 10,315 characters was queued, refused by the
  // store at every retry, and held back every write after it; `q` never quit.
  it('is refused in the editor, which keeps the text, and nothing is queued', () => {
    const long = 'x'.repeat(LIMITS.noteCharacters + 1);
    const editing = typed(readerState(), `${keyOf('note/edit')}${long}`);
    expect(editing.mode.kind).toBe('note');
    const saved = enter(editing);
    expect(saved.mode).toMatchObject({ kind: 'note', draft: `check this${long}` });
    expect(saved.outbox).toEqual([]);
    expect(saved.message?.text).toBe(
      'a note holds at most 10,000 characters; this one has 10,011: shorten it, or Esc to cancel',
    );
    expect(saved.marks.b?.sentences['b-s20']?.note).toBe('check this');
  });

  it('is refused for an attribute value too', () => {
    const long = 'y'.repeat(LIMITS.attributeValueCharacters);
    const saved = enter(typed(readerState(), `${keyOf('attributes/edit')}${long}`));
    expect(saved.mode.kind).toBe('attributes');
    expect(saved.outbox).toEqual([]);
    expect(saved.message?.text).toMatch(/^an attribute value holds at most 1,000 characters; /);
  });

  it('a note just at the limit is saved', () => {
    const note = 'z'.repeat(LIMITS.noteCharacters);
    const editing = typed(readerState(), keyOf('note/edit'));
    const cleared = pressed(editing, { label: 'Ctrl+U', input: 'u', ctrl: true });
    const saved = enter(typed(cleared, note));
    expect(saved.mode.kind).toBe('browse');
    expect(saved.outbox).toEqual([
      { kind: 'annotate', article: 'b', sentence: 'b-s20', patch: { note } },
    ]);
  });
});

describe('a note saved after an undo took the sentence’s label', () => {
  // Seeds 2 and 1001: "u" then "n" before the undo was written, a note typed, Enter. The screen
  // kept a mark with no label; the store refused the note at every retry and held back every
  // write after it.
  it('is refused when the screen already knows, and nothing is queued', () => {
    const editing = typed(readerState(), `${keyOf('note/edit')} more`);
    const synced = reduce(editing, {
      type: 'store/synced',
      marks: { b: { ...editing.marks.b!, sentences: {} } },
    });
    const saved = enter(synced);
    expect(saved.mode.kind).toBe('browse');
    expect(saved.outbox).toEqual([]);
    expect(saved.marks.b?.sentences['b-s20']).toBeUndefined();
    expect(saved.message?.text).toMatch(/^not saved: the sentence has no label any more/);
  });

  it('is skipped by the write queue when the store knows first, and later writes go on', async () => {
    const repository = testRepository();
    const article = ARTICLES[0]!;
    await repository.open(ARTICLES);
    const messages: Array<string | null> = [];
    const queue = new EffectQueue({
      store: Promise.resolve(repository),
      article: (id) => ARTICLES.find((a) => a.id === id),
      onProgress: () => undefined,
      onDone: ({ message }) => messages.push(message),
      retryDelays: [1],
    });
    queue.push({ kind: 'annotate', article: 'a', sentence: 'a-s1', patch: { note: 'lost' } });
    queue.push({ kind: 'toggle', article: 'a', sentence: 'a-s2', label: 'claim' });
    await queue.drained();
    expect(messages[0]).toMatch(/^not saved: the sentence has no label any more/);
    expect(repository.list().map((a) => [a.anchor.sentence, a.label, a.note])).toEqual([
      [article.sentences[2]!.id, 'claim', undefined],
    ]);
  });
});

describe('a paste into an input', () => {
  // The same runs: 10,000 characters typed one by one into a note took 15 s, into an attribute 61.
  it('is one edit, whatever its length, and keys around it still act', () => {
    const keys = new KeyInterpreter();
    let state = readerState();
    const paste = `${keyOf('note/edit')} ${'w'.repeat(5_000)}\r`;
    const actions: string[] = [];
    for (const action of keys.actions(() => state, paste, NO_KEY)) {
      actions.push(action.type);
      state = reduce(state, action);
    }
    expect(actions).toEqual(['note/edit', 'text/type', 'edit/save']);
    expect(state.mode.kind).toBe('browse');
    expect(state.marks.b?.sentences['b-s20']?.note).toBe(`check this ${'w'.repeat(5_000)}`);
  });
});

/** Records the keys Ink hands on, as the App's `useInput` would receive them. */
function KeySink({ received }: { received: string[] }) {
  useInput((input, key) => {
    received.push(key.downArrow ? '↓' : input);
  });
  return null;
}

describe('function keys pressed with Ctrl', () => {
  // Seed 20261202, key 46: "x\x1b[31my" (a pasted colour code), like Ctrl+F1 in xterm
  // ("\x1b[1;5P"), made Ink 6.8's useInput throw: the review died with a stack trace.
  it('are dropped before Ink reads them; other keys pass as they were', () => {
    expect(withoutCtrlFunctionKeys('x\x1b[31my')).toBe('xy');
    expect(withoutCtrlFunctionKeys('\x1b[1;5P')).toBe('');
    expect(withoutCtrlFunctionKeys('\x1b[1;5B\x1b[5;5~j')).toBe('j');
    for (const kept of ['\x1b[A', '\x1b[Z', '\x1b[1;2A', '\x1b[6~', '\x1bOP', '\x1b', 'jk1\r']) {
      expect(withoutCtrlFunctionKeys(kept)).toBe(kept);
    }
  });

  let unmount: (() => void) | null = null;
  afterEach(() => {
    unmount?.();
    unmount = null;
  });

  it('reach the review as nothing, and the keys after them still act', async () => {
    const received: string[] = [];
    const stdin = new FakeStdin();
    const instance = render(<KeySink received={received} />, {
      stdout: new FakeStdout(100, 30) as unknown as NodeJS.WriteStream,
      stdin: keyboardStdin(stdin as unknown as NodeJS.ReadStream),
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    unmount = () => instance.unmount();
    await new Promise((resolve) => setImmediate(resolve));
    for (const chunk of ['x\x1b[31my', '\x1b[1;5P', '\x1b[B', 'j']) stdin.write(chunk);
    // Ink hands on the text either side of a sequence as one input.
    expect(received).toEqual(['xy', '↓', 'j']);
  });
});
