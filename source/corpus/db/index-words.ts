import { figureMarks } from '../../text/figures.js';
import { sentenceWords } from '../../text/fold.js';

/**
 * The words a sentence is indexed by: its words (`sentenceWords`), then the marks of its signed
 * figures (`$5`, `%20`), which only a signed figure of a query looks up. Marks are no words of the
 * sentence: a phrase is found in `sentenceWords` alone.
 */
export function indexWords(text: string): string[] {
  const own = sentenceWords(text);
  const marks = figureMarks(text);
  if (marks.length === 0) return own;
  for (const mark of marks) own.push(mark);
  return own;
}
