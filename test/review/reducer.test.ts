import { describe, expect, it } from 'vitest';
import { applyKeys, KeyInterpreter } from '../../source/review/interpret.js';
import { NO_KEY, PASTED } from '../../source/review/keys.js';
import { reduce } from '../../source/review/reducer.js';
import { articleById, currentArticle, cursorOf } from '../../source/review/selectors.js';
import type { ReviewState } from '../../source/review/state.js';
import { paneLayout } from '../../source/review/view/layout.js';
import { pressed, typed } from '../helpers/keys.js';
import { ARTICLES, fixtureArticle, HITS, listState, marks, readerState } from './fixtures.js';
import { wholeReader } from './whole-reader.js';

const type = (state: ReviewState, input: string) => typed(state, input);
const named = (state: ReviewState, key: 'return' | 'escape' | 'pageDown' | 'tab') =>
  pressed(state, { label: key, key });
/** Ctrl+U (clear the line before the cursor), then the text. */
const retype = (state: ReviewState, text: string) =>
  type(pressed(state, { label: 'Ctrl+U', input: 'u', ctrl: true }), text);
/** The writes asked for, without the model's lesson each carries (`suggestions.test.ts`). */
const effects = (state: ReviewState) =>
  state.outbox.map((effect) => {
    const { lesson, ...write } = effect;
    return lesson === undefined ? effect : write;
  });
/** What the controller does with the writes a key asked for: hands them to its queue. */
const taken = (state: ReviewState, pending: number): ReviewState => ({
  ...state,
  outbox: [],
  save: { ...state.save, pending },
});

