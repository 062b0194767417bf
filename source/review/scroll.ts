import type { KeyAction } from './actions.js';
import type { KeyContext, KeymapEntry } from './keymap.js';

/**
 * How a key moves a window of text that is read, not edited (the help, the problems, the
 * guidelines): a line, a page, or to either end, as a pager such as `less` does.
 */
export type ScrollStep = 'line-down' | 'line-up' | 'page-down' | 'page-up' | 'start' | 'end';

/**
 * The window's new first line. `height` lines show and `max` is the last first line there is; a
 * page keeps the last line of the one before in view, so the eye finds where it was.
 */
export function scrolledTop(top: number, step: ScrollStep, height: number, max: number): number {
  const page = Math.max(1, height - 1);
  const moved =
    step === 'line-down'
      ? top + 1
      : step === 'line-up'
        ? top - 1
        : step === 'page-down'
          ? top + page
          : step === 'page-up'
            ? top - page
            : step === 'start'
              ? 0
              : max;
  return Math.min(Math.max(0, moved), max);
}

/**
 * The six keys of a pager over `what` in `context`: j/k a line, Space/b a page, g/G an end, with
 * the arrows, PgDn/PgUp and Home/End beside them, as the reader moves.
 */
export function scrollRows(
  context: KeyContext,
  what: string,
  action: (step: ScrollStep) => KeyAction,
  hint?: string,
): KeymapEntry[] {
  const row = (
    step: ScrollStep,
    keys: KeymapEntry['keys'],
    description: string,
    rowHint?: string,
  ): KeymapEntry => ({
    action: action(step),
    keys,
    description,
    group: 'General',
    contexts: [context],
    ...(rowHint === undefined ? {} : { hint: rowHint }),
  });
  return [
    row(
      'line-down',
      [
        { label: 'j', input: 'j' },
        { label: '↓', key: 'downArrow' },
      ],
      `scroll ${what} down`,
      hint,
    ),
    row(
      'line-up',
      [
        { label: 'k', input: 'k' },
        { label: '↑', key: 'upArrow' },
      ],
      `scroll ${what} up`,
    ),
    row(
      'page-down',
      [
        { label: 'Space', input: ' ' },
        { label: 'PgDn', key: 'pageDown' },
      ],
      `a page of ${what} down`,
      // The bar names the pager's pages beside its lines, as the title does, where it names any.
      hint === undefined ? undefined : 'Space/b page',
    ),
    row(
      'page-up',
      [
        { label: 'b', input: 'b' },
        { label: 'PgUp', key: 'pageUp' },
      ],
      `a page of ${what} up`,
    ),
    row(
      'start',
      [
        { label: 'g', input: 'g' },
        { label: 'Home', key: 'home' },
      ],
      `the start of ${what}`,
    ),
    row(
      'end',
      [
        { label: 'G', input: 'G' },
        { label: 'End', key: 'end' },
      ],
      `the end of ${what}`,
    ),
  ];
}
