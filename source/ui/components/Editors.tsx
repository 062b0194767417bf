import { Box, Text } from 'ink';
import type { Mode } from '../../review/state.js';
import { NOTE_GLYPH, type Theme } from '../theme.js';
import { LineInput } from './LineInput.js';

type NoteMode = Extract<Mode, { kind: 'note' }>;
type AttributesMode = Extract<Mode, { kind: 'attributes' }>;

/** `n`: the note of the current sentence, edited in place of the status bar. */
export function NoteEditor({
  mode,
  width,
  theme,
}: {
  mode: NoteMode;
  width: number;
  theme: Theme;
}) {
  const prompt = `${NOTE_GLYPH} note: `;
  return (
    <Box height={1} overflow="hidden">
      <Box flexShrink={0}>
        <Text bold color={theme.accent}>
          {prompt}
        </Text>
      </Box>
      <LineInput value={mode.draft} cursor={mode.cursor} width={width - prompt.length} focused />
    </Box>
  );
}

/** `a`: one line per attribute the sentence's labels take; only the focused field takes keys. */
export function AttributesEditor({
  mode,
  width,
  theme,
}: {
  mode: AttributesMode;
  width: number;
  theme: Theme;
}) {
  const labelWidth = Math.max(...mode.fields.map((field) => field.label.length)) + 1;
  return (
    <Box flexDirection="column">
      {mode.fields.map((field, index) => {
        const focused = index === mode.focus;
        const prompt = `${focused ? '▶' : ' '} ${`${field.label}:`.padEnd(labelWidth)} `;
        return (
          <Box key={field.key} height={1} overflow="hidden">
            <Box flexShrink={0}>
              <Text bold={focused} color={focused ? theme.accent : undefined}>
                {prompt}
              </Text>
            </Box>
            <LineInput
              value={mode.values[field.key] ?? ''}
              cursor={mode.cursor}
              width={width - prompt.length}
              focused={focused}
            />
          </Box>
        );
      })}
    </Box>
  );
}