describe('keys in one chunk', () => {
  it('handles each key of "jjj" and of "jj1" in order', () => {
    const moved = type(readerState(), 'jjj');
    expect(moved.cursors.b).toBe(23);
    const tagged = type(readerState(), 'jj1');
    expect(tagged.cursors.b).toBe(22);
    expect(effects(tagged)).toEqual([
      { kind: 'toggle', article: 'b', sentence: 'b-s22', label: 'claim' },
    ]);
  });

  it('types the rest of a chunk into the input a key of it opened, and saves on its Enter', () => {
    const state = type(readerState(), 'n jk');
    expect(state.mode).toMatchObject({ kind: 'note', draft: 'check this jk' });
    expect(state.cursors.b).toBe(20);
    const saved = type(readerState(), 'n?\rj');
    expect(saved.marks.b?.sentences['b-s20']?.note).toBe('check this?');
    expect(saved.cursors.b).toBe(21);
  });

  it('drops the rest of the chunk when a is refused, rather than reading the values as commands', () => {
    const untagged = type(readerState(), 'jjasource unclear');
    expect(untagged.mode.kind).toBe('browse');
    expect(untagged.message?.text).toMatch(/^tag the sentence first/);
    expect(untagged.cursors.b).toBe(22);
    expect(effects(untagged)).toEqual([]);
  });

  it('says on the list that a tag or a note needs the article, and takes no note typed after n as keys', () => {
    // On a wide screen the article sits beside the list, its first sentence marked: `1 n` and a
    // note typed there did nothing and said nothing, and the note's `d` marked the article done.
    const keys = new KeyInterpreter();
    let state = typed(listState(), '1', keys, 0);
    expect(state.message?.text).toBe("1 works on the article's sentences: Enter opens it");
    state = typed(state, 'n', keys, 100);
    expect(state.message?.text).toBe("n works on the article's sentences: Enter opens it");
    let time = 200;
    for (const key of [...'dj note']) {
      state = typed(state, key, keys, time);
      time += 120;
    }
    expect(state.focus).toBe('list');
    expect(state.current).toBe(listState().current);
    expect(effects(state)).toEqual([]);
    // In one chunk, the rest of it is dropped, as after a refused `a`.
    const chunk = type(listState(), 'ndj note\r');
    expect(effects(chunk)).toEqual([]);
    expect(chunk.focus).toBe('list');
    expect(chunk.current).toBe(listState().current);
  });

  it('takes a note typed on an untagged sentence, then its label, as one write', () => {
    const typing = type(readerState(), 'jjnsource unclear');
    expect(typing.mode).toMatchObject({ kind: 'note', draft: 'source unclear', sentence: 'b-s22' });
    expect(typing.message?.text).toBe('untagged: type the note, Enter, then its label');
    expect(effects(typing)).toEqual([]);
    const asking = named(typing, 'return');
    expect(asking.message?.text).toBe('its label? 1 claim, 2 quote, 3 event · Esc: note');
    // Neither a key that is no label nor pasted text chooses one, and nothing is written.
    const stray = type(type(asking, 'j'), `${PASTED}2`);
    expect(stray.mode).toMatchObject({ kind: 'note', untagged: { asking: true } });
    expect(effects(stray)).toEqual([]);
    // Esc goes back to the note with its text; Enter asks again; 2 tags it quote with the note.
    const back = named(stray, 'escape');
    expect(back.mode).toMatchObject({
      kind: 'note',
      draft: 'source unclear',
      untagged: { asking: false },
    });
    const tagged = type(back, ' twice\r2');
    expect(tagged.mode.kind).toBe('browse');
    expect(tagged.cursors.b).toBe(22);
    expect(effects(tagged)).toEqual([
      {
        kind: 'tag-many',
        article: 'b',
        sentence: 'b-s22',
        labels: ['quote'],
        attributes: {},
        note: 'source unclear twice',
      },
    ]);
    expect(tagged.marks.b?.sentences['b-s22']).toMatchObject({
      labels: ['quote'],
      note: 'source unclear twice',
    });
    // An empty note on Enter closes the editor and tags nothing.
    expect(effects(type(readerState(), 'jjn\r'))).toEqual([]);
    expect(type(readerState(), 'jjn\r').mode.kind).toBe('browse');
  });

  it('swallows the values typed key by key after a refused a, until a pause', () => {
    const keys = new KeyInterpreter();
    const at = (state: ReviewState, input: string, time: number) => typed(state, input, keys, time);
    let state = at(readerState(), 'j', 0);
    state = at(state, 'j', 100);
    state = at(state, 'a', 200);
    expect(state.message?.text).toMatch(/^tag the sentence first/);
    // "2 sources disputed", one key at a time as a person types: no quote, no undo, no clearing.
    let time = 350;
    for (const key of [...'2 sources disputed']) {
      state = at(state, key, time);
      time += 150;
    }
    expect(state.cursors.b).toBe(22);
    expect(effects(state)).toEqual([]);
    expect(state.message?.text).toMatch(/^tag the sentence first/);
    // Having read the message, the reviewer tags the sentence: a key after a pause acts.
    state = at(state, '1', time + 1000);
    expect(effects(state)).toEqual([
      { kind: 'toggle', article: 'b', sentence: 'b-s22', label: 'claim' },
    ]);
    // Enter, Esc and the arrows are never text: they act at once.
    const arrows = new KeyInterpreter();
    let refused = readerState();
    for (const [key, time] of [
      ['j', 0],
      ['j', 10],
      ['a', 20],
      ['j', 100],
    ] as const) {
      refused = typed(refused, key, arrows, time);
    }
    expect(refused.cursors.b).toBe(22);
    const moved = pressed(refused, { label: 'down', key: 'downArrow' }, arrows, 200);
    expect(moved.cursors.b).toBe(23);
    // `/` before search is ready opens the box all the same: what follows is the query.
    const early = typed({ ...readerState(), searchAvailable: false }, '/', new KeyInterpreter(), 0);
    expect(type(early, 'd1x').mode).toMatchObject({ kind: 'search', query: 'd1x' });
    expect(effects(type(early, 'd1x'))).toEqual([]);
  });

  it('takes pasted lines as text in an open note, and as nothing anywhere else', () => {
    // What keyboardStdin hands on for a bracketed paste of two lines.
    const pasted = `${PASTED}Peskov said this on TASS excerpt: "direct talks" xd`;
    const editing = type(type(readerState(), 'n'), pasted);
    expect(editing.mode).toMatchObject({
      kind: 'note',
      draft: 'check thisPeskov said this on TASS excerpt: "direct talks" xd',
    });
    expect(effects(editing)).toEqual([]);
    const browsing = type(readerState(), pasted);
    expect(browsing.cursors.b).toBe(20);
    expect(effects(browsing)).toEqual([]);
    expect(browsing.message?.text).toBe('paste ignored: notes, search, attributes take it');
  });

  it('reads a key Ink joined to the Escape before it (as Alt+key) as Escape, then the key', () => {
    // "\x1bj" in one read, or an Escape ending one read and j starting the next: Ink reports j
    // with meta. The help closes and j moves, or 1 tags.
    const alt = (state: ReviewState, input: string) =>
      applyKeys(state, input, { ...NO_KEY, meta: true });
    const help = type(readerState(), '?');
    expect(help.mode.kind).toBe('help');
    const moved = alt(help, 'j');
    expect(moved.mode.kind).toBe('browse');
    expect(moved.cursors.b).toBe(21);
    const tagged = alt(help, '1');
    expect(tagged.mode.kind).toBe('browse');
    expect(effects(tagged)).toEqual([
      { kind: 'toggle', article: 'b', sentence: 'b-s20', label: 'claim' },
    ]);
    // In a text input readline's word keys edit the line (Alt+b a word back, by habit) and never
    // throw the draft away with an Escape.
    const noting = type(readerState(), 'n source');
    const back = alt(noting, 'b');
    expect(back.mode).toMatchObject({ kind: 'note', draft: 'check this source', cursor: 11 });
    expect(effects(back)).toEqual([]);
    const cut = alt(back, 'd');
    expect(cut.mode).toMatchObject({ kind: 'note', draft: 'check this ', cursor: 11 });
    const wordGone = applyKeys(noting, '', { ...NO_KEY, meta: true, backspace: true });
    expect(wordGone.mode).toMatchObject({ kind: 'note', draft: 'check this ' });
    // Any other key joined to an Escape there is the Escape, then the key (tmux sends Esc then j
    // within half a second as one chunk): the edit is cancelled and j moves; nothing is saved.
    const cancelled = alt(noting, 'j');
    expect(cancelled.mode.kind).toBe('browse');
    expect(cancelled.cursors.b).toBe(21);
    expect(effects(cancelled)).toEqual([]);
    const searching = type(readerState(), '/peskov');
    expect(alt(searching, 'k').mode.kind).not.toBe('search');
  });

  it('gives back an edit cancelled with changes when the same editor opens on the sentence again', () => {
    const alt = (state: ReviewState, input: string) =>
      applyKeys(state, input, { ...NO_KEY, meta: true });
    // qa51: a, TASS, then Esc and j in one chunk, then 2 and Enter: "TASS2" was saved.
    const editing = retype(type(readerState(), 'a'), 'TASS');
    expect(editing.mode).toMatchObject({ kind: 'attributes', values: { claimant: 'TASS' } });
    // The j took the status line: it says again that the edit can come back (verify51).
    expect(alt(editing, 'j').message?.text).toBe('edit cancelled · a brings it back');
    const moved = type(alt(editing, 'j'), '2');
    expect(moved.mode.kind).toBe('browse');
    expect(moved.cursors.b).toBe(21);
    // The 2 tags the sentence moved to, as pressed; nothing of the cancelled edit is written.
    expect(effects(moved)).toEqual([
      { kind: 'toggle', article: 'b', sentence: 'b-s21', label: 'quote' },
    ]);
    // Back on it, `a` opens the cancelled values, said so; Enter saves them.
    const back = type(type(moved, 'k'), 'a');
    expect(back.mode).toMatchObject({ kind: 'attributes', values: { claimant: 'TASS' } });
    expect(back.message?.text).toBe('cancelled edit back · Esc drops it');
    expect(effects(named(back, 'return'))).toContainEqual(
      expect.objectContaining({ kind: 'annotate', patch: { attributes: { claimant: 'TASS' } } }),
    );
    // Esc on it drops it for good; it comes back on no other sentence or editor.
    const cancelled = named(editing, 'escape');
    expect(cancelled.message?.text).toBe('edit cancelled · a brings it back');
    const dropped = named(type(cancelled, 'a'), 'escape');
    expect(dropped.message?.text).toBe('edit dropped');
    expect(type(dropped, 'a').mode).toMatchObject({ values: { claimant: 'Kremlin' } });
    const elsewhere = type(type(cancelled, 'j'), 'a');
    expect(elsewhere.mode).toMatchObject({ kind: 'attributes', sentence: 'b-s21' });
    expect(elsewhere.message?.text ?? '').not.toMatch(/cancelled/);
    expect(type(cancelled, 'n').mode).toMatchObject({ kind: 'note', draft: 'check this' });
    // Nothing changed: nothing kept.
    expect(named(type(readerState(), 'a'), 'escape').message?.text).toBe('edit cancelled');
  });

  it('reads Ctrl+R pressed several times at once as several redos', () => {
    // Undo and redo are the store's (effects); Ctrl+R alone arrives from Ink as r with Ctrl.
    const kinds = (state: ReviewState) => effects(state).map((effect) => effect.kind);
    expect(kinds(type(readerState(), '\x12\x12\x12'))).toEqual(['redo', 'redo', 'redo']);
    expect(kinds(type(readerState(), 'u\x12u'))).toEqual(['undo', 'redo', 'undo']);
  });

  it('leaves typed text to the input while a note is edited', () => {
    const editing = type(readerState(), 'n');
    const after = type(editing, 'jjx1');
    expect(after.mode).toMatchObject({ kind: 'note', draft: 'check thisjjx1' });
    expect(after.cursors.b).toBe(20);
    expect(effects(after)).toEqual([]);
  });
});

