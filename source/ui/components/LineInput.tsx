import { Text } from 'ink';

/** The text cursor without colour. */
export const CARET = '▏';

/**
 * A one-line text input drawn from the reducer's text and cursor. The text lives in the review
 * state rather than in an @inkjs/ui TextInput: that input reports its value from an effect, after
 * the render, so an Enter read in between saved the text as it was before the last keys, and
 * keys that came before it mounted were lost. The view scrolls sideways to keep the cursor shown.
 * The terminal's own cursor is hidden, so this one is drawn: in reverse video, or, without colour
 * (NO_COLOR turns every style off, reverse video too), as a bar between two characters.
 */
export function LineInput({
  value,
  cursor,
  width,
  focused,
  color,
}: {
  value: string;
  cursor: number;
  width: number;
  focused: boolean;
  color: boolean;
}) {
  const chars = [...value];
  const room = Math.max(1, width);
  if (!focused) return <Text wrap="truncate">{chars.slice(0, room).join('')}</Text>;
  if (!color) {
    const space = Math.max(1, room - 1);
    const from = Math.max(0, cursor - space);
    const visible = chars.slice(from, from + space);
    const before = cursor - from;
    return (
      <Text wrap="truncate">
        {visible.slice(0, before).join('')}
        {CARET}
        {visible.slice(before).join('')}
      </Text>
    );
  }
  const first = Math.max(0, cursor - room + 1);
  const shown = chars.slice(first, first + room);
  const at = cursor - first;
  return (
    <Text wrap="truncate">
      {shown.slice(0, at).join('')}
      <Text inverse>{shown[at] ?? ' '}</Text>
      {shown.slice(at + 1).join('')}
    </Text>
  );
}
