/**
 * What a spreadsheet does to a csv export without a word (qa54 #11): Excel keeps at most 32,767
 * characters in a cell and cuts the rest (a scraped page of one 200,000-character line is one
 * sentence); Excel and LibreOffice read an id such as `007`, `1e5` or `2025-03-14` as a number or
 * a date, and the file saved back no longer names margin's article. The export is read as it is
 * written, whatever path made it (fresh rows or kept ones), and the command says what it found
 * in a line each.
 */

/** Excel's most characters in a cell; LibreOffice's is larger, Google Sheets' 50,000. */
export const CELL_LIMIT = 32_767;

/** Rows named in the message at most; the count says how many in all. */
const NAMED = 3;

/** Columns margin writes as numbers, dates or its own ids: a spreadsheet may read them so. */
const OWN_VALUES = new Set([
  'id',
  'sentence',
  'start',
  'end',
  'date',
  'created',
  'updated',
  'orphan',
  'textHash',
  'status',
]);

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/**
 * Values Excel or LibreOffice turn into a number or a date that is not written back as it was:
 * leading zeros (`007` → 7), more digits than a number keeps (`12345678901234567890`), an
 * exponent (`1e5` → 100000), trailing zeros of a decimal (`1.50`), dates (`2025-03-14`, `3/14`,
 * `March 21`, `14-Mar`) and times (`10:15`).
 */
const CHANGED_BY_SPREADSHEETS = new RegExp(
  [
    '[+-]?0\\d+',
    '\\d{16,}',
    '[+-]?\\d+(?:\\.\\d+)?[eE][+-]?\\d+',
    '\\d+\\.\\d*0',
    '\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}',
    '\\d{1,2}[-/]\\d{1,2}(?:[-/]\\d{2,4})?',
    `\\d{1,2}[- ]${MONTH}(?:[- ,]+\\d{2,4})?`,
    `${MONTH}[- ]\\d{1,2}(?:[- ,]+\\d{2,4})?`,
    '\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[ap]\\.?m\\.?)?',
  ]
    .map((form) => `(?:${form})`)
    .join('|')
    .replace(/^/, '^(?:')
    .concat(')$'),
  'i',
);

/**
 * Whether a value starting with this character (as written: a quote for a quoted cell) may be one
 * a spreadsheet changes: a digit, a sign or a month's first letter. Most cells are not read further.
 */