describe('undo and redo show where they took effect', () => {
  const landing = { article: 'b', sentence: 'b-s5', from: { article: 'b', cursor: 20 } };

  it('takes the cursor to the sentence the step changed, unless a key moved it since', () => {
    const undone = type(readerState(), 'u');
    expect(effects(undone)).toEqual([{ kind: 'undo', from: { article: 'b', cursor: 20 } }]);
    const result = { type: 'save/result', message: 'undid: tag claim', landing } as const;
    const landed = reduce(taken(undone, 1), result);
    expect(landed.cursors.b).toBe(5);
    expect(landed.message?.text).toBe('undid: tag claim');
    // A `j` typed while the undo was being written is the reviewer's last word on the cursor.
    const movedOn = type(taken(undone, 1), 'j');
    expect(reduce(movedOn, result).cursors.b).toBe(21);
  });

  it('goes to each step of u u typed while the first write ran', () => {
    const twice = taken(type(readerState(), 'uu'), 2);
    const first = reduce(twice, { type: 'save/result', message: 'undid: note', landing });
    expect(first.cursors.b).toBe(5);
    const second = reduce(first, {
      type: 'save/result',
      message: 'undid: tag claim',
      landing: { ...landing, sentence: 'b-s3' },
    });
    expect(second.cursors.b).toBe(3);
    // A key after the first landing is the reviewer's again.
    const moved = reduce(type(first, 'j'), {
      type: 'save/result',
      message: 'undid: tag claim',
      landing: { ...landing, sentence: 'b-s3' },
    });
    expect(moved.cursors.b).toBe(6);
  });

  it('names the article of a step taken back in another one, and leaves the cursor', () => {
    const result = {
      type: 'save/result',
      message: 'undid: copy claim',
      landing: { ...landing, article: 'c', sentence: 'c-s2' },
    } as const;
    const landed = reduce(taken(type(readerState(), 'u'), 1), result);
    expect(landed.message?.text).toBe('undid: copy claim in “Title of c”');
    expect(landed.cursors.b).toBe(20);
    expect(currentArticle(landed)?.id).toBe('b');
  });
});

