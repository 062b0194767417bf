import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { NO_KEY } from '../../source/review/keys.js';
import { editLine, lineAt } from '../../source/review/line.js';
import stringWidth from '../../source/text/string-width.js';
import { CARET, LineInput } from '../../source/ui/components/LineInput.js';

const FAMILY = '👩\u200d👩\u200d👧';
const typeInto = (text: string, input: string) =>
  editLine(lineAt(text), input, NO_KEY) ?? lineAt(text);
const backspace = (text: string) =>
  editLine(lineAt(text), '', { ...NO_KEY, backspace: true }) ?? lineAt(text);

function drawn(value: string, cursor: number, width: number, color = false): string {
  const { lastFrame, unmount } = render(
    <LineInput value={value} cursor={cursor} width={width} focused color={color} />,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

describe('a one-line input (note, search, attribute)', () => {
  it('draws a bidi override or a control typed into it as its escape', () => {
    const frame = drawn('see \u202eevil\u202c \u001b[2J', 4, 40);
    expect(frame).toBe('see ▏\\u202eevil\\u202c \\u001b[2J');
    expect(frame).not.toMatch(/[\u202e\u202c\u001b]/);
    // Left of the cursor too, and the escape is one step of the cursor.
    expect(drawn('\u202eabc', 1, 40)).toBe('\\u202e▏abc');
  });

  it('steps over and deletes what a reader sees as one character', () => {
    expect(backspace(`note ${FAMILY}`)).toEqual({ value: 'note ', cursor: 5 });
    const left = editLine(lineAt(`a${FAMILY}b`), '', { ...NO_KEY, leftArrow: true })!;
    expect(editLine(left, '', { ...NO_KEY, leftArrow: true })).toMatchObject({ cursor: 1 });
    const right = editLine({ value: `a${FAMILY}b`, cursor: 1 }, '', {
      ...NO_KEY,
      rightArrow: true,
    });
    expect(right).toMatchObject({ cursor: 1 + FAMILY.length });
    // A combining accent typed after a letter joins it: one Backspace takes both.
    const accented = typeInto('cafe', '\u0301');
    expect(accented).toEqual({ value: 'cafe\u0301', cursor: 5 });
    expect(editLine(accented, '', { ...NO_KEY, backspace: true })).toEqual({
      value: 'caf',
      cursor: 3,
    });
  });

  it('keeps the cursor and the end of a long note on screen, in columns', () => {
    for (const text of [
      `${'x'.repeat(30)} ${FAMILY}${FAMILY}${FAMILY} end`,
      // Pasted: only the text around the cursor is measured.
      `${'y'.repeat(30_000)} ${FAMILY} tail`,
      '北京市人民政府新闻办公室今天举行新闻发布会介绍情况',
      'שלום עולם '.repeat(4),
    ]) {
      const { value, cursor } = lineAt(text);
      for (const color of [false, true]) {
        const frame = drawn(value, cursor, 20, color);
        expect(stringWidth(frame)).toBeLessThanOrEqual(20);
        expect(frame).not.toContain('…');
        // The last characters typed are what shows before the cursor, which ends the line.
        expect(frame.replace(CARET, '').trimEnd().endsWith(text.trimEnd().slice(-3))).toBe(true);
        if (!color) expect(frame.endsWith(CARET)).toBe(true);
      }
    }
  });
});
