import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
    try {
      // `wx`: refuse rather than replace a codebook someone wrote by hand.
      await writeFile(path, defaultProjectText(DEFAULT_LABELS), { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      output.problem(
        code === 'EEXIST'
          ? `${PROJECT_FILE} already exists here; margin init leaves it as it is`
          : `${PROJECT_FILE} cannot be written here (${code ?? String(error)})`,
      );
      return output.status();
    }
    output.say(`wrote ${PROJECT_FILE}: edit its labels and keys, then run margin`);
    return output.status();
  },
};
