import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command as list } from '../../source/commands/list.js';
import { oneLine, oneName } from '../../source/text/untrusted.js';
import { run, useWorkspace } from '../export/workspace.js';

describe('a name shown on one line', () => {
  const workspace = useWorkspace({ indexedCorpus: true });

  it('escapes a line break or tab as other controls are, so two names never look alike', () => {
    expect(oneName('nl\nname')).toBe('nl\\nname');
    expect(oneName('nl name')).toBe('nl name');
    expect(oneName('a\r\nb\tc\x1bd')).toBe('a\\r\\nb\\tc\\u001bd');
    // Text (a title) is still one line with its runs of space as one.
    expect(oneLine('nl\nname')).toBe('nl name');
  });

  it('lists two articles whose names differ by a newline or a space apart', async () => {
    const dir = await workspace();
    const corpus = join(dir, 'two');
    await mkdir(corpus);
    const text = 'One sentence here. Another sentence there.\n';
    await writeFile(join(corpus, 'nl\nname.txt'), text);
    await writeFile(join(corpus, 'nl name.txt'), text);
    const result = await run(list, dir, [], { corpus: 'two', json: false });
    const ids = result.stdout
      .split('\n')
      .slice(1, 3)
      .map((line) => line.split(/\s{2,}/)[0]);
    expect(ids.sort()).toEqual(['nl name', 'nl\\nname']);
  });
});
