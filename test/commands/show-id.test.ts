import { realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../source/commands/index.js';
import { main } from '../../source/commands/main.js';
import { captureIO } from '../corpus/capture-io.js';

const scratch = await mkdtemp(join(tmpdir(), 'margin-show-id-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

beforeAll(async () => {
  await mkdir(join(scratch, 'articles', 'wire'), { recursive: true });
  await writeFile(join(scratch, 'margin.json'), JSON.stringify({ corpus: 'articles' }));
  await writeFile(
    join(scratch, 'articles', '900_emoji.md'),
    '# Émoji test\n\nThe family 👩‍👩‍👧 went to Kyiv. They came back.\n',
  );
  await writeFile(join(scratch, 'articles', 'wire', 'a1.txt'), 'Talks resume on Monday.\n');
  await writeFile(join(scratch, 'private.txt'), 'aws_secret_access_key = hunter2\n');
  await symlink(join(scratch, 'private.txt'), join(scratch, 'articles', 'notes.txt'));
  await symlink('900_emoji.md', join(scratch, 'articles', 'copy.md'));
  await mkdir(join(scratch, 'home', 'Documents'), { recursive: true });
  await writeFile(join(scratch, 'home', 'Documents', 'taxes.txt'), 'Income 2025: 84,000.\n');
  await symlink(join(scratch, 'home'), join(scratch, 'articles', 'home'));
});

async function show(...args: string[]) {
  const captured = captureIO(scratch, {});
  const about = { version: '0.0.0', description: 'margin' };
  const status = await main(['show', ...args], captured.io, about, commands);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

// qa53 #10: `margin list` printed 900_emoji, and `margin show 900_emoji` said "no such file".
describe('margin show ID', () => {
  it('shows the article of the corpus whose id margin list prints', async () => {
    const result = await show('900_emoji', '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const article = JSON.parse(result.stdout);
    expect(article.id).toBe('900_emoji');
    expect(article.path).toBe(join('articles', '900_emoji.md'));
    expect(article.text).toContain('The family 👩‍👩‍👧 went to Kyiv.');
    const nested = await show('wire/a1');
    expect(nested.status).toBe(0);
    expect(nested.stdout).toContain('Talks resume on Monday.');
  });

  it('refuses an id whose file links out of the corpus, and shows one that links inside', async () => {
    // qa58 #9: a corpus from others may carry `notes.txt -> ~/.aws/credentials`.
    const result = await show('notes');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `margin show: ${join('articles', 'notes.txt')}: a link to a file outside the corpus folder (${realpathSync(join(scratch, 'private.txt'))}); not read\n`,
    );
    // Through a linked folder too, which the folder walk never enters but a typed id does.
    const through = await show('home/Documents/taxes');
    expect(through.status).toBe(1);
    expect(through.stdout).toBe('');
    expect(through.stderr).toContain('a link to a file outside the corpus folder');
    const inside = await show('copy');
    expect(inside.status).toBe(0);
    expect(inside.stdout).toContain('The family 👩‍👩‍👧 went to Kyiv.');
  });

  it('still says no such file for a name that is neither a file nor an id', async () => {
    const result = await show('901_nothing');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('margin show: 901_nothing: no such file\n');
    expect((await show('../articles/900_emoji')).status).toBe(2);
  });
});
