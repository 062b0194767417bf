import wrapAnsi from 'wrap-ansi';
import stringWidth from '../../text/string-width.js';
import { oneLine } from '../../text/untrusted.js';
import { truncate } from '../../text/width.js';

/** A run of a line's text; `marked`: words the counterpart says and the sentence at hand not. */
export interface PanelPiece {
  text: string;
  marked: boolean;
}

/** Lines of one counterpart's text at most: enough for a long sentence, room for the next. */
export const ROW_TEXT_LINES = 6;
/** Lines of the facts the versions state differently ("differ: 28 ≠ four; …") at most. */
export const DIFFER_LINES = 2;
/** Lines of the sentence the panel was opened on at most. */
export const OWN_TEXT_LINES = 3;
/** Columns a counterpart's text is indented by, under its outlet. */
export const ROW_INDENT = 4;

/**
 * `pieces` wrapped to `width` columns as the reader wraps a sentence (`wrap-ansi`, words whole
 * where they fit), each piece keeping whether it is marked; at most `maxLines`, the last ending
 * with `…` when the text goes on. One line each, a fact-checker saw a third of a long quotation
 * with the panel's rest of the screen empty.
 */
export function wrapPieces(
  pieces: readonly PanelPiece[],
  width: number,
  maxLines: number,
): PanelPiece[][] {
  // Composed as wrap-ansi composes what it wraps ("e" and an accent as "é"): each line must be
  // found again in the text to carry its marks over.
  const safe = pieces.map((piece) => ({ ...piece, text: oneLine(piece.text).normalize('NFC') }));
  const text = safe.map((piece) => piece.text).join('');
  const wrapped = wrapAnsi(text, Math.max(1, width), { hard: true, trim: true }).split('\n');
  // Where each piece ends in `text`.
  const ends: number[] = [];
  let end = 0;
  for (const piece of safe) {
    end += piece.text.length;
    ends.push(end);
  }
  const lines: PanelPiece[][] = [];
  let at = 0;
  for (const line of wrapped) {
    // Wrapping only drops the spaces where a line breaks: skip them to where the line begins.
    while (at < text.length && !text.startsWith(line, at) && text[at] === ' ') at++;
    if (!text.startsWith(line, at)) {
      // Not found where it should begin (a character wrap-ansi wrote otherwise): the line
      // unmarked, and the lines after it looked for from the next place it is found.
      lines.push([{ text: line, marked: false }]);
      const found = text.indexOf(line, at);
      if (found >= 0) at = found + line.length;
      continue;
    }
    const out: PanelPiece[] = [];
    for (let from = at, k = 0; from < at + line.length; k++) {
      if (ends[k]! <= from) continue;
      const to = Math.min(ends[k]!, at + line.length);
      out.push({ text: text.slice(from, to), marked: safe[k]!.marked });
      from = to;
    }
    lines.push(out);
    at += line.length;
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept[kept.length - 1]!;
  const lineWidth = last.reduce((sum, piece) => sum + stringWidth(piece.text), 0);
  const tail = last[last.length - 1]!;
  // The `…` after the line where it fits, else in place of its last column.
  tail.text =
    lineWidth < width ? `${tail.text}…` : truncate(`${tail.text} `, stringWidth(tail.text));
  return kept;
}

/** A counterpart on screen: its index among the panel's rows and its text's lines. */
export interface PanelRowLines {
  row: number;
  lines: PanelPiece[][];
}

/**
 * The counterparts that fit in `height` lines, each an outlet line and its wrapped text: the
 * selected one whole on screen, with as many before it as fit (so moving down scrolls only when
 * it must), then as many after it as fit.
 */
export function panelWindow(
  texts: ReadonlyArray<readonly PanelPiece[]>,
  selected: number,
  width: number,
  height: number,
): PanelRowLines[] {
  const wrapped = new Map<number, PanelPiece[][]>();
  const linesOf = (row: number) => {
    let lines = wrapped.get(row);
    if (!lines) {
      lines = wrapPieces(texts[row]!, width - ROW_INDENT, ROW_TEXT_LINES);
      wrapped.set(row, lines);
    }
    return lines;
  };
  const heightOf = (row: number) => 1 + linesOf(row).length;
  if (texts.length === 0 || height <= 0) return [];
  const at = Math.max(0, Math.min(selected, texts.length - 1));
  let first = at;
  let used = heightOf(at);
  while (first > 0 && used + heightOf(first - 1) <= height) used += heightOf(--first);
  let last = at;
  while (last + 1 < texts.length && used + heightOf(last + 1) <= height) used += heightOf(++last);
  const shown: PanelRowLines[] = [];
  for (let row = first; row <= last; row++) {
    // A selected row taller than the panel shows what fits.
    shown.push({ row, lines: linesOf(row).slice(0, Math.max(0, height - 1)) });
  }
  // The next one begun in the lines left (its outlet, then its text cut with `…`): at 60×15
  // one outlet stood above four empty rows when the next did not fit whole.
  const left = height - used;
  if (last + 1 < texts.length && left >= 1) {
    const lines = left > 1 ? wrapPieces(texts[last + 1]!, width - ROW_INDENT, left - 1) : [];
    shown.push({ row: last + 1, lines });
  }
  return shown;
}
