import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../source/commands/index.js';
import { main } from '../../source/commands/main.js';
import { captureIO } from '../corpus/capture-io.js';

const scratch = await mkdtemp(join(tmpdir(), 'margin-relabel-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('margin relabel to a name a query reserves', () => {
  // qa50: after `margin relabel event none`, `label:none` found the untagged sentences, never
  // the team's label.
  it('refuses "none" in one line, in any case, and writes nothing', async () => {
    const store = join(scratch, 'annotations');
    await mkdir(join(store, 'ana'), { recursive: true });
    const captured = captureIO(scratch, { MARGIN_ANNOTATOR: 'ana' });
    const about = { version: '0.0.0', description: 'margin' };
    const status = await main(
      ['relabel', 'event', 'None', '--store', store],
      captured.io,
      about,
      commands,
    );
    expect(status).toBe(2);
    expect(captured.stderr()).toBe(
      'margin relabel: "None" reads as label:none in a query, the sentences nobody has labelled: name it otherwise\n',
    );
    expect(await readdir(join(store, 'ana'))).toEqual([]);
  });
});