describe('review status', () => {
  it('makes an unreviewed article "in progress" when it is opened, and says nothing for others', () => {
    const opened = named(listState({ current: 0 }), 'return');
    expect(opened.focus).toBe('reader');
    expect(opened.marks.a?.status).toBe('in progress');
    expect(effects(opened)).toEqual([
      { kind: 'status', article: 'a', status: 'in progress', opened: true },
    ]);
    const again = named(listState({ current: 1 }), 'return');
    expect(effects(again)).toEqual([]);
  });

  it('toggles done and back to in progress with d', () => {
    const done = type(readerState(), 'd');
    expect(done.marks.b?.status).toBe('done');
    const back = type(done, 'd');
    expect(back.marks.b?.status).toBe('in progress');
    expect(effects(back).map((e) => (e.kind === 'status' ? e.status : e.kind))).toEqual([
      'done',
      'in progress',
    ]);
  });
});

describe('refusals', () => {
  it('refuses to tag a read-only article, saying why, and writes nothing', () => {
    const state = readerState({
      marks: { b: marks({ readOnly: 'annotations/alice/b.json: unknown schema' }) },
    });
    const after = type(state, '1');
    expect(after.message?.text).toBe('read-only: annotations/alice/b.json: unknown schema');
    expect(effects(after)).toEqual([]);
    expect(type(state, 'd').message?.text).toMatch(/^read-only/);
  });

  it('asks for a label before attributes, and after a note', () => {
    const untagged = readerState({ cursors: { b: 5 } });
    expect(type(untagged, 'n').mode).toMatchObject({ kind: 'note', untagged: { asking: false } });
    expect(type(untagged, 'a').mode.kind).toBe('browse');
    expect(type(untagged, 'a').message?.text).toBe(
      'tag the sentence first (1 claim, 2 quote, 3 event): attributes belong to a label',
    );
  });

  it('says when there is no untagged sentence after the cursor', () => {
    const all = Object.fromEntries(
      ARTICLES[1]!.sentences.map((s) => [
        s.id,
        { labels: ['event' as const], note: null, attributes: {} },
      ]),
    );
    const state = named(readerState({ marks: { b: marks({ sentences: all }) } }), 'return');
    expect(state.cursors.b).toBe(20);
    expect(state.message?.text).toBe('no untagged sentence after this one');
  });

  it('opens search while the corpus loads; the query waits for it', () => {
    const loading = readerState({ searchAvailable: false, loading: { done: 3, total: 10 } });
    const typing = type(loading, '/said');
    expect(typing.mode).toMatchObject({ kind: 'search', query: 'said', hitsFor: '' });
    // Enter before the answer opens the first hit once it comes.
    expect(named(typing, 'return').mode).toMatchObject({ kind: 'search', accepting: true });
  });
});

describe('edits', () => {
  it('saves a changed note and keeps the sentence marks up to date at once', () => {
    let state = type(readerState(), 'n');
    state = retype(state, '  source? ');
    state = named(state, 'return');
    expect(state.marks.b?.sentences['b-s20']?.note).toBe('source?');
    expect(effects(state)).toEqual([
      { kind: 'annotate', article: 'b', sentence: 'b-s20', patch: { note: 'source?' } },
    ]);
  });

  it('writes nothing when Esc cancels or the text did not change', () => {
    const cancelled = named(type(type(readerState(), 'n'), 'x'), 'escape');
    expect(cancelled.mode.kind).toBe('browse');
    expect(cancelled.marks.b?.sentences['b-s20']?.note).toBe('check this');
    expect(effects(named(type(readerState(), 'n'), 'return'))).toEqual([]);
  });

  it('offers the attributes of every label on the sentence and drops emptied ones', () => {
    const both = readerState({
      marks: {
        b: marks({
          sentences: {
            'b-s20': { labels: ['quote', 'event'], note: null, attributes: { speaker: 'Peskov' } },
          },
        }),
      },
    });
    let state = type(both, 'a');
    expect(state.mode).toMatchObject({
      fields: [{ key: 'speaker' }, { key: 'when' }, { key: 'where' }],
      values: { speaker: 'Peskov', when: '', where: '' },
    });
    state = retype(state, '');
    state = named(state, 'return');
    expect(effects(state)).toEqual([
      {
        kind: 'annotate',
        article: 'b',
        sentence: 'b-s20',
        patch: { attributes: null },
        // The store gives each of the sentence's labels only the attributes its entry names.
        declared: { quote: ['speaker'], event: ['when', 'where'] },
      },
    ]);
  });
});

