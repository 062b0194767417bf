import { TextInput } from '@inkjs/ui';
import { Box, Text } from 'ink';
import type { Mode } from '../../review/state.js';
import { NOTE_GLYPH, type Theme } from '../theme.js';

type NoteMode = Extract<Mode, { kind: 'note' }>;
type AttributesMode = Extract<Mode, { kind: 'attributes' }>;

/** `n`: the note of the current sentence, edited in place of the status bar. */
export function NoteEditor({
  mode,
  theme,
  onInput,
}: {
  mode: NoteMode;
  theme: Theme;
  onInput: (value: string) => void;
}) {
  return (
    <Box height={1} overflow="hidden">
      <Box flexShrink={0}>
        <Text bold color={theme.accent}>{`${NOTE_GLYPH} note: `}</Text>
      </Box>
      <TextInput
        key={`${mode.article}/${mode.sentence}`}
        defaultValue={mode.initial}
        onChange={onInput}
        isDisabled={false}
      />
    </Box>
  );
}

/** `a`: one line per attribute the sentence's labels take; only the focused field takes keys. */
export function AttributesEditor({
  mode,
  theme,
  onInput,
}: {
  mode: AttributesMode;
  theme: Theme;
  onInput: (value: string) => void;
}) {
  const labelWidth = Math.max(...mode.fields.map((field) => field.label.length)) + 1;
  return (
    <Box flexDirection="column">
      {mode.fields.map((field, index) => {
        const focused = index === mode.focus;
        return (
          <Box key={field.key} height={1} overflow="hidden">
            <Box flexShrink={0}>
              <Text bold={focused} color={focused ? theme.accent : undefined}>
                {`${focused ? '▶' : ' '} ${`${field.label}:`.padEnd(labelWidth)} `}
              </Text>
            </Box>
            <TextInput
              key={`${mode.article}/${mode.sentence}/${field.key}`}
              defaultValue={mode.values[field.key] ?? ''}
              onChange={focused ? onInput : undefined}
              isDisabled={!focused}
            />
          </Box>
        );
      })}
    </Box>
  );
}
