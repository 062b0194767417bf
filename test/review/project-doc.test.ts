import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { withGuidelines } from '../../source/review/guidelines.js';
import { KEYMAP } from '../../source/review/keymap.js';
import { overridableActions } from '../../source/review/project.js';

const PROJECT_DOC = readFileSync(
  new URL('../../docs/readme/project.md', import.meta.url),
  'utf8',
).replace(/\s+/g, ' ');

// qa51 #11: the list named guidelines/toggle alone of the panels' keys, and not the suggestion
// and story actions the program takes, so a label on `o` met "already the key of story/open".
it("lists in project.md exactly the actions margin.json's keys can change, in the keymap's order", () => {
  const start = PROJECT_DOC.indexOf('Actions that take an override');
  const end = PROJECT_DOC.indexOf("A label's key is set on the label", start);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  // The paragraph's own words in backticks are actions; the file names and examples are not.
  const listed = [...PROJECT_DOC.slice(start, end).matchAll(/`([a-z-]+(?:\/[a-z-]+)?)`/g)]
    .map((match) => match[1]!)
    .filter((name) => name !== 'guidelines');
  expect(listed).toEqual(overridableActions(withGuidelines(KEYMAP)));
  // The one that needs guidelines is said to.
  const withoutThem = overridableActions(KEYMAP);
  expect(listed.filter((name) => !withoutThem.includes(name))).toEqual(['guidelines/toggle']);
  expect(PROJECT_DOC).toContain('`guidelines/toggle` (only when `guidelines` is set');
});
