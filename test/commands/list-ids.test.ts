import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import stringWidth from '../../source/text/string-width.js';
import { runMargin } from '../helpers/built-cli.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-list-ids-'));
  await mkdir(join(dir, 'corpus'));
  // Ids (file names) holding a VS16, a skin tone and a ZWJ sequence.
  const files = ['heart\u2764\ufe0f', 'thumb\u{1f44d}\u{1f3fd}', 'fam\u{1f468}\u200d\u{1f469}'];
  for (const [at, name] of files.entries()) {
    await writeFile(
      join(dir, 'corpus', `${name}.txt`),
      `Title ${at}\n\nThe talks resumed on Friday.\n`,
    );
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('margin list prints each id whole, as --json gives it (escaped as every command escapes names)', async () => {
  const table = await runMargin(dir, ['list', '-c', 'corpus']);
  const json = await runMargin(dir, ['list', '-c', 'corpus', '--json']);
  const ids = (JSON.parse(json.stdout) as Array<{ id: string }>).map((each) => each.id);
  expect(ids).toEqual([
    'fam\u{1f468}\u200d\u{1f469}',
    'heart\u2764\ufe0f',
    'thumb\u{1f44d}\u{1f3fd}',
  ]);
  const rows = table.stdout.trimEnd().split('\n').slice(1);
  expect(rows.map((row) => row.split('  ')[0])).toEqual([
    'fam\u{1f468}\\u200d\u{1f469}',
    'heart\u2764\ufe0f',
    'thumb\u{1f44d}\u{1f3fd}',
  ]);
  // Every title starts in one column, as the ids' widths are counted.
  const columns = rows.map((row) => stringWidth(row.slice(0, row.indexOf('Title '))));
  expect(new Set(columns).size).toBe(1);
});
