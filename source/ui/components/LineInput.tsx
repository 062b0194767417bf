import { Text } from 'ink';
import { graphemeList } from '../../text/graphemes.js';
import stringWidth from '../../text/string-width.js';
import { oneName } from '../../text/untrusted.js';

/** The text cursor without colour. */
export const CARET = '▏';

/**
 * A one-line text input drawn from the reducer's text and cursor. The text lives in the review
 * state rather than in an @inkjs/ui TextInput: that input reports its value from an effect, after
 * the render, so an Enter read in between saved the text as it was before the last keys, and
 * keys that came before it mounted were lost. The view scrolls sideways to keep the cursor shown.
 * The terminal's own cursor is hidden, so this one is drawn: in reverse video, or, without colour
 * (NO_COLOR turns every style off, reverse video too), as a bar between two characters. A
 * control or bidi character typed or pasted is drawn as its escape (`\u202e`), one grapheme the
 * cursor steps over: raw, it reordered or overwrote the rest of the row.
 */
export function LineInput({
  value,
  cursor,
  width,
  focused,
  color,
}: {
  value: string;
  /** In code units, between two graphemes. */
  cursor: number;
  width: number;
  focused: boolean;
  color: boolean;
}) {
  const room = Math.max(1, width);
  if (!focused) return <Text wrap="truncate">{fitted(after(value, 0, room), room)}</Text>;
  // Columns, not characters: a CJK note or an emoji takes two, and the cursor must stay on screen.
  // Only the text around the cursor is cut into graphemes: a pasted 20,000-character query is
  // drawn at each key.
  const left = before(value, cursor, room);
  const right = after(value, cursor, room);
  const under = color ? (right[0] ?? ' ') : '';
  const shown = fittedEnd(left, (color ? room : room - 1) - Math.max(color ? 1 : 0, cells(under)));
  const rest = fitted(
    right.slice(color ? 1 : 0),
    room - (color ? 0 : 1) - columns(shown) - cells(under),
  );
  if (!color) {
    return (
      <Text wrap="truncate">
        {shown.join('')}
        {CARET}
        {rest.join('')}
      </Text>
    );
  }
  return (
    <Text wrap="truncate">
      {shown.join('')}
      <Text inverse>{under}</Text>
      {rest.join('')}
    </Text>
  );
}

/** Enough code units for `room` columns and more: a column is at most a few units. */
const reach = (room: number) => room * 8 + 32;
const cells = (grapheme: string) => stringWidth(grapheme);
const columns = (graphemes: readonly string[]) =>
  graphemes.reduce((sum, grapheme) => sum + cells(grapheme), 0);

/** The graphemes before `cursor`, far enough back to fill `room` columns. */
function before(value: string, cursor: number, room: number): string[] {
  const from = Math.max(0, cursor - reach(room));
  const graphemes = graphemeList(value.slice(from, cursor)).map(oneName);
  // Cut mid-grapheme, the first one is not what the reader sees: left out.
  return from > 0 ? graphemes.slice(1) : graphemes;
}

/** The graphemes from `cursor` on, far enough to fill `room` columns. */
function after(value: string, cursor: number, room: number): string[] {
  const to = Math.min(value.length, cursor + reach(room));
  const graphemes = graphemeList(value.slice(cursor, to)).map(oneName);
  return to < value.length ? graphemes.slice(0, -1) : graphemes;
}

/** The first graphemes that fit in `room` columns. */
function fitted(graphemes: readonly string[], room: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const grapheme of graphemes) {
    used += cells(grapheme);
    if (used > room) break;
    kept.push(grapheme);
  }
  return kept;
}

/** The last graphemes that fit in `room` columns. */
function fittedEnd(graphemes: readonly string[], room: number): string[] {
  let used = 0;
  let from = graphemes.length;
  while (from > 0) {
    const next = used + cells(graphemes[from - 1]!);
    if (next > room) break;
    used = next;
    from -= 1;
  }
  return graphemes.slice(from);
}
