import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../source/commands/command.js';
import { loadProject } from '../../source/commands/project.js';
import { watchProjectFile } from '../../source/commands/project-watch.js';

const scratch = await mkdtemp(join(tmpdir(), 'margin-project-watch-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('the project file watched during a review', () => {
  it('tells of a new text put in its place (a git pull), not of the same text written again', async () => {
    const file = join(scratch, 'margin.json');
    const text = '{"labels": [{"name": "opinion", "key": "4", "colour": "blue", "letter": "O"}]}\n';
    await writeFile(file, text);
    const told: string[] = [];
    let heard: () => void = () => undefined;
    const stop = watchProjectFile(file, text, (how) => {
      told.push(how);
      heard();
    });
    try {
      // The same text again (an editor saving without a change) is no change: given the time
      // the watcher takes to look (its debounce and more), it has said nothing. Looked at in the
      // same window as the rename below, it could not have told the two apart.
      await writeFile(file, text);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(told).toEqual([]);
      const next = new Promise<void>((resolve) => {
        heard = resolve;
      });
      // As git writes it: a new file renamed over the old one.
      await writeFile(join(scratch, 'margin.json.tmp'), text.replace('opinion', 'satire'));
      await rename(join(scratch, 'margin.json.tmp'), file);
      await next;
      expect(told).toEqual(['changed']);
    } finally {
      stop();
    }
  });

  it('tells of a change made after the project was read and before the watch began', async () => {
    const folder = await mkdtemp(join(scratch, 'race-'));
    const file = join(folder, 'margin.json');
    await writeFile(
      file,
      '{"labels": [{"name": "opinion", "key": "4", "colour": "blue", "letter": "O"}]}\n',
    );
    const context = await loadProject({}, { cwd: folder, env: {} } as CommandIO);
    // A git pull between the review's reading of the project and its watching of the file.
    await writeFile(
      file,
      '{"labels": [{"name": "satire", "key": "4", "colour": "blue", "letter": "S"}]}\n',
    );
    let stop: () => void = () => undefined;
    const told = await new Promise<string>((resolve) => {
      stop = watchProjectFile(file, context.text ?? '', resolve);
    });
    stop();
    expect(told).toBe('changed');
  });
});