describe('a sentence whose labels do not agree', () => {
  // qa50: a claim's speaker and a quote's speaker on one sentence; `a`, a claimant typed, Enter:
  // the claim's speaker became the quote's.
  it('leaves a value the labels do not share to each, unless the reviewer changes it', () => {
    const mixed = readerState({
      marks: {
        b: marks({
          sentences: {
            'b-s20': {
              labels: ['claim', 'quote'],
              note: null,
              attributes: { speaker: 'Speaker A' },
              differ: { attributes: ['speaker'] },
            },
          },
        }),
      },
    });
    const editing = type(mixed, 'a');
    expect(editing.message?.text).toBe(
      'speaker differs by label: kept unless changed (claim, quote)',
    );
    const saved = named(type(editing, 'Mr Waltz'), 'return');
    expect(effects(saved)).toEqual([
      {
        kind: 'annotate',
        article: 'b',
        sentence: 'b-s20',
        patch: { attributes: { claimant: 'Mr Waltz' }, keep: ['speaker'] },
        declared: { claim: ['claimant'], quote: ['speaker'] },
      },
    ]);
    // Changed, the value is the reviewer's for every label that has it.
    let changed = named(type(editing, 'Mr Waltz'), 'tab');
    changed = named(retype(changed, 'Speaker C'), 'return');
    expect(effects(changed)[0]).toMatchObject({
      patch: { attributes: { claimant: 'Mr Waltz', speaker: 'Speaker C' } },
    });
    expect(effects(changed)[0]).not.toHaveProperty('patch.keep');
  });
});

describe('attributes where the codebook gives none', () => {
  it('says why instead of opening an editor with no field', () => {
    // qa50: `a` on a sentence whose labels were all retired opened an empty editor, unexplained.
    const retired = readerState({
      marks: {
        b: marks({
          sentences: { 'b-s20': { labels: ['opinion'], note: null, attributes: { stance: 'x' } } },
        }),
      },
    });
    const state = type(retired, 'a');
    expect(state.mode.kind).toBe('browse');
    expect(state.message?.text).toBe('no attributes to edit: opinion is no longer in the codebook');
    expect(effects(state)).toEqual([]);
  });
});

describe('quitting', () => {
  it('waits for every write to finish before quitting', () => {
    let state = type(type(readerState(), '1'), 'q');
    expect(state.mode.kind).toBe('quitting');
    expect(state.quit).toBe(false);
    expect(type(state, 'j').cursors.b).toBe(20);
    state = taken(state, 1);
    expect(state.quit).toBe(false);
    state = reduce(state, { type: 'save/progress', pending: 0, error: null });
    expect(state.quit).toBe(true);
  });

  it('finishes pending writes when the process is asked to end, even from a text input', () => {
    const editing = type(type(readerState(), '1'), 'n');
    const ending = reduce(editing, { type: 'app/terminate' });
    expect(ending.mode.kind).toBe('quitting');
    expect(ending.quit).toBe(false);
    const drained = reduce(taken(ending, 0), {
      type: 'save/progress',
      pending: 0,
      error: null,
    });
    expect(drained.quit).toBe(true);
  });

  it('quits at once when nothing is pending, and Ctrl+C twice leaves without waiting', () => {
    expect(type(readerState(), 'q').quit).toBe(true);
    const waiting = type(type(readerState(), '1'), 'q');
    const forced = pressed(waiting, { label: 'Ctrl+C', input: 'c', ctrl: true });
    expect(forced.forceQuit).toBe(true);
  });

  it('says once that Ctrl+C drops a note typed and not saved, and quits at the second', () => {
    const ctrlC = { label: 'Ctrl+C', input: 'c', ctrl: true } as const;
    // Nothing typed: Ctrl+C in the editor quits at once.
    expect(pressed(type(readerState(), 'n'), ctrlC).quit).toBe(true);
    const typing = type(readerState(), 'jjnsource unclear');
    const asked = pressed(typing, ctrlC);
    expect(asked.quit).toBe(false);
    expect(asked.mode).toMatchObject({ kind: 'note', draft: 'source unclear' });
    expect(asked.message?.text).toBe('note unsaved: Ctrl+C again drops it · Enter saves');
    expect(pressed(asked, ctrlC).quit).toBe(true);
    // The same for the attributes, on a tagged sentence.
    const values = type(type(readerState(), 'jj1a'), 'TASS');
    expect(pressed(values, ctrlC).message?.text).toBe(
      'attributes unsaved: Ctrl+C again drops it · Enter saves',
    );
    expect(pressed(pressed(values, ctrlC), ctrlC).mode.kind).toBe('quitting');
  });

  it('keeps what is typed into a note behind the too-small screen, where only Ctrl+C quits', () => {
    const typing = type(readerState(), 'jj1nsource unclear');
    const small = reduce(typing, { type: 'terminal/resize', size: { columns: 50, rows: 12 } });
    // "quiet quote" typed as the terminal shrank: its q's quit twice and dropped the note.
    let blind = small;
    for (const key of [...' quiet quote']) blind = type(blind, key);
    expect(blind.quit).toBe(false);
    expect(blind.mode).toMatchObject({ kind: 'note', draft: 'source unclear quiet quote' });
    // Enter does nothing behind that screen: what saves the note is a larger terminal.
    expect(named(blind, 'return').mode.kind).toBe('note');
    const ctrlC = { label: 'Ctrl+C', input: 'c', ctrl: true } as const;
    const asked = pressed(blind, ctrlC);
    expect(asked.message?.text).toBe('note unsaved: Ctrl+C again drops it · enlarge to save');
    expect(pressed(asked, ctrlC).mode.kind).toBe('quitting');
    // Enlarged, the warning says what saves there now, and a second Ctrl+C still drops the note.
    const enlarged = reduce(asked, { type: 'terminal/resize', size: { columns: 100, rows: 30 } });
    expect(enlarged.message?.text).toBe('note unsaved: Ctrl+C again drops it · Enter saves');
    expect(pressed(enlarged, ctrlC).mode.kind).toBe('quitting');
    const large = reduce(blind, { type: 'terminal/resize', size: { columns: 100, rows: 30 } });
    expect(named(large, 'return').marks.b?.sentences['b-s22']?.note).toBe(
      'source unclear quiet quote',
    );
    // A note's label asked for as the terminal shrank: its label key would tag and save unseen.
    const asking = named(type(readerState(), 'jjnsource unclear'), 'return');
    const shrunk = reduce(asking, { type: 'terminal/resize', size: { columns: 50, rows: 12 } });
    const unseen = type(shrunk, '2');
    expect(effects(unseen)).toEqual([]);
    expect(unseen.mode).toMatchObject({ kind: 'note', untagged: { asking: true } });
    const grown = reduce(unseen, { type: 'terminal/resize', size: { columns: 100, rows: 30 } });
    expect(type(grown, '2').marks.b?.sentences['b-s22']).toMatchObject({
      labels: ['quote'],
      note: 'source unclear',
    });
    // Elsewhere q quits there, as the screen says.
    const list = reduce(listState(), { type: 'terminal/resize', size: { columns: 50, rows: 12 } });
    expect(type(list, 'q').quit).toBe(true);
    expect(type(list, 'd').outbox).toEqual([]);
  });
});

