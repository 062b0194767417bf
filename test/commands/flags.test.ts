import meow from 'meow';
import { describe, expect, it } from 'vitest';
import { plainFlags } from '../../source/commands/flags.js';
import { separateFreeText } from '../../source/commands/free-text.js';
import { commands } from '../../source/commands/index.js';

/** What meow makes of a command line: the oracle the fast parser must agree with. */
function byMeow(argv: string[], flags: Parameters<typeof plainFlags>[1]) {
  const cli = meow('Usage', { importMeta: import.meta, argv, flags, allowUnknownFlags: false });
  return { input: cli.input, flags: cli.flags };
}

const LINES: Record<string, string[][]> = {
  search: [
    ['Witkoff'],
    ['--json', '--limit', '5', 'Putin', '-Zelensky', '"a phrase"'],
    ['-n', '3', '--corpus=articles', 'label:quote'],
    ['--store', 'st', '--annotator', 'bob', '--', '--json', '12'],
    ['-c', 'x', '-s', 'y', 'ceasefire', '0x10', '1e3'],
  ],
  list: [[], ['--json'], ['--corpus', ''], ['-c', 'dir', '--project', 'p.json']],
  export: [
    ['--format', 'csv', '--label', 'claim', '--label', 'quote', '--bom'],
    ['--format=jsonl', '--annotator-ids', 'ids.json', '--story', '-o', 'out.jsonl'],
    ['--format', 'brat', '--annotatorIds', 'ids.json', '--status', 'done', '--raw'],
  ],
  review: [[], ['--no-suggestions', '--compare'], ['--annotator', 'alice', '-c', 'seeds']],
  story: [['--min-sources', '3', '--label', 'quote', '--json']],
  stats: [['--json', '-s', 'annotations']],
};

describe('plainFlags', () => {
  for (const [name, lines] of Object.entries(LINES)) {
    it(`reads ${name}'s plain command lines as meow does`, async () => {
      const command = await commands[name]!();
      for (const raw of lines) {
        const line = command.freeText ? separateFreeText(raw, command.flags) : raw;
        const parsed = plainFlags(line, command.flags);
        expect(parsed, JSON.stringify(raw)).not.toBeNull();
        expect(parsed, JSON.stringify(raw)).toEqual(byMeow(line, command.flags));
      }
    });
  }

  it('leaves to meow what it prints or refuses, and forms it does not read', async () => {
    const { flags } = await commands.export!();
    for (const line of [
      ['--help'],
      ['--version'],
      ['--out', 'a', '--out', 'b'],
      ['--format'],
      ['--json=true'],
      ['--bom=false'],
      ['--no-format'],
      ['-o5'],
      ['-5'],
      ['--out', '-x'],
    ]) {
      expect(plainFlags(line, flags), JSON.stringify(line)).toBeNull();
    }
  });
});
