import { Box, Text } from 'ink';
import { type AttributeField, labelsTaking } from '../../review/attributes.js';
import type { Message, Mode } from '../../review/state.js';
import stringWidth from '../../text/string-width.js';
import { oneLine } from '../../text/untrusted.js';
import { truncate } from '../../text/width.js';
import { NOTE_GLYPH, type Theme } from '../theme.js';
import { LineInput } from './LineInput.js';
import { fittingHints, type SaveIndicator } from './StatusBar.js';

type NoteMode = Extract<Mode, { kind: 'note' }>;
type AttributesMode = Extract<Mode, { kind: 'attributes' }>;

/**
 * `n`: the note of the current sentence, edited in place of the status bar, which keeps its save
 * indicator (a failed write shows whatever one is doing) and, when there is room, its key hints.
 */
export function NoteEditor({
  mode,
  width,
  hints,
  message,
  save,
  theme,
}: {
  mode: NoteMode;
  width: number;
  hints: string[];
  /** What the review says while the note is open (a refused save, the label asked for). */
  message: Message | null;
  save: SaveIndicator;
  theme: Theme;
}) {
  const prompt = `${NOTE_GLYPH} note: `;
  const saveWidth = stringWidth(save.text);
  // The text keeps at least 40 columns; a message, or else the hints, fill what is left beside
  // it. The editor takes the status bar's row, and a message it hid left a refused save silent.
  const room = width - prompt.length - 40 - saveWidth - 4;
  // A message takes the room it needs down to a note of `keep` columns, which scrolls to keep its
  // cursor shown: what it says (the label asked for, a note unsaved at Ctrl+C) must be read whole,
  // and at 80 columns beside a long note it was cut at "Enter sa…".
  const asking = mode.untagged?.asking === true;
  const keep = asking ? 10 : 12;
  const roomToSay = room + 40 - keep;
  const said = message ? truncate(oneLine(message.text), Math.max(0, roomToSay)) : '';
  const hintText = said || fittingHints(hints, room);
  const right = hintText ? `${hintText}  ` : '';
  const rightColor = said && message?.tone !== 'info' ? theme.warning : undefined;
  const inputWidth = Math.max(1, width - prompt.length - stringWidth(right) - saveWidth - 2);
  const saveColor =
    save.tone === 'error' ? theme.error : save.tone === 'ok' ? theme.ok : theme.warning;
  return (
    <Box height={1} overflow="hidden">
      <Box flexShrink={0}>
        <Text bold color={theme.accent}>
          {prompt}
        </Text>
      </Box>
      <Box width={inputWidth} flexShrink={0}>
        <LineInput
          value={mode.draft}
          cursor={mode.cursor}
          width={inputWidth}
          focused={!asking}
          color={theme.color}
        />
      </Box>
      <Box flexShrink={0}>
        <Text wrap="truncate">
          {'  '}
          <Text color={rightColor} dimColor={said ? false : theme.dim}>
            {right}
          </Text>
          <Text color={saveColor}>{save.text}</Text>
        </Text>
      </Box>
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
            {field.values ? (
              <Text wrap="truncate">
                <Text bold={focused}>{oneLine(mode.values[field.key] || '·')}</Text>
                {/* A value kept from before the codebook narrowed its list: kept, but said. */}
                {mode.values[field.key] && !field.values.includes(mode.values[field.key]!) ? (
                  <Text color={theme.warning}> (not in the list)</Text>
                ) : null}
                {/* A value only some of the sentence's labels take (their lists differ). */}
                {onlySomeTake(field, mode.values[field.key] ?? '')}
                <Text dimColor={theme.dim}>
                  {focused ? `  ←/→ or a letter: ${field.values.map(oneLine).join(' · ')}` : ''}
                </Text>
              </Text>
            ) : (
              <LineInput
                value={mode.values[field.key] ?? ''}
                cursor={mode.cursor}
                width={width - prompt.length}
                focused={focused}
                color={theme.color}
              />
            )}
          </Box>
        );
      })}
    </Box>
  );
}

/** ` (claim only)` beside a value the other labels' lists lack; nothing when all take it. */
function onlySomeTake(field: AttributeField, value: string) {
  const taking = labelsTaking(field, value);
  return taking ? <Text> ({taking.map(oneLine).join(', ')} only)</Text> : null;
}