describe('search', () => {
  it('restores the article, pane and sentence one was at when the search is cancelled', () => {
    let state = type(readerState(), '/');
    state = reduce(state, { type: 'search/query', query: 'sentence', hits: HITS });
    state = named(state, 'escape');
    expect(state.mode.kind).toBe('browse');
    expect(state.current).toBe(1);
    expect(state.focus).toBe('reader');
    expect(state.cursors.b).toBe(20);
  });

  it('opens the chosen hit at its sentence and remembers the results for n/N', () => {
    let state = type(listState({ current: 0 }), '/sentence');
    state = reduce(state, { type: 'search/query', query: 'sentence', hits: HITS });
    state = pressed(state, { label: '↓', key: 'downArrow' });
    state = pressed(state, { label: '↓', key: 'downArrow' });
    state = named(state, 'return');
    expect(currentArticle(state)?.id).toBe('c');
    expect(state.cursors.c).toBe(5);
    expect(state.focus).toBe('reader');
    expect(state.message?.text).toBe('result 3 of 3: n/N, Esc back');
    state = type(state, 'n');
    expect(currentArticle(state)?.id).toBe('a');
    expect(state.message?.text).toBe('result 1 of 3 for “sentence”');
  });

  it('goes back to where the search began: Esc out of the results, and Ctrl+O back and forth', () => {
    const ctrlO = { label: 'Ctrl+O', input: 'o', ctrl: true } as const;
    // qa54 #8: in article b at sentence 21, a search opened article c; Esc, Esc left it there.
    let state = type(readerState(), '/sentence');
    state = reduce(state, { type: 'search/query', query: 'sentence', hits: HITS });
    state = pressed(state, { label: '↓', key: 'downArrow' });
    state = pressed(state, { label: '↓', key: 'downArrow' });
    state = named(state, 'return');
    state = type(state, 'jj');
    expect([currentArticle(state)?.id, state.cursors.c]).toEqual(['c', 7]);
    // `n` steps, and `/` again over the results, keep the place the first search began.
    state = type(state, 'N');
    state = type(state, '/');
    state = named(state, 'return');
    expect(currentArticle(state)?.id).toBe('b');
    state = named(state, 'escape');
    expect([currentArticle(state)?.id, state.focus, state.cursors.b, state.results]).toEqual([
      'b',
      'reader',
      20,
      null,
    ]);
    expect(state.message?.text).toBe('back where the search began · Ctrl+O: the place left');
    // Ctrl+O: to the hit left, and again back.
    state = pressed(state, ctrlO);
    expect([currentArticle(state)?.id, state.cursors.b]).toEqual(['b', 7]);
    expect(state.message?.text).toBe('back to the place left · Ctrl+O: where the search began');
    state = pressed(state, ctrlO);
    expect([currentArticle(state)?.id, state.cursors.b]).toEqual(['b', 20]);
    expect(state.message?.text).toBe('back where the search began · Ctrl+O: the place left');
    // From the list too, and after the results were left by moving on.
    state = named(state, 'escape');
    expect(state.focus).toBe('list');
    state = pressed(state, ctrlO);
    expect([currentArticle(state)?.id, state.focus, state.cursors.b]).toEqual(['b', 'reader', 7]);
    expect(pressed(readerState(), ctrlO).message?.text).toBe('no search to go back from');
  });

  it('goes back to the article a search began in after the list changed under the hit', () => {
    // Another margin indexed a file that sorts first while a hit was open: places moved by one,
    // and Esc went by place to the article before the one the search began in.
    let state = type(readerState(), '/sentence');
    state = reduce(state, { type: 'search/query', query: 'sentence', hits: HITS });
    state = pressed(state, { label: '↓', key: 'downArrow' });
    state = named(pressed(state, { label: '↓', key: 'downArrow' }), 'return');
    expect(currentArticle(state)?.id).toBe('c');
    state = reduce(state, {
      type: 'corpus/loaded',
      articles: [fixtureArticle('0-new', 3), ...ARTICLES],
      warnings: [],
    });
    expect(currentArticle(state)?.id).toBe('c');
    state = named(state, 'escape');
    expect([currentArticle(state)?.id, state.cursors.b]).toEqual(['b', 20]);
    // And from an open search box cancelled, after the same change.
    let box = type(readerState(), '/sent');
    box = reduce(box, {
      type: 'corpus/loaded',
      articles: [fixtureArticle('0-new', 3), ...ARTICLES],
      warnings: [],
    });
    box = named(box, 'escape');
    expect([currentArticle(box)?.id, box.cursors.b]).toEqual(['b', 20]);
  });

  it('opens the first result of the last keys when Enter comes before their results', () => {
    let state = type(listState({ current: 0 }), '/sent');
    state = reduce(state, { type: 'search/query', query: 'sent', hits: [] });
    state = type(state, 'ence\r');
    expect(state.mode).toMatchObject({ kind: 'search', accepting: true });
    state = reduce(state, { type: 'search/query', query: 'sentenc', hits: [] });
    expect(state.mode.kind).toBe('search');
    state = reduce(state, { type: 'search/query', query: 'sentence', hits: HITS });
    expect(state.mode.kind).toBe('browse');
    expect(currentArticle(state)?.id).toBe(HITS[0]!.article);
  });
});

