/**
 * Text as margin draws it on a terminal: emoji sequences whose width terminals disagree on are
 * drawn as their parts, whose width they agree on. Stored, exported and searched text is never
 * changed; only what is written to the screen, and measured for it (`string-width.ts`).
 *
 * tmux 3.3a draws `👍🏽` (a skin-tone modifier) as 4 columns where `string-width`, iTerm2 and
 * VTE say 2, `🕊️` (a text-style symbol with U+FE0F, VS16) as 1 where they say 2, `🏳️‍🌈` as 1,
 * a keycap `1️⃣` as 1; xterm draws a ZWJ family `👨‍👩‍👧` as 6, tmux as 2 (qa55 #5: a line wider
 * than measured wrapped, the frame outgrew the window and its header scrolled off; a list row's
 * border moved a column). Every terminal agrees on a lone emoji of wide presentation (2), a
 * text-style symbol without VS16 (1) and a regional-indicator letter (1; a flag, two of them, 2).
 * So margin draws a sequence as its parts: no VS16, no skin-tone modifier after an emoji it
 * modifies (`👍🏽` → `👍`), no ZWJ beside an emoji (`👨‍👩‍👧` → `👨👩👧`, 6 columns everywhere),
 * no keycap mark (`1️⃣` → `1`) and no tag characters (a subdivision flag → `🏴`).
 */

/** Any character `drawable` may leave out: most text has none, and is returned as it is. */
const JOINING = /[\u200D\uFE0F\u20E3\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/u;
const VS16 = /\uFE0F/g;
const MODIFIER = /(\p{Emoji_Modifier_Base})[\u{1F3FB}-\u{1F3FF}]/gu;
const KEYCAP = /([0-9#*])\u20E3/g;
const TAGS = /[\u{E0020}-\u{E007F}]/gu;
const ZWJ = /(?<=\p{Extended_Pictographic})\u200D|\u200D(?=\p{Extended_Pictographic})/gu;

/** `text` as margin writes it to the terminal (see above); the same string when it has none. */
export function drawable(text: string): string {
  if (!JOINING.test(text)) return text;
  return text
    .replace(VS16, '')
    .replace(MODIFIER, '$1')
    .replace(KEYCAP, '$1')
    .replace(TAGS, '')
    .replace(ZWJ, '');
}
