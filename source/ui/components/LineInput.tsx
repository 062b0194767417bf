import { Text } from 'ink';

/**
 * A one-line text input drawn from the reducer's text and cursor. The text lives in the review
 * state rather than in an @inkjs/ui TextInput: that input reports its value from an effect, after
 * the render, so an Enter read in between saved the text as it was before the last keys, and
 * keys that came before it mounted were lost. The view scrolls sideways to keep the cursor shown.
 */
export function LineInput({
  value,
  cursor,
  width,
  focused,
}: {
  value: string;
  cursor: number;
  width: number;
  focused: boolean;
}) {
  const chars = [...value];
  const room = Math.max(1, width);
  if (!focused) return <Text wrap="truncate">{chars.slice(0, room).join('')}</Text>;
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