describe('the view follows the cursor', () => {
  const visible = (state: ReviewState) => {
    const article = currentArticle(state)!;
    const { firstLine, lastLine, top } = wholeReader(state, article);
    const cursor = cursorOf(state, article);
    const height = paneLayout(state.size).bodyHeight;
    return firstLine[cursor]! >= top && lastLine[cursor]! < top + height;
  };

  it('keeps the current sentence on screen through pages, jumps and resizes', () => {
    let state = readerState({ cursors: { b: 0 } });
    for (let i = 0; i < 5; i += 1) {
      state = named(state, 'pageDown');
      expect(visible(state)).toBe(true);
    }
    state = type(state, 'G');
    expect(visible(state)).toBe(true);
    expect(wholeReader(state, currentArticle(state)!).top).toBeGreaterThan(0);
    state = reduce(state, { type: 'terminal/resize', size: { columns: 60, rows: 15 } });
    expect(visible(state)).toBe(true);
    state = type(state, 'g');
    expect(wholeReader(state, currentArticle(state)!).top).toBe(0);
  });
});

describe('outside events', () => {
  it('adds articles as they load and keeps the one under the cursor when the order settles', () => {
    let state = listState({
      articles: [],
      current: 0,
      marks: {},
      loading: { done: 0, total: 3 },
      searchAvailable: false,
    });
    const [a, b, c] = ARTICLES;
    state = reduce(state, { type: 'corpus/progress', articles: [c!, a!], done: 2, total: 3 });
    state = type(state, 'j');
    expect(currentArticle(state)?.id).toBe('a');
    expect(articleById(state, 'b')).toBeUndefined();
    state = reduce(state, {
      type: 'corpus/loaded',
      articles: [a!, b!, c!],
      warnings: ['x.pdf: not an article'],
    });
    expect(currentArticle(state)?.id).toBe('a');
    expect(articleById(state, 'b')).toBe(b);
    expect(state.current).toBe(0);
    expect(state.loading).toBeNull();
    expect(state.searchAvailable).toBe(false);
    state = reduce(state, { type: 'search/ready' });
    expect(state.searchAvailable).toBe(true);
    expect(state.warnings).toEqual(['x.pdf: not an article']);
  });

  it('follows the end of a list still loading after G, until another move', () => {
    const [a, b, c] = ARTICLES;
    let state = listState({
      articles: [],
      current: 0,
      marks: {},
      loading: { done: 0, total: 3 },
      searchAvailable: false,
    });
    state = reduce(state, { type: 'corpus/progress', articles: [a!], done: 1, total: 3 });
    state = type(state, 'G');
    state = reduce(state, { type: 'corpus/progress', articles: [b!], done: 2, total: 3 });
    expect(currentArticle(state)?.id).toBe('b');
    state = reduce(state, { type: 'corpus/loaded', articles: [a!, b!, c!], warnings: [] });
    expect(currentArticle(state)?.id).toBe('c');
    // Moved away meanwhile: the cursor stays where the reviewer put it.
    state = listState({ articles: [], current: 0, marks: {}, loading: { done: 0, total: 3 } });
    state = reduce(state, { type: 'corpus/progress', articles: [a!, b!], done: 2, total: 3 });
    state = type(state, 'G');
    state = type(state, 'k');
    state = reduce(state, { type: 'corpus/loaded', articles: [a!, b!, c!], warnings: [] });
    expect(currentArticle(state)?.id).toBe('a');
    // Or opened the article and came back to the list: any key but G ends following the end.
    state = listState({ articles: [], current: 0, marks: {}, loading: { done: 0, total: 3 } });
    state = reduce(state, { type: 'corpus/progress', articles: [a!, b!], done: 2, total: 3 });
    state = type(state, 'G');
    state = pressed(state, { label: 'Enter', key: 'return' });
    state = pressed(state, { label: 'Esc', key: 'escape' });
    state = reduce(state, { type: 'corpus/loaded', articles: [a!, b!, c!], warnings: [] });
    expect(currentArticle(state)?.id).toBe('b');
  });

  it('shows what another process wrote', () => {
    const next = reduce(readerState(), {
      type: 'store/synced',
      marks: { a: marks({ status: 'done' }) },
    });
    expect(next.marks.a?.status).toBe('done');
    expect(next.marks.b?.sentences['b-s20']?.labels).toEqual(['claim']);
  });

  it("says at once why the open article's tags vanished when its file is refused behind it", () => {
    // A `git pull` left conflict markers in b's file while it was open (qa58 #11).
    const reason = 'annotations/alice/b.json: holds unresolved git conflict markers (<<<<<<<)';
    const next = reduce(readerState(), {
      type: 'store/synced',
      marks: { b: marks({ status: 'in progress', readOnly: reason }) },
    });
    expect(next.message).toMatchObject({ text: `read-only: ${reason}`, tone: 'warning' });
    // Another article's file is the list's to show; the status bar stays as it was.
    const other = reduce(readerState(), {
      type: 'store/synced',
      marks: { a: marks({ readOnly: reason }) },
    });
    expect(other.message).toBeNull();
  });

  it('never moves past an article with no sentences', () => {
    const empty = { ...fixtureArticle('e', 0), text: '' };
    const state = readerState({ articles: [empty], current: 0, cursors: {} });
    expect(type(state, 'j')).toMatchObject({ cursors: {} });
    expect(type(state, '1').message?.text).toBe('no sentence here to change');
  });
});

