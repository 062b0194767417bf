import stringWidth from '../../text/string-width.js';

/**
 * A pager's title line (the help, the problems, the guidelines): its name and the keys that
 * move it, as many of them named as the width holds, so a short or narrow terminal still says
 * that it pages. `closeKeys`: the typed keys that close it as well as Esc, as the project's
 * keymap has them. `scrollable`: there is more than one window of it.
 */
export function pagerTitle(
  name: string,
  closeKeys: readonly string[],
  width: number,
  scrollable: boolean,
): string {
  const keys = ['Esc', ...closeKeys];
  const closing = `${keys.length === 1 ? 'Esc' : `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}`} closes`;
  const titles = scrollable
    ? [
        `j/k line · Space/b page · g/G start/end · ${closing}`,
        `j/k line · Space/b page · g/G ends · Esc closes`,
        `j/k · Space/b · g/G · Esc closes`,
        'j/k · Esc closes',
      ]
    : [closing];
  const all = titles.map((keys) => `${name} (${keys})`);
  return all.find((title) => stringWidth(title) <= width) ?? all[all.length - 1]!;
}