function mayChange(code: number): boolean {
  if (code === 0x22) return true;
  if ((code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d) return true;
  const letter = code | 0x20;
  // a, d, f, j, m, n, o, s: April and August, December, February, January to June, March and
  // May, November, October, September.
  return [0x61, 0x64, 0x66, 0x6a, 0x6d, 0x6e, 0x6f, 0x73].includes(letter);
}

/** Where the row that `at` is in ends in `text`: its CR, else its LF, else the end of `text`. */
function newline(text: string, at: number): number {
  const feed = text.indexOf('\n', at);
  const end = feed < 0 ? text.length : feed;
  return end > at && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}

/** Whether a spreadsheet opening the file changes `value` (see `CHANGED_BY_SPREADSHEETS`). */
export function changedBySpreadsheets(value: string): boolean {
  return value.length <= 40 && CHANGED_BY_SPREADSHEETS.test(value.trim());
}

/**
 * Reads a csv export as it is written (RFC 4180: quoted cells, `""` for a quote, CRLF between
 * rows): the rows with a cell over `CELL_LIMIT` and the values a spreadsheet would change.
 */
export class SpreadsheetCheck {
  #decoder = new TextDecoder();
  #header: string[] = [];
  #row = 0;
  #column = 0;
  #quoted = false;
  /** A quote seen inside a quoted cell: its end, or the first of `""`. */
  #quote = false;
  /** The cell's characters so far, `""` counted once. */
  #length = 0;
  /** Where the cell's text starts in the piece being read (0 when it began in an earlier one). */
  #from = 0;
  /** The cell's text from earlier pieces, as written (quotes doubled), its start only. */
  #carry = '';
  /** The cell opened with a quote: its text is unquoted to be read. */
  #wasQuoted = false;
  #article = '';
  #long: Array<{ row: number; article: string }> = [];
  #longRows = 0;
  #rowLong = false;
  #changed = new Map<string, Set<string>>();
  #changedCount = 0;

  /** Takes the next piece of the export. */
  see(piece: string | Uint8Array): void {
    const text = typeof piece === 'string' ? piece : this.#decoder.decode(piece, { stream: true });
    // Counting only: a cell's text is sliced from the piece where a value is wanted, never built
    // a character at a time (300,000 rows, 107 MB, took 1.3 s so).
    this.#from = 0;
    // The next row's end (its CR, or its LF alone) at or after where it was looked for.
    let line = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.#quoted) {
        if (this.#quote) {
          this.#quote = false;
          if (code === 0x22) {
            this.#length++;
            continue;
          }
          this.#quoted = false;
          // Falls through: the character after a closing quote is a comma or a row's end.
        } else {
          if (code === 0x22) {
            this.#quote = true;
            continue;
          }
          // To the next quote at once: a quoted cell is most of a row (the sentence).
          const next = text.indexOf('"', i + 1);
          const end = next < 0 ? text.length : next;
          this.#length += end - i;
          i = end - 1;
          continue;
        }
      }
      if (code === 0x2c) this.#endCell(text, i);
      else if (code === 0x0a) {
        this.#endCell(text, i);
        this.#endRow();
      } else if (code === 0x22 && this.#length === 0) {
        this.#quoted = true;
        this.#wasQuoted = true;
        this.#from = i + 1;
        this.#carry = '';
      } else if (code !== 0x0d && !(code === 0xfeff && this.#row === 0 && this.#column === 0)) {
        // CR is the first of a row's CRLF; U+FEFF at the start `--bom`'s. An unquoted cell holds
        // no quote or line break: to its comma, or to the row's end, at once.
        if (line <= i) line = newline(text, i);
        let comma = text.indexOf(',', i);
        if (comma < 0) comma = text.length;
        const end = Math.min(comma, line);
        this.#length += end - i;
        i = end - 1;
      }
    }
    if (this.#carry.length < 80) this.#carry += text.slice(this.#from, this.#from + 80);
  }

  /** The cell that ends at `end` of `text`, as it reads in a spreadsheet (its start only). */
  #value(text: string, end: number): string {
    const raw = (this.#carry + text.slice(this.#from, end))
      .replace(/^\uFEFF/, '')
      .replace(/\r$/, '');
    return this.#wasQuoted ? raw.replace(/"$/, '').replace(/""/g, '"') : raw;
  }

  #endCell(text: string, end: number): void {
    const name = this.#row === 0 ? '' : (this.#header[this.#column] ?? '');
    if (this.#row === 0) this.#header.push(this.#value(text, end));
    else {
      if (name === 'article') this.#article = this.#value(text, end).slice(0, 64);
      if (this.#length > CELL_LIMIT) this.#rowLong = true;
      if (
        this.#length <= 40 &&
        this.#length > 0 &&
        !OWN_VALUES.has(name) &&
        mayChange(this.#carry.charCodeAt(0) || text.charCodeAt(this.#from))
      ) {
        const value = this.#value(text, end);
        if (changedBySpreadsheets(value)) {
          this.#changedCount++;
          const values = this.#changed.get(name) ?? new Set<string>();
          if (values.size < NAMED) values.add(value);
          this.#changed.set(name, values);
        }
      }
    }
    this.#column++;
    this.#length = 0;
    this.#from = end + 1;
    this.#carry = '';
    this.#wasQuoted = false;
  }

  #endRow(): void {
    if (this.#rowLong) {
      this.#longRows++;
      // Rows as a spreadsheet numbers them: the header is row 1.
      if (this.#long.length < NAMED)
        this.#long.push({ row: this.#row + 1, article: this.#article });
    }
    this.#rowLong = false;
    this.#row++;
    this.#column = 0;
    this.#article = '';
  }

  /** One line for each thing found, for the command to say. */
  notices(): string[] {
    const notices: string[] = [];
    if (this.#longRows > 0) {
      const named = this.#long
        .map(({ row, article }) => `row ${row} (article ${JSON.stringify(article)})`)
        .join(', ');
      const more =
        this.#longRows > this.#long.length ? ` and ${this.#longRows - this.#long.length} more` : '';
      notices.push(
        `${this.#longRows} row${this.#longRows === 1 ? ' holds' : 's hold'} a cell longer than ${CELL_LIMIT.toLocaleString('en-US')} characters, which Excel cuts without a word: ${named}${more}; jsonl keeps every cell whole`,
      );
    }
    if (this.#changedCount > 0) {
      const shown = [...this.#changed]
        .map(([column, values]) => `${[...values].join(', ')} in ${column}`)
        .join('; ');
      notices.push(
        `${this.#changedCount} value${this.#changedCount === 1 ? '' : 's'} a spreadsheet reads as a number or a date and saves back changed (${shown}): open the file as text, see "In a spreadsheet" in docs/readme/export.md`,
      );
    }
    return notices;
  }
}