describe('while the store is still opening', () => {
  const loading = (overrides: Partial<ReviewState> = {}) =>
    listState({ storeOpen: false, marks: {}, cursors: { b: 20 }, ...overrides });

  it('queues tags as the outcome the screen showed, and a clear even of labels not shown', () => {
    const state = type(named(loading(), 'return'), '11x2');
    expect(effects(state)).toEqual([
      { kind: 'status', article: 'b', status: 'in progress', ifUnreviewed: true, opened: true },
      { kind: 'toggle', article: 'b', sentence: 'b-s20', label: 'claim', on: true },
      { kind: 'toggle', article: 'b', sentence: 'b-s20', label: 'claim', on: false },
      { kind: 'clear', article: 'b', sentence: 'b-s20' },
      { kind: 'toggle', article: 'b', sentence: 'b-s20', label: 'quote', on: true },
    ]);
    expect(state.marks.b?.sentences['b-s20']?.labels).toEqual(['quote']);
  });

  it('refuses a note, attributes and compare, which start from what is stored', () => {
    const reader = named(loading({ compare: true }), 'return');
    for (const key of ['n', 'a', 'c']) {
      const state = type(reader, `${key}hi`);
      expect(state.mode.kind).toBe('browse');
      expect(state.message?.text).toBe('annotations are still loading: try again in a moment');
      expect(state.outbox).toEqual(reader.outbox);
    }
  });

  it('marks an opened article in progress only if the store still has it unreviewed', () => {
    const opened = named(loading(), 'return');
    expect(opened.focus).toBe('reader');
    expect(effects(opened)).toEqual([
      { kind: 'status', article: 'b', status: 'in progress', ifUnreviewed: true, opened: true },
    ]);
    const stored = reduce(opened, {
      type: 'store/opened',
      marks: { b: marks({ status: 'done' }) },
      problems: [],
    });
    expect(stored.storeOpen).toBe(true);
    expect(stored.marks.b?.status).toBe('done');
  });
});
