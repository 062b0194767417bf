import stringWidth from '../../text/string-width.js';

/**
 * A pager's title line (the help, the problems, the guidelines): its name and the keys that
 * move it, as many of them named as the width holds, so a short or narrow terminal still says
 * that it pages. `scrollable`: there is more than one window of it.
 */
export function pagerTitle(
  name: string,
  closeKey: string,
  width: number,
  scrollable: boolean,
): string {
  const titles = scrollable
    ? [
        `j/k line · Space/b page · g/G start/end · Esc or ${closeKey} closes`,
        `j/k line · Space/b page · g/G ends · Esc closes`,
        `j/k · Space/b · g/G · Esc closes`,
        'j/k · Esc closes',
      ]
    : [`Esc or ${closeKey} closes`];
  const all = titles.map((keys) => `${name} (${keys})`);
  return all.find((title) => stringWidth(title) <= width) ?? all[all.length - 1]!;
}
