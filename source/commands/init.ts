import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ioReason } from '../corpus/io-reason.js';
import { defaultProjectText, PROJECT_FILE } from '../project/schema.js';
import { DEFAULT_LABELS } from '../store/labels.js';
import type { Command } from './command.js';

export const command: Command = {
  name: 'init',
  summary: `Write a project file (${PROJECT_FILE}) with margin's defaults into this folder`,
  usage: `init

Writes ${PROJECT_FILE} here: the corpus and store folders, the labels with their keys, colours,
letters, descriptions and attributes, and key overrides, ready to edit into your own codebook.
Every margin command run in this folder or one below it then uses it. An existing
${PROJECT_FILE} is never overwritten.`,
  flags: {},
  async run(_input, _flags, io, output) {
    const path = join(io.cwd, PROJECT_FILE);
    // margin's own default folder when it is here; else a name to fill, said below, rather than
    // a `seeds` every command would then refuse as missing.
    const seeds = await isFolder(join(io.cwd, 'seeds'));
    const corpus = seeds ? 'seeds' : 'articles';
    const articles = seeds || (await isFolder(join(io.cwd, corpus)));
    try {
      // `wx`: refuse rather than replace a codebook someone wrote by hand.
      await writeFile(path, defaultProjectText(DEFAULT_LABELS, corpus), { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      output.problem(
        code === 'EEXIST'
          ? `${PROJECT_FILE} already exists here; margin init leaves it as it is`
          : `${PROJECT_FILE} cannot be written here: ${ioReason(error, 'folder')}`,
      );
      return output.status();
    }
    output.say(`wrote ${PROJECT_FILE}: edit its labels and keys, then run margin`);
    if (!articles) {
      output.say(
        `its "corpus" is "${corpus}", which is not here yet: put the articles there, or edit "corpus" to name their folder`,
      );
    }
    return output.status();
  },
};

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
